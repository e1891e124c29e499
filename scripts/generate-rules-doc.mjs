// Generates, from the rule table (language-server/rules/issue-codes.ts and rule-texts.ts):
//   docs/rules.md                 one entry per code, with an example that fires and its fix
//   schemas/mcred.schema.json     the schema of mcred.json
//   package.json                  contributes.configuration: mcred.profile and mcred.severity
// test/validation/rule-docs.test.ts fails when any of them is stale.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'out', 'rules-doc.mjs');

await esbuild.build({
    stdin: {
        contents: [
            "export { rulesDocument } from './language-server/rules/rule-docs.ts';",
            "export { mcredJsonSchema, withSeveritySettings } from './language-server/rules/config-schema.ts';"
        ].join('\n'),
        resolveDir: root,
        loader: 'ts'
    },
    bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: bundle, logLevel: 'warning'
});
const { rulesDocument, mcredJsonSchema, withSeveritySettings } = await import(pathToFileURL(bundle).href);
rmSync(bundle);

mkdirSync(path.join(root, 'docs'), { recursive: true });
writeFileSync(path.join(root, 'docs', 'rules.md'), rulesDocument());
mkdirSync(path.join(root, 'schemas'), { recursive: true });
writeFileSync(path.join(root, 'schemas', 'mcred.schema.json'), JSON.stringify(mcredJsonSchema(), undefined, 2) + '\n');
const packageFile = path.join(root, 'package.json');
writeFileSync(packageFile, withSeveritySettings(readFileSync(packageFile, 'utf8')));
console.log('docs:rules: docs/rules.md, schemas/mcred.schema.json, package.json contributes.configuration');
