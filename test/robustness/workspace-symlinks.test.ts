import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

/**
 * Finding 11: the server ignored a symlinked `providers.mcred` (ref-unresolved in the editor)
 * while `mcred check` read it and passed; a link inside the folder made the CLI read a file
 * twice. Finding 13: `mcred check` on a `.mcred` link to /dev/zero grew about 200 MB/s until
 * memory ran out. Both now find the same files: links to regular files followed once, by real
 * path; devices, FIFOs and link loops skipped with a warning.
 */
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
const CLI = path.resolve('bin/mcred.cjs');
const PROVIDER = /provider UNIFI \{[\s\S]*?\n\}\n/;
let root: string;
let workspace: string;

function cli(...args: string[]) {
    const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000, maxBuffer: 16 * 2 ** 20 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, signal: run.signal };
}

beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mcred-links-'));
    workspace = path.join(root, 'workspace');
    mkdirSync(path.join(root, 'shared'));
    mkdirSync(workspace);
    writeFileSync(path.join(root, 'shared', 'providers.mcred'), PROVIDER.exec(EXAMPLE)![0]);
    writeFileSync(path.join(workspace, 'programme.mcred'), EXAMPLE.replace(PROVIDER, ''));
    symlinkSync(path.join(root, 'shared', 'providers.mcred'), path.join(workspace, 'providers.mcred'));
    symlinkSync('programme.mcred', path.join(workspace, 'alias.mcred'));
    symlinkSync('/dev/zero', path.join(workspace, 'zero.mcred'));
    symlinkSync('loop-b.mcred', path.join(workspace, 'loop-a.mcred'));
    symlinkSync('loop-a.mcred', path.join(workspace, 'loop-b.mcred'));
    spawnSync('mkfifo', [path.join(workspace, 'pipe.mcred')]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('mcred check', () => {
    test('reads the linked providers file once, each real file once, skips the device, FIFO and loop with a warning', () => {
        const run = cli('check', workspace, '--format', 'json');
        expect(run.signal).toBeNull();
        expect(JSON.parse(run.stdout)).toEqual([]);
        expect(run.status).toBe(0);
        expect(run.stderr).toMatch(/zero\.mcred: a device, not a regular file; skipped/);
        expect(run.stderr).toMatch(/loop-a\.mcred: a symbolic link to nothing \(or a loop of links\); skipped/);
        if (run.stderr.includes('pipe.mcred')) expect(run.stderr).toMatch(/pipe\.mcred: a FIFO \(named pipe\), not a regular file; skipped/);
        const text = cli('check', workspace);
        expect(text.stdout).toMatch(/Checked 2 files, 1 credential: 0 errors/);
    });

    test('a .mcred link to /dev/zero named directly is refused at once, not read without end', () => {
        const run = cli('check', path.join(workspace, 'zero.mcred'));
        expect(run.signal).toBeNull();
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/zero\.mcred: a device, not a regular file/);
    });

    test('a file named directly and through a link is read once', () => {
        const run = cli('check', path.join(workspace, 'programme.mcred'), path.join(workspace, 'alias.mcred'), path.join(workspace, 'providers.mcred'), '--format', 'json');
        expect(JSON.parse(run.stdout)).toEqual([]);
    });
});

describe('the language server', { timeout: 60_000 }, () => {
    test('sees the same files: the linked providers resolve, no duplicate names, the device and FIFO do not hang it', async () => {
        const client = LspStdioClient.start();
        try {
            await client.initialize(pathToFileURL(workspace).href);
            const published = await client.open(pathToFileURL(path.join(workspace, 'programme.mcred')).href, EXAMPLE.replace(PROVIDER, ''));
            expect(published.diagnostics.map(d => d.code)).toEqual([]);
            const completion = await client.completion(pathToFileURL(path.join(workspace, 'programme.mcred')).href, { line: 0, character: 0 });
            expect(completion).not.toBeNull();
        } finally {
            await client.shutdown();
        }
    });
});
