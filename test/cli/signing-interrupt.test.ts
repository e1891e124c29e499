// Ctrl-C while a cohort is signed on worker threads: the workers are terminated, nothing is
// written, the command says so and exits 130. The signing phase is recognised from outside by the
// two worker threads it adds to the process: more threads than the same export unsigned ever has
// (Linux /proc; skipped elsewhere).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';

const CLI = path.resolve('bin/mcred.cjs');
let folder: string;

function threads(pid: number): number | undefined {
    try {
        return Number(/^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    } catch {
        return undefined;
    }
}

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-sign-interrupt-'));
    const did = spawnSync(process.execPath, [CLI, 'keys', 'new', '--out', 'key.json'], { cwd: folder, encoding: 'utf8' }).stdout.trim();
    writeFileSync(path.join(folder, 'p.mcred'), readFileSync('test/fixtures/language-md-example.mcred', 'utf8')
        .replace(/^provider UNIFI \{/m, `provider UNIFI {\n    did "${did}"`));
    const rows = ['name,id,grade,issued'];
    for (let i = 0; i < 2_000; i++) rows.push(`Learner ${i},urn:example:learner:${i},pass,2026-06-30`);
    writeFileSync(path.join(folder, 'learners.csv'), rows.join('\n') + '\n');
}, 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** An export of the 2,000 learners, running: the process, its exit and what it printed on stderr. */
function exportRun(...extra: string[]): { child: ReturnType<typeof spawn>; exited: Promise<number | null>; stderr: () => string } {
    const child = spawn(process.execPath, [CLI, 'export', 'p.mcred', '--format', 'ob3', '--roster', 'learners.csv', '--credential', 'AIDigitalEthics', ...extra],
        { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    return { child, exited: new Promise(resolve => child.once('exit', resolve)), stderr: () => stderr };
}

test.skipIf(!existsSync('/proc/self/status'))('SIGINT while signing on worker threads: workers stopped, nothing written, exit 130', async () => {
    const unsigned = exportRun('--out', 'unsigned');
    let most = 0;
    const sampler = setInterval(() => { most = Math.max(most, threads(unsigned.child.pid!) ?? 0); }, 5);
    expect(await unsigned.exited).toBe(0);
    clearInterval(sampler);
    rmSync(path.join(folder, 'unsigned'), { recursive: true, force: true });
    expect(most).toBeGreaterThan(0);

    const signed = exportRun('--sign', 'key.json', '--out', 'signed');
    let signing = false;
    for (const started = performance.now(); performance.now() - started < 60_000 && !signing;) {
        signing = (threads(signed.child.pid!) ?? 0) >= most + 2;
        if (!signing) await new Promise(resolve => setTimeout(resolve, 5));
    }
    const { child, exited } = signed;
    const stderr = signed.stderr;
    expect(signing, 'the signing workers did not start').toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr()).toBe('Interrupted (SIGINT): nothing was written.\n');
    expect(existsSync(path.join(folder, 'signed'))).toBe(false);
    expect(readdirSync(folder).filter(name => name.startsWith('.') || name.startsWith('signed'))).toEqual([]);
}, 120_000);
