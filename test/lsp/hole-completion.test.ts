import { EmptyFileSystem, TextDocument } from 'langium';
import { clearDocuments, expectCompletion } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver';
import { createMcredServices } from '../../language-server/mcred-module.js';
import { holeAt } from '../../language-server/lsp/holes.js';
import { ASSESSMENT_TYPES, COUNTRIES, EQF_LEVELS, LANGUAGES } from '../../language-server/vocab/index.js';

const { mcred, shared } = createMcredServices(EmptyFileSystem);
const complete = expectCompletion(mcred);

afterEach(() => clearDocuments(shared));

/** The items at `<|>` and the text after choosing the item with a label. */
async function at(text: string): Promise<{ labels: string[]; choose: (label: string) => string }> {
    let list: CompletionList | undefined;
    await complete({ text, index: 0, assert: completions => { list = completions; } });
    const items: CompletionItem[] = list!.items;
    const plain = text.replace('<|>', '');
    return {
        labels: items.map(i => i.label),
        choose: label => {
            const item = items.find(i => i.label === label);
            if (!item) throw new Error(`no item ${label} among ${items.map(i => i.label).join(', ')}`);
            const edit = item.textEdit as TextEdit;
            return TextDocument.applyEdits(TextDocument.create('file:///x.mcred', 'mcred', 1, plain), [edit]);
        }
    };
}

const PROVIDERS = 'provider UNIFI { name "Università di Firenze" country IT }\nprovider KUL { name "KU Leuven" country BE }\n';

describe('completion at a hole offers exactly the legal values, and the choice replaces the `?`', () => {
    test('level ?: the EQF levels, the QF-EHEA cycles and none, as whole values', async () => {
        for (const text of ['microcredential X {\n    level ?<|>\n}', 'microcredential X {\n    level <|>?\n}']) {
            const { labels, choose } = await at(text);
            for (const level of EQF_LEVELS.concepts) expect(labels).toContain(`eqf ${level.code}`);
            expect(labels).toContain('qf-ehea first');
            expect(labels).toContain('none "…"');
            expect(labels).not.toContain('?');
            expect(labels).not.toContain('title');
            expect(choose('eqf 6')).toBe('microcredential X {\n    level eqf 6\n}');
        }
    });

    test('participation ?: the three forms of participation', async () => {
        const { labels, choose } = await at('microcredential X {\n    participation ?<|>\n}');
        expect([...labels].sort()).toEqual(['blended', 'online', 'onsite']);
        expect(choose('online')).toBe('microcredential X {\n    participation online\n}');
    });

    test('type ?: the assessment types', async () => {
        const { labels, choose } = await at('microcredential X {\n    assessment A {\n        type ?<|>\n    }\n}');
        expect([...labels].sort()).toEqual(ASSESSMENT_TYPES.concepts.map(c => c.code).sort());
        expect(choose('project')).toContain('        type project\n');
    });

    test('country ?: the countries', async () => {
        const { labels, choose } = await at('provider P {\n    country ?<|>\n}');
        expect(labels).toHaveLength(COUNTRIES.concepts.length);
        expect(choose('FI')).toBe('provider P {\n    country FI\n}');
    });

    test('language ?: the languages', async () => {
        const { labels } = await at('microcredential X {\n    language ?<|>\n}');
        expect(labels).toHaveLength(LANGUAGES.concepts.length);
    });

    test('awardedBy ?: the providers of the workspace', async () => {
        const { labels, choose } = await at(`${PROVIDERS}microcredential X {\n    awardedBy ?<|>\n}`);
        expect([...labels].sort()).toEqual(['KUL', 'UNIFI']);
        expect(choose('KUL')).toContain('    awardedBy KUL\n');
    });

    test('covers ?: the outcomes of the credential', async () => {
        const text = 'microcredential X {\n    outcome LO1 "Explain A"\n    outcome LO2 "Apply B"\n    assessment A {\n        type quiz\n        covers ?<|>\n    }\n}';
        const { labels, choose } = await at(text);
        expect([...labels].sort()).toEqual(['LO1', 'LO2']);
        expect(choose('LO2')).toContain('        covers LO2\n');
    });

    test('internal ?: the timing, the agency, the standard of the procedure', async () => {
        const { labels } = await at('microcredential X {\n    qualityAssurance {\n        internal ?<|>\n    }\n}');
        expect(labels).toEqual(expect.arrayContaining(['exAnte', 'exPost', 'agency', 'standard']));
    });

    test('workload ?: the two forms of a workload, no number proposed', async () => {
        const { labels } = await at('microcredential X {\n    workload ?<|>\n}');
        expect([...labels].sort()).toEqual(['… ects', '… hours']);
    });

    test('a `?` is never proposed, at a hole or elsewhere', async () => {
        expect((await at('microcredential X {\n    <|>\n}')).labels).not.toContain('?');
        expect((await at('microcredential X {\n    level <|>\n}')).labels).not.toContain('?');
    });
});

describe('holeAt', () => {
    test.each([
        ['    level ?', 11, 'level'],
        ['    level ?', 10, 'level'],
        ['    internal ?', 14, 'internal'],
        ['    outcome LO1 ?', 17, 'LO1']
    ])('%j at %i: the hole of %s', (text, offset, property) => {
        expect(holeAt(text, offset)?.property).toBe(property);
    });

    test.each([
        ['    title "What?"', 15],
        ['    // level ?', 14],
        ['    level?', 10]
    ])('%j at %i: no hole', (text, offset) => {
        expect(holeAt(text, offset)).toBeUndefined();
    });
});
