import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DefaultLangiumDocumentFactory, DocumentState, EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMcredServices, type McredServiceOverrides } from '../language-server/mcred-module.js';
import type { McredDocumentBuilder } from '../language-server/workspace/mcred-document-builder.js';
import type { McredDocumentFactory } from '../language-server/workspace/mcred-document-factory.js';
import { MCRED_SERVER } from './servers.js';
import { generateWorkspaces } from './workspaces.js';

/**
 * Where an edit's time goes on a warm server (in-process, the editor's path: the open buffer
 * changes, the document builder updates it): one line of a large file, a credential's title
 * emptied and restored, as the single-file scenario of the benchmark does over stdio.
 */
export interface EditPhases {
    /** CPU milliseconds of the process per phase (medians over the edits; less sensitive to a busy machine than wall time). */
    readonly parse: number;
    readonly index: number;
    readonly link: number;
    readonly validate: number;
    readonly total: number;
    /** Wall-clock milliseconds from the change to the end of validation (median). */
    readonly wall: number;
    /** How many of the edits were parsed incrementally (the rest in full). */
    readonly incremental: number;
    readonly edits: number;
}

const PHASES: Array<[DocumentState, 'parse' | 'index' | 'link' | 'validate']> = [
    [DocumentState.Parsed, 'parse'],
    [DocumentState.IndexedContent, 'index'],
    [DocumentState.ComputedScopes, 'index'],
    [DocumentState.Linked, 'link'],
    [DocumentState.IndexedReferences, 'index'],
    [DocumentState.Validated, 'validate']
];

function cpuMs(): number {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function editPhases(file: string, edits: number, overrides?: McredServiceOverrides): Promise<EditPhases> {
    const text = readFileSync(file, 'utf8');
    const target = MCRED_SERVER.editTarget(text);
    const lines = text.split('\n');
    const emptied = [...lines];
    emptied[target.line] = lines[target.line].slice(0, target.start) + lines[target.line].slice(target.end);
    const texts = [emptied.join('\n'), text];

    const { shared } = createMcredServices(EmptyFileSystem, overrides);
    await shared.workspace.WorkspaceManager.initialized({});
    const builder = shared.workspace.DocumentBuilder as McredDocumentBuilder;
    const factory = shared.workspace.LangiumDocumentFactory as Partial<McredDocumentFactory>;
    const uri = URI.file('/bench/edited.mcred');
    let version = 0;
    const times: Record<'parse' | 'index' | 'link' | 'validate', number> = { parse: 0, index: 0, link: 0, validate: 0 };
    let last = 0;
    const listeners = PHASES.map(([state, phase]) => builder.onBuildPhase(state, () => {
        const now = cpuMs();
        times[phase] += now - last;
        last = now;
    }));
    const set = async (content: string) => {
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'mcred', ++version, content));
        last = cpuMs();
        builder.scheduleUpdate([uri], []);
        await builder.settled();
    };
    await set(text);
    // Warm-up: a few edits before measuring.
    for (let i = 0; i < 4; i++) await set(texts[i % 2]);
    const samples: Array<Record<string, number>> = [];
    const before = factory.parses?.incremental ?? 0;
    for (let i = 0; i < edits; i++) {
        Object.assign(times, { parse: 0, index: 0, link: 0, validate: 0 });
        const start = performance.now();
        const startCpu = cpuMs();
        let validated = start;
        const done = builder.onBuildPhase(DocumentState.Validated, () => { validated = performance.now(); });
        // The scheduling delay (a couple of turns of the event loop) counts towards the parse phase.
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'mcred', ++version, texts[i % 2]));
        builder.scheduleUpdate([uri], []);
        last = startCpu;
        await builder.settled();
        done.dispose();
        samples.push({ ...times, total: times.parse + times.index + times.link + times.validate, wall: validated - start });
    }
    listeners.forEach(listener => listener.dispose());
    const pick = (key: string) => median(samples.map(sample => sample[key]));
    return {
        parse: pick('parse'), index: pick('index'), link: pick('link'), validate: pick('validate'), total: pick('total'), wall: pick('wall'),
        incremental: (factory.parses?.incremental ?? 0) - before, edits
    };
}

/**
 * `node scripts/bench.mjs --entry bench/incremental.ts [--sizes 10000,50000] [--edits 9] [--full]`:
 * the edit phases alone (`--full`: also with Langium's document factory, which parses every edit in full).
 */
export async function main(args: string[]): Promise<number> {
    const { values } = parseArgs({ args, options: { sizes: { type: 'string' }, edits: { type: 'string' }, full: { type: 'boolean' } } });
    const sizes = (values.sizes ?? '10000,50000').split(',').map(Number);
    const edits = Number(values.edits ?? 9);
    for (const workspace of generateWorkspaces({ sizes, counts: [] })) {
        if (values.full) {
            const langium: McredServiceOverrides = { shared: { workspace: { LangiumDocumentFactory: s => new DefaultLangiumDocumentFactory(s) } } };
            const full = await editPhases(workspace.mcred[0], edits, langium);
            process.stdout.write(`${workspace.id} full parse:  ${formatPhases(full)}\n`);
        }
        process.stdout.write(`${workspace.id} incremental: ${formatPhases(await editPhases(workspace.mcred[0], edits))}\n`);
    }
    return 0;
}

export function formatPhases(phases: EditPhases): string {
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    return `wall ${ms(phases.wall)}, CPU ${ms(phases.total)} (parse ${ms(phases.parse)}, index ${ms(phases.index)}, link ${ms(phases.link)}, validate ${ms(phases.validate)}); `
        + `${phases.incremental}/${phases.edits} edits parsed incrementally`;
}
