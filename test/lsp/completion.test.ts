import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments, expectCompletion, parseHelper } from 'langium/test';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type MarkupContent } from 'vscode-languageserver';
import { afterEach, describe, expect, test } from 'vitest';
import type { Model } from '../../language-server/generated/ast.js';
import { MICROCREDENTIAL_SNIPPET } from '../../language-server/programme-template.js';
import { createMcredServices } from '../../language-server/mcred-module.js';
import { COUNTRIES, ESCO_SKILLS, ISCED_F_FIELDS, LANGUAGES, PROVIDER_KINDS } from '../../language-server/vocab/index.js';

const { mcred, shared } = createMcredServices(EmptyFileSystem);
const complete = expectCompletion(mcred);
const parse = parseHelper<Model>(mcred);

afterEach(() => clearDocuments(shared));

/** The completion items at the `<|>` marker, in the order an editor shows them (by sortText). */
async function itemsAt(text: string): Promise<CompletionItem[]> {
    let list: CompletionList | undefined;
    await complete({ text, index: 0, assert: completions => { list = completions; } });
    return [...list!.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

const labels = (items: readonly CompletionItem[]) => items.map(i => i.label);
const doc = (item: CompletionItem | undefined) => (item?.documentation as MarkupContent | undefined)?.value ?? '';

describe('keywords: only those legal at the cursor', () => {
    test('inside an assessment block, only assessment properties', async () => {
        await complete({
            text: 'microcredential X { assessment A { <|> } }',
            index: 0,
            expectedItems: ['title', 'type', 'covers', 'mode', 'supervision', 'grading', 'weight', 'description']
        });
    });

    test('after `level`, only the three kinds of level', async () => {
        await complete({ text: 'microcredential X { level <|> }', index: 0, expectedItems: ['eqf', 'qf-ehea', 'none'] });
    });

    test('after `workload 5`, only the units', async () => {
        await complete({ text: 'microcredential X { workload 5 <|> }', index: 0, expectedItems: ['ects', 'hours', 'hour'] });
    });

    test('at the top level, the four elements and their snippets', async () => {
        const items = await itemsAt('<|>');
        expect(items.filter(i => i.kind === CompletionItemKind.Keyword).map(i => i.label))
            .toEqual(['provider', 'microcredential', 'pathway', 'cohort']);
        expect(items.filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label))
            .toEqual(['provider', 'microcredential', 'cohort']);
    });

    test('a name position lists no soft keywords', async () => {
        expect(await itemsAt('microcredential X { outcome <|> }')).toEqual([]);
        expect(await itemsAt('<|>provider')).not.toEqual([]);
        // A provider's kind: the known kinds only, no keyword of the grammar.
        const kinds = await itemsAt('provider P { kind <|> }');
        expect(kinds.map(item => item.label)).toEqual(PROVIDER_KINDS.concepts.map(kind => kind.code));
    });

    test('in a quality assurance block, procedures and properties only', async () => {
        await complete({
            text: 'microcredential X { qualityAssurance { <|> } }',
            index: 0,
            expectedItems: ['internal', 'external', 'stakeholders', 'standards', 'review', 'feedback']
        });
    });

    test('the same proposals in any element of a file, before, between and after others', async () => {
        const before = 'provider P { name "P" country IT }\nmicrocredential A { title "A" level eqf 6 }\n';
        expect(labels(await itemsAt(`${before}microcredential B { level eqf <|> }`))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
        expect(labels(await itemsAt(`${before}<|>\npathway W { }`)))
            .toEqual(['provider', 'microcredential', 'pathway', 'cohort', 'provider', 'microcredential', 'cohort']);
        expect(labels(await itemsAt(`${before}microcredential B { assessment { <|> } }\ncohort C of A { }`)))
            .toEqual(['title', 'type', 'covers', 'mode', 'supervision', 'grading', 'weight', 'description']);
        expect(labels(await itemsAt(`${before}microcredential B { awardedBy <|>`))).toEqual(['P']);
    });

    test('keywords carry their meaning and the Annex I element they serve', async () => {
        const items = await itemsAt('microcredential X { <|> }');
        expect(doc(items.find(i => i.label === 'participation'))).toContain('Annex I element 10');
        expect(doc(items.find(i => i.label === 'title'))).toContain('Title of the micro-credential');
        expect(doc(items.find(i => i.label === 'audience'))).toContain('Design method step 1');
    });
});

describe('controlled values', () => {
    test('after `level eqf `, exactly the levels 1–8 with their descriptors', async () => {
        const items = await itemsAt('microcredential X { level eqf <|> }');
        expect(labels(items)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
        for (const item of items) {
            expect(item.detail).toBe(`Level ${item.label}`);
            expect(doc(item)).toMatch(/Knowledge: .*Skills: .*Responsibility and autonomy: /s);
        }
    });

    test('after `level qf-ehea `, the four cycles', async () => {
        const items = await itemsAt('microcredential X { level qf-ehea <|> }');
        expect(labels(items)).toEqual(['short-cycle', 'first', 'second', 'third']);
        expect(items.find(i => i.label === 'first')?.detail).toBe('First cycle');
        expect(doc(items.find(i => i.label === 'first'))).toContain('EQF level 6');
    });

    test('after `field `, every ISCED-F code, inserted quoted', async () => {
        const items = await itemsAt('microcredential X { field <|> }');
        expect(items).toHaveLength(ISCED_F_FIELDS.concepts.length);
        const ethics = items.find(i => i.label === '0223 Philosophy and ethics');
        expect(ethics?.textEdit?.newText).toBe('"0223"');
        expect(ethics?.filterText).toContain('0223');
        expect(ethics?.filterText).toContain('Philosophy');
    });

    test('ISCED-F fields filter by code or by name, also inside an open string', async () => {
        expect(labels(await itemsAt('microcredential X { field "022<|> }'))).toContain('0223 Philosophy and ethics');
        expect(labels(await itemsAt('microcredential X { field "022<|> }'))).not.toContain('0311 Economics');
        const byName = await itemsAt('microcredential X { field "philo<|> }');
        expect(labels(byName)).toEqual(['0223 Philosophy and ethics']);
        expect(byName[0].textEdit).toMatchObject({ newText: '"0223"', range: { start: { character: 26 }, end: { character: 32 } } });
        expect(labels(await itemsAt('microcredential X { field "0223", <|> }'))).toContain('0311 Economics');
    });

    test('inside a complete string (an auto-closed quote), the value replaces the whole string', async () => {
        const [first] = await itemsAt('microcredential X { field "022<|>" }');
        expect(first.label).toBe('022 Humanities (except languages)');
        expect(first.textEdit).toMatchObject({ newText: '"022"', range: { start: { character: 26 }, end: { character: 31 } } });
        const skill = (await itemsAt('microcredential X { outcome L "x" skill "<|>" }'))[0];
        expect(skill.textEdit).toMatchObject({ range: { start: { character: 40 }, end: { character: 42 } } });
        expect(await itemsAt('microcredential X { title "AI<|> ethics" }')).toEqual([]);
    });

    test('countries after `country `, filtered by code or name', async () => {
        const all = await itemsAt('provider P { country <|> }');
        expect(all).toHaveLength(COUNTRIES.concepts.length);
        expect(all.find(i => i.label === 'IT')).toMatchObject({ detail: 'Italy', kind: CompletionItemKind.EnumMember });
        expect(labels(await itemsAt('provider P { country Ital<|> }'))).toEqual(['IT']);
        expect(labels(await itemsAt('provider P { country I<|> }'))[0]).toBe('ID');
    });

    test('languages after `language ` and after a comma', async () => {
        expect(await itemsAt('microcredential X { language <|> }')).toHaveLength(LANGUAGES.concepts.length);
        const items = await itemsAt('microcredential X { language en, <|> }');
        expect(items.find(i => i.label === 'it')?.detail).toBe('Italian');
    });

    test('currencies after `fee N `', async () => {
        const items = await itemsAt('microcredential X { business { fee 300 <|> } }');
        expect(items.find(i => i.label === 'EUR')?.detail).toBe('Euro');
    });

    test('ESCO skills after `skill `: the label inserts the quoted URI', async () => {
        const items = await itemsAt('microcredential X { outcome LO1 "Explain" skill <|> }');
        expect(items).toHaveLength(ESCO_SKILLS.concepts.length);
        const skill = ESCO_SKILLS.concepts[0];
        const item = items.find(i => i.label === skill.label);
        expect(item?.textEdit?.newText).toBe(`"${skill.uri}"`);
        expect(doc(item)).toContain(skill.uri!);
    });

    test.each([
        ['microcredential X { participation <|> }', ['online', 'onsite', 'blended'], 'blended', 'Blended'],
        ['microcredential X { setting <|> }', ['formal', 'non-formal', 'informal'], 'non-formal', 'Non-formal learning'],
        ['microcredential X { assessment { supervision <|> } }', ['unsupervised', 'unsupervised-with-id', 'supervised', 'supervised-with-id'],
            'supervised-with-id', 'Supervised with ID verification'],
        ['microcredential X { audience { purpose <|> } }', ['upskilling', 'reskilling'], 'reskilling', 'Reskilling'],
        ['microcredential X { business { learnerTypes <|> } }', ['students', 'professionals', 'jobseekers', 'other'], 'professionals', 'Professionals'],
        ['microcredential X { format { schedule <|> } }', ['full-time', 'part-time', 'part-time-intensive', 'part-time-light'], 'full-time', 'Full time']
    ])('%s offers the list with labels and descriptions', async (text, expected, value, label) => {
        const items = (await itemsAt(text)).filter(i => i.kind === CompletionItemKind.EnumMember);
        expect(labels(items)).toEqual(expected);
        const item = items.find(i => i.label === value);
        expect(item?.detail).toBe(label);
        expect(doc(item).length).toBeGreaterThan(10);
    });

    test('assessment types: the seventeen Europass types with their concept URI', async () => {
        const items = await itemsAt('microcredential X { assessment { type <|> } }');
        expect(items).toHaveLength(17);
        expect(doc(items.find(i => i.label === 'project'))).toContain('http://data.europa.eu/snb/assessment/');
    });

    test('waivable codes after `waive `', async () => {
        const items = await itemsAt('microcredential X { waive <|> }');
        expect(labels(items)).toContain('qa-business-model');
        expect(labels(items)).not.toContain('syntax-error');
    });
});

describe('cross-references from the whole workspace', () => {
    async function inWorkspace(files: Record<string, string>): Promise<Array<LangiumDocument<Model>>> {
        return Promise.all(Object.entries(files).map(([name, text]) => parse(text, { documentUri: URI.file(`/ws/${name}`).toString() })));
    }

    test('after `awardedBy `, the providers of every file, described', async () => {
        await inWorkspace({ 'providers.mcred': 'provider UNIFI { name "University of Florence" country IT }\nprovider KU { name "KU Leuven" }' });
        const items = await itemsAt('microcredential X { awardedBy <|> }');
        expect(labels(items).sort()).toEqual(['KU', 'UNIFI']);
        const unifi = items.find(i => i.label === 'UNIFI');
        expect(unifi?.detail).toBe('University of Florence');
        expect(doc(unifi)).toContain('Italy (IT)');
    });

    test('`includes` lists credentials of other files with their ECTS, level and provider', async () => {
        await inWorkspace({ 'a.mcred': 'provider P { name "Uni P" }\nmicrocredential A { title "Alpha" awardedBy P workload 5 ects level eqf 6 }' });
        const items = await itemsAt('microcredential B { title "Beta" }\npathway W { includes <|> }');
        expect(labels(items).sort()).toEqual(['A', 'B', 'W']);
        expect(doc(items.find(i => i.label === 'A'))).toBe('**microcredential A** — Alpha\n\n5 ECTS · EQF 6 · awarded by Uni P (P)');
    });

    test('`covers` lists the outcomes of its own credential only', async () => {
        await inWorkspace({ 'other.mcred': 'microcredential O { outcome LO9 "Other" }' });
        const items = await itemsAt('microcredential X { outcome LO1 "Explain" outcome LO2 "Apply" assessment { covers <|> } }');
        expect(labels(items)).toEqual(['LO1', 'LO2']);
        expect(doc(items[0])).toContain('Explain');
    });

    test('`cohort … of` lists micro-credentials, not pathways', async () => {
        await inWorkspace({ 'a.mcred': 'microcredential A { }\npathway W { includes A }' });
        expect(labels(await itemsAt('cohort C of <|>'))).toEqual(['A']);
    });
});

describe('snippets', () => {
    test('the micro-credential skeleton has a tab stop for every Annex I element', async () => {
        const items = await itemsAt('<|>');
        const skeleton = items.find(i => i.kind === CompletionItemKind.Snippet && i.label === 'microcredential');
        expect(skeleton?.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(skeleton?.textEdit?.newText).toBe(MICROCREDENTIAL_SNIPPET);
        const tabStopAfter = (prefix: string) => new RegExp(`${prefix}\\$\\{\\d+:\\?\\}`);
        for (const element of [
            'roster ', 'title ', 'awardedBy ', 'issued ', 'outcome LO1 ', 'workload ', 'level ',
            'type ', 'participation ', 'qualityAssurance \\{\\n\\s+internal '
        ]) {
            expect(MICROCREDENTIAL_SNIPPET).toMatch(tabStopAfter(element));
        }
    });

    test('the assessment snippet is offered inside a credential, not at the top level', async () => {
        const inside = await itemsAt('microcredential X { <|> }');
        expect(inside.find(i => i.kind === CompletionItemKind.Snippet)?.label).toBe('assessment');
        expect((await itemsAt('<|>')).map(i => i.label)).not.toContain('assessment');
    });
});

describe('translations', () => {
    const labels = (items: CompletionItem[]) => items.map(item => item.label);

    test('after a title, an outcome translation or an assessment title: @ and the other languages of `language`', async () => {
        expect(labels(await itemsAt('microcredential X { language en, fi, sv\n title "Sustainability"<|> }'))).toEqual(expect.arrayContaining(['@fi', '@sv']));
        expect(labels(await itemsAt('microcredential X { language en, fi\n title "Sustainability"<|> }'))).not.toContain('@en');
        expect(labels(await itemsAt('microcredential X { language en, fi\n outcome LO1 "Explain" "Selittää"<|> }'))).toContain('@fi');
        expect(labels(await itemsAt('microcredential X { language en, fi\n assessment A { title "Quizzes"<|> } }'))).toContain('@fi');
    });

    test('the tag replaces what was typed after the text', async () => {
        const items = await itemsAt('microcredential X { language en, fi\n title "S"\n title "K"@f<|> }');
        expect(items.find(item => item.label === '@fi')?.textEdit).toMatchObject({ newText: '@fi' });
    });

    test('no tag where a text cannot be translated, nor when `language` lists one language', async () => {
        expect(labels(await itemsAt('microcredential X { language en, fi\n furtherInfo "https://x.org"<|> }'))).not.toContain('@fi');
        expect(labels(await itemsAt('microcredential X { language en\n title "S"<|> }')).filter(l => l.startsWith('@'))).toEqual([]);
    });
});

describe('provider kinds', () => {
    test('kind proposes the known kinds, alliance among them; a QA procedure still proposes internal and external', async () => {
        const kinds = (await itemsAt('provider P { kind <|> }')).map(item => item.label);
        expect(kinds).toEqual(expect.arrayContaining(['university', 'alliance', 'company']));
        const qa = (await itemsAt('microcredential X { qualityAssurance { <|> } }')).map(item => item.label);
        expect(qa).toEqual(expect.arrayContaining(['internal', 'external']));
        expect(qa).not.toContain('alliance');
    });
});
