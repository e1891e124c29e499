// Benchmark (not a test): export 10,000 learners from a generated CSV roster with the built CLI,
// in both formats, and report the wall time, files per second and output size.
//   npm run build && node bench/export-10k.mjs [learners=10000]
// Work files go to bench/workspaces/ (git-ignored) and are removed afterwards.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const learners = Number(process.argv[2] ?? 10_000);
const work = path.join(root, 'bench/workspaces/export-10k');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const roster = path.join(work, 'learners.csv');
const rows = ['name,id,grade,issued'];
for (let i = 1; i <= learners; i++) {
    const n = String(i).padStart(5, '0');
    rows.push(`"Learner ${n}, Test",mailto:learner.${n}@example.org,${i % 3 === 0 ? 'merit' : 'pass'},2026-06-30`);
}
writeFileSync(roster, rows.join('\n') + '\n');

const programme = path.join(root, 'test/fixtures/language-md-example.mcred');
console.log(`mcred export: ${learners} learners from a CSV roster, ${process.version}, ${process.platform}`);
for (const format of ['ob3', 'elm']) {
    const out = path.join(work, `out-${format}`);
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [path.join(root, 'bin/mcred.cjs'), 'export', programme, '--format', format,
        '--roster', roster, '--credential', 'AIDigitalEthics', '--out', out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (run.status !== 0) {
        console.error(run.stderr);
        process.exit(1);
    }
    const files = readdirSync(out);
    const bytes = files.reduce((sum, file) => sum + statSync(path.join(out, file)).size, 0);
    console.log(`  ${format}: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${(ms / 1000).toFixed(2)} s`
        + ` (${Math.round(files.length / (ms / 1000))} credentials/s, ${(ms / files.length).toFixed(2)} ms each, including start-up)`);
}
rmSync(work, { recursive: true, force: true });
