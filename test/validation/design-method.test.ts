import { describe, expect, test } from 'vitest';
import { QA_CHECKS } from '../../language-server/model/qa-checks.js';
import { QA_CODES } from '../../language-server/rules/issue-codes.js';
import { check, edit, EXAMPLE, withCode } from '../support/validate.js';

const MINIMAL = `provider P {
    country IT
}

microcredential M {
    title "M"
    awardedBy P
    workload 5 ects
    level eqf 6
    participation online
    outcome LO1 "Explain things"
    assessment A {
        type quiz
        covers LO1
        supervision supervised
        grading "pass/fail"
    }
    qualityAssurance {
        internal exAnte "Approved"
    }
    prerequisites "None"
    standalone
    furtherInfo "https://example.org"
}
`;

describe('the 17 QA checks of the design method', () => {
    test('there is one predicate per qa-* code, in the order of docs/rules.md', () => {
        expect(QA_CHECKS.map(c => c.code)).toEqual(QA_CODES);
        expect(QA_CODES).toHaveLength(17);
        expect(QA_CHECKS.map(c => c.step)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5]);
    });

    test('a credential without the design blocks gets one warning per missing item, on its name', async () => {
        const checked = await check(MINIMAL);
        expect(checked.codes).toEqual([
            'qa-audience-codesign', 'qa-audience-needs', 'qa-audience-target', 'qa-audience-upskilling',
            'qa-business-administration', 'qa-business-model', 'qa-business-sustainability',
            'qa-format-methodology', 'qa-format-modes', 'qa-format-sustainability',
            'qa-method-defined', 'qa-method-stakeholders', 'qa-method-tools', 'qa-structure-defined'
        ]);
        const target = withCode(checked, 'qa-audience-target')[0];
        expect(target.range.start.line).toBe(4);
        expect(target.data).toMatchObject({ block: 'audience', missing: 'target', blockMissing: true, step: 1 });
        expect(target.message).toContain('design method step 1 (target audience)');
    });

    test('qa-method-defined is not repeated when Annex I already reports no QA at all', async () => {
        const checked = await check(edit(MINIMAL, /\n {4}qualityAssurance \{[\s\S]*?\n {4}\}/, ''));
        expect(checked.codes).toContain('eu-quality-assurance');
        expect(checked.codes).not.toContain('qa-method-defined');
    });

    test('qa-method-defined: a procedure without its timing, and a missing internal or external side', async () => {
        const untimed = withCode(await check(edit(EXAMPLE, 'internal exAnte "Design', 'internal "Design')), 'qa-method-defined');
        expect(untimed).toHaveLength(1);
        expect(untimed[0].message).toContain('`internal exAnte`');
        const internalOnly = withCode(await check(MINIMAL), 'qa-method-defined');
        expect(internalOnly[0].message).toContain('Only internal QA is stated');
    });

    test('qa-method-tools accepts standards on the block or on a procedure', async () => {
        const onBlock = edit(EXAMPLE, ' standard "ESG 2015 Part 1"', '').replace('review every 2 years', 'review every 2 years\n        standards "EQAVET"');
        expect((await check(onBlock)).codes).toEqual([]);
    });

    test('qa-structure-outcomes: a vague outcome with a skill URI passes; without one it suggests verbs', async () => {
        const vague = edit(EXAMPLE, '"Evaluate an AI application', '"Understand an AI application');
        expect((await check(vague)).codes).toEqual([]);
        const [diagnostic] = withCode(await check(edit(EXAMPLE, '"Explain the main', '"Be aware of the main')), 'qa-structure-outcomes');
        expect(diagnostic?.message).toContain('relies on "be aware of" alone');
        expect(diagnostic?.message).toContain('"recognise"');
    });

    test('qa-structure-outcomes: an outcome without a statement', async () => {
        const [diagnostic] = withCode(await check(edit(EXAMPLE, 'outcome LO1 "Explain the main ethical principles that apply to AI systems"', 'outcome LO1')), 'qa-structure-outcomes');
        expect(diagnostic?.message).toContain("Outcome 'LO1' has no statement");
    });

    test('qa-structure-assessment-aligned is reported on each uncovered outcome', async () => {
        const checked = await check(edit(EXAMPLE, 'covers LO1, LO2', 'covers LO2'));
        const [diagnostic] = withCode(checked, 'qa-structure-assessment-aligned');
        expect(diagnostic?.range.start.line).toBe(19);
        expect(diagnostic?.data).toMatchObject({ outcome: 'LO1' });
    });

    test('qa-format-modes: no mode, or a mode that contradicts the participation', async () => {
        expect(withCode(await check(edit(EXAMPLE, '        mode blended\n', '')), 'qa-format-modes')[0]?.message).toContain('State the teaching mode');
        expect(withCode(await check(edit(EXAMPLE, 'mode blended', 'mode onsite')), 'qa-format-modes')[0]?.message)
            .toContain('The teaching mode (onsite) contradicts the form of participation (blended)');
    });

    test('qa-business-sustainability names the missing runs', async () => {
        const [diagnostic] = withCode(await check(edit(EXAMPLE, ' medium "Partner co-funding for three editions" long "Part of the lifelong-learning catalogue"', '')), 'qa-business-sustainability');
        expect(diagnostic?.message).toContain('in the medium, long run');
        expect(diagnostic?.data).toMatchObject({ runs: ['medium', 'long'] });
    });

    test('qa-business-administration: administration and learner typologies', async () => {
        const [both] = withCode(await check(edit(edit(EXAMPLE, /\n {8}administration[^\n]*/, ''), /\n {8}learnerTypes[^\n]*/, '')), 'qa-business-administration');
        expect(both?.data).toMatchObject({ lacks: ['administration', 'learnerTypes'] });
    });

    test('a syntax error inside a credential holds back its completeness checks, not its values', async () => {
        const broken = edit(edit(EXAMPLE, '    audience {\n', ''), 'language en', 'language english');
        expect((await check(broken)).codes).toEqual(['syntax-error', 'value-language']);
    });
});
