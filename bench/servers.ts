import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Position } from 'vscode-languageserver-protocol';
import { LspStdioClient, SERVER_BIN } from '../test/support/lsp-stdio-client.js';
import { SCHEMA_FILE } from './workspaces.js';

/** A one-line edit: the text between `start` and `end` on `line` (a credential's title). */
export interface EditTarget {
    readonly line: number;
    readonly start: number;
    readonly end: number;
    readonly original: string;
}

/** A language server under test, and where in its format an editor would edit and complete. */
export interface ServerUnderTest {
    readonly id: 'mcred' | 'yaml';
    readonly label: string;
    /** The format of the files it reads (`Workspace.mcred` or `Workspace.yaml`). */
    readonly format: 'mcred' | 'yaml';
    start(): LspStdioClient;
    /** The title of a credential near the middle of the file. */
    editTarget(text: string): EditTarget;
    /** A string value of a shared (provider) file that nothing validates: its region. */
    regionTarget(text: string): EditTarget;
    /** `count` cursor positions near the middle: a controlled value and the start of a property. */
    completionPositions(text: string, count: number): Position[];
}

function findLines(text: string, pattern: RegExp): Array<{ line: number; match: RegExpExecArray }> {
    const found: Array<{ line: number; match: RegExpExecArray }> = [];
    text.split('\n').forEach((content, line) => {
        const match = pattern.exec(content);
        if (match) found.push({ line, match });
    });
    return found;
}

function middle<T>(items: T[]): T {
    if (items.length === 0) throw new Error('bench: no edit target in the file');
    return items[Math.floor(items.length / 2)];
}

/** The quoted string captured by group 1 of `pattern` on the middle matching line. */
function quotedTarget(text: string, pattern: RegExp): EditTarget {
    const { line, match } = middle(findLines(text, pattern));
    const start = match.index + match[0].indexOf('"') + 1;
    return { line, start, end: start + match[1].length, original: match[1] };
}

function spread<T>(items: T[], count: number): T[] {
    // Positions from the middle third of the file, evenly spaced, cycling when there are few.
    const from = Math.floor(items.length / 3);
    const pool = items.slice(from, Math.max(from + 1, Math.floor((2 * items.length) / 3)));
    return Array.from({ length: count }, (_, i) => pool[Math.floor((i * pool.length) / count) % pool.length]);
}

function positions(text: string, count: number, value: RegExp, valueColumn: number, property: RegExp): Position[] {
    const values = spread(findLines(text, value), Math.ceil(count / 2)).map(({ line }) => ({ line, character: valueColumn }));
    const properties = spread(findLines(text, property), Math.floor(count / 2)).map(({ line }) => ({ line, character: 4 }));
    return values.flatMap((v, i) => (properties[i] ? [v, properties[i]] : [v]));
}

export const MCRED_SERVER: ServerUnderTest = {
    id: 'mcred',
    label: 'mcred-language-server',
    format: 'mcred',
    // Declares `window.workDoneProgress`, as VS Code does: the workspace index reports its progress.
    start: () => LspStdioClient.start([process.execPath, SERVER_BIN, '--stdio'], { languageId: 'mcred', workDoneProgress: true }),
    editTarget: text => quotedTarget(text, /^ {4}title "((?!Pathway)[^"]+)"$/),
    regionTarget: text => quotedTarget(text, /^ {4}region "([^"]+)"$/),
    // `participation |blended` (a controlled value) and `|setting non-formal` (a property keyword).
    completionPositions: (text, count) => positions(text, count, /^ {4}participation \w/, 18, /^ {4}setting /)
};

export const YAML_SERVER: ServerUnderTest = {
    id: 'yaml',
    label: 'yaml-language-server',
    format: 'yaml',
    start: () => LspStdioClient.start([process.execPath, path.resolve('node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'], {
        languageId: 'yaml',
        settings: {
            yaml: {
                validate: true,
                completion: true,
                hover: true,
                // Offline: no schema store; the catalogue schema is given explicitly.
                schemaStore: { enable: false },
                schemas: { [pathToFileURL(SCHEMA_FILE).href]: ['*.yaml'] }
            },
            http: {},
            editor: {}
        }
    }),
    editTarget: text => quotedTarget(text, /^ {4}title: "((?!Pathway)[^"]+)"$/),
    regionTarget: text => quotedTarget(text, /^ {4}region: "([^"]+)"$/),
    // `participation: |"online"` and `|setting: "non-formal"`.
    completionPositions: (text, count) => positions(text, count, /^ {4}participation: "/, 19, /^ {4}setting: /)
};

export const SERVERS: readonly ServerUnderTest[] = [MCRED_SERVER, YAML_SERVER];
