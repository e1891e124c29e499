// Signing at cohort scale (issue 18): `mcred export --sign` of 1,000 Open Badges 3.0 credentials
// with a revocation list, and `mcred verify --status-list` of the same 1,000, with the built CLI
// (wall time including start-up and, for signing, the export itself). Both run on a pool of
// worker threads, one per core.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Measured } from './report.js';
import { runProcess } from './scenarios.js';
import { WORKSPACES } from './workspaces.js';

export type SigningResults = { skipped: string } | { learners: number; sign: Measured; verify: Measured };

/** The targets: 1,000 signed OB3 credentials and their verification each ≤ 20 s on a 2-core machine. */
export const SIGNING_TARGET_MS = 20_000;

const CLI = path.resolve('bin/mcred.cjs');

function median(values: readonly number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)];
}

export async function signingBench(runs: number, log: (message: string) => void, learners = 1_000): Promise<SigningResults> {
    const work = path.join(WORKSPACES, 'signing');
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const mcred = (...args: string[]) => execFileSync(process.execPath, [CLI, ...args], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    let did: string;
    try {
        did = mcred('keys', 'new', '--out', 'key.json').trim();
    } catch {
        return { skipped: '`mcred keys` is not in this build' };
    }
    writeFileSync(path.join(work, 'programme.mcred'), readFileSync('test/fixtures/language-md-example.mcred', 'utf8')
        .replace(/^provider UNIFI \{/m, `provider UNIFI {\n    did "${did}"`));
    const rows = ['name,id,grade,issued'];
    for (let i = 1; i <= learners; i++) {
        const n = String(i).padStart(5, '0');
        rows.push(`"Learner ${n}, Test",mailto:learner.${n}@example.org,${i % 3 === 0 ? 'merit' : 'pass'},2026-06-30`);
    }
    writeFileSync(path.join(work, 'learners.csv'), rows.join('\n') + '\n');
    mcred('status-list', 'new', '--out', 'status.json', '--key', 'key.json', '--url', 'https://issuer.example.org/status/1');
    const inWork = (file: string) => path.join(work, file);
    const sign: number[] = [];
    const verify: number[] = [];
    for (let run = 0; run < runs; run++) {
        log(`mcred export --sign of ${learners} OB3 credentials, then mcred verify (run ${run + 1}/${runs})`);
        const signed = await runProcess([process.execPath, CLI, 'export', inWork('programme.mcred'), '--format', 'ob3', '--roster', inWork('learners.csv'),
            '--credential', 'AIDigitalEthics', '--sign', inWork('key.json'), '--status-list', inWork('status.json'), '--out', inWork('signed')], 300_000);
        if (signed.exitCode !== 0) return { skipped: `mcred export --sign failed: ${(signed.stderr || signed.stdout).slice(0, 300)}` };
        const verified = await runProcess([process.execPath, CLI, 'verify', inWork('signed'), '--status-list', inWork('status.json'), '--format', 'json'], 300_000);
        const report = JSON.parse(verified.stdout || '{}') as { valid?: number };
        if (verified.exitCode !== 0 || report.valid !== learners) {
            return { skipped: `mcred verify: ${report.valid ?? 0} of ${learners} valid (${verified.stderr.slice(0, 300)})` };
        }
        sign.push(signed.ms);
        verify.push(verified.ms);
    }
    rmSync(work, { recursive: true, force: true });
    return { learners, sign: { median: median(sign), samples: sign }, verify: { median: median(verify), samples: verify } };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The target rows of signing, for the targets table. */
export function signingTargets(results: SigningResults | undefined): Array<{ target: string; value: string; met: boolean | undefined }> {
    if (!results) return [];
    if ('skipped' in results) return [{ target: 'sign and verify 1,000 OB3 credentials: ≤ 20 s each', value: `not measured: ${results.skipped}`, met: undefined }];
    const n = results.learners.toLocaleString('en');
    return [
        { target: `mcred export --sign --status-list, ${n} OB3 credentials: ≤ 20 s`, value: seconds(results.sign.median), met: results.sign.median <= SIGNING_TARGET_MS },
        { target: `mcred verify --status-list, the same ${n}: ≤ 20 s`, value: seconds(results.verify.median), met: results.verify.median <= SIGNING_TARGET_MS }
    ];
}
