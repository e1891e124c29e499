// `npm start`, the main job of the README quick start (`npm ci && npm start`), run after the build:
// checks every example with the built `mcred` CLI and shows the value first: the valid programmes
// as a short table with their verdicts (Issuable yes/no, Annex I n/11, QA m/17, exactly as
// `mcred check` prints them), then one line for the deliberately invalid examples of
// examples/invalid/, verified from a second run with `--format json`: each raises exactly the
// codes of its `// expect:` header (`--verbose` lists them). Exits 0 in that case; 1 on any error
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

const verbose = process.argv.includes('--verbose');

// 1. The check, as a user runs it; its credential lines carry the verdicts.
const text = mcred('check', EXAMPLES);
process.stderr.write(text.stderr);
const textFailure = failedRun(text);
if (textFailure) {
    process.stdout.write(text.stdout);
    fail(textFailure, text.status || 1);
}

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

// 2. Value first: the valid programmes and their verdicts, as `mcred check` states them.
const CREDENTIAL_LINE = /^ {2}(\S+):(\d+) (\S+)(?: "(.*?)")? — (Issuable: (?:yes|no)(?: — .*?)?) · (Annex I \d+\/11) · (QA \d+\/17(?: \(\d+ waived\))?) — /;
const rows = text.stdout.split('\n').map(line => CREDENTIAL_LINE.exec(line)).filter(Boolean)
    .filter(match => !match[1].split(path.sep).join('/').startsWith(INVALID))
    .map(match => ({
        where: `${match[1]}:${match[2]}`, name: match[3],
        issuable: match[5].replace('Issuable: ', ''), annex1: match[6].replace('Annex I ', ''), qa: match[7].replace('QA ', '')
    }));
const columns = ['name', 'issuable', 'annex1', 'qa', 'where'];
const header = { name: 'Programme', issuable: 'Issuable', annex1: 'Annex I', qa: 'QA checks', where: 'File' };
const width = key => Math.max(...rows.map(row => row[key].length), header[key].length);
const table = [header, ...rows].map(row => '  ' + columns.map(key => row[key].padEnd(width(key))).join('  ').trimEnd());
console.log(`$ mcred check ${EXAMPLES}\n\nThe example programmes:\n${table.join('\n')}`);
if (rows.some(row => row.issuable.startsWith('no'))) {
    console.log('  (a programme without a cohort cannot be issued yet: its learners and date of issuing come with one)');
}

// 3. One line for the deliberately invalid examples.
const invalidErrors = findings.filter(f => f.severity === 'error').length;
console.log(`\n${invalidFiles.length} invalid examples in ${INVALID} each raise exactly their expected codes ✓ (${invalidErrors} deliberate errors${verbose ? '' : '; --verbose lists them'})`);
if (verbose) {
    for (const name of invalidFiles) {
        const codes = [...new Set(findings.filter(f => file(f) === name).map(f => f.code))].sort();
        console.log(`  ${name}: ${codes.join(', ') || 'nothing'}`);
    }
}
