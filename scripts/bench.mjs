// `npm run bench`: bundles bench/main.ts (TypeScript) with esbuild and runs it. The servers and
// the CLI it measures are the bundles of `npm run build` (run first by the npm script).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'out/bench.mjs');
await esbuild.build({
    entryPoints: [path.join(root, 'bench/main.ts')],
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
process.exitCode = await main(process.argv.slice(2));
