import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { MAX_DOCUMENT_LENGTH } from '../../language-server/parser/mcred-lexer.js';
import { MAX_SYNTAX_ERRORS } from '../../language-server/validation/syntax-error-limit.js';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

/**
 * Input that is not a programme, or is a programme gone wrong, gets a clear diagnostic (editor)
 * or message (CLI), in bounded time, and nothing else breaks: the server keeps answering.
 */
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
const CLI = path.resolve('bin/mcred.cjs');

/** The example with every declared name prefixed, so that copies can live in one workspace. */
function renamed(prefix: string, text = EXAMPLE): string {
    return text.replace(/\b(UNIFI|AIDigitalEthics|AILiteracyPathway|Spring2026)\b/g, `${prefix}$1`);
}

const BAD_INPUTS = {
    empty: '',
    binary: '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0' + 'x'.repeat(200),
    huge: renamed('Huge', EXAMPLE).repeat(Math.ceil((10 * 1024 * 1024) / EXAMPLE.length)),
    longLine: renamed('Long', EXAMPLE).replace('title "AI & Digital Ethics"', `title "${'A long title. '.repeat(8000)}"`),
    longGarbageLine: renamed('Garbage', EXAMPLE).replace('    duration 6 weeks\n', `    ${'} { = ; '.repeat(12_500)}\n`),
    deeplyNested: 'microcredential Deep {\n' + '    assessment A {\n'.repeat(5000) + '        type quiz\n',
    braces: '{'.repeat(50_000),
    unterminated: 'microcredential Open {\n    title "This string never ends\n    level eqf 6\n',
    invalidUtf8: renamed('Utf', EXAMPLE).replace('Toscana', 'Tosc\uFFFDna')
};

function cli(args: string[]) {
    const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 2 ** 20 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, out: run.stdout + run.stderr };
}

let folder: string;
beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-bad-input-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
    const full = path.join(folder, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    return full;
}

describe('mcred check with bad input', { timeout: 60_000 }, () => {
    test('an empty file is a valid (empty) programme', () => {
        const run = cli(['check', file('empty.mcred', BAD_INPUTS.empty)]);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('Checked 1 file, 0 credentials: 0 errors');
    });

    test('a binary file is refused with a message', () => {
        const run = cli(['check', file('image.mcred', Buffer.from(BAD_INPUTS.binary, 'latin1'))]);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/image\.mcred: is a binary file/);
    });

    test('invalid UTF-8 is refused with a message', () => {
        const run = cli(['check', file('latin1.mcred', Buffer.concat([Buffer.from('provider P {\n    region "Tosc'), Buffer.from([0xe0, 0x28]), Buffer.from('na"\n}\n')]))]);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/latin1\.mcred: is not valid UTF-8 text/);
    });

    test('a 10 MB file gets one diagnostic that says it is too large, quickly', () => {
        expect(BAD_INPUTS.huge.length).toBeGreaterThan(MAX_DOCUMENT_LENGTH);
        const started = performance.now();
        const run = cli(['check', file('huge.mcred', BAD_INPUTS.huge), '--format', 'json']);
        expect(performance.now() - started).toBeLessThan(30_000);
        expect(run.status).toBe(1);
        const findings = JSON.parse(run.stdout) as Array<{ code: string; message: string }>;
        expect(findings).toHaveLength(1);
        expect(findings[0].code).toBe('syntax-error');
        expect(findings[0].message).toMatch(/too large to check .* Split the catalogue into several \.mcred files/);
    });

    test('a 100,000-character line is checked like any other', () => {
        const run = cli(['check', file('long-line.mcred', BAD_INPUTS.longLine), '--format', 'json']);
        expect(run.status).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual([]);
    });

    test('a 100,000-character line of garbage gives at most the capped number of syntax errors', () => {
        const run = cli(['check', file('garbage.mcred', BAD_INPUTS.longGarbageLine), '--format', 'json']);
        expect(run.status).toBe(1);
        const findings = JSON.parse(run.stdout) as Array<{ code: string; message: string; line: number }>;
        const syntax = findings.filter(f => f.code === 'syntax-error');
        expect(syntax.length).toBe(MAX_SYNTAX_ERRORS + 1);
        expect(syntax.at(-1)!.message).toMatch(/more syntax errors follow from here/);
        const garbageLine = EXAMPLE.split('\n').findIndex(line => line.startsWith('    duration')) + 1;
        expect(syntax.every(f => f.line === garbageLine)).toBe(true);
    });

    test('deeply nested and unterminated blocks give syntax errors, not a crash', () => {
        for (const name of ['deeplyNested', 'braces', 'unterminated'] as const) {
            const run = cli(['check', file(`${name}.mcred`, BAD_INPUTS[name]), '--format', 'json']);
            expect(run.status, `${name}: ${run.stderr}`).toBe(1);
            const findings = JSON.parse(run.stdout) as Array<{ code: string }>;
            expect(findings.some(f => f.code === 'syntax-error'), name).toBe(true);
            expect(findings.filter(f => f.code === 'syntax-error').length, name).toBeLessThanOrEqual(MAX_SYNTAX_ERRORS + 1);
        }
    });

    test('two files declaring the same names: ref-duplicate-name in both, references still resolve', () => {
        const twins = path.join(folder, 'twins');
        file('twins/a.mcred', EXAMPLE);
        file('twins/b.mcred', EXAMPLE);
        const run = cli(['check', twins, '--format', 'json']);
        expect(run.status).toBe(1);
        const findings = JSON.parse(run.stdout) as Array<{ file: string; code: string }>;
        expect(findings.filter(f => f.code === 'ref-unresolved')).toEqual([]);
        for (const name of ['a.mcred', 'b.mcred']) {
            expect(findings.filter(f => f.file.endsWith(name) && f.code === 'ref-duplicate-name').length, name).toBeGreaterThan(0);
        }
    });

    test('a reference cycle between pathways in two files: pathway-cycle in both, and it terminates', () => {
        const cycle = path.join(folder, 'cycle');
        file('cycle/one.mcred', `${EXAMPLE}\npathway Outer {\n    title "Outer"\n    awardedBy UNIFI\n    includes Inner\n}\n`);
        file('cycle/two.mcred', 'pathway Inner {\n    title "Inner"\n    includes Outer, AILiteracyPathway\n}\n');
        const run = cli(['check', cycle, '--format', 'json']);
        expect(run.status).toBe(1);
        expect(run.stderr).toBe('');
        const findings = JSON.parse(run.stdout) as Array<{ file: string; code: string }>;
        expect(findings.filter(f => f.code === 'pathway-cycle').map(f => path.basename(f.file)).sort()).toEqual(['one.mcred', 'two.mcred']);
    });
});

