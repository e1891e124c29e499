import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { escapeMarkdown } from '../../language-server/report/escape.js';

/**
 * Point 14, the smaller findings. Covered elsewhere: `C`/`c` and `CON` file names
 * (overwritten-credential.test.ts, test/export/file-names.test.ts), an mcred.json with a BOM
 * (roster-encoding.test.ts). Here: a closed stdout after a successful export, and bare URLs and
 * @mentions in the Markdown report.
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
