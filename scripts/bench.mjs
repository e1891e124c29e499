// `npm run bench` and `npm run bench:catalogue`: bundle a TypeScript benchmark entry with esbuild
// and run its `main`. The servers and the CLI it measures are the bundles of `npm run build` (run
// first by the npm scripts).
//
//   node scripts/bench.mjs [--entry bench/catalogue.ts] [ARGS...]   (default entry: bench/main.ts)
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--entry');
const entry = at >= 0 ? args.splice(at, 2)[1] : 'bench/main.ts';
const outfile = path.join(root, 'out', `bench-${path.basename(entry, '.ts')}.mjs`);
await esbuild.build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'inline',
    // The in-process measurements load Langium, which needs Object.groupBy on Node 20.
    banner: { js: readFileSync(path.join(root, 'scripts/polyfills.cjs'), 'utf8').replace("'use strict';", '') },
    outfile,
    logLevel: 'warning'
});
process.chdir(root);
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(args);
