// `mcred catalogue` as a user runs it: the built CLI in a scratch folder.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

const CLI = path.resolve('bin/mcred.cjs');
const EXAMPLE = path.resolve('test/fixtures/language-md-example.mcred');

let scratch: string;

beforeEach(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'mcred-catalogue-'));
    copyFileSync(EXAMPLE, path.join(scratch, 'programme.mcred'));
});

afterEach(() => {
    rmSync(scratch, { recursive: true, force: true });
});

function mcred(...args: string[]) {
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd: scratch, encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('mcred catalogue', () => {
    test('HTML by default, every section, the graph drawn', () => {
        const run = mcred('catalogue', '.');
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^<!DOCTYPE html>/);
        for (const id of ['summary', 'programmes', 'stacking', 'pathways', 'joint-awards', 'recognition', 'reviews']) expect(run.stdout).toContain(`<section id="${id}"`);
        expect(run.stdout).toContain('data-from="AIDigitalEthics" data-to="AILiteracyPathway"');
    });

    test('--out picks the format from the extension (CSV) and says what it wrote', () => {
        const run = mcred('catalogue', 'programme.mcred', '--out', 'catalogue.csv');
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('Wrote catalogue.csv (csv): 1 programme (1 issuable), 1 pathway, 1 stacking relation (0 mismatched), 0 QA reviews due, from 1 file.\n');
        const rows = readFileSync(path.join(scratch, 'catalogue.csv'), 'utf8').split('\r\n');
        expect(rows[0]).toMatch(/^name,title,file,line,/);
        expect(rows[1]).toMatch(/^AIDigitalEthics,AI & Digital Ethics,programme.mcred,\d+,/);
    });

    test('--today judges the review dates (and the qa-review-due check) as of that day', () => {
        const before = JSON.parse(mcred('catalogue', '.', '--format', 'json', '--today', '2028-06-29').stdout) as { summary: { reviewsDue: number } };
        const after = JSON.parse(mcred('catalogue', '.', '--format', 'json', '--today', '2028-06-30').stdout) as { summary: { reviewsDue: number }; today: string };
        expect([before.summary.reviewsDue, after.summary.reviewsDue, after.today]).toEqual([0, 1, '2028-06-30']);
    });

    test('bad usage: exit 2, one line on stderr', () => {
        const run = mcred('catalogue', '.', '--today', '30/06/2028');
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('mcred catalogue: --today 30/06/2028: expected a date as YYYY-MM-DD\n');
        expect(mcred('catalogue', '.', '--format', 'pdf').stderr).toBe("mcred catalogue: unknown format 'pdf' (expected html or md or json or csv)\n");
    });
});
