import { describe, expect, test } from 'vitest';
import { FIXABLE_CODES } from '../../../language-server/lsp/code-actions/mcred-code-action-provider.js';
import { ISSUE_CODES } from '../../../language-server/rules/issue-codes.js';

/**
 * The codes with a quick fix, each with before/after tests in insert-missing.test.ts,
 * replace-and-repair.test.ts or fix-all-annex1.test.ts. A new fix must be added here (and tested).
 */
const TESTED = [
    // insert-missing.test.ts
    'eu-title', 'eu-awarding-body', 'eu-learning-outcomes', 'eu-workload', 'eu-workload-ects', 'eu-level', 'eu-assessment-type',
    'eu-participation', 'eu-quality-assurance', 'eu-country', 'eu-learner', 'eu-issue-date', 'eu-opt-prerequisites',
    'eu-opt-further-info', 'eu-opt-supervision', 'eu-opt-grade', 'eu-opt-stackability', 'qa-audience-target', 'qa-audience-needs',
    'qa-audience-codesign', 'qa-audience-upskilling', 'qa-structure-defined', 'qa-structure-transparency', 'qa-format-modes',
    'qa-format-methodology', 'qa-format-sustainability', 'qa-method-defined', 'qa-method-stakeholders', 'qa-method-tools',
    'qa-business-model', 'qa-business-sustainability', 'qa-business-administration',
    // replace-and-repair.test.ts
    'value-country', 'value-language', 'value-isced-f', 'value-fee', 'waiver-unknown-code', 'value-url', 'value-date', 'value-did',
    'pathway-ects-sum', 'qa-structure-assessment-aligned', 'ref-unresolved', 'qa-structure-outcomes', 'waiver-reason', 'waiver-unused',
    // test/validation/syntax-messages.test.ts (a word in the wrong case, an unknown property)
    'syntax-error',
    // stacking-fixes.test.ts
    'pathway-stack-mismatch', 'pathway-level'
];

/** Codes without a mechanical fix, and why. */
const NOT_MECHANICAL: Record<string, string> = {
    'value-ects': 'the right workload is a design decision',
    'value-eqf': 'the right level is a design decision',
    'value-duration': 'the right duration is a design decision',
    'value-workload-consistency': 'which of ECTS and hours is wrong is not known',
    'ref-duplicate-name': 'which name to change, and to what, is not known',
    'pathway-cycle': 'which include to remove is not known',
    'value-hole': 'a person decides the value: completion at the hole offers exactly the legal ones',
    'value-placeholder': 'a person writes the text: mcred never invents it',
    'value-capacity': 'the number of places is a design decision',
    'i18n-missing': 'the translation is not known (inserting an untranslated text would state a fact nobody wrote)',
    'i18n-unknown-language': 'whether the tag or the `language` list is wrong is not known',
    'module-ects-sum': 'which module credits or workload is wrong is not known',
    'assessment-weights': 'which weight is wrong is not known',
    'roster-path': 'where the real roster is, is not known',
    'value-learner-id': 'the learner\'s real identifier is not known',
    'learner-duplicate': 'which of the two lines is right is not known',
    'qa-review-due': 'a review is work to do, not text to write'
};

describe('quick fixes', () => {
    test('every code with a quick fix is in the tested list', () => {
        expect([...FIXABLE_CODES].sort()).toEqual([...TESTED].sort());
    });

    test('every code has a quick fix or a reason why it has none', () => {
        const uncovered = ISSUE_CODES.filter(code => !FIXABLE_CODES.includes(code) && !(code in NOT_MECHANICAL));
        expect(uncovered).toEqual([]);
    });
});
