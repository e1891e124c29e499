import { describe, expect, test } from 'vitest';
import { fixesFor } from '../../support/code-actions.js';
import { check, edit, EXAMPLE } from '../../support/validate.js';

/** Before/after tests of the quick fixes that replace a value or add to an element. */
async function expectFix(before: string, code: string, title: string, after: string) {
    const fixes = await fixesFor(before, code);
    const fixed = fixes.apply(title)['programme.mcred'];
    expect(fixed).toBe(after);
    return fixes;
}

describe('did you mean', () => {
    test.each([
        ['value-country', 'country IT', 'country it', 'Did you mean IT (Italy)?'],
        ['value-language', 'language en', 'language EN', 'Did you mean en (English)?'],
        ['value-fee', 'fee 300 EUR', 'fee 300 eur', 'Did you mean EUR (Euro)?'],
        ['value-isced-f', 'field "0223"', 'field "223"', 'Did you mean 0223 (Philosophy and ethics)?']
    ])('%s: %s ← %s', async (code, valid, invalid, title) => {
        const fixes = await expectFix(edit(EXAMPLE, valid, invalid), code, title, EXAMPLE);
        expect(fixes.actions[0].isPreferred).toBe(true);
    });

    test('several suggestions, best first; each replaces the wrong value', async () => {
        const fixes = await fixesFor(edit(EXAMPLE, 'country IT', 'country ITA'), 'value-country');
        expect(fixes.actions.map(a => a.title)[0]).toBe('Did you mean IT (Italy)?');
        expect(fixes.actions.length).toBeGreaterThan(1);
        expect(fixes.actions.filter(a => a.isPreferred)).toHaveLength(1);
    });

    test('a waiver of an unknown code', async () => {
        const valid = edit(EXAMPLE, '    stackable into', '    waive qa-business-model "State-funded"\n    stackable into').replace(/\n {8}model "Fee-based[^\n]*/, '');
        await expectFix(edit(valid, 'waive qa-business-model', 'waive qa-busines-model'), 'waiver-unknown-code', 'Did you mean qa-business-model?', valid);
    });

    test('a negative fee has no mechanical fix', async () => {
        expect((await fixesFor(edit(EXAMPLE, 'fee 300 EUR', 'fee -300 EUR'), 'value-fee')).actions).toEqual([]);
    });
});

describe('value repairs', () => {
    test('value-url: a homepage without its scheme', async () => {
        await expectFix(edit(EXAMPLE, '"https://www.unifi.it"', '"www.unifi.it"'), 'value-url', 'Write https://www.unifi.it', EXAMPLE);
    });

    test('value-url: a learner id that is a bare e-mail address', async () => {
        await expectFix(edit(EXAMPLE, '"mailto:jane.doe@example.org"', '"jane.doe@example.org"'), 'value-url', 'Write mailto:jane.doe@example.org', EXAMPLE);
    });

    test('value-date: a one-digit month', async () => {
        await expectFix(edit(EXAMPLE, 'issued 2026-06-30', 'issued 2026-6-30'), 'value-date', 'Write 2026-06-30', EXAMPLE);
    });

    test('value-did: a provider did written as its web address becomes its did:web', async () => {
        const withDid = (did: string) => edit(EXAMPLE, '    region "Toscana"', `    region "Toscana"\n    did "${did}"`);
        await expectFix(withDid('https://www.unifi.it'), 'value-did', 'Write did:web:www.unifi.it', withDid('did:web:www.unifi.it'));
    });

    test('value-date: an impossible date has no mechanical fix', async () => {
        expect((await fixesFor(edit(EXAMPLE, 'issued 2026-06-30', 'issued 2026-02-30'), 'value-date')).actions).toEqual([]);
    });

    test('pathway-ects-sum: state the sum of the parts', async () => {
        const stated = (n: number) => edit(EXAMPLE, '    level eqf 6                         // workload', `    workload ${n} ects\n    level eqf 6 //`);
        await expectFix(stated(10), 'pathway-ects-sum', 'State the sum of the parts (5 ECTS)', stated(5));
    });
});

describe('qa-structure-assessment-aligned: add the outcome to an assessment', () => {
    test('to the covers of an existing assessment', async () => {
        await expectFix(edit(EXAMPLE, 'covers LO1, LO2', 'covers LO1'), 'qa-structure-assessment-aligned', 'Add LO2 to the covers of Audit', EXAMPLE);
    });

    test('one action per assessment; an assessment without covers gets the line', async () => {
        const two = edit(EXAMPLE, 'covers LO1, LO2', 'covers LO1').replace('    audience {', '    assessment Oral {\n        type oral-exam\n        supervision supervised\n        grading "0-30"\n    }\n\n    audience {');
        const fixes = await fixesFor(two, 'qa-structure-assessment-aligned');
        expect(fixes.actions.map(a => a.title)).toEqual(['Add LO2 to the covers of Audit', 'Add LO2 to the covers of Oral']);
        const fixed = fixes.apply('Add LO2 to the covers of Oral')['programme.mcred'];
        expect(fixed).toContain('    assessment Oral {\n        type oral-exam\n        covers LO2\n        supervision supervised\n');
        expect((await check(fixed)).codes).toEqual([]);
    });

    test('without any assessment: one cause, one diagnostic (eu-assessment-type), the unassessed outcomes its related information', async () => {
        const none = edit(EXAMPLE, /\n {4}assessment Audit \{[\s\S]*?\n {4}\}\n/, '');
        const checked = await check(none);
        expect(checked.codes).not.toContain('qa-structure-assessment-aligned');
        const assessment = checked.diagnostics.filter(d => d.code === 'eu-assessment-type');
        expect(assessment).toHaveLength(1);
        expect(assessment[0].relatedInformation?.map(r => r.message.split(':')[0])).toEqual(['qa-structure-assessment-aligned', 'qa-structure-assessment-aligned', 'qa-structure-transparency']);
        const fixed = (await fixesFor(none, 'eu-assessment-type')).apply('Add an assessment')['programme.mcred'];
        expect(fixed).toMatch(/ {4}assessment \w+ \{\n {8}type \?\n/);
    });
});

describe('ref-unresolved: create the missing provider', () => {
    test('after the last provider of the file', async () => {
        const before = edit(EXAMPLE, '    awardedBy UNIFI\n    language', '    awardedBy UNIFI, POLIMI\n    language');
        const fixes = await fixesFor(before, 'ref-unresolved');
        const fixed = fixes.apply("Create provider 'POLIMI'")['programme.mcred'];
        expect(fixed).toBe(edit(before, '    homepage "https://www.unifi.it"\n}\n',
            '    homepage "https://www.unifi.it"\n}\n\nprovider POLIMI {\n    name ?\n    country ?\n}\n'));
        expect((await check(fixed)).codes).not.toContain('syntax-error');
    });

    test('at the top of a file without providers', async () => {
        const before = 'microcredential M {\n    awardedBy NEW\n}\n';
        const fixed = (await fixesFor(before, 'ref-unresolved')).apply("Create provider 'NEW'")['programme.mcred'];
        expect(fixed.startsWith('provider NEW {\n    name ?\n    country ?\n}\n')).toBe(true);
        expect(fixed.endsWith('}\n\nmicrocredential M {\n    awardedBy NEW\n}\n')).toBe(true);
    });

    test('other unresolved references get no provider', async () => {
        expect((await fixesFor(edit(EXAMPLE, 'covers LO1, LO2', 'covers LO1, LO9'), 'ref-unresolved')).actions).toEqual([]);
    });
});

describe('qa-structure-outcomes: a measurable verb instead of a vague one', () => {
    test('"Understand" becomes "Explain" (or another suggested verb)', async () => {
        const before = edit(EXAMPLE, '"Explain the main', '"Understand the main');
        const fixes = await expectFix(before, 'qa-structure-outcomes', 'Say "Explain" instead of "Understand"', EXAMPLE);
        expect(fixes.actions.map(a => a.title)).toEqual([
            'Say "Explain" instead of "Understand"', 'Say "Describe" instead of "Understand"', 'Say "Interpret" instead of "Understand"'
        ]);
    });

    test('a phrase inside the statement keeps its case', async () => {
        const before = edit(EXAMPLE, '"Explain the main', '"Learners will be aware of the main');
        const fixed = (await fixesFor(before, 'qa-structure-outcomes')).apply('Say "recognise" instead of "be aware of"')['programme.mcred'];
        expect(fixed).toContain('"Learners will recognise the main ethical principles');
        expect((await check(fixed)).codes).toEqual([]);
    });
});

describe('waivers', () => {
    const withWaiver = (line: string) => edit(EXAMPLE, '    stackable into', `${line}\n    stackable into`);

    test('waiver-reason: add the reason', async () => {
        const before = withWaiver('    waive qa-business-model').replace(/\n {8}model "Fee-based[^\n]*/, '');
        const fixed = (await fixesFor(before, 'waiver-reason')).apply('Add the reason of the waiver')['programme.mcred'];
        expect(fixed).toBe(edit(before, 'waive qa-business-model', 'waive qa-business-model "?"'));
        // The reason is a hole for a person to fill: until then the waiver waives nothing.
        expect([...(await check(fixed)).codes].sort()).toEqual(['qa-business-model', 'value-placeholder']);
    });

    test('waiver-unused: remove the waiver line', async () => {
        await expectFix(withWaiver('    waive qa-business-model "State-funded"'), 'waiver-unused', 'Remove the unused waiver of qa-business-model', EXAMPLE);
    });
});
