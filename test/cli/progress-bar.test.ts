// The progress bar of long CLI runs: drawn on stderr only when it is a terminal and only for runs
// over 500 credentials, erased at the end. Unit tests with a stand-in stream, then the built CLI
// under a pseudo-terminal (`script`, where there is one) and through a pipe.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROGRESS_THRESHOLD, progressBar, type ProgressStream } from '../../language-server/cli/progress-bar.js';

function stream(isTTY: boolean): ProgressStream & { text: string } {
    const s = { isTTY, columns: 80, text: '', write(chunk: string) { s.text += chunk; return true; } };
    return s;
}

describe('progressBar', () => {
    test('prints nothing when stderr is not a terminal, however long the run', () => {
        const pipe = stream(false);
        const bar = progressBar('Writing', 10_000, { stream: pipe });
        for (let i = 1; i <= 10_000; i++) bar.update(i);
        bar.finish();
        expect(pipe.text).toBe('');
    });

    test('prints nothing for a run of at most 500 credentials', () => {
        const tty = stream(true);
        const bar = progressBar('Writing', PROGRESS_THRESHOLD, { stream: tty });
        for (let i = 1; i <= PROGRESS_THRESHOLD; i++) bar.update(i);
        bar.finish();
        expect(tty.text).toBe('');
    });

    test('on a terminal: one line redrawn at most every 100 ms, the last state drawn, then erased', () => {
        const tty = stream(true);
        let clock = 0;
        const bar = progressBar('Writing', 1_000, { stream: tty, now: () => clock });
        for (let i = 1; i <= 1_000; i++) {
            clock += 1; // 1 ms a credential: 1 s in all
            bar.update(i);
        }
        bar.finish();
        bar.finish();
        const draws = tty.text.split('\r\u001b[2K').filter(Boolean);
        expect(draws.length).toBeGreaterThanOrEqual(10);
        expect(draws.length).toBeLessThanOrEqual(12);
        expect(draws[0]).toMatch(/^Writing \[-+\]\s+0% 1\/1,000$/);
        expect(draws.at(-1)).toMatch(/^Writing \[#+\] 100% 1,000\/1,000$/);
        expect(draws.every(d => !d.includes('\n') && d.length <= 80)).toBe(true);
        expect(tty.text.endsWith('\r\u001b[2K')).toBe(true);
    });
});

const CLI = path.resolve('bin/mcred.cjs');
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
let folder: string;

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-progress-'));
    writeFileSync(path.join(folder, 'p.mcred'), readFileSync('test/fixtures/language-md-example.mcred', 'utf8'));
    const rows = ['name,id,grade,issued'];
    for (let i = 0; i < 600; i++) rows.push(`Learner ${i},urn:example:learner:${i},pass,2026-06-30`);
    writeFileSync(path.join(folder, 'learners.csv'), rows.join('\n') + '\n');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const args = (out: string) => ['export', 'p.mcred', '--format', 'elm', '--roster', 'learners.csv', '--credential', 'AIDigitalEthics', '--out', out];

describe('mcred export of 600 credentials', () => {
    test('through a pipe: no progress bar, stderr empty', () => {
        const run = spawnSync(process.execPath, [CLI, ...args('piped')], { cwd: folder, encoding: 'utf8' });
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('');
    });

    test.skipIf(!hasScript)('on a terminal (a pseudo-terminal from `script`): the bar is drawn on stderr and erased', () => {
        // stdout goes to a file, so what `script` records of the terminal is stderr alone.
        const command = [process.execPath, CLI, ...args('tty')].map(a => `'${a}'`).join(' ') + ' > stdout.txt';
        const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: folder, encoding: 'utf8' });
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/Writing \[[#-]+\]\s+\d+% [\d,]+\/600/);
        expect(run.stdout.trimEnd().endsWith('\u001b[2K')).toBe(true);
        expect(readFileSync(path.join(folder, 'stdout.txt'), 'utf8')).toMatch(/^Wrote 600 Europass/);
    });
});
