// Build: check that the generated Langium code matches the grammar, then bundle the extension,
// the language server and the CLI with esbuild (CommonJS for VS Code and Node 20), and the web
// extension with its language server for a Web Worker (out/browser/).
import * as esbuild from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkGenerated } from './check-generated.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const stale = checkGenerated();
if (stale.length > 0) {
    console.error(`build: generated Langium code is stale (${stale.join(', ')}).\nRun \`npm run langium:generate\` and commit the result.`);
    process.exit(1);
}

// The server's chunks have content hashes in their names: clear the folder, so that neither the
// tests nor the .vsix ever see a chunk of an earlier build.
rmSync(path.join(root, 'out', 'server'), { recursive: true, force: true });

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const polyfills = readFileSync(path.join(root, 'scripts/polyfills.cjs'), 'utf8');

/** @type {import('esbuild').BuildOptions} */
const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    // ESM libraries bundled as CommonJS (the signing stack) read `import.meta.url`: give them the bundle's own URL.
    banner: { js: polyfills + "\nvar __mcredImportMetaUrl = typeof __filename === 'string' ? require('node:url').pathToFileURL(__filename).href : 'file:///';" },
    define: { 'process.env.MCRED_VERSION': JSON.stringify(pkg.version), 'import.meta.url': '__mcredImportMetaUrl' },
    mainFields: ['module', 'main'],
    // JSON-LD contexts in standards/ are served to the signing code's offline document loader.
    // and the SHACL shapes (Turtle) to `mcred verify` of Europass credentials.
    loader: { '.jsonld': 'json', '.ttl': 'text' }
};

const entries = [
    { entryPoints: { extension: 'extension/main.ts' }, external: ['vscode'] },
    // The Node language server: out/server.cjs loads out/server/main.mjs, ES module chunks split
    // at the dynamic imports, so that start-up reads and compiles only what validation needs.
    { entryPoints: { server: 'language-server/main-loader.ts' } },
    {
        entryPoints: { main: 'language-server/main.ts' }, format: 'esm', splitting: true, outExtension: { '.js': '.mjs' },
        outdir: path.join(root, 'out', 'server'), chunkNames: 'chunks/[name]-[hash]',
        // CommonJS packages bundled into ES modules still call `require` and read `__filename`.
        banner: { js: polyfills.replace("'use strict';", '') + "\nimport { createRequire as __mcredCreateRequire } from 'node:module';"
            + "\nimport { fileURLToPath as __mcredFileURLToPath } from 'node:url';"
            + '\nconst require = __mcredCreateRequire(import.meta.url);'
            + '\nconst __filename = __mcredFileURLToPath(import.meta.url);'
            + "\nconst __dirname = __mcredFileURLToPath(new URL('.', import.meta.url));" },
        define: { 'process.env.MCRED_VERSION': JSON.stringify(pkg.version) }
    },
    { entryPoints: { cli: 'language-server/cli/mcred.ts' } },
    // The worker thread of the signing pool (mcred export --sign, mcred verify): beside cli.cjs and server.cjs.
    { entryPoints: { 'signing-worker': 'language-server/signing/signing-worker.ts' } },
    // The web extension (package.json `browser`; VS Code for the web loads it as CommonJS and
    // appends `.js` to any other name) and its language server, loaded as a Web Worker script
    // (`.js`, so that any static server gives it a JavaScript MIME type).
    { entryPoints: { 'browser/extension': 'extension/main-browser.ts' }, external: ['vscode'], ...browser('cjs', '.js') },
    { entryPoints: { 'browser/server': 'language-server/main-browser.ts' }, ...browser('iife', '.js') }
];

/** esbuild options of a browser bundle. */
function browser(format, extension) {
    return { platform: 'browser', target: 'es2022', format, outExtension: { '.js': extension }, mainFields: ['browser', 'module', 'main'] };
}

const contexts = await Promise.all(entries.map(entry => esbuild.context({
    ...common,
    outExtension: { '.js': '.cjs' },
    outdir: path.join(root, 'out'),
    ...entry,
    absWorkingDir: root
})));

if (watch) {
    await Promise.all(contexts.map(c => c.watch()));
    console.log('build: watching for changes…');
} else {
    await Promise.all(contexts.map(c => c.rebuild()));
    await Promise.all(contexts.map(c => c.dispose()));
    console.log('build: out/extension.cjs, out/server.cjs (with out/server/), out/cli.cjs, out/signing-worker.cjs, out/browser/extension.js, out/browser/server.js');
}
