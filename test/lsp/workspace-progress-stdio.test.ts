import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { multiFileWorkspace, renderMcred } from '../../bench/workspace-model.js';
import { LspStdioClient, type ProgressEvent } from '../support/lsp-stdio-client.js';

/**
 * While the server indexes the workspace folder, the editor shows a progress notification
 * (`window/workDoneProgress`): the server creates a token, then sends begin, reports and end, and
 * the end comes once every file of the folder is indexed, also when the first opened file cancels
 * the initial build.
 */
const COUNT = 200;
let folder: string;
let files: Array<{ uri: string; text: string }>;

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-progress-'));
    files = multiFileWorkspace(COUNT, 3).map(({ name, file }) => {
        const full = path.join(folder, `${name}.mcred`);
        const text = renderMcred(file);
        writeFileSync(full, text);
        return { uri: pathToFileURL(full).href, text };
    });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function ended(client: LspStdioClient): Promise<ProgressEvent> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no progress end within 60 s: ${JSON.stringify(client.progress)}`)), 60_000);
        client.onProgress(event => {
            if (event.kind === 'end') {
                clearTimeout(timer);
                resolve(event);
            }
        });
    });
}

/** The progress of one token, in order: create, begin, reports with growing percentages, end. */
function expectOneProgress(events: readonly ProgressEvent[]): void {
    const tokens = new Set(events.map(e => e.token));
    expect(tokens.size).toBe(1);
    const kinds = events.map(e => e.kind);
    expect(kinds[0]).toBe('create');
    expect(kinds[1]).toBe('begin');
    expect(kinds.at(-1)).toBe('end');
    expect(kinds.slice(2, -1).every(kind => kind === 'report')).toBe(true);
    const begin = events[1];
    expect(begin).toMatchObject({ kind: 'begin', title: 'Indexing .mcred files', cancellable: false });
    expect(begin.kind === 'begin' && begin.message).toMatch(new RegExp(`/${COUNT} files`));
    const percentages = events.flatMap(e => (e.kind === 'report' && e.percentage !== undefined ? [e.percentage] : []));
    expect(percentages.length).toBeGreaterThan(0);
    expect(percentages.every((p, i) => p >= 0 && p <= 100 && (i === 0 || p >= percentages[i - 1]))).toBe(true);
}

test(`indexing a folder of ${COUNT} files shows a progress from begin to end`, async () => {
    const client = LspStdioClient.start(undefined, { workDoneProgress: true });
    try {
        const end = ended(client);
        await client.initialize(pathToFileURL(folder).href);
        await end;
        // Nothing more comes after the end.
        await new Promise(resolve => setTimeout(resolve, 300));
        expectOneProgress(client.progress);
    } finally {
        await client.shutdown();
    }
}, 90_000);

test('the progress ends when a file opened at once cancels the initial build, once every file is indexed', async () => {
    const client = LspStdioClient.start(undefined, { workDoneProgress: true });
    try {
        const end = ended(client);
        const everyFile = new Promise<number>(resolve => {
            const pending = new Set(files.map(f => f.uri));
            client.onDiagnostics(params => {
                pending.delete(params.uri);
                if (pending.size === 0) resolve(performance.now());
            });
        });
        await client.initialize(pathToFileURL(folder).href);
        const pathway = files.findLast(f => f.uri.includes('/pathway-'))!;
        await client.sendOpen(pathway.uri, pathway.text);
        const endEvent = await end;
        const lastDiagnosticsAt = await everyFile;
        expectOneProgress(client.progress);
        // The index is built before the workspace is validated: the end comes before the last diagnostics.
        expect(endEvent.at).toBeLessThanOrEqual(lastDiagnosticsAt);
    } finally {
        await client.shutdown();
    }
}, 90_000);

test('a server started without a workspace folder shows no progress', async () => {
    const client = LspStdioClient.start(undefined, { workDoneProgress: true });
    try {
        await client.initialize();
        const [file] = files;
        await client.open(file.uri, file.text);
        expect(client.progress).toEqual([]);
    } finally {
        await client.shutdown();
    }
}, 90_000);
