import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ExecuteCommandRequest, WorkDoneProgressCancelNotification, WorkDoneProgressCreateRequest } from 'vscode-languageserver-protocol/node';
import type { ExportCommandResult } from '../../language-server/protocol.js';
import { MANIFEST } from '../../language-server/workspace/export-set-writer.js';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

/**
 * Finding 7: a large editor export travelled as one message (a 20,000-learner ELM export was
 * one 429 MB JSON-RPC response; the server peaked at 1.44 GB). Now the Node server writes the
 * files itself into the folder the editor names (`outFolder`), with the writer of `mcred export`,
 * answers with a summary, and reports its progress (`window/workDoneProgress`) over 500
 * credentials. MCRED_STREAM_LEARNERS sets the roster's size (the acceptance run is
 * `MCRED_STREAM_LEARNERS=20000 npx vitest run test/robustness/editor-export-streaming.test.ts`,
 * which prints the server's peak RSS); `npm test` exports 1,200 learners.
 */
const LEARNERS = Number(process.env['MCRED_STREAM_LEARNERS'] ?? '1200');
/** The bound of the issue (20,000 learners under 300 MB); the server's own baseline is about 100 MB. */
const PEAK_RSS_BOUND = 300 * 2 ** 20;
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8')
    .replace(/ {4}learner "Jane Doe"[^\n]*\n {4}learner "Kim Lee"[^\n]*\n/, '    roster "learners.csv"\n');
const CLI = path.resolve('bin/mcred.cjs');
let folder: string;

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-streaming-'));
    writeFileSync(path.join(folder, 'p.mcred'), EXAMPLE);
    const rows = ['name,id,grade'];
    for (let i = 0; i < LEARNERS; i++) rows.push(`Learner ${i},urn:example:learner:${i},pass`);
    writeFileSync(path.join(folder, 'learners.csv'), rows.join('\n') + '\n');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }), 120_000);

/** The peak resident set of a process (Linux), in bytes; undefined elsewhere. */
function peakRss(pid: number): number | undefined {
    const status = existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
}

test(`an ELM export of ${LEARNERS} learners: the server writes the files, answers with a summary, reports progress, memory bounded`, async () => {
    const client = LspStdioClient.start(undefined, { workDoneProgress: true });
    const created: unknown[] = [];
    // Progress by token: the workspace's indexing has its own; the export's begins with "Exporting".
    const byToken = new Map<unknown, Array<{ kind: string; title?: string; percentage?: number; message?: string }>>();
    client.connection.onRequest(WorkDoneProgressCreateRequest.type, params => {
        created.push(params.token);
    });
    client.connection.onNotification('$/progress', (params: { token: unknown; value: { kind: string; title?: string; percentage?: number; message?: string } }) => {
        expect(created).toContain(params.token);
        byToken.set(params.token, [...byToken.get(params.token) ?? [], params.value]);
    });
    const out = path.join(folder, 'editor');
    try {
        await client.initialize(pathToFileURL(folder).href);
        const started = performance.now();
        const result = await client.connection.sendRequest(ExecuteCommandRequest.type, {
            command: 'mcred.export',
            arguments: [{ uri: pathToFileURL(path.join(folder, 'p.mcred')).href, format: 'elm', cohort: 'Spring2026', outFolder: pathToFileURL(out).href }]
        }) as ExportCommandResult;
        const seconds = (performance.now() - started) / 1000;
        const peak = peakRss(client.pid);
        console.log(`editor export of ${LEARNERS} ELM credentials: ${seconds.toFixed(1)} s, answer ${JSON.stringify(result).length} characters, `
            + `server peak RSS ${peak === undefined ? 'unknown' : `${(peak / 2 ** 20).toFixed(0)} MB`}`);

        expect(result).toMatchObject({ kind: 'written', count: LEARNERS, folder: pathToFileURL(out).href });
        if (result.kind !== 'written') return;
        expect(result.files).toHaveLength(Math.min(LEARNERS, 100));
        expect(JSON.stringify(result).length).toBeLessThan(20_000);
        const written = readdirSync(out).filter(name => name !== MANIFEST);
        expect(written).toHaveLength(LEARNERS);
        expect(written).toEqual(expect.arrayContaining([...result.files]));
        if (peak !== undefined) expect(peak).toBeLessThan(PEAK_RSS_BOUND);

        // One progress of the export, created by the server, from 0 to 100 %, then ended.
        const exports = [...byToken.values()].filter(events => events[0]?.title?.startsWith('Exporting'));
        expect(exports).toHaveLength(1);
        const [progress] = exports;
        expect(progress[0]).toMatchObject({ kind: 'begin', percentage: 0 });
        expect(progress.at(-1)).toEqual({ kind: 'end' });
        const percentages = progress.filter(p => p.kind === 'report').map(p => p.percentage ?? -1);
        expect(percentages.at(-1)).toBe(100);
        expect(percentages).toEqual([...percentages].sort((a, b) => a - b));
        expect(percentages.length).toBeLessThanOrEqual(101);
    } finally {
        await client.shutdown();
    }

    // The bytes are those of `mcred export` (manifest included).
    const cliOut = path.join(folder, 'cli');
    const cli = spawnSync(process.execPath, [CLI, 'export', path.join(folder, 'p.mcred'), '--format', 'elm', '--cohort', 'Spring2026', '--out', cliOut],
        { encoding: 'utf8', timeout: 300_000, maxBuffer: 256 * 2 ** 20 });
    expect(cli.status).toBe(0);
    const names = readdirSync(cliOut).sort();
    expect(readdirSync(out).sort()).toEqual(names);
    for (const name of names.filter((_, i) => i % Math.max(1, Math.floor(names.length / 50)) === 0)) {
        expect(readFileSync(path.join(out, name), 'utf8'), name).toBe(readFileSync(path.join(cliOut, name), 'utf8'));
    }
}, 900_000);

