import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isMicroCredential } from '../../language-server/generated/ast.js';
import { fixesFor } from '../support/code-actions.js';
import { check, edit, EXAMPLE } from '../support/validate.js';

/** Parser jargon that no syntax-error message may contain. */
const JARGON = /Expecting|Token sequences|\b(STRING|NUMBER|LANG_TAG|DATE|ID|EOF)\b|but found/;

const SOURCE = ' — mcred language.';

/**
 * Data-driven: the §2 example with one defect → the one diagnostic it raises (exact message, on
 * the 0-based line) and, where the repair is mechanical, the text after the quick fix.
 */
const CASES: Array<{ name: string; from: string | RegExp; to: string; line: number; message: string; fix?: { title: string; result: string } }> = [
    {
        name: 'workload 5 ECTS', from: 'workload 5 ects', to: 'workload 5 ECTS', line: 14,
        message: 'Write `ects` in lower case: the words of the language are case-sensitive, and `ECTS` is not one of them',
        fix: { title: 'Write `ects`', result: EXAMPLE }
    },
    {
        name: 'level EQF 6', from: 'level eqf 6\n    field', to: 'level EQF 6\n    field', line: 12,
        message: 'Write `eqf` in lower case: the words of the language are case-sensitive, and `EQF` is not one of them',
        fix: { title: 'Write `eqf`', result: EXAMPLE }
    },
    {
        name: 'participation Blended', from: 'participation blended', to: 'participation Blended', line: 16,
        message: 'Write `blended` in lower case: the words of the language are case-sensitive, and `Blended` is not one of them',
        fix: { title: 'Write `blended`', result: EXAMPLE }
    },
    {
        name: 'internal ExAnte', from: 'internal exAnte', to: 'internal ExAnte', line: 44,
        message: 'Write `exAnte` exactly so: the words of the language are case-sensitive, and `ExAnte` is not one of them',
        fix: { title: 'Write `exAnte`', result: EXAMPLE }
    },
    {
        name: 'credits 5', from: 'workload 5 ects', to: 'credits 5 ects', line: 14,
        message: '`credits` is not a property of a micro-credential; did you mean `workload`?',
        fix: { title: 'Write `workload`', result: EXAMPLE }
    },
    {
        name: 'eqf 6 (no `level`)', from: 'level eqf 6\n    field', to: 'eqf 6\n    field', line: 12,
        message: '`eqf` is not a property of a micro-credential; did you mean `level`?',
        fix: { title: 'Write `level`', result: edit(EXAMPLE, 'level eqf 6\n    field', 'level 6\n    field') }
    },
    {
        name: 'a misspelt property', from: 'methodology "Case', to: 'methodolgy "Case', line: 39,
        message: '`methodolgy` is not a property of the format block; did you mean `methodology`?',
        fix: { title: 'Write `methodology`', result: EXAMPLE }
    },
    {
        name: 'a missing }', from: /(grading "pass\/fail"[^\n]*\n) {4}\}\n/, to: '$1', line: 29,
        message: 'The `assessment Audit {` opened on line 24 is not closed: add `}` before `audience` (line 30)'
    },
    {
        name: 'a title without quotes', from: 'title "AI & Digital Ethics"', to: 'title AI Digital Ethics', line: 9,
        message: 'After `title`, write a text in quotes or `?` (still to decide); found `AI`'
    },
    {
        name: 'an unknown word with no likely meaning', from: 'duration 6 weeks', to: 'banana 6 weeks', line: 15,
        message: '`banana` is not a property of a micro-credential; its properties are `title`, `description`, `awardedBy`, `deliveredWith`, `language`, `level`, `field`, `workload`, `hours`, `duration`, `participation`, `setting`, …'
    }
];

