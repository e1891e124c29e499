import { describe, expect, test } from 'vitest';
import { fixesFor } from '../../support/code-actions.js';
import { check, edit, EXAMPLE } from '../../support/validate.js';

/**
 * Before/after tests of the quick fixes that insert a missing element. The "before" is the §2
 * example without one line; the "after" is the example with that line replaced by the skeleton
 * the fix inserts, which shows that the fix puts the element at its conventional place. A fix
 * inserts a hole `?`, never a value: the result parses, and the element stays to decide.
 */

/** The fixed text parses: no syntax error (a hole is not one). */
async function expectParses(text: string) {
    expect((await check(text)).codes).not.toContain('syntax-error');
}
async function expectRoundTrip(code: string, line: RegExp, skeleton: string, title: string, options: { index?: number } = {}) {
    const match = line.exec(EXAMPLE);
    if (!match) throw new Error(`${String(line)} not in the example`);
    const before = EXAMPLE.replace(new RegExp(`\\n${match[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), '');
    const after = EXAMPLE.replace(match[0], skeleton);
    const fixes = await fixesFor(before, code, options);
    expect(fixes.actions.map(a => a.title)).toContain(title);
    const fixed = fixes.apply(title)['programme.mcred'];
    expect(fixed).toBe(after);
    await expectParses(fixed);
}

describe('quick fixes: insert the missing element where the §2 example has it', () => {
    test.each([
        ['eu-title', /^ {4}title "AI & Digital Ethics"/m, '    title ?', 'Add the title'],
        ['eu-awarding-body', /^ {4}awardedBy UNIFI(?=\n {4}language)/m, '    awardedBy ?', 'Add the awarding body'],
        ['eu-workload', /^ {4}workload 5 ects.*$/m, '    workload ?', 'Add the workload'],
        ['eu-level', /^ {4}level eqf 6(?=\n {4}field)/m, '    level ?', 'Add the level'],
        ['eu-participation', /^ {4}participation blended.*$/m, '    participation ?', 'Add the form of participation'],
        ['qa-structure-defined', /^ {4}duration 6 weeks/m, '    duration ?', 'Add the duration'],
        ['eu-opt-prerequisites', /^ {4}prerequisites.*$/m, '    prerequisites ?', 'Add the prerequisites'],
        ['eu-opt-further-info', /^ {4}furtherInfo.*$/m, '    furtherInfo ?', 'Add further information'],
        ['eu-opt-stackability', /^ {4}stackable into.*$/m, '    stackable ?', 'Say it stacks into a pathway'],
        ['eu-opt-stackability', /^ {4}stackable into.*$/m, '    standalone', 'Say it is standalone'],
        ['eu-assessment-type', /^ {8}type project/m, '        type ?', 'Add the assessment type'],
        ['eu-opt-supervision', /^ {8}supervision.*$/m, '        supervision ?', 'Add the supervision'],
        ['qa-structure-transparency', /^ {8}grading.*$/m, '        grading ?', 'Add the grading scheme'],
        ['eu-issue-date', /^ {4}issued.*$/m, '    issued ?', 'Add the date of issuing'],
        ['eu-country', /^ {4}country IT/m, '    country ?', "Add the country to provider 'UNIFI'"],
        ['qa-audience-target', /^ {8}target.*$/m, '        target ?', 'Add target'],
        ['qa-audience-needs', /^ {8}needsAnalysis.*$/m, '        needsAnalysis ?', 'Add needsAnalysis'],
        ['qa-audience-codesign', /^ {8}coDesignedWith.*$/m, '        coDesignedWith ?', 'Add coDesignedWith'],
        ['qa-audience-upskilling', /^ {8}purpose.*$/m, '        purpose ?', 'Add purpose'],
        ['qa-format-modes', /^ {8}mode blended/m, '        mode blended', 'Add mode'],
        ['qa-format-methodology', /^ {8}methodology.*$/m, '        methodology ?', 'Add methodology'],
        ['qa-format-sustainability', /^ {8}sustainability "Reuses.*$/m, '        sustainability ?', 'Add sustainability'],
        ['qa-method-defined', /^ {8}internal exAnte.*$/m, '        internal ?', 'Add the internal QA'],
        ['qa-method-stakeholders', /^ {8}stakeholders.*$/m, '        stakeholders ?', 'Add stakeholders'],
        ['qa-business-model', /^ {8}model.*$/m, '        model ?', 'Add model'],
        ['qa-business-sustainability', /^ {8}sustainability short.*$/m, '        sustainability ?', 'Add sustainability'],
        ['qa-business-administration', /^ {8}administration.*$/m, '        administration ?', 'Add administration'],
        ['qa-business-administration', /^ {8}learnerTypes.*$/m, '        learnerTypes ?', 'Add learnerTypes']
    ])('%s: %s → %s', async (code, line, skeleton, title) => {
        await expectRoundTrip(code, line, skeleton, title);
    });

    test('eu-learner: a roster hole (preferred) or a learner line after the date of issuing', async () => {
        const before = edit(EXAMPLE, /\n {4}learner "Jane[^\n]*\n {4}learner "Kim[^\n]*/, '');
        const fixes = await fixesFor(before, 'eu-learner');
        expect(fixes.actions.map(a => [a.title, a.isPreferred])).toEqual([['Add the roster of learners', true], ['Add a learner', false]]);
        expect(fixes.apply('Add the roster of learners')['programme.mcred']).toBe(edit(before, 'issued 2026-06-30', 'issued 2026-06-30\n    roster ?'));
        expect(fixes.apply('Add a learner')['programme.mcred']).toBe(edit(before, 'issued 2026-06-30', 'issued 2026-06-30\n    learner "?" id ?'));
    });

    test('eu-opt-grade: the grade at the end of the learner line', async () => {
        const before = edit(EXAMPLE, '"did:example:123" grade "pass"', '"did:example:123"');
        expect((await fixesFor(before, 'eu-opt-grade')).apply('Add the grade')['programme.mcred']).toBe(edit(before, '"did:example:123"', '"did:example:123" grade ?'));
    });

    test('qa-method-defined: the missing external QA goes after the internal one', async () => {
        const before = edit(EXAMPLE, /\n {8}external exPost[^\n]*/, '');
        const fixed = (await fixesFor(before, 'qa-method-defined')).apply('Add the external QA')['programme.mcred'];
        expect(fixed).toBe(edit(before, /(\n {8}internal exAnte[^\n]*)/, '$1\n        external ?'));
    });

    test('qa-method-defined: a procedure without timing gets exAnte or exPost', async () => {
        const before = edit(EXAMPLE, 'internal exAnte "Design', 'internal "Design');
        const fixes = await fixesFor(before, 'qa-method-defined');
        expect(fixes.actions.map(a => a.title)).toEqual(['Say it happens before delivery (exAnte)', 'Say it happens after delivery (exPost)']);
        expect(fixes.apply('Say it happens before delivery (exAnte)')['programme.mcred']).toBe(EXAMPLE);
    });

    test('qa-method-tools: a standards line in the QA block', async () => {
        const before = edit(EXAMPLE, ' standard "ESG 2015 Part 1"', '');
        const fixed = (await fixesFor(before, 'qa-method-tools')).apply('Add standards')['programme.mcred'];
        expect(fixed).toBe(edit(before, '"employers", "learners"', '"employers", "learners"\n        standards ?'));
    });

    test('qa-business-sustainability: the missing runs are appended to the existing line', async () => {
        const before = edit(EXAMPLE, ' long "Part of the lifelong-learning catalogue"', '');
        const fixed = (await fixesFor(before, 'qa-business-sustainability')).apply('Add the long run')['programme.mcred'];
        expect(fixed).toBe(edit(EXAMPLE, '"Part of the lifelong-learning catalogue"', '"?"'));
    });

    test('qa-format-modes: a contradicting mode is made to agree, either way', async () => {
        const before = edit(EXAMPLE, 'mode blended', 'mode online');
        const fixes = await fixesFor(before, 'qa-format-modes');
        expect(fixes.apply('Teach blended (as the participation says)')['programme.mcred']).toBe(EXAMPLE);
        expect(fixes.apply('Make the participation online (as the format says)')['programme.mcred']).toBe(edit(before, 'participation blended', 'participation online'));
    });

    test('eu-workload-ects: a workload hole, not ECTS guessed from the hours', async () => {
        const before = edit(EXAMPLE, 'workload 5 ects', 'hours 125');
        const fixed = (await fixesFor(before, 'eu-workload-ects')).apply('State the workload in ECTS')['programme.mcred'];
        expect(fixed).toContain('    hours 125                   // notional workload; `hours 125` may be added\n    workload ?\n');
        await expectParses(fixed);
    });

    test('eu-level: `level none` gets its reason', async () => {
        const before = edit(EXAMPLE, '    level eqf 6\n    field', '    level none\n    field');
        const fixed = (await fixesFor(before, 'eu-level')).apply('Give the reason why no level applies')['programme.mcred'];
        expect(fixed).toContain('    level none "?"\n');
    });
});

describe('quick fixes: insert a missing block', () => {
    test('the audience block goes between the assessment and the format, with a blank line, offered once for its four gaps', async () => {
        const before = edit(EXAMPLE, /\n {4}audience \{[\s\S]*?\n {4}\}\n/, '');
        const fixes = await fixesFor(before, 'qa-audience-target');
        expect(fixes.actions.map(a => a.title)).toEqual(['Add the audience block (design method step 1)']);
        const fixed = fixes.apply('Add the audience block (design method step 1)')['programme.mcred'];
        expect(fixed).toBe(edit(EXAMPLE, /\n {4}audience \{[\s\S]*?\n {4}\}\n/, [
            '',
            '    audience {',
            '        target ?',
            '        needsAnalysis ?',
            '        coDesignedWith ?',
            '        purpose ?',
            '    }',
            ''
        ].join('\n')));
        await expectParses(fixed);
    });

    test('the quality assurance block (eu-quality-assurance) goes after the format block', async () => {
        const before = edit(EXAMPLE, /\n {4}qualityAssurance \{[\s\S]*?\n {4}\}\n/, '');
        const fixed = (await fixesFor(before, 'eu-quality-assurance')).apply('Add the quality assurance block (Annex I element 11, design method step 4)')['programme.mcred'];
        expect(fixed).toContain('"Reuses the university\'s e-learning platform"\n    }\n\n    qualityAssurance {\n        internal ?\n    }\n');
        await expectParses(fixed);
    });

    test('a QA block without procedure gets an internal one', async () => {
        const before = edit(EXAMPLE, /\n {8}internal exAnte[^\n]*\n {8}external exPost[^\n]*/, '\n        standards "ESG"');
        const fixed = (await fixesFor(before, 'eu-quality-assurance')).apply('Add an internal QA procedure')['programme.mcred'];
        expect(fixed).toContain('    qualityAssurance {\n        internal ?\n        standards "ESG"\n');
    });

    test('no outcome: an outcome after the setting, with a blank line', async () => {
        const before = edit(edit(EXAMPLE, /\n {4}outcome LO1[\s\S]*?b5"\n/, ''), '        covers LO1, LO2\n', '');
        const fixed = (await fixesFor(before, 'eu-learning-outcomes')).apply('Add a learning outcome')['programme.mcred'];
        expect(fixed).toContain('    setting non-formal                // formal | non-formal | informal\n\n    outcome LO1 ?\n');
    });

    test('no assessment: an assessment covering every outcome', async () => {
        const before = edit(EXAMPLE, /\n {4}assessment Audit \{[\s\S]*?\n {4}\}\n/, '');
        const fixed = (await fixesFor(before, 'eu-assessment-type')).apply('Add an assessment')['programme.mcred'];
        expect(fixed).toContain('b5"\n\n    assessment Assessment {\n        type ?\n        covers LO1, LO2\n    }\n');
        await expectParses(fixed);
    });

    test('an empty block written on one line is opened up', async () => {
        const before = edit(EXAMPLE, /\n {4}audience \{[\s\S]*?\n {4}\}\n/, '\n    audience { }\n');
        const fixed = (await fixesFor(before, 'qa-audience-target')).apply('Add target')['programme.mcred'];
        expect(fixed).toContain('    audience {\n        target ?\n    }\n');
    });
});

describe('quick fixes follow the file and the client', () => {
    test('the file\'s indentation (tabs) is used', async () => {
        const tabs = EXAMPLE.replace(/^( {4})+/gm, spaces => '\t'.repeat(spaces.length / 4));
        const before = edit(tabs, '\ttitle "AI & Digital Ethics"\n', '');
        const fixed = (await fixesFor(before, 'eu-title')).apply('Add the title')['programme.mcred'];
        expect(fixed).toBe(edit(tabs, '\ttitle "AI & Digital Ethics"', '\ttitle ?'));
    });

    test('two-space indentation inside a nested block', async () => {
        const twoSpaces = EXAMPLE.replace(/^( {4})+/gm, spaces => ' '.repeat(spaces.length / 2));
        const before = edit(twoSpaces, '    grading "pass/fail"\n', '');
        const fixed = (await fixesFor(before, 'qa-structure-transparency')).apply('Add the grading scheme')['programme.mcred'];
        expect(fixed).toBe(edit(twoSpaces, '    grading "pass/fail"', '    grading ?'));
    });

    test('with snippet support, the fix is a snippet whose tab stop is the hole', async () => {
        const before = edit(EXAMPLE, '    title "AI & Digital Ethics"\n', '');
        const fixes = await fixesFor(before, 'eu-title', { snippets: true });
        expect(fixes.snippets('Add the title')).toEqual(['    title ${1:?}\n']);
        expect(fixes.actions[0].isPreferred).toBe(true);
    });

    test('a controlled value is a hole too, not a choice whose first item would be picked (participation)', async () => {
        const before = edit(EXAMPLE, /\n {4}participation blended[^\n]*/, '');
        const [snippet] = (await fixesFor(before, 'eu-participation', { snippets: true })).snippets('Add the form of participation');
        expect(snippet).toBe('    participation ${1:?}\n');
    });

    test('the country hole goes into the provider in another file (not guessed from its homepage)', async () => {
        const [provider, rest] = [EXAMPLE.slice(0, EXAMPLE.indexOf('microcredential')), EXAMPLE.slice(EXAMPLE.indexOf('microcredential'))];
        const files = { 'providers.mcred': edit(provider, '    country IT\n', ''), 'programme.mcred': rest };
        const fixes = await fixesFor(files, 'eu-country', { file: 'programme.mcred' });
        const fixed = fixes.apply("Add the country to provider 'UNIFI'");
        expect(fixed['providers.mcred']).toBe(edit(provider, '    country IT', '    country ?'));
        expect(fixed['programme.mcred']).toBe(rest);
    });
});
