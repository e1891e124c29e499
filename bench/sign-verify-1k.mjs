// Benchmark (not a test): sign 1,000 Open Badges 3.0 credentials with `mcred export --sign`
// (eddsa-rdfc-2022, with a revocation list) and verify them with `mcred verify --status-list`,
// with the built CLI; reports wall times including start-up and the export itself.
//   npm run build && node bench/sign-verify-1k.mjs [learners=1000]
// Work files go to bench/workspaces/ (git-ignored) and are removed afterwards.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const learners = Number(process.argv[2] ?? 1_000);
const work = path.join(root, 'bench/workspaces/sign-verify');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const cli = path.join(root, 'bin/mcred.cjs');

/** CPU seconds used by finished child processes (Linux: cutime + cstime of /proc/self/stat), else NaN. */
function childCpuSeconds() {
    try {
        const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
        return (Number(fields[13]) + Number(fields[14])) / 100; // clock ticks, USER_HZ = 100 on Linux
    } catch {
        return Number.NaN;
    }
}

function mcred(...args) {
    const cpuBefore = childCpuSeconds();
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (run.status !== 0) {
        console.error(run.stderr || run.stdout.slice(-2000));
        process.exit(1);
    }
    return { ms, cpu: childCpuSeconds() - cpuBefore, stdout: run.stdout };
}

const did = mcred('keys', 'new', '--out', 'key.json').stdout.trim();
const programme = path.join(work, 'programme.mcred');
writeFileSync(programme, readFileSync(path.join(root, 'test/fixtures/language-md-example.mcred'), 'utf8')
    .replace(/^provider UNIFI \{/m, `provider UNIFI {\n    did "${did}"`));
const rows = ['name,id,grade,issued'];
for (let i = 1; i <= learners; i++) {
    const n = String(i).padStart(5, '0');
    rows.push(`"Learner ${n}, Test",mailto:learner.${n}@example.org,${i % 3 === 0 ? 'merit' : 'pass'},2026-06-30`);
}
writeFileSync(path.join(work, 'learners.csv'), rows.join('\n') + '\n');
mcred('status-list', 'new', '--out', 'status.json', '--key', 'key.json', '--url', 'https://issuer.example.org/status/1');

const common = ['export', programme, '--format', 'ob3', '--roster', 'learners.csv', '--credential', 'AIDigitalEthics'];
const unsigned = mcred(...common, '--out', 'unsigned');
const signed = mcred(...common, '--sign', 'key.json', '--status-list', 'status.json', '--out', 'signed');
const verified = mcred('verify', 'signed', '--status-list', 'status.json', '--format', 'json');
const report = JSON.parse(verified.stdout);
if (report.valid !== learners || readdirSync(path.join(work, 'signed')).filter(name => !name.startsWith('.')).length !== learners) {
    console.error(`expected ${learners} valid credentials, got ${report.valid} valid and ${report.invalid} invalid`);
    process.exit(1);
}
const each = ms => `${(ms / learners).toFixed(1)} ms each`;
const cpu = run => Number.isNaN(run.cpu) ? '' : `, CPU ${run.cpu.toFixed(1)} s`;
console.log(`mcred sign and verify: ${learners} Open Badges 3.0 credentials, ${process.version}, ${process.platform}`);
console.log(`  export, unsigned:             ${(unsigned.ms / 1000).toFixed(2)} s wall${cpu(unsigned)}`);
console.log(`  export --sign --status-list:  ${(signed.ms / 1000).toFixed(2)} s wall${cpu(signed)} (${each(signed.ms)}; signing alone ≈ ${((signed.ms - unsigned.ms) / 1000).toFixed(2)} s)`);
console.log(`  verify --status-list:         ${(verified.ms / 1000).toFixed(2)} s wall${cpu(verified)} (${each(verified.ms)}), ${report.valid} valid`);
console.log('  (wall times depend on the load of the machine; CPU seconds less so)');
rmSync(work, { recursive: true, force: true });
