// Prints coverage per source folder (lines, statements, functions, branches) from vitest's
// json-summary report, then the totals. Run by `npm run coverage`.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const file = process.argv[2] ?? 'coverage/coverage-summary.json';
const summary = JSON.parse(readFileSync(file, 'utf8'));
const root = process.cwd();
const METRICS = ['lines', 'statements', 'functions', 'branches'];

const folders = new Map();
for (const [source, metrics] of Object.entries(summary)) {
    if (source === 'total') continue;
    const folder = path.dirname(path.relative(root, source));
    const sum = folders.get(folder) ?? Object.fromEntries(METRICS.map(m => [m, { covered: 0, total: 0 }]));
    for (const m of METRICS) {
        sum[m].covered += metrics[m].covered;
        sum[m].total += metrics[m].total;
    }
    folders.set(folder, sum);
}

const pct = ({ covered, total }) => (total === 0 ? '   -  ' : `${(100 * covered / total).toFixed(1).padStart(5)}%`);
const width = Math.max(6, ...[...folders.keys()].map(f => f.length));
console.log(`${'folder'.padEnd(width)}  ${METRICS.map(m => m.padStart(12)).join('')}`);
for (const [folder, sum] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${folder.padEnd(width)}  ${METRICS.map(m => pct(sum[m]).padStart(12)).join('')}`);
}
console.log(`${'total'.padEnd(width)}  ${METRICS.map(m => pct(summary.total[m]).padStart(12)).join('')}`);
