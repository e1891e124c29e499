import { describe, expect, test } from 'vitest';
import { ISSUE_CODES, RULES } from '../../language-server/rules/issue-codes.js';
import { check, edit, EXAMPLE, severityName, withCode } from '../support/validate.js';

/**
 * Every code of the rule table fires on one edit of the reference example of docs/language.md and on nothing
 * else; the example itself raises nothing, so every code also has an input where it is silent.
 */
type Case = readonly [code: string, change: (text: string) => string, expected: readonly string[]];

const drop = (line: string) => (text: string) => edit(text, new RegExp(`\\n[ \\t]*${line}[^\\n]*`), '');
const replace = (from: string | RegExp, to: string) => (text: string) => edit(text, from, to);
const addToCredential = (lines: string) => replace('    furtherInfo "https://www.unifi.it/micro/ai-ethics"\n',
    `    furtherInfo "https://www.unifi.it/micro/ai-ethics"\n${lines}\n`);

const CASES: readonly Case[] = [
    // §3.1 Annex I
    ['eu-title', drop('title "AI & Digital Ethics"'), ['eu-title']],
    ['eu-country', drop('country IT'), ['eu-country']],
    ['eu-awarding-body', replace('    awardedBy UNIFI\n    language', '    language'), ['eu-awarding-body']],
    ['eu-learning-outcomes', t => drop('covers LO1, LO2')(edit(t, /\n {4}outcome LO1[\s\S]*?b5"\n/, '\n')), ['eu-learning-outcomes']],
    ['eu-workload', drop('workload 5 ects'), ['eu-workload']],
    ['eu-workload-ects', replace('workload 5 ects', 'hours 125'), ['eu-workload-ects']],
    ['eu-level', replace('    level eqf 6\n    field', '    field'), ['eu-level']],
    ['eu-assessment-type', drop('type project'), ['eu-assessment-type']],
    ['eu-participation', drop('participation blended'), ['eu-participation']],
    ['eu-quality-assurance', replace(/ {8}internal exAnte[^\n]*\n {8}external[^\n]*\n/, '        standards "ESG 2015 Part 1"\n'), ['eu-quality-assurance']],
    ['eu-learner', t => drop('learner "Kim Lee"')(drop('learner "Jane Doe"')(t)), ['eu-learner']],
    ['eu-issue-date', drop('issued 2026-06-30'), ['eu-issue-date']],
    // §3.2 Annex I optional
    ['eu-opt-prerequisites', drop('prerequisites'), ['eu-opt-prerequisites']],
    ['eu-opt-supervision', drop('supervision supervised-with-id'), ['eu-opt-supervision']],
    ['eu-opt-grade', replace('"did:example:123" grade "pass"', '"did:example:123"'), ['eu-opt-grade']],
    // (the pathway's `includes` goes too: alone, it would be a pathway-stack-mismatch)
    ['eu-opt-stackability', t => drop('includes AIDigitalEthics')(drop('stackable into')(t)), ['eu-opt-stackability']],
    ['eu-opt-further-info', drop('furtherInfo "https://www.unifi.it/micro'), ['eu-opt-further-info']],
    // §3.3 values and references
    ['value-ects', replace('workload 5 ects', 'workload 0 ects'), ['value-ects']],
    ['value-eqf', replace('    level eqf 6\n    field', '    level eqf 9\n    field'), ['value-eqf']],
    ['value-isced-f', replace('field "0223"', 'field "0224"'), ['value-isced-f']],
    ['value-country', replace('country IT', 'country XX'), ['value-country']],
    ['value-language', replace('language en', 'language english'), ['value-language']],
    ['value-date', replace('issued 2026-06-30', 'issued 2026-02-30'), ['value-date']],
    ['value-duration', replace('duration 6 weeks', 'duration 0 weeks'), ['value-duration']],
    ['value-url', replace('homepage "https://www.unifi.it"', 'homepage "www.unifi.it"'), ['value-url']],
    ['value-workload-consistency', replace('workload 5 ects', 'workload 5 ects\n    hours 300'), ['value-workload-consistency']],
    ['value-fee', replace('fee 300 EUR', 'fee 300 EUROS'), ['value-fee']],
    ['value-hole', replace('    level eqf 6\n    field', '    level ?\n    field'), ['value-hole']],
    ['value-placeholder', replace(/needsAnalysis "[^"]*"/, 'needsAnalysis "TBD"'), ['value-placeholder']],
    ['ref-duplicate-name', t => `${t}\nprovider UNIFI {\n    name "Another Florence"\n    country IT\n}\n`, ['ref-duplicate-name']],
    ['pathway-ects-sum', replace('    level eqf 6                         // workload', '    workload 10 ects\n    level eqf 6 //'), ['pathway-ects-sum']],
    ['pathway-cycle', replace('includes AIDigitalEthics', 'includes AIDigitalEthics, AILiteracyPathway'), ['pathway-cycle']],
    ['value-capacity', replace('    issued 2026-06-30\n', '    issued 2026-06-30\n    capacity 0\n'), ['value-capacity']],
    ['i18n-missing', replace('language en', 'language en, it'), ['i18n-missing']],
    ['i18n-unknown-language', replace('title "AI & Digital Ethics"', 'title "AI & Digital Ethics"\n    title "IA ed etica digitale"@it'), ['i18n-unknown-language']],
    ['module-ects-sum', addToCredential('    module Ethics {\n        workload 2 ects\n    }\n    module Act {\n        workload 2 ects\n    }'), ['module-ects-sum']],
    ['assessment-weights', replace('type project', 'type project\n        weight 90%'), ['assessment-weights']],
    ['value-did', replace('    region "Toscana"', '    region "Toscana"\n    did "https://www.unifi.it"'), ['value-did']],
    ['value-learner-id', replace('id "did:example:123"', 'id "javascript:alert(1)"'), ['value-learner-id']],
    ['learner-duplicate', replace('id "did:example:123"', 'id "MAILTO:jane.doe@example.org"'), ['learner-duplicate']],
    ['roster-path', replace('    issued 2026-06-30\n', '    issued 2026-06-30\n    roster "/proc/self/environ"\n'), ['roster-path']],
    ['pathway-stack-mismatch', drop('includes AIDigitalEthics'), ['pathway-stack-mismatch']],
    ['pathway-level', replace(/ {4}level eqf 6( +\/\/ workload)/, '    level eqf 5$1'), ['pathway-level']],
    ['qa-review-due', replace('issued 2026-06-30', 'issued 2020-06-30'), ['qa-review-due']],
    // §3.4 design method
    ['qa-audience-target', drop('target "IT and business'), ['qa-audience-target']],
    ['qa-audience-needs', drop('needsAnalysis'), ['qa-audience-needs']],
    ['qa-audience-codesign', drop('coDesignedWith'), ['qa-audience-codesign']],
    ['qa-audience-upskilling', drop('purpose upskilling'), ['qa-audience-upskilling']],
    ['qa-structure-defined', drop('duration 6 weeks'), ['qa-structure-defined']],
    ['qa-structure-outcomes', replace('"Explain the main ethical', '"Understand the main ethical'), ['qa-structure-outcomes']],
    ['qa-structure-assessment-aligned', replace('covers LO1, LO2', 'covers LO1'), ['qa-structure-assessment-aligned']],
    ['qa-structure-transparency', drop('grading "pass/fail"'), ['qa-structure-transparency']],
    ['qa-format-modes', replace('mode blended', 'mode online'), ['qa-format-modes']],
    ['qa-format-methodology', drop('methodology'), ['qa-format-methodology']],
    ['qa-format-sustainability', drop('sustainability "Reuses'), ['qa-format-sustainability']],
    ['qa-method-defined', drop('internal exAnte'), ['qa-method-defined']],
    ['qa-method-stakeholders', drop('stakeholders "employers"'), ['qa-method-stakeholders']],
    ['qa-method-tools', replace(' standard "ESG 2015 Part 1"', ''), ['qa-method-tools']],
    ['qa-business-model', drop('model "Fee-based'), ['qa-business-model']],
    ['qa-business-sustainability', replace(' long "Part of the lifelong-learning catalogue"', ''), ['qa-business-sustainability']],
    ['qa-business-administration', drop('learnerTypes'), ['qa-business-administration']],
    // waivers
    ['waiver-reason', addToCredential('    waive qa-business-model'), ['waiver-reason']],
    ['waiver-unknown-code', addToCredential('    waive qa-business-modle "Free"'), ['waiver-unknown-code']],
    ['waiver-unused', addToCredential('    waive qa-business-model "State-funded"'), ['waiver-unused']],
    // the language
    ['syntax-error', replace('    language en\n', '    language en en\n'), ['syntax-error']],
    ['ref-unresolved', replace('    awardedBy UNIFI\n    language', '    awardedBy UNIFX\n    language'), ['ref-unresolved']]
];

describe('every code of the rule table', () => {
    test('the reference example of docs/language.md raises nothing at all', async () => {
        const { diagnostics } = await check(EXAMPLE);
        expect(diagnostics).toEqual([]);
    });

    test('the table below covers every code', () => {
        expect(CASES.map(c => c[0]).sort()).toEqual([...ISSUE_CODES].sort());
    });

    test.each(CASES)('%s fires on its edit of the example, with its default severity, and nothing else does', async (code, change, expected) => {
        const checked = await check(change(EXAMPLE));
        expect(checked.codes).toEqual([...expected].sort());
        for (const diagnostic of withCode(checked, code)) {
            expect(severityName(diagnostic)).toBe(RULES[code as keyof typeof RULES].severity);
            expect(diagnostic.message).toContain(RULES[code as keyof typeof RULES].source);
        }
    });
});
