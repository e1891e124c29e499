import { describe, expect, test } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import type { McredCodeActionProvider } from '../../../language-server/lsp/code-actions/mcred-code-action-provider.js';
import { RULES } from '../../../language-server/rules/issue-codes.js';
import { fixesFor } from '../../support/code-actions.js';
import { check, edit, EXAMPLE } from '../../support/validate.js';

const mandatory = (codes: readonly string[]) => codes.filter(code => code in RULES && RULES[code as keyof typeof RULES].family === 'annex1-mandatory');

describe('Fix all missing Annex I elements', () => {
    test('inserts every missing element of the credential at its place, in one action', async () => {
        const before = edit(edit(edit(EXAMPLE, '    title "AI & Digital Ethics"\n', ''), '    level eqf 6\n    field', '    field'),
            /\n {4}participation blended[^\n]*/, '');
        const fixes = await fixesFor(before, 'eu-title');
        const title = "Fix all missing Annex I elements of 'AIDigitalEthics'";
        expect(fixes.actions.map(a => a.title)).toEqual(['Add the title', title]);
        const fixed = fixes.apply(title)['programme.mcred'];
        expect(fixed).toBe(edit(edit(EXAMPLE, 'title "AI & Digital Ethics"', 'title "Title of the micro-credential"'),
            /participation blended[^\n]*/, 'participation online'));
        expect(mandatory((await check(fixed)).codes)).toEqual([]);
    });

    test('a bare credential: programme elements, the provider\'s country and the cohort\'s date and learner', async () => {
        const before = 'provider P {\n    name "P"\n    homepage "https://www.uni.de"\n}\n\nmicrocredential M {\n    awardedBy P\n}\n\ncohort C of M {\n}\n';
        const fixes = await fixesFor(before, 'eu-title');
        const fixed = fixes.apply("Fix all missing Annex I elements of 'M'")['programme.mcred'];
        expect(mandatory((await check(fixed)).codes)).toEqual([]);
        expect(fixed).toContain('    country DE\n');
        expect(fixed).toContain([
            'microcredential M {', '    title "Title of the micro-credential"', '    awardedBy P', '    level eqf 6', '    workload 5 ects',
            '    participation online', '', '    outcome LO1 "Explain …"', '', '    assessment Assessment {', '        type written-exam', '        covers LO1', ''
        ].join('\n'));
        expect(fixed).toMatch(/cohort C of M \{\n {4}issued \d{4}-\d\d-\d\d\n {4}learner "Full name" id "mailto:name@example.org" grade "pass"\n\}/);
    });

    test('offered once per credential, whatever the number of Annex I diagnostics in the request', async () => {
        const before = 'microcredential A {\n}\n\nmicrocredential B {\n}\n';
        const checked = await check(before);
        const provider = checked.services.mcred.lsp.CodeActionProvider as McredCodeActionProvider;
        const diagnostics = checked.documents[0].diagnostics!.filter(d => mandatory([String(d.code)]).length > 0);
        const actions = await provider.getCodeActions(checked.documents[0], {
            textDocument: { uri: checked.documents[0].uri.toString() },
            range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
            context: { diagnostics }
        }) as CodeAction[];
        const fixAll = actions.filter(a => a.title.startsWith('Fix all'));
        expect(fixAll.map(a => a.title)).toEqual(["Fix all missing Annex I elements of 'A'", "Fix all missing Annex I elements of 'B'"]);
        expect(fixAll[0].diagnostics!.length).toBe(diagnostics.length / 2);
    });

    test('not offered when a single element is missing (its own fix does the same)', async () => {
        const fixes = await fixesFor(edit(EXAMPLE, '    title "AI & Digital Ethics"\n', ''), 'eu-title');
        expect(fixes.actions.map(a => a.title)).toEqual(['Add the title']);
    });
});
