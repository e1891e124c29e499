import { describe, expect, test } from 'vitest';
import { isWaivable, ISSUE_CODES } from '../../language-server/rules/issue-codes.js';
import { check, edit, EXAMPLE, withCode } from '../support/validate.js';

const waive = (text: string, lines: string) => edit(text, '    furtherInfo "https://www.unifi.it/micro/ai-ethics"\n',
    `    furtherInfo "https://www.unifi.it/micro/ai-ethics"\n${lines}\n`);
const withoutModel = edit(EXAMPLE, /\n {8}model "Fee-based[^\n]*/, '');

describe('waivers', () => {
    test('a waived check raises nothing for that credential', async () => {
        expect((await check(withoutModel)).codes).toEqual(['qa-business-model']);
        expect((await check(waive(withoutModel, '    waive qa-business-model "State-funded, free to learners"'))).codes).toEqual([]);
    });

    test('a waiver silences every finding of its code in the credential, including its cohorts in other files', async () => {
        const noGrades = edit(edit(EXAMPLE, ' grade "pass"\n    learner "Kim', '\n    learner "Kim'), '"did:example:123" grade "pass"', '"did:example:123"');
        expect(withCode(await check(noGrades), 'eu-opt-grade')).toHaveLength(2);
        const [credential, cohort] = waive(noGrades, '    waive eu-opt-grade "Pass/fail only: the certificate states the pass"').split(/\n(?=cohort )/);
        const checked = await check({ 'programme.mcred': credential, 'cohort.mcred': `${cohort}` });
        expect(checked.codes).toEqual([]);
    });

    test('a waiver without a reason is an error and waives nothing', async () => {
        const checked = await check(waive(withoutModel, '    waive qa-business-model'));
        expect(checked.codes).toEqual(['qa-business-model', 'waiver-reason']);
        expect(checked.codes).not.toContain('waiver-unused');
    });

    test('a waiver of an unknown code suggests the closest codes', async () => {
        const [diagnostic] = withCode(await check(waive(withoutModel, '    waive qa-busines-model "Free"')), 'waiver-unknown-code');
        expect(diagnostic?.message).toContain('did you mean qa-business-model');
        expect(diagnostic?.data).toMatchObject({ suggestions: ['qa-business-model'] });
    });

    test('mandatory Annex I elements and the language rules cannot be waived', async () => {
        const annex = withCode(await check(waive(EXAMPLE, '    waive eu-title "We have none"')), 'waiver-unknown-code');
        expect(annex[0]?.message).toContain('Annex I requires this element');
        expect(isWaivable('eu-title')).toBe(false);
        expect(isWaivable('eu-workload-ects')).toBe(true);
        expect(ISSUE_CODES.filter(isWaivable).every(code => /^(eu-opt-|eu-workload-ects|value-|qa-)/.test(code))).toBe(true);
    });

    test('a waiver that waives nothing is information, and so is a second waiver of the same code', async () => {
        const unused = withCode(await check(waive(EXAMPLE, '    waive qa-business-model "State-funded"')), 'waiver-unused');
        expect(unused).toHaveLength(1);
        expect(unused[0]?.severity).toBe(3);
        const twice = await check(waive(withoutModel, '    waive qa-business-model "State-funded"\n    waive qa-business-model "Free"'));
        expect(withCode(twice, 'waiver-unused')[0]?.message).toContain('already waived above');
        expect(twice.codes).toEqual(['waiver-unused']);
    });

    test('a waiver applies to its own credential only', async () => {
        const other = `microcredential Other {\n    title "Other"\n    awardedBy UNIFI\n    waive qa-business-model "Free"\n}\n`;
        const checked = await check({ 'a.mcred': withoutModel, 'b.mcred': other });
        expect(checked.documents[0].diagnostics?.map(d => d.code)).toEqual(['qa-business-model']);
    });
});
