import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

/**
 * Finding 2: a roster path could read any file and echo it. `roster "/proc/self/environ"` made
 * `mcred export` print the environment as "unknown column" errors, `/etc/shadow` its first line,
 * and `mcred check` said nothing. Finding 13 (rosters): a FIFO roster blocked forever.
 */
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
const CLI = path.resolve('bin/mcred.cjs');
const SECRET = 'MCRED_TEST_SECRET_7f3a9c';
let folder: string;

function withRoster(roster: string): string {
    return EXAMPLE.replace('    issued 2026-06-30\n', `    issued 2026-06-30\n    roster "${roster}"\n`);
}

function cli(args: string[]) {
    const run = spawnSync(process.execPath, [CLI, ...args], {
        encoding: 'utf8', timeout: 30_000, env: { ...process.env, [SECRET]: 'hunter2-do-not-print' }
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, out: run.stdout + run.stderr, signal: run.signal };
}

function project(name: string, roster: string): string {
    const dir = path.join(folder, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'p.mcred'), withRoster(roster));
    return path.join(dir, 'p.mcred');
}

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-roster-path-'));
    writeFileSync(path.join(folder, 'outside.csv'), 'name,id\nEve,mailto:eve@example.org\n');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('mcred check and export', { timeout: 60_000 }, () => {
    test.each([
        ['/proc/self/environ', 'environ'],
        ['/etc/shadow', 'shadow'],
        ['../outside.csv', 'escape'],
        ['/dev/zero', 'device']
    ])('roster %j is a roster-path error in check, and export refuses it printing nothing of the file', (roster, name) => {
        const file = project(name, roster);
        const check = cli(['check', file, '--format', 'json']);
        expect(check.status).toBe(1);
        const findings = JSON.parse(check.stdout) as Array<{ code: string; severity: string; message: string }>;
        expect(findings.filter(f => f.code === 'roster-path').map(f => f.severity)).toEqual(['error']);
        const exported = cli(['export', file, '--format', 'ob3', '--out', path.join(folder, name, 'out')]);
        expect(exported.status).toBe(1);
        expect(exported.out).toContain('roster-path');
        expect(exported.out).not.toContain(SECRET);
        expect(exported.out).not.toContain('unknown column');
        expect(exported.out).toContain('Nothing was exported.');
    });

    test('a symbolic link next to the programme that points outside it is refused by its real path', () => {
        const dir = path.dirname(project('link', 'learners.csv'));
        symlinkSync(path.join(folder, 'outside.csv'), path.join(dir, 'learners.csv'));
        const check = cli(['check', path.join(dir, 'p.mcred'), '--format', 'json']);
        const findings = JSON.parse(check.stdout) as Array<{ code: string; message: string }>;
        expect(findings.find(f => f.code === 'roster-path')?.message).toMatch(/symbolic link to a file outside/);
        const exported = cli(['export', path.join(dir, 'p.mcred'), '--format', 'ob3', '--out', path.join(dir, 'out')]);
        expect(exported.status).toBe(1);
        expect(exported.out).not.toContain('Eve');
    });

    test('a FIFO roster neither hangs check nor export', () => {
        const dir = path.dirname(project('fifo', 'learners.csv'));
        const mkfifo = spawnSync('mkfifo', [path.join(dir, 'learners.csv')]);
        if (mkfifo.status !== 0) return; // no mkfifo on this system
        const check = cli(['check', path.join(dir, 'p.mcred'), '--format', 'json']);
        expect(check.signal).toBeNull();
        expect((JSON.parse(check.stdout) as Array<{ code: string; message: string }>).find(f => f.code === 'roster-path')?.message).toMatch(/FIFO/);
        const exported = cli(['export', path.join(dir, 'p.mcred'), '--format', 'ob3', '--out', path.join(dir, 'out')]);
        expect(exported.signal).toBeNull();
        expect(exported.status).toBe(1);
        expect(exported.stderr).toMatch(/roster-path .*FIFO/);
    });

    test('a header that is not a roster is not echoed; a real header\'s column names are', () => {
        const dir = path.dirname(project('secret', 'learners.csv'));
        writeFileSync(path.join(dir, 'learners.csv'), `${SECRET}=hunter2,other\nx,y\n`);
        const secret = cli(['export', path.join(dir, 'p.mcred'), '--format', 'ob3', '--out', path.join(dir, 'out')]);
        expect(secret.status).toBe(1);
        expect(secret.out).not.toContain('hunter2');
        expect(secret.out).toMatch(/unknown column 1 \(not a column name\)/);
        writeFileSync(path.join(dir, 'learners.csv'), 'name,id,mark\nAda,mailto:ada@example.org,A\n');
        expect(cli(['export', path.join(dir, 'p.mcred'), '--format', 'ob3', '--out', path.join(dir, 'out')]).out).toContain("unknown column 'mark'");
    });

    test('a roster next to the programme is read as before', () => {
        const dir = path.dirname(project('good', 'learners.csv'));
        writeFileSync(path.join(dir, 'learners.csv'), 'name,id,grade\nAda Lovelace,mailto:ada@example.org,pass\n');
        expect(cli(['check', path.join(dir, 'p.mcred'), '--format', 'json']).stdout.includes('roster-path')).toBe(false);
        const exported = cli(['export', path.join(dir, 'p.mcred'), '--format', 'ob3', '--out', path.join(dir, 'out')]);
        expect(exported.stderr).toBe('');
        expect(exported.stdout).toMatch(/^Wrote 3 /);
    });
});

describe('the language server', { timeout: 60_000 }, () => {
    test('roster "/proc/self/environ" and a FIFO roster are roster-path errors in the editor', async () => {
        const workspace = path.join(folder, 'editor');
        mkdirSync(workspace, { recursive: true });
        const client = LspStdioClient.start();
        try {
            await client.initialize(pathToFileURL(workspace).href);
            const proc = await client.open(pathToFileURL(path.join(workspace, 'proc.mcred')).href, withRoster('/proc/self/environ'));
            expect(proc.diagnostics.filter(d => d.code === 'roster-path').map(d => d.severity)).toEqual([1]);
            if (spawnSync('mkfifo', [path.join(workspace, 'pipe.csv')]).status === 0) {
                const fifo = await client.open(pathToFileURL(path.join(workspace, 'fifo.mcred')).href,
                    withRoster('pipe.csv').replace(/\b(UNIFI|AIDigitalEthics|AILiteracyPathway|Spring2026)\b/g, 'F$1'));
                expect(fifo.diagnostics.find(d => d.code === 'roster-path')?.message).toMatch(/FIFO/);
            }
        } finally {
            await client.shutdown();
        }
    });
});