describe('syntax errors in a programme designer\'s words', () => {
    test.each(CASES)('$name', async ({ from, to, line, message, fix }) => {
        const text = edit(EXAMPLE, from, to);
        const checked = await check(text);
        // One cause, one diagnostic: no other syntax error, and no "missing" claim for the elements present.
        expect(checked.diagnostics.map(d => [d.code, d.range.start.line, d.message])).toEqual([['syntax-error', line, message + SOURCE]]);
        if (fix) {
            const fixes = await fixesFor(text, 'syntax-error');
            expect(fixes.actions.map(a => a.title)).toEqual([fix.title]);
            expect(fixes.apply(fix.title)['programme.mcred']).toBe(fix.result);
        }
    });

    test.each([
        ['workload 5 ECTS', 'workload 5 ects', 'workload 5 ECTS'],
        ['level EQF 6', 'level eqf 6\n    field', 'level EQF 6\n    field'],
        ['credits 5', 'workload 5 ects', 'credits 5']
    ])('after `%s`, the rest of the programme is still read (nothing present is lost)', async (_name, from, to) => {
        const checked = await check(edit(EXAMPLE, from, to));
        const credential = checked.documents[0].parseResult.value.elements.find(isMicroCredential)!;
        expect(credential.outcomes.map(o => o.name)).toEqual(['LO1', 'LO2']);
        expect(credential.assessments.map(a => a.type)).toEqual(['project']);
        expect(credential.participation).toBe('blended');
        expect(credential.qualityAssurance?.procedures).toHaveLength(2);
        expect(credential.furtherInfo).toBeDefined();
        // The broken line itself states nothing.
        if (to.startsWith('workload') || to.startsWith('credits')) expect(credential.ects).toBeUndefined();
        else expect(credential.levels).toEqual([]);
        expect(checked.codes).toEqual(['syntax-error']);
    });

    test('a missing } at the end of the file names the block', async () => {
        const checked = await check('microcredential M {\n    title "M"\n');
        expect(checked.diagnostics.map(d => d.message)).toEqual(['The `microcredential M {` opened on line 1 is not closed: add `}` at the end of the file' + SOURCE]);
    });

    test('a } too many', async () => {
        const checked = await check('provider P {\n    name "P"\n}\n}\n');
        expect(checked.diagnostics.map(d => d.message)).toEqual(['This `}` closes no block: remove it, or open the block it should close' + SOURCE]);
    });

    test('no message ever uses parser jargon or token names', async () => {
        // Each line of the example cut after its first word, and each line with its first word doubled.
        const lines = EXAMPLE.split('\n');
        const broken: string[] = [];
        lines.forEach((line, i) => {
            const word = /^\s*(\S+)\s+\S/.exec(line);
            if (!word) return;
            broken.push([...lines.slice(0, i), line.slice(0, line.indexOf(word[1]) + word[1].length), ...lines.slice(i + 1)].join('\n'));
            broken.push([...lines.slice(0, i), `${word[1]} ${line}`, ...lines.slice(i + 1)].join('\n'));
        });
        let seen = 0;
        for (const text of broken) {
            for (const diagnostic of (await check(text)).diagnostics.filter(d => d.code === 'syntax-error')) {
                seen++;
                expect(diagnostic.message).not.toMatch(JARGON);
            }
        }
        expect(seen).toBeGreaterThan(50);
    });
});

describe('the invalid examples of syntax errors', () => {
    test.each([
        ['syntax-wrong-case.mcred', 'Write `ects` in lower case', 'workload 6 ects'],
        ['syntax-unknown-property.mcred', '`credits` is not a property of a micro-credential; did you mean `workload`?', 'workload 6 ects'],
        ['syntax-unclosed-block.mcred', 'The `assessment Dashboard {` opened on line 30 is not closed: add `}` before `assessment` (line 36)', undefined]
    ])('%s: one plain-words diagnostic, and its quick fix', async (file, message, fixed) => {
        const text = readFileSync(`examples/invalid/${file}`, 'utf8');
        const checked = await check({ [file]: text });
        expect(checked.diagnostics.map(d => d.message)).toHaveLength(1);
        expect(checked.diagnostics[0].message).toContain(message);
        if (fixed) {
            const fixes = await fixesFor({ [file]: text }, 'syntax-error');
            const after = fixes.apply(fixes.actions[0].title)[file];
            expect(after).toContain(`    ${fixed}\n`);
            expect((await check({ [file]: after })).codes).toEqual([]);
        }
    });
});

describe('the parser reads on after a broken line', () => {
    test('two broken lines of one block: two diagnostics, each about its own line, and the parser says what it found at each', async () => {
        const text = edit(edit(EXAMPLE, 'level eqf 6\n    field', 'level EQF 6\n    field'), 'participation blended', 'participation Blended');
        const checked = await check(text);
        expect(checked.diagnostics.map(d => [d.range.start.line, (d.message as string).split(':')[0]])).toEqual([
            [12, 'Write `eqf` in lower case'], [16, 'Write `blended` in lower case']
        ]);
        // The expected sequences of the alternation are computed once; what was found is each error's own.
        const errors = checked.documents[0].parseResult.parserErrors;
        expect(errors.map(e => e.message.slice(e.message.lastIndexOf('but found')))).toEqual(["but found: 'level'", "but found: 'participation'"]);
        expect(errors[0].message.slice(0, errors[0].message.lastIndexOf('but found'))).toBe(errors[1].message.slice(0, errors[1].message.lastIndexOf('but found')));
        const credential = checked.documents[0].parseResult.value.elements.find(isMicroCredential)!;
        expect(credential.levels).toEqual([]);
        expect(credential.participation).toBeUndefined();
        expect(credential.setting).toBe('non-formal');
    });
});