test('cancelling the progress stops the export: nothing is written, nothing is left beside the folder', async () => {
    const client = LspStdioClient.start(undefined, { workDoneProgress: true });
    client.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    let cancelled = false;
    const exportTokens = new Set<string | number>(); // not the workspace's indexing
    client.connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string; title?: string } }) => {
        if (params.value.kind === 'begin' && params.value.title?.startsWith('Exporting')) exportTokens.add(params.token);
        // Cancelled as soon as it begins: the files are written in turns of the server's event
        // loop, so the cancellation is seen between two files (Europass files, the slower ones,
        // leave it the widest window).
        if (exportTokens.has(params.token) && !cancelled) {
            cancelled = true;
            void client.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token: params.token });
        }
    });
    const out = path.join(folder, 'cancelled');
    try {
        await client.initialize(pathToFileURL(folder).href);
        const result = await client.connection.sendRequest(ExecuteCommandRequest.type, {
            command: 'mcred.export',
            arguments: [{ uri: pathToFileURL(path.join(folder, 'p.mcred')).href, format: 'elm', cohort: 'Spring2026', outFolder: pathToFileURL(out).href }]
        }) as ExportCommandResult;
        expect(cancelled).toBe(true);
        expect(result).toEqual({ kind: 'error', message: 'Cannot export: the export was cancelled; nothing was written.' });
        expect(existsSync(out)).toBe(false);
        expect(readdirSync(folder).filter(name => name.startsWith('.cancelled'))).toEqual([]);
    } finally {
        await client.shutdown();
    }
}, 300_000);

test('a small export reports no progress, and a refusal of the writer (the output folder is a file) writes nothing', async () => {
    const own = mkdtempSync(path.join(tmpdir(), 'mcred-streaming-small-'));
    const small = path.join(own, 'out');
    writeFileSync(path.join(own, 'small.mcred'), EXAMPLE.replace('    roster "learners.csv"\n',
        '    learner "Jane Doe" id "mailto:jane.doe@example.org" grade "pass"\n'));
    const client = LspStdioClient.start(undefined, { workDoneProgress: true });
    // Tokens the server created, and the title each began with (the workspace's indexing has one).
    const created = new Map<unknown, string | undefined>();
    client.connection.onRequest(WorkDoneProgressCreateRequest.type, params => {
        created.set(params.token, undefined);
    });
    client.connection.onNotification('$/progress', (params: { token: unknown; value: { kind: string; title?: string } }) => {
        if (params.value.kind === 'begin') created.set(params.token, params.value.title);
    });
    const exportProgress = () => [...created.values()].filter(title => title === undefined || title.startsWith('Exporting')).length;
    try {
        await client.initialize(pathToFileURL(own).href);
        const run = (outFolder: string) => client.connection.sendRequest(ExecuteCommandRequest.type, {
            command: 'mcred.export',
            arguments: [{ uri: pathToFileURL(path.join(own, 'small.mcred')).href, format: 'ob3', cohort: 'Spring2026', outFolder: pathToFileURL(outFolder).href }]
        }) as Promise<ExportCommandResult>;
        const result = await run(small);
        expect(result).toMatchObject({ kind: 'written', count: 1, files: [expect.stringMatching(/^AIDigitalEthics_jane-doe_[0-9a-f]{32}\.ob3\.json$/)] });
        expect(exportProgress()).toBe(0);

        const file = path.join(own, 'a-file');
        writeFileSync(file, 'not a folder');
        expect(await run(file)).toEqual({ kind: 'error', message: `Cannot export: the output folder ${file} is a file, not a folder.` });
        expect(readFileSync(file, 'utf8')).toBe('not a folder');
    } finally {
        await client.shutdown();
        rmSync(own, { recursive: true, force: true });
    }
}, 120_000);
