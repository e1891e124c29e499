import { describe, expect, test } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import type { McredCodeActionProvider } from '../../../language-server/lsp/code-actions/mcred-code-action-provider.js';
import { RULES } from '../../../language-server/rules/issue-codes.js';
import { fixesFor } from '../../support/code-actions.js';
import { check, edit, EXAMPLE } from '../../support/validate.js';

const mandatory = (codes: readonly string[]) => codes.filter(code => code in RULES && RULES[code as keyof typeof RULES].family === 'annex1-mandatory');

describe('Fix all missing Annex I elements', () => {
    test('inserts a hole for every missing element of the credential at its place, in one action', async () => {
        const before = edit(edit(edit(EXAMPLE, '    title "AI & Digital Ethics"\n', ''), '    level eqf 6\n    field', '    field'),
            /\n {4}participation blended[^\n]*/, '');
        const fixes = await fixesFor(before, 'eu-title');
        const title = "Fix all missing Annex I elements of 'AIDigitalEthics'";
        expect(fixes.actions.map(a => a.title)).toEqual(['Add the title', title]);
        const fixed = fixes.apply(title)['programme.mcred'];
        expect(fixed).toBe(edit(edit(edit(EXAMPLE, 'title "AI & Digital Ethics"', 'title ?'), /level eqf 6(?=\n {4}field)/, 'level ?'),
            /participation blended[^\n]*/, 'participation ?'));
        expect((await check(fixed)).codes).not.toContain('syntax-error');
    });

    test('five missing elements: holes only, no invented value, and the result parses', async () => {
        const before = 'provider P {\n    name "P"\n    country IT\n}\n\nmicrocredential M {\n    title "M"\n    awardedBy P\n    outcome LO1 "Explain the planetary boundaries"\n}\n';
        const fixes = await fixesFor(before, 'eu-level');
        const fixed = fixes.apply("Fix all missing Annex I elements of 'M'")['programme.mcred'];
        expect(fixed).toBe([
            'provider P {', '    name "P"', '    country IT', '}', '', 'microcredential M {', '    title "M"', '    awardedBy P',
            '    level ?', '    workload ?', '    participation ?', '    outcome LO1 "Explain the planetary boundaries"', '',
            '    assessment Assessment {', '        type ?', '        covers LO1', '    }', '',
            '    qualityAssurance {', '        internal ?', '    }', '}', ''
        ].join('\n'));
        const inserted = fixed.replace(before.slice(0, before.indexOf('    outcome')), '').replace(/"Explain the planetary boundaries"|LO1/g, '');
        expect(inserted).not.toMatch(/\d|eqf|ects|online|onsite|blended|written-exam|supervised|exAnte|exPost|agency|"/);
        const checked = await check(fixed);
        expect(checked.documents[0].parseResult.parserErrors).toEqual([]);
        expect(checked.codes).not.toContain('syntax-error');
    });

    test('a bare credential: programme elements, the provider\'s country and the cohort\'s date and roster, all holes', async () => {
        const before = 'provider P {\n    name "P"\n    homepage "https://www.uni.de"\n}\n\nmicrocredential M {\n    awardedBy P\n}\n\ncohort C of M {\n}\n';
        const fixes = await fixesFor(before, 'eu-title');
        const fixed = fixes.apply("Fix all missing Annex I elements of 'M'")['programme.mcred'];
        expect((await check(fixed)).codes).not.toContain('syntax-error');
        expect(fixed).toContain('    country ?\n');
        expect(fixed).toContain([
            'microcredential M {', '    title ?', '    awardedBy P', '    level ?', '    workload ?',
            '    participation ?', '', '    outcome LO1 ?', '', '    assessment Assessment {', '        type ?', '        covers LO1', '    }', ''
        ].join('\n'));
        expect(fixed).toMatch(/cohort C of M \{\n {4}issued \?\n {4}roster \?\n\}/);
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
