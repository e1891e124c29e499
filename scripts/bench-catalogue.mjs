// `npm run bench:catalogue`: bundles bench/catalogue.ts with esbuild (as scripts/bench.mjs does for
// bench/main.ts) and runs it; results in bench/results/catalogue.md.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'out/bench-catalogue.mjs');
await esbuild.build({
    entryPoints: [path.join(root, 'bench/catalogue.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'inline',
    banner: { js: readFileSync(path.join(root, 'scripts/polyfills.cjs'), 'utf8').replace("'use strict';", '') },
    outfile,
    logLevel: 'warning'
});
process.chdir(root);
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2));
