// Prints the one line CI reads: "N passed, N failed", from vitest's JSON reporter output.
// Exits 1 when the report is missing or when no test ran (a run that tests nothing is a failure).
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const file of files) {
    let report;
    try {
        report = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
        console.error(`test-summary: cannot read ${file}: ${error.message}`);
        failed += 1;
        continue;
    }
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    // A file that fails to load or whose hooks fail has no failed test of its own: count it once.
    for (const suite of report.testResults ?? []) {
        if (suite.status === 'failed' && !(suite.assertionResults ?? []).some(a => a.status === 'failed')) failed += 1;
    }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
