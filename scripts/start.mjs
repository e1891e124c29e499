// `npm start`, the main job of the README quick start (`npm ci && npm start`), run after the build:
// checks every example with the built `mcred` CLI and prints its report (per credential: its
// errors and warnings and which Annex I elements it states), then verifies, from a second run
// with `--format json`, that every error is a deliberate one: in examples/invalid/, each file there
// raising exactly the codes of its `// expect:` header. Exits 0 in that case; 1 on any error
// outside examples/invalid/ or any invalid example that does not raise what it expects; the CLI's
// own code when it fails (2 bad usage or unreadable input, 3 internal error).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin/mcred.cjs');
const EXAMPLES = 'examples';
const INVALID = `${EXAMPLES}/invalid/`;

function mcred(...args) {
    return spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

function fail(message, code = 1) {
    console.error(`\nnpm start: ${message}`);
    process.exit(code);
}

/** A run of the CLI that did not complete a check (exit 0: no errors, 1: errors found). */
function failedRun(run) {
    if (run.error) return `could not run mcred (${run.error.message})`;
    if (run.status !== 0 && run.status !== 1) return `mcred check ${EXAMPLES} failed (exit ${run.status ?? run.signal})`;
    return undefined;
}

// 1. The report, as a user sees it.
console.log(`$ mcred check ${EXAMPLES}\n`);
const text = mcred('check', EXAMPLES);
process.stdout.write(text.stdout);
process.stderr.write(text.stderr);
const textFailure = failedRun(text);
if (textFailure) fail(textFailure, text.status || 1);

// 2. The same check as data, to tell deliberate errors from real ones.
const json = mcred('check', EXAMPLES, '--format', 'json');
const jsonFailure = failedRun(json);
if (jsonFailure) fail(jsonFailure, json.status || 1);
let findings;
try {
    findings = JSON.parse(json.stdout);
} catch (error) {
    fail(`mcred check --format json printed no JSON (${error.message})`);
}
const file = finding => finding.file.split(path.sep).join('/');

const unexpected = findings.filter(f => f.severity === 'error' && !file(f).startsWith(INVALID));
if (unexpected.length > 0) {
    for (const f of unexpected) console.error(`${f.file}:${f.line}:${f.column} ${f.code}`);
    fail(`${unexpected.length} error(s) outside ${INVALID}: the valid examples must have none.`);
}

const invalidFiles = readdirSync(path.join(root, INVALID), { recursive: true })
    .map(name => `${INVALID}${String(name).split(path.sep).join('/')}`)
    .filter(name => name.endsWith('.mcred'))
    .sort();
const mismatches = [];
for (const name of invalidFiles) {
    const header = /^\/\/ expect:(.*)$/.exec(readFileSync(path.join(root, name), 'utf8').split('\n')[0]);
    const expected = (header?.[1] ?? '').split(',').map(code => code.trim()).filter(Boolean).sort();
    const actual = [...new Set(findings.filter(f => file(f) === name).map(f => f.code))].sort();
    if (!header) {
        mismatches.push(`${name}: no \`// expect: code, …\` header on its first line`);
    } else if (expected.join() !== actual.join()) {
        mismatches.push(`${name}: expects ${expected.join(', ') || 'nothing'}, raises ${actual.join(', ') || 'nothing'}`);
    }
}
if (mismatches.length > 0) {
    for (const mismatch of mismatches) console.error(mismatch);
    fail(`${mismatches.length} invalid example(s) do not raise exactly the codes of their header.`);
}

const errors = findings.filter(f => f.severity === 'error').length;
const validFiles = readdirSync(path.join(root, EXAMPLES), { recursive: true })
    .map(name => String(name).split(path.sep).join('/'))
    .filter(name => name.endsWith('.mcred') && !`${EXAMPLES}/${name}`.startsWith(INVALID)).length;
console.log(`\nnpm start: OK. All ${errors} errors are deliberate: they are in ${INVALID} (${invalidFiles.length} files, `
    + `each raising exactly the codes of its \`// expect:\` header); the ${validFiles} other example files have no errors.`);
