import { describe, expect, test } from 'vitest';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { planExport } from '../../language-server/export/export-plan.js';
import { credentialContexts } from '../../language-server/model/credential-contexts.js';
import { isPlaceholder } from '../../language-server/model/placeholders.js';
import { issuableText, readiness } from '../../language-server/model/readiness.js';
import { buildReport } from '../../language-server/report/build-report.js';
import { SeverityPolicy } from '../../language-server/rules/severity-policy.js';
import { edit, EXAMPLE } from '../support/validate.js';

/** Loads one file as the CLI does, and judges its first credential. */
async function judged(text: string, policy?: SeverityPolicy) {
    const { documents } = await loadWorkspace([{ path: '/w/p.mcred', text }], policy);
    const context = credentialContexts(documents.map(d => d.parseResult.value))[0];
    const state = readiness(context);
    const diagnostics = documents.flatMap(d => d.diagnostics ?? []);
    const report = buildReport({ documents });
    const plan = await planExport({ documents, workspace: documents, readText: () => Promise.reject(new Error('no roster')) }, { format: 'ob3' });
    return { documents, context, state, diagnostics, report, plan, credential: report.files[0].credentials[0] };
}

const stateOf = (state: Awaited<ReturnType<typeof judged>>['state'], n: number) => state.annex1.find(e => e.element.n === n)!.judgement.state;

describe('isPlaceholder', () => {
    test.each(['', '  ', 'TBD', 'tbd.', ' TBA ', 'TODO', 'N/A', 'n/a', '-', '?', '...', '…', 'xxx', 'XXXX', 'Lorem ipsum dolor sit amet',
        'To be defined', 'to be decided', 'TO BE CONFIRMED', 'not stated', 'Unknown', '(TBD)', '"tbd"',
        'to  be\tdefined', 'Lorem\n ipsum', 'NOT\u00a0stated'])('%j is a placeholder', text => {
        expect(isPlaceholder(text)).toBe(true);
    });
    test.each(['None', 'Pass/fail', 'x', 'TBD review of the syllabus', 'Unknown territories of AI ethics', 'N/A for alumni: free', 'xx x', 'Lorem'])('%j is a value', text => {
        expect(isPlaceholder(text)).toBe(false);
    });
});

describe('a programme whose every text is "TBD" is not issuable', () => {
    const tbd = edit(EXAMPLE.replace(/"[^"\n]*"/g, '"TBD"'), '    level eqf 6\n', '    level none "TBD"\n');

    test('each placeholder raises value-placeholder; check, report and export all say no', async () => {
        const { state, diagnostics, credential, plan } = await judged(tbd);
        const strings = tbd.match(/"TBD"/g)!.length;
        expect(diagnostics.filter(d => d.code === 'value-placeholder')).toHaveLength(strings);
        expect(state.issuable).toBe(false);
        expect(stateOf(state, 2)).toBe('placeholder');
        expect(stateOf(state, 8)).toBe('placeholder');
        expect(stateOf(state, 11)).toBe('placeholder');
        expect(issuableText(state)).toMatch(/^Issuable: no — \d+ elements only placeholders \(.*title.*level.*quality assurance\)/);
        expect(state.qa.find(q => q.check.code === 'qa-audience-needs')!.status).toBe('gap');
        expect(credential.readiness).toMatchObject({ issuable: false, verdict: 'not-issuable' });
        expect(credential.readiness.verdictText).toBe(issuableText(state));
        expect(plan.documents).toEqual([]);
        expect(plan.problems[0].message).toMatch(/is not issuable and is not exported/);
    });

    test('a placeholder cannot be waived, nor a hole', async () => {
        const { diagnostics } = await judged(edit(tbd, '    stackable into', '    waive value-placeholder "draft"\n    waive value-hole "draft"\n    stackable into'));
        const refused = diagnostics.filter(d => d.code === 'waiver-unknown-code');
        expect(refused.map(d => d.message)).toEqual([expect.stringMatching(/value-placeholder/), expect.stringMatching(/value-hole/)]);
        expect(diagnostics.filter(d => d.code === 'value-placeholder').length).toBeGreaterThan(0);
    });
});

describe('invalid is not stated', () => {
    test('`country XX`: element 3 invalid everywhere; not issuable, not exported', async () => {
        const { state, credential, plan } = await judged(edit(EXAMPLE, 'country IT', 'country XX'));
        expect(stateOf(state, 3)).toBe('invalid');
        expect(state.annex1Present).toBe(10);
        expect(state.issuable).toBe(false);
        expect(credential.readiness).toMatchObject({ annex1Stated: 10, issuable: false });
        expect(credential.annex1[2].status).toBe('invalid');
        expect(plan.documents).toEqual([]);
    });

    test('`level EQF 6` (a syntax error): the level is not stated, and nothing is claimed missing', async () => {
        const { state, diagnostics, credential, plan } = await judged(edit(EXAMPLE, 'level eqf 6', 'level EQF 6'));
        expect(stateOf(state, 8)).toBe('unjudged');
        expect(state.issuable).toBe(false);
        expect(credential.annex1[7].status).toBe('unjudged');
        expect(credential.annex1[7].detail).toMatch(/syntax error on line \d+/);
        // The parser's recovery does not turn into false "missing" claims.
        expect(diagnostics.filter(d => String(d.code).startsWith('eu-'))).toEqual([]);
        expect(plan.documents).toEqual([]);
    });

    test('`workload 0 ects` and a hole are not stated either', async () => {
        expect(stateOf((await judged(edit(EXAMPLE, 'workload 5 ects', 'workload 0 ects'))).state, 7)).toBe('invalid');
        const hole = await judged(edit(EXAMPLE, 'level eqf 6', 'level ?'));
        expect(stateOf(hole.state, 8)).toBe('hole');
        expect(hole.diagnostics.map(d => d.code)).toEqual(['value-hole']);
        expect(hole.plan.documents).toEqual([]);
    });

    test('lowering the severity of an Annex I rule does not make an element stated', async () => {
        const { state, plan } = await judged(edit(EXAMPLE, /\n {4}participation blended[^\n]*/, ''), new SeverityPolicy([{ severity: { 'eu-participation': 'hint' } }]));
        expect(state.issuable).toBe(false);
        expect(plan.documents).toEqual([]);
        expect(plan.problems.some(p => p.code === 'eu-participation')).toBe(true);
    });
});

describe('export refuses a programme without language', () => {
    test('names the line to add, writes nothing', async () => {
        const { plan } = await judged(edit(EXAMPLE, '    language en\n', ''));
        expect(plan.documents).toEqual([]);
        expect(plan.problems.find(p => p.code === 'language')?.message).toMatch(/states no language of its texts: add `language en` \(or its ISO 639-1 code\) at line 11/);
    });
});
