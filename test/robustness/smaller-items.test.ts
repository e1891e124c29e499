import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { escapeMarkdown } from '../../language-server/report/escape.js';
import { LspStdioClient, SERVER_BIN } from '../support/lsp-stdio-client.js';

/**
 * Point 14, the smaller findings. Covered elsewhere: `C`/`c` and `CON` file names
 * (overwritten-credential.test.ts, test/export/file-names.test.ts), an mcred.json with a BOM
 * (roster-encoding.test.ts). Here: a closed stdout after a successful export, bare URLs and
 * @mentions in the Markdown report, an open file deleted on disk, a wrong Content-Length, lone-CR
 * line endings.
 */
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8').replace(/cohort Spring2026[\s\S]*$/, '');
const CLI = path.resolve('bin/mcred.cjs');
let folder: string;

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-smaller-'));
    writeFileSync(path.join(folder, 'p.mcred'), EXAMPLE);
    const rows = ['name,id,grade'];
    for (let i = 0; i < 3000; i++) rows.push(`Learner ${i},urn:example:learner:${i},pass`);
    writeFileSync(path.join(folder, 'learners.csv'), rows.join('\n') + '\n');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('a closed stdout after a successful export: no stack trace, exit 0, every file written', () => {
    const script = `node "$0" export "$1/p.mcred" --format ob3 --roster "$1/learners.csv" --issued 2026-06-30 --out "$1/out" | head -c 10 > /dev/null; `
        + 'echo "status=${PIPESTATUS[0]}"; ls "$1/out" | wc -l';
    const run = spawnSync('bash', ['-c', script, CLI, folder], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(run.stdout).toMatch(/status=0\n\s*3000\n/);
}, 120_000);

test('the Markdown report keeps bare addresses and @mentions as plain text', () => {
    const text = escapeMarkdown('Contact @maintainers or see https://evil.example and www.evil.example');
    expect(text).not.toMatch(/@\w/);
    expect(text).not.toContain('https://');
    expect(text).not.toMatch(/www\./i);
    expect(text.replace(/\u200B/g, '')).toBe('Contact @maintainers or see https://evil.example and www.evil.example');
});

test('an open file deleted on disk stays in the server while open (its buffer is the document), and goes when closed', async () => {
    const PROVIDER = /provider UNIFI \{[\s\S]*?\n\}\n/;
    const full = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
    const workspace = path.join(folder, 'deleted-open');
    mkdirSync(workspace);
    const providers = path.join(workspace, 'providers.mcred');
    writeFileSync(providers, PROVIDER.exec(full)![0]);
    writeFileSync(path.join(workspace, 'programme.mcred'), full.replace(PROVIDER, ''));
    const providersUri = pathToFileURL(providers).href;
    const programmeUri = pathToFileURL(path.join(workspace, 'programme.mcred')).href;
    const unresolved = (diagnostics: ReadonlyArray<{ code?: unknown }>) => diagnostics.filter(d => d.code === 'ref-unresolved').length;
    const client = LspStdioClient.start();
    try {
        await client.initialize(pathToFileURL(workspace).href);
        await client.open(providersUri, readFileSync(providers, 'utf8'));
        const opened = await client.open(programmeUri, readFileSync(path.join(workspace, 'programme.mcred'), 'utf8'));
        expect(unresolved(opened.diagnostics)).toBe(0);

        // Deleted on disk while open: the editor keeps the buffer, so does the server.
        unlinkSync(providers);
        const events: Array<Array<{ code?: unknown }>> = [];
        const stop = client.onDiagnostics(params => {
            if (params.uri === programmeUri) events.push(params.diagnostics);
        });
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: providersUri, type: FileChangeType.Deleted }] });
        // A request answered after the notification: the update has been taken in.
        await client.connection.sendRequest('mcred/documentStatus', { uri: programmeUri });
        await new Promise(resolve => setTimeout(resolve, 500));
        expect(events.map(unresolved).filter(n => n > 0)).toEqual([]);
        stop();

        // Closed: the file is gone, so is the provider.
        const after = client.diagnosticsWhen(programmeUri, params => unresolved(params.diagnostics) > 0);
        await client.sendClose(providersUri);
        expect(unresolved((await after).diagnostics)).toBeGreaterThan(0);
    } finally {
        await client.shutdown();
    }
}, 60_000);

test('a too-short (or too-long) Content-Length: the server drops that message, says so, and answers the next ones', async () => {
    const server = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    server.stdout.on('data', chunk => { stdout += String(chunk); });
    server.stderr.on('data', chunk => { stderr += String(chunk); });
    const frame = (message: object, wrongBy = 0) => {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
        return Buffer.concat([Buffer.from(`Content-Length: ${body.length + wrongBy}\r\n\r\n`), body]);
    };
    const answered = async (id: number) => {
        for (let waited = 0; waited < 20_000 && !stdout.includes(`"id":${id},`); waited += 50) await new Promise(resolve => setTimeout(resolve, 50));
        return stdout.includes(`"id":${id},`);
    };
    try {
        server.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
        expect(await answered(1)).toBe(true);
        // Too short, alone (the rest of its body comes before the next header), then a good request.
        server.stdin.write(frame({ id: 2, method: 'workspace/executeCommand', params: { command: 'mcred.verify', arguments: [{ text: '{}' }] } }, -7));
        await new Promise(resolve => setTimeout(resolve, 200));
        server.stdin.write(frame({ id: 3, method: 'workspace/executeCommand', params: { command: 'mcred.verify', arguments: [{ text: '{}' }] } }));
        expect(await answered(3)).toBe(true);
        // Too long: it swallows the start of the next message; the one after is answered.
        server.stdin.write(Buffer.concat([
            frame({ id: 4, method: 'workspace/executeCommand', params: { command: 'mcred.verify', arguments: [{ text: '{}' }] } }, 30),
            frame({ id: 5, method: 'workspace/executeCommand', params: { command: 'mcred.verify', arguments: [{ text: '{}' }] } }),
            frame({ id: 6, method: 'workspace/executeCommand', params: { command: 'mcred.verify', arguments: [{ text: '{}' }] } })
        ]));
        expect(await answered(6)).toBe(true);
        expect(stdout).not.toContain('"id":2,');
        expect(stderr).toMatch(/dropped \d+ bytes of input: a message whose body \(Content-Length \d+\) is not a JSON object/);
        expect(server.exitCode).toBeNull();
    } finally {
        server.kill();
    }
}, 60_000);

test('lone-CR and CRLF line endings: every diagnostic of every invalid example lands where it does with LF', async () => {
    const moved: string[] = [];
    for (const name of readdirSync('examples/invalid').filter(n => n.endsWith('.mcred'))) {
        const lf = readFileSync(path.join('examples/invalid', name), 'utf8').replace(/\r\n?/g, '\n');
        const where: Record<string, string> = {};
        for (const [endings, text] of [['LF', lf], ['CR', lf.replace(/\n/g, '\r')], ['CRLF', lf.replace(/\n/g, '\r\n')]] as const) {
            const { documents } = await loadWorkspace([{ path: `/w/${name}`, text }]);
            where[endings] = (documents[0].diagnostics ?? []).map(d => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)
                .sort().join(', ');
        }
        expect(where['LF'], name).not.toBe('');
        if (where['CR'] !== where['LF']) moved.push(`${name}: CR ${where['CR']} / LF ${where['LF']}`);
        if (where['CRLF'] !== where['LF']) moved.push(`${name}: CRLF ${where['CRLF']} / LF ${where['LF']}`);
    }
    expect(moved).toEqual([]);
}, 120_000);
