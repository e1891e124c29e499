import { describe, expect, test } from 'vitest';
import { check, edit, EXAMPLE, withCode } from '../support/validate.js';

const PROVIDER = 'provider UNIFI {\n    name "University of Florence"\n    country IT\n}\n';

const credential = (name: string, ects: number | undefined, extra = '') => `
microcredential ${name} {
    title "${name}"
    awardedBy UNIFI
    ${ects === undefined ? '' : `workload ${ects} ects`}
    ${extra}
}
`;

describe('ref-duplicate-name', () => {
    test('top-level names are unique across the files of the workspace; both declarations are flagged', async () => {
        const checked = await check({ 'a.mcred': EXAMPLE, 'b.mcred': PROVIDER });
        const duplicates = withCode(checked, 'ref-duplicate-name');
        expect(duplicates).toHaveLength(2);
        expect(checked.documents[0].diagnostics?.find(d => d.code === 'ref-duplicate-name')?.message).toContain('(also a provider in b.mcred:1)');
    });

    test('a file in another folder is named by its path, not only its name', async () => {
        const checked = await check({ 'a.mcred': EXAMPLE, 'shared/b.mcred': PROVIDER });
        expect(checked.documents[0].diagnostics?.find(d => d.code === 'ref-duplicate-name')?.message).toContain('shared/b.mcred:1');
        expect(checked.documents[1].diagnostics?.find(d => d.code === 'ref-duplicate-name')?.message).toContain('../a.mcred:');
    });

    test('a pathway and a micro-credential share the namespace', async () => {
        const text = edit(EXAMPLE, 'pathway AILiteracyPathway {', 'pathway AIDigitalEthics {');
        expect(withCode(await check(text), 'ref-duplicate-name')).toHaveLength(2);
    });

    test('cohorts of different credentials may share a name; of the same credential they may not', async () => {
        const other = `${credential('Other', 5)}\ncohort Spring2026 of Other {\n    issued 2026-06-30\n}\n`;
        expect(withCode(await check({ 'a.mcred': EXAMPLE, 'b.mcred': other }), 'ref-duplicate-name')).toEqual([]);
        const same = 'cohort Spring2026 of AIDigitalEthics {\n    issued 2026-07-30\n    learner "A" id "did:example:1" grade "pass"\n}\n';
        expect(withCode(await check({ 'a.mcred': EXAMPLE, 'b.mcred': same }), 'ref-duplicate-name')).toHaveLength(2);
    });

    test('outcome names, and assessment names, are unique within their credential', async () => {
        const outcomes = edit(EXAMPLE, 'outcome LO2 "Evaluate', 'outcome LO1 "Evaluate');
        const found = withCode(await check(outcomes), 'ref-duplicate-name');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('already has an outcome called \'LO1\'');
        const assessments = edit(EXAMPLE, '    audience {', '    assessment Audit {\n        type quiz\n        covers LO1\n        supervision supervised\n        grading "0-30"\n    }\n\n    audience {');
        expect(withCode(await check(assessments), 'ref-duplicate-name')).toHaveLength(1);
    });
});

describe('pathway-ects-sum', () => {
    const pathway = (ects: number | undefined, parts: string) =>
        `pathway P {\n    title "P"\n    awardedBy UNIFI\n    includes ${parts}\n    ${ects === undefined ? '' : `workload ${ects} ects`}\n}\n`;
    const parts = PROVIDER + credential('A', 5) + credential('B', 3);

    test('a stated workload equal to the sum of the parts is fine', async () => {
        expect(withCode(await check(parts + pathway(8, 'A, B')), 'pathway-ects-sum')).toEqual([]);
    });

    test('a stated workload that differs from the sum is a warning naming the parts', async () => {
        const [diagnostic] = withCode(await check(parts + pathway(10, 'A, B')), 'pathway-ects-sum');
        expect(diagnostic?.message).toContain('A 5 + B 3');
        expect(diagnostic?.data).toMatchObject({ stated: 10, sum: 8 });
    });

    test('nested pathways count with their stated or summed workload', async () => {
        const nested = parts + 'pathway Inner {\n    includes A\n}\n' + pathway(8, 'Inner, B');
        expect(withCode(await check(nested), 'pathway-ects-sum')).toEqual([]);
    });

    test('when a part states no ECTS there is nothing to compare', async () => {
        const text = PROVIDER + credential('A', 5) + credential('B', undefined, 'hours 75') + pathway(99, 'A, B');
        expect(withCode(await check(text), 'pathway-ects-sum')).toEqual([]);
    });
});

describe('pathway-cycle', () => {
    test('a pathway that includes itself', async () => {
        const [diagnostic] = withCode(await check('pathway P {\n    includes P\n}\n'), 'pathway-cycle');
        expect(diagnostic?.message).toContain("'P' includes itself");
    });

    test('a cycle through other pathways, across files, is reported on each pathway of it', async () => {
        const checked = await check({ 'p.mcred': 'pathway P {\n    includes Q\n}\n', 'q.mcred': 'pathway Q {\n    includes P\n}\n' });
        const cycles = withCode(checked, 'pathway-cycle');
        expect(cycles).toHaveLength(2);
        expect(cycles[0].message).toContain('P → Q → P');
    });

    test('a diamond (two pathways sharing a part) is not a cycle', async () => {
        const text = PROVIDER + credential('A', 5) + 'pathway P {\n    includes A\n}\npathway Q {\n    includes A, P\n}\n';
        expect(withCode(await check(text), 'pathway-cycle')).toEqual([]);
    });
});

describe('ref-duplicate-name in the editor: both files are re-validated', () => {
    test('a duplicate that appears or disappears in one file shows or clears in the other without editing it', async () => {
        const { URI } = await import('langium');
        const { setTextDocument } = await import('langium/test');
        const { TextDocument } = await import('vscode-languageserver-textdocument');
        const checked = await check({ 'a.mcred': PROVIDER, 'b.mcred': credential('M', 5) });
        const { services, documents } = checked;
        const [a, b] = documents;
        expect(a.diagnostics).toEqual([]);
        const bUri = URI.file('/workspace/b.mcred');
        const edit = async (text: string, version: number) => {
            setTextDocument(services.shared, TextDocument.create(bUri.toString(), 'mcred', version, text));
            await services.shared.workspace.DocumentBuilder.update([bUri], []);
        };
        await edit(PROVIDER + credential('M', 5), 2);
        expect(a.diagnostics?.map(d => d.code)).toEqual(['ref-duplicate-name']);
        expect(services.shared.workspace.LangiumDocuments.getDocument(bUri)!.diagnostics?.map(d => d.code)).toContain('ref-duplicate-name');
        await edit(credential('M', 5), 3);
        expect(a.diagnostics).toEqual([]);
        expect(b).toBeDefined();
    });
});
