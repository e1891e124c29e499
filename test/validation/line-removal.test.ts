import { describe, expect, test } from 'vitest';
import { check, EXAMPLE } from '../support/validate.js';

/**
 * Removing any single line of the reference example of docs/language.md raises exactly the code(s) that the
 * line's element owns. Lines whose element no rule requires (region, kind, homepage, language,
 * field, setting, recognition, the pathway's own lines, one of two learners, …) raise nothing;
 * lines that open or close a block raise `syntax-error` only (completeness checks wait for the
 * block to parse again), plus `ref-unresolved` where the removed line declared a referenced name.
 */
const OWNED: ReadonlyArray<readonly [line: RegExp, codes: readonly string[]]> = [
    [/^provider UNIFI \{/, ['ref-unresolved', 'syntax-error']],
    [/^microcredential AIDigitalEthics \{/, ['ref-unresolved', 'syntax-error']],
    [/^pathway AILiteracyPathway \{/, ['ref-unresolved', 'syntax-error']],
    [/^cohort Spring2026/, ['syntax-error']],
    [/^\s*(\}|assessment Audit \{|audience \{|format \{|qualityAssurance \{|business \{)\s*$/, ['syntax-error']],
    [/^ {4}country IT/, ['eu-country']],
    [/^ {4}title "AI & Digital/, ['eu-title']],
    [/^ {4}awardedBy UNIFI/, [] /* in the credential: see below */],
    [/^ {4}level eqf 6\s*$/, ['eu-level']],
    [/^ {4}level eqf 6\s+\/\//, [] /* the pathway's level */],
    [/^ {4}workload 5 ects/, ['eu-workload']],
    [/^ {4}duration 6 weeks/, ['qa-structure-defined']],
    [/^ {4}participation blended/, ['eu-participation']],
    [/^ {4}outcome LO1/, ['ref-unresolved'] /* `covers LO1` now points nowhere */],
    [/^ {4}outcome LO2/, ['ref-unresolved'] /* LO1 takes over the skill line; `covers LO2` points nowhere */],
    [/^ {8}type project/, ['eu-assessment-type']],
    [/^ {8}covers LO1, LO2/, ['qa-structure-assessment-aligned']],
    [/^ {8}supervision/, ['eu-opt-supervision']],
    [/^ {8}grading/, ['qa-structure-transparency']],
    [/^ {8}target/, ['qa-audience-target']],
    [/^ {8}needsAnalysis/, ['qa-audience-needs']],
    [/^ {8}coDesignedWith/, ['qa-audience-codesign']],
    [/^ {8}purpose/, ['qa-audience-upskilling']],
    [/^ {8}mode blended/, ['qa-format-modes']],
    [/^ {8}methodology/, ['qa-format-methodology']],
    [/^ {8}sustainability "Reuses/, ['qa-format-sustainability']],
    [/^ {8}internal exAnte/, ['qa-method-defined']],
    [/^ {8}external exPost/, ['qa-method-defined', 'qa-method-tools']],
    [/^ {8}stakeholders/, ['qa-method-stakeholders']],
    [/^ {8}model/, ['qa-business-model']],
    [/^ {8}sustainability short/, ['qa-business-sustainability']],
    [/^ {8}administration/, ['qa-business-administration']],
    [/^ {8}learnerTypes/, ['qa-business-administration']],
    [/^ {4}prerequisites/, ['eu-opt-prerequisites']],
    // The stacking relation is written on both sides: removing one side leaves the other alone.
    [/^ {4}stackable into/, ['eu-opt-stackability', 'pathway-stack-mismatch']],
    [/^ {4}includes AIDigitalEthics/, ['pathway-stack-mismatch']],
    [/^ {4}furtherInfo/, ['eu-opt-further-info']],
    [/^ {4}issued/, ['eu-issue-date']]
];

const lines = EXAMPLE.split('\n');
const credentialAwardedBy = lines.findIndex(l => l.startsWith('    awardedBy UNIFI'));

function expectedFor(index: number): readonly string[] {
    if (index === credentialAwardedBy) return ['eu-awarding-body'];
    return OWNED.find(([pattern]) => pattern.test(lines[index]))?.[1] ?? [];
}

describe('removing one line of the reference example of docs/language.md', () => {
    const cases = lines.map((line, index) => [index + 1, line.trim() || '(blank)', index] as const)
        .filter(([, , index]) => index < lines.length - 1 || lines[index] !== '');

    test.each(cases)('line %i `%s` raises exactly the codes its element owns', async (_n, _line, index) => {
        const text = [...lines.slice(0, index), ...lines.slice(index + 1)].join('\n');
        const { codes } = await check(text);
        expect(codes).toEqual([...expectedFor(index)].sort());
    });
});
