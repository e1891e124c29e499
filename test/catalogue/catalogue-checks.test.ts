// The checks only the catalogue sees: stacking stated on one side only (either side, across
// files), a pathway below its parts' level, a QA review cycle passed since the last cohort (as of
// a date set on the Clock, so the test does not depend on the calendar).
import { afterEach, describe, expect, test } from 'vitest';
import { check, edit, EXAMPLE, withCode } from '../support/validate.js';

describe('pathway-stack-mismatch', () => {
    test('silent when both sides agree (the example)', async () => {
        expect(withCode(await check(EXAMPLE), 'pathway-stack-mismatch')).toEqual([]);
    });

    test('a credential stackable into a pathway that does not include it, in another file', async () => {
        const checked = await check({
            'a.mcred': 'microcredential A {\n    workload 5 ects\n    stackable into P\n}\n',
            'p.mcred': 'microcredential B {\n    workload 5 ects\n    stackable into P\n}\n\npathway P {\n    includes B\n}\n'
        });
        const found = withCode(checked, 'pathway-stack-mismatch');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain("'A' says it is stackable into pathway 'P', but 'P' does not include it");
        expect(found[0].range.start.line).toBe(2);
        expect(checked.documents[0].diagnostics).toContainEqual(found[0]);
    });

    test('a pathway that includes a credential that does not say so; a standalone one too', async () => {
        const checked = await check('microcredential A {\n    workload 5 ects\n}\n\nmicrocredential B {\n    standalone\n}\n\npathway P {\n    includes A, B\n}\n');
        expect(withCode(checked, 'pathway-stack-mismatch').map(d => (d.message as string).split(':')[0])).toEqual([
            "Pathway 'P' includes 'A', but 'A' does not say it is stackable into 'P'",
            "Pathway 'P' includes 'B', but 'B' does not say it is stackable into 'P'"
        ]);
    });

    test('stackable into a micro-credential is not judged (it includes nothing)', async () => {
        expect(withCode(await check('microcredential A {\n    stackable into B\n}\n\nmicrocredential B {\n    standalone\n}\n'), 'pathway-stack-mismatch')).toEqual([]);
    });
});

describe('pathway-level', () => {
    test('fires when a part is above the pathway, with QF-EHEA cycles read as EQF levels', async () => {
        const checked = await check('microcredential A {\n    level qf-ehea second\n}\n\nmicrocredential B {\n    level eqf 5\n}\n\npathway P {\n    includes A, B\n    level eqf 6\n}\n');
        const found = withCode(checked, 'pathway-level');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain("Pathway 'P' is at EQF level 6, below 'A' (EQF level 7)");
        expect(found[0].severity).toBe(3);
    });

    test('silent at or above its parts, and on a level that is not an EQF level', async () => {
        expect(withCode(await check(EXAMPLE), 'pathway-level')).toEqual([]);
        const checked = await check('microcredential A {\n    level eqf 9\n}\n\npathway P {\n    includes A\n    level eqf 6\n}\n');
        expect(withCode(checked, 'pathway-level')).toEqual([]);
        expect(checked.codes).toContain('value-eqf');
    });
});

describe('qa-review-due', () => {
    afterEach(async () => {
        const { services } = await check('');
        services.mcred.validation.Clock.use(undefined);
    });

    const programme = (issued: string) => issued === '2026-06-30' ? EXAMPLE : edit(EXAMPLE, 'issued 2026-06-30', `issued ${issued}`);

    test('due once the cycle has passed since the last cohort, as of the Clock', async () => {
        const { services } = await check('');
        services.mcred.validation.Clock.use('2028-06-29');
        expect(withCode(await check(programme('2026-06-30')), 'qa-review-due')).toEqual([]);
        services.mcred.validation.Clock.use('2028-06-30');
        const found = withCode(await check(programme('2026-06-30')), 'qa-review-due');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain("its cycle (every 2 years) has passed since its last cohort 'Spring2026' (2026-06-30); the review fell due on 2028-06-30 (today is 2028-06-30)");
    });

    test('a later cohort in another file counts', async () => {
        const { services } = await check('');
        services.mcred.validation.Clock.use('2026-12-01');
        expect(withCode(await check(programme('2020-06-30')), 'qa-review-due')).toHaveLength(1);
        const later = 'cohort Autumn2026 of AIDigitalEthics {\n    issued 2026-10-01\n    learner "Ana Ruiz" id "mailto:ana@example.org" grade "pass"\n}\n';
        expect(withCode(await check({ 'programme.mcred': programme('2020-06-30'), 'later.mcred': later }), 'qa-review-due')).toEqual([]);
    });

    test('silent without a cohort or without a cycle', async () => {
        const { services } = await check('');
        services.mcred.validation.Clock.use('2099-01-01');
        const noCohort = edit(EXAMPLE, /\ncohort Spring2026[\s\S]*$/, '\n');
        expect(withCode(await check(noCohort), 'qa-review-due')).toEqual([]);
        expect(withCode(await check(edit(EXAMPLE, /\n\s*review every 2 years/, '')), 'qa-review-due')).toEqual([]);
    });
});
