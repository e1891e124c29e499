import { describe, expect, test } from 'vitest';
import { credentialContexts } from '../../language-server/model/credential-contexts.js';
import { QA_CHECKS } from '../../language-server/model/qa-checks.js';
import { readiness } from '../../language-server/model/readiness.js';
import { check, edit, EXAMPLE } from '../support/validate.js';

async function readinessOf(text: string) {
    const { documents, diagnostics } = await check(text);
    const [context] = credentialContexts(documents.map(d => d.parseResult.value));
    return { state: readiness(context), diagnostics };
}

describe('readiness', () => {
    test('the §2 example: Annex I 11/11, QA 17/17, every Annex II principle supported by some check', async () => {
        const { state } = await readinessOf(EXAMPLE);
        expect([state.annex1Present, state.annex1Total]).toEqual([11, 11]);
        expect([state.qaAddressed, state.qaPassed, state.qaWaived, state.qaTotal]).toEqual([17, 17, 0, 17]);
        expect(state.qa.map(q => q.status)).toEqual(Array(17).fill('pass'));
        expect(state.principles.map(p => p.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(state.principles.find(p => p.id === 'quality')?.codes).toEqual(
            ['eu-quality-assurance', 'qa-format-sustainability', 'qa-method-defined', 'qa-method-stakeholders', 'qa-method-tools', 'qa-business-sustainability']);
        for (const principle of state.principles.filter(p => p.codes.length > 0)) {
            expect(principle.satisfied).toEqual(principle.codes);
        }
    });

    test('QA status comes from the same predicates as the diagnostics: a gap is a warning, a waived gap carries its reason', async () => {
        const withoutModel = edit(EXAMPLE, /\n {8}model "Fee-based[^\n]*/, '');
        const gap = await readinessOf(withoutModel);
        expect(gap.state.qa.find(q => q.check.code === 'qa-business-model')?.status).toBe('gap');
        expect(gap.state.qaAddressed).toBe(16);
        expect(gap.diagnostics.map(d => d.code)).toEqual(['qa-business-model']);
        expect(gap.state.principles.find(p => p.n === 10)?.satisfied).not.toContain('qa-business-model');

        const waived = await readinessOf(edit(withoutModel, '    stackable into', '    waive qa-business-model "State-funded, free to learners"\n    stackable into'));
        const model = waived.state.qa.find(q => q.check.code === 'qa-business-model')!;
        expect(model).toMatchObject({ status: 'waived', waiverReason: 'State-funded, free to learners', principles: [10] });
        expect([waived.state.qaAddressed, waived.state.qaPassed, waived.state.qaWaived]).toEqual([17, 16, 1]);
        expect(waived.diagnostics).toEqual([]);
    });

    test('every QA gap that is not reported as a warning is reported by Annex I instead', async () => {
        const { state, diagnostics } = await readinessOf('provider P {\n    country IT\n}\nmicrocredential M {\n    title "M"\n    awardedBy P\n}\n');
        const codes = new Set(diagnostics.map(d => d.code));
        for (const q of state.qa.filter(q => q.status === 'gap')) {
            const reportedAs = q.gaps.map(g => g.reportedAs ?? q.check.code);
            expect(reportedAs.every(code => codes.has(code))).toBe(true);
        }
        // No outcome and no assessment: the checks that look at them have nothing to pass on (no evidence).
        expect(state.qa.filter(q => q.status === 'gap').map(q => q.check.code)).toEqual(QA_CHECKS.map(c => c.code));
    });
});
