import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MANIFEST } from '../../language-server/workspace/export-set-writer.js';
import { prng } from '../support/prng.js';

/**
 * Finding 5: an interrupted export was not all-or-none. SIGKILL or Ctrl-C while renaming left
 * 184–229 new files among 9,816 old ones; Ctrl-C or SIGTERM while writing left about 2,000
 * `.tmp` files that the next export did not remove.
 *
 * A 10,000-learner export is killed (SIGKILL) at random points; right after, the output folder
 * holds one complete set (the previous or the new one) or, in the instant between the two
 * renames of the swap, a journal from which the next run completes the new one. After the next
 * run there is one complete set and no temporary file. MCRED_KILL_RUNS sets the number of kills
 * and MCRED_KILL_LEARNERS the size of the roster: the acceptance run is
 * `MCRED_KILL_RUNS=20 MCRED_KILL_LEARNERS=10000 npx vitest run test/robustness/interrupted-export.test.ts`;
 * `npm test` kills 3 exports of 2,000 learners. MCRED_KILL_SEED replays a seed.
 */
const RUNS = Number(process.env['MCRED_KILL_RUNS'] ?? '3');
const LEARNERS = Number(process.env['MCRED_KILL_LEARNERS'] ?? '2000');
const SEED = Number(process.env['MCRED_KILL_SEED'] ?? Date.now() % 100_000);
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8').replace(/cohort Spring2026[\s\S]*$/, '');
const CLI = path.resolve('bin/mcred.cjs');
const DATES = ['2026-06-30', '2026-07-01'] as const;
let folder: string;
let out: string;

function args(date: string): string[] {
    return [CLI, 'export', path.join(folder, 'p.mcred'), '--format', 'ob3', '--roster', path.join(folder, 'learners.csv'), '--issued', date, '--out', out];
}

function exportSet(date: string): { status: number | null; stderr: string; ms: number } {
    const started = performance.now();
    const run = spawnSync(process.execPath, args(date), { encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 2 ** 20 });
    return { status: run.status, stderr: run.stderr, ms: performance.now() - started };
}

function listing(): string[] {
    return readdirSync(out).filter(name => name !== MANIFEST).sort();
}

/** No staging, old or journal entry beside the folder and no temporary file in it. */
function temporaries(): string[] {
    const beside = readdirSync(folder).filter(name => name.startsWith('.out.mcred'));
    const inside = existsSync(out) ? readdirSync(out).filter(name => name.endsWith('.tmp') || (name.startsWith('.') && name !== MANIFEST)) : [];
    return [...beside, ...inside];
}

/** Every file of the set is complete JSON text (the renderer ends each with a newline). */
function complete(names: readonly string[]): boolean {
    return names.every(name => readFileSync(path.join(out, name), 'utf8').endsWith('}\n'));
}

const sets: Record<string, string[]> = {};
let fullRunMs = 0;

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-interrupted-'));
    out = path.join(folder, 'out');
    writeFileSync(path.join(folder, 'p.mcred'), EXAMPLE);
    const rows = ['name,id,grade'];
    for (let i = 0; i < LEARNERS; i++) rows.push(`Learner ${i},urn:example:learner:${i},pass`);
    writeFileSync(path.join(folder, 'learners.csv'), rows.join('\n') + '\n');
    for (const date of DATES) {
        const run = exportSet(date);
        expect(run.stderr).toBe('');
        sets[date] = listing();
        fullRunMs = Math.max(fullRunMs, run.ms);
    }
    expect(sets[DATES[0]]).toHaveLength(LEARNERS);
    expect(sets[DATES[1]]).toHaveLength(LEARNERS);
}, 600_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }), 300_000);

describe(`SIGKILL at random points of a ${LEARNERS}-learner export (seed ${SEED}, ${RUNS} runs)`, () => {
    test('leaves one complete set, and after the next run one complete set and no temporary file', async () => {
        const random = prng(SEED);
        let current: string = DATES[1];
        for (let run = 0; run < RUNS; run++) {
            const next = current === DATES[0] ? DATES[1] : DATES[0];
            const delay = Math.floor(random() * fullRunMs * 1.1);
            const child = spawn(process.execPath, args(next), { stdio: 'ignore' });
            // Listened to from the start: an export that finishes before the kill has already exited.
            const exited = new Promise(resolve => child.once('exit', resolve));
            await new Promise(resolve => setTimeout(resolve, delay));
            child.kill('SIGKILL');
            await exited;

            const journal = path.join(folder, `.out.mcred-journal.json`);
            const where = `run ${run}, killed after ${delay} ms (seed ${SEED})`;
            if (existsSync(out)) {
                const names = listing();
                const matches = [sets[current], sets[next]].some(set => set.length === names.length && set.every((n, i) => n === names[i]));
                expect(matches, `${where}: ${names.length} files, not one complete set`).toBe(true);
                expect(complete(names), where).toBe(true);
            } else {
                // Killed between the two renames of the swap: the journal says how to complete it.
                expect(existsSync(journal), `${where}: no output folder and no journal`).toBe(true);
            }

            // The next run: the other set, written over whatever was left.
            const after = random() < 0.5 ? current : next;
            const rerun = exportSet(after);
            expect(rerun.status, `${where}: ${rerun.stderr}`).toBe(0);
            expect(listing(), where).toEqual(sets[after]);
            expect(complete(sets[after]), where).toBe(true);
            expect(temporaries(), where).toEqual([]);
            current = after;
        }
    }, 60_000 + RUNS * 300_000);

    test('SIGINT while writing rolls back: the previous set stays, no temporary file, exit 130', async () => {
        const before = listing();
        const other = before.length && sets[DATES[0]][0] === before[0] ? DATES[1] : DATES[0];
        const child = spawn(process.execPath, args(other), { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
        // Wait until staging has begun, then interrupt.
        const started = performance.now();
        while (!readdirSync(folder).some(n => n.startsWith('.out.mcred-staging-')) && performance.now() - started < 60_000) {
            await new Promise(resolve => setTimeout(resolve, 20));
        }
        child.kill('SIGINT');
        const code = await new Promise<number | null>(resolve => child.once('exit', resolve));
        if (code === 130) {
            expect(stderr).toContain('Interrupted (SIGINT): nothing was written');
            expect(listing()).toEqual(before);
        } else {
            // The signal came after the commit point: the export finished first.
            expect(listing()).toEqual(sets[other]);
        }
        expect(temporaries()).toEqual([]);
    }, 120_000);

    test('the temporary files of an earlier version are removed by the next export; other files are kept', () => {
        writeFileSync(path.join(out, '.mcred-export-123-abc-7.tmp'), '{"half":');
        writeFileSync(path.join(out, 'README.txt'), 'kept');
        mkdirSync(path.join(folder, '.out.mcred-staging-999-zzz'));
        const run = exportSet(DATES[0]);
        expect(run.status).toBe(0);
        expect(temporaries()).toEqual([]);
        expect(readFileSync(path.join(out, 'README.txt'), 'utf8')).toBe('kept');
        expect(listing()).toEqual([...sets[DATES[0]], 'README.txt'].sort());
        expect(lstatSync(out).isDirectory()).toBe(true);
    }, 120_000);
});
