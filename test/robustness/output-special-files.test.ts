import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
 * Finding 10: `report --out` replaced special files and symbolic links instead of refusing or
 * writing through them. Now: special files are refused, a link is written through only with
 * --follow-symlink and only to a file in the link's own folder; export refuses an output folder
 * that is a link and names taken by something other than a regular file.
 */
const EXAMPLE = path.resolve('test/fixtures/language-md-example.mcred');
const CLI = path.resolve('bin/mcred.cjs');
let folder: string;

function mcred(...args: string[]) {
    const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, cwd: folder });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, signal: run.signal };
}

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-output-'));
    mkdirSync(path.join(folder, 'elsewhere'));
    writeFileSync(path.join(folder, 'elsewhere', 'precious.md'), 'do not overwrite');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('report --out', () => {
    test('a FIFO is refused, not replaced and not blocked on', () => {
        if (spawnSync('mkfifo', [path.join(folder, 'pipe.md')]).status !== 0) return;
        const run = mcred('report', EXAMPLE, '--out', 'pipe.md');
        expect(run.signal).toBeNull();
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/pipe\.md: is not a regular file/);
        expect(lstatSync(path.join(folder, 'pipe.md')).isFIFO()).toBe(true);
    });

    test('a symbolic link is refused without --follow-symlink, and stays a link', () => {
        mkdirSync(path.join(folder, 'reports'));
        writeFileSync(path.join(folder, 'reports', 'real.md'), 'old');
        symlinkSync('real.md', path.join(folder, 'reports', 'link.md'));
        const run = mcred('report', EXAMPLE, '--out', 'reports/link.md');
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/is a symbolic link; give --follow-symlink/);
        expect(readlinkSync(path.join(folder, 'reports', 'link.md'))).toBe('real.md');
        expect(readFileSync(path.join(folder, 'reports', 'real.md'), 'utf8')).toBe('old');
    });

    test('with --follow-symlink the report is written through the link, which stays a link', () => {
        const run = mcred('report', EXAMPLE, '--out', 'reports/link.md', '--follow-symlink');
        expect(run.stderr).toBe('');
        expect(lstatSync(path.join(folder, 'reports', 'link.md')).isSymbolicLink()).toBe(true);
        expect(readFileSync(path.join(folder, 'reports', 'real.md'), 'utf8')).toMatch(/^# /);
    });

    test('a link out of its folder is never followed, even with --follow-symlink', () => {
        symlinkSync(path.join(folder, 'elsewhere', 'precious.md'), path.join(folder, 'reports', 'escape.md'));
        const run = mcred('report', EXAMPLE, '--out', 'reports/escape.md', '--follow-symlink');
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/symbolic link out of its folder/);
        expect(readFileSync(path.join(folder, 'elsewhere', 'precious.md'), 'utf8')).toBe('do not overwrite');
    });
});

describe('export --out', () => {
    test('an output folder that is a symbolic link is refused', () => {
        symlinkSync(path.join(folder, 'elsewhere'), path.join(folder, 'linked-out'));
        const run = mcred('export', EXAMPLE, '--format', 'ob3', '--out', 'linked-out');
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/is a symbolic link: give the folder it points to/);
        expect(existsSync(path.join(folder, 'elsewhere', 'precious.md'))).toBe(true);
    });

    test('a file name of the export taken by a link or a FIFO is refused, nothing written', () => {
        const first = mcred('export', EXAMPLE, '--format', 'ob3', '--out', 'creds');
        expect(first.status).toBe(0);
        const name = /^\s+(\S+\.ob3\.json)/m.exec(first.stdout)![1];
        rmSync(path.join(folder, 'creds', name));
        symlinkSync(path.join(folder, 'elsewhere', 'precious.md'), path.join(folder, 'creds', name));
        const run = mcred('export', EXAMPLE, '--format', 'ob3', '--out', 'creds');
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/exists and is not a regular file/);
        expect(readFileSync(path.join(folder, 'elsewhere', 'precious.md'), 'utf8')).toBe('do not overwrite');
    });
});