describe('mcred-language-server with bad input', { timeout: 120_000 }, () => {
    let client: LspStdioClient;
    let workspace: string;
    const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).href;

    beforeAll(async () => {
        workspace = path.join(folder, 'server');
        mkdirSync(workspace, { recursive: true });
        writeFileSync(path.join(workspace, 'providers.mcred'), 'provider Shared {\n    name "Shared University"\n    country IT\n}\n');
        writeFileSync(path.join(workspace, 'uses-shared.mcred'), renamed('Uses').replace('awardedBy UsesUNIFI', 'awardedBy Shared'));
        writeFileSync(path.join(workspace, 'latin1.mcred'), Buffer.concat([Buffer.from('provider Latin {\n    region "Tosc'), Buffer.from([0xe0]), Buffer.from('na"\n}\n')]));
        client = LspStdioClient.start();
        await client.initialize(pathToFileURL(workspace).href);
    });
    afterAll(async () => {
        await client.shutdown();
    });

    const messages = (diagnostics: Diagnostic[]) => diagnostics.map(d => (typeof d.message === 'string' ? d.message : d.message.value)).join('\n');

    test('each bad input gets clear diagnostics, and the server answers throughout', async () => {
        const empty = await client.open(uriOf('empty.mcred'), BAD_INPUTS.empty);
        expect(empty.diagnostics).toEqual([]);

        const binary = await client.open(uriOf('binary.mcred'), BAD_INPUTS.binary);
        expect(binary.diagnostics).toHaveLength(1);
        expect(binary.diagnostics[0].code).toBe('syntax-error');
        expect(binary.diagnostics[0].message).toMatch(/binary data \(a NUL character at line 3, column 1\): it is not a \.mcred text file/);

        const huge = await client.open(uriOf('huge.mcred'), BAD_INPUTS.huge);
        expect(huge.diagnostics).toHaveLength(1);
        expect(huge.diagnostics[0].message).toMatch(/too large to check/);

        const longLine = await client.open(uriOf('long-line.mcred'), BAD_INPUTS.longLine);
        expect(longLine.diagnostics).toEqual([]);

        const garbage = await client.open(uriOf('garbage.mcred'), BAD_INPUTS.longGarbageLine);
        expect(garbage.diagnostics.length).toBeLessThanOrEqual(MAX_SYNTAX_ERRORS + 10);

        for (const name of ['deeplyNested', 'braces', 'unterminated'] as const) {
            const published = await client.open(uriOf(`${name}.mcred`), BAD_INPUTS[name]);
            expect(published.diagnostics.some(d => d.code === 'syntax-error'), name).toBe(true);
        }

        const utf8 = await client.open(uriOf('invalid-utf8.mcred'), BAD_INPUTS.invalidUtf8);
        expect(messages(utf8.diagnostics)).toMatch(/not valid UTF-8 text .*save it as UTF-8/);

        // A file of the workspace folder with invalid UTF-8 on disk: its diagnostics say so too.
        const latin1 = await client.open(uriOf('latin1.mcred'), readFileSync(path.join(workspace, 'latin1.mcred'), 'utf8'));
        expect(messages(latin1.diagnostics)).toMatch(/not valid UTF-8 text/);

        // Still a working server: completion in the huge file and a correct result for a good one.
        const completion = await client.completion(uriOf('huge.mcred'), { line: 0, character: 0 });
        expect(completion).not.toBeNull();
        const good = await client.open(uriOf('good.mcred'), renamed('Good'));
        expect(good.diagnostics).toEqual([]);
    });

    test('two open files declaring the same names both show it, and both stop when one is renamed', async () => {
        const twin = renamed('Twin');
        await client.open(uriOf('twin-a.mcred'), twin);
        const second = client.diagnosticsWhen(uriOf('twin-a.mcred'), p => p.diagnostics.some(d => d.code === 'ref-duplicate-name'));
        const b = await client.open(uriOf('twin-b.mcred'), twin);
        expect(b.diagnostics.map(d => d.code)).toContain('ref-duplicate-name');
        await second;
        const cleared = client.diagnosticsWhen(uriOf('twin-a.mcred'), p => !p.diagnostics.some(d => d.code === 'ref-duplicate-name'));
        await client.change(uriOf('twin-b.mcred'), renamed('Other'), 2);
        await cleared;
    });

    test('a cycle between pathways in two open files shows in both, and goes when broken', async () => {
        const one = `${renamed('Cyc')}\npathway CycOuter {\n    title "Outer"\n    awardedBy CycUNIFI\n    includes CycInner\n}\n`;
        const two = 'pathway CycInner {\n    title "Inner"\n    includes CycOuter, CycAILiteracyPathway\n}\n';
        await client.open(uriOf('cycle-one.mcred'), one);
        const both = client.diagnosticsWhen(uriOf('cycle-one.mcred'), p => p.diagnostics.some(d => d.code === 'pathway-cycle'));
        const second = await client.open(uriOf('cycle-two.mcred'), two);
        expect(second.diagnostics.map(d => d.code)).toContain('pathway-cycle');
        await both;
        const broken = client.diagnosticsWhen(uriOf('cycle-one.mcred'), p => !p.diagnostics.some(d => d.code === 'pathway-cycle'));
        await client.change(uriOf('cycle-two.mcred'), two.replace('includes CycOuter, ', 'includes '), 2);
        await broken;
    });

    test('a file deleted while open stays while open (its buffer is the document); closed, its dependents lose the reference; reopened, it is back', async () => {
        const providers = readFileSync(path.join(workspace, 'providers.mcred'), 'utf8');
        await client.open(uriOf('providers.mcred'), providers);
        const user = await client.open(uriOf('uses-shared.mcred'), readFileSync(path.join(workspace, 'uses-shared.mcred'), 'utf8'));
        expect(user.diagnostics).toEqual([]);

        rmSync(path.join(workspace, 'providers.mcred'));
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('providers.mcred'), type: FileChangeType.Deleted }] });
        // Requests on the open file are still answered, and its dependents keep the reference.
        const answered = await client.completion(uriOf('providers.mcred'), { line: 1, character: 4 }).then(() => 'result', () => 'error');
        expect(answered).toBe('result');
        await new Promise(resolve => setTimeout(resolve, 300));
        expect(client.latestDiagnostics(uriOf('uses-shared.mcred'))?.map(d => d.code)).not.toContain('ref-unresolved');

        // Closed: the file is gone from disk, so it goes from the workspace.
        const lost = client.diagnosticsWhen(uriOf('uses-shared.mcred'), p => p.diagnostics.some(d => d.code === 'ref-unresolved'));
        await client.sendClose(uriOf('providers.mcred'));
        expect((await lost).diagnostics.map(d => d.code)).toContain('ref-unresolved');

        // Opened again (an unsaved buffer): back in the workspace.
        const back = client.diagnosticsWhen(uriOf('uses-shared.mcred'), p => p.diagnostics.length === 0);
        await client.open(uriOf('providers.mcred'), providers.replace('Shared University', 'Shared University (restored)'), 3);
        expect((await back).diagnostics).toEqual([]);
    });
});
