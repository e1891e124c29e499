// Golden files pin the exact output of two programmes per format (a credential for one learner
// and the achievement template). Regenerate deliberately with `UPDATE_GOLDEN=1 npx vitest run
// test/export/golden.test.ts` and review the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportFiles } from '../support/export-fixtures.js';

const GOLDEN = path.resolve('test/export/golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const CASES = [
    { name: 'language-md', file: 'test/fixtures/language-md-example.mcred', learner: 'Jane Doe' },
    { name: 'joint-programme', file: 'test/fixtures/export/joint-programme.mcred', learner: 'Rossi, Marco' }
] as const;

function expectGolden(file: string, text: string): void {
    const golden = path.join(GOLDEN, file);
    if (UPDATE || !existsSync(golden)) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(golden, text);
        if (!UPDATE) throw new Error(`golden file ${file} was missing and has been written: review it and run again`);
    }
    expect(text, file).toBe(readFileSync(golden, 'utf8'));
}

describe.each(CASES)('$name', ({ name, file, learner }) => {
    test.each(['ob3', 'elm'] as const)('%s credential for one learner matches its golden file', async format => {
        const plan = await exportFiles([file], { format });
        const document = plan.documents.find(d => d.learner === learner);
        expect(document, `a credential for ${learner}`).toBeDefined();
        expectGolden(`${name}.${learner.toLowerCase().replace(/[^a-z]+/g, '-')}${plan.format.extension}`, document!.text);
    });

    test.each(['ob3', 'elm'] as const)('%s achievement template matches its golden file', async format => {
        const plan = await exportFiles([file], { format, template: true });
        expect(plan.documents).toHaveLength(1);
        expectGolden(`${name}.template${plan.format.extension}`, plan.documents[0].text);
    });
});

test('re-exporting gives byte-identical documents and file names', async () => {
    for (const format of ['ob3', 'elm'] as const) {
        const first = await exportFiles([CASES[1].file], { format });
        const second = await exportFiles([CASES[1].file], { format });
        expect(second.documents.map(d => [d.fileName, d.text])).toEqual(first.documents.map(d => [d.fileName, d.text]));
        expect(new Set(first.documents.map(d => d.fileName)).size).toBe(first.documents.length);
    }
});
