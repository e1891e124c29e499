// Regenerates the generated blocks of docs/language.md (controlled lists, keyword index) from
// grammar/mcred.langium, language-server/vocab/ and lsp/keyword-docs.ts.
// test/docs/language-doc.test.ts fails when they are stale.
import * as esbuild from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'out', 'language-doc.mjs');

await esbuild.build({
    entryPoints: [path.join(root, 'language-server', 'lsp', 'language-doc.ts')],
    bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, logLevel: 'warning'
});
const { withGeneratedSections } = await import(pathToFileURL(bundle).href);
rmSync(bundle);

const file = path.join(root, 'docs', 'language.md');
const grammar = readFileSync(path.join(root, 'grammar', 'mcred.langium'), 'utf8');
writeFileSync(file, withGeneratedSections(readFileSync(file, 'utf8'), grammar));
console.log('docs:language: docs/language.md (controlled lists, keyword index)');
