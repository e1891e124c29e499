import { EmptyFileSystem, URI } from 'langium';
import { clearDocuments, expectHover, parseHelper } from 'langium/test';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { KEYWORD_DOCS } from '../../language-server/lsp/keyword-docs.js';
import { KEYWORD_VALUE_VOCABULARIES } from '../../language-server/lsp/value-vocabularies.js';
import { createMcredServices } from '../../language-server/mcred-module.js';

const { mcred, shared } = createMcredServices(EmptyFileSystem);
const hover = expectHover(mcred);
const parse = parseHelper(mcred);
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

afterEach(() => clearDocuments(shared));

/** The example with the `<|>` marker placed before the n-th occurrence of `needle`. */
function exampleAt(needle: string, occurrence = 1, source = EXAMPLE): string {
    let index = -1;
    for (let i = 0; i < occurrence; i++) index = source.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' not in the example`);
    return `${source.slice(0, index)}<|>${source.slice(index)}`;
}

describe('keywords', () => {
    test.each([
        ['title', /^\*\*title\*\* — The title of the credential.*Annex I element 2: \*Title of the micro-credential\*/s],
        ['participation', /form of participation.*Annex I element 10.*Design method step 3: \*Teaching and learning format\*/s],
        ['qualityAssurance', /Annex I element 11: \*Type of quality assurance.*Design method step 4: \*Quality assurance\*/s],
        ['needsAnalysis', /needs.*Design method step 1: \*Target audience definition and relevance\*/s],
        ['prerequisites', /Annex I optional element: \*Prerequisites needed to enrol/],
        ['issued', /date of issuing.*Annex I element 5/s],
        ['learner ', /Annex I element 1: \*Identification of the learner\*/]
    ])('`%s` says what it states and which element it serves', async (keyword, expected) => {
        await hover({ text: exampleAt(keyword), index: 0, hover: expected });
    });

    test('the same word means what its block makes it mean', async () => {
        await hover({ text: exampleAt('mode blended'), index: 0, hover: /teaching mode.*Design method step 3/s });
        await hover({ text: 'microcredential X { assessment { <|>mode online } }', index: 0, hover: /How the assessment takes place/ });
        await hover({ text: exampleAt('sustainability short'), index: 0, hover: /short and medium run.*step 5/s });
        await hover({ text: exampleAt('sustainability "'), index: 0, hover: /sustainable for the issuing bodies.*step 3/s });
    });

    test('every word keyword of the grammar is documented', () => {
        const words = [...new Set(mcred.Grammar.rules.flatMap(rule => [...streamKeywords(rule)]))].filter(k => /^[a-zA-Z]/.test(k));
        const valueWords = new Set(Object.values(KEYWORD_VALUE_VOCABULARIES).flatMap(v => v.concepts.map(c => c.code)));
        const undocumented = words.filter(word => !valueWords.has(word) && !(word in KEYWORD_DOCS));
        expect(undocumented).toEqual([]);
    });
});

describe('controlled values', () => {
    test.each([
        ['blended', /^\*\*blended — Blended\*\*.*combines online and onsite.*Forms of participation/s],
        ['non-formal', /Non-formal learning/],
        ['supervised-with-id', /Supervised with ID verification.*identity of the learner is verified/s],
        ['project', /Project work.*http:\/\/data\.europa\.eu\/snb\/assessment\//s],
        ['upskilling', /Upskilling/],
        ['IT', /^\*\*IT — Italy\*\*/],
        ['"0223"', /^\*\*0223 — Philosophy and ethics\*\*.*ISCED-F 2013/s],
        ['"http://data.europa.eu/esco/skill/b2f925ed', /ESCO skills/]
    ])('`%s` shows its label and description', async (value, expected) => {
        await hover({ text: exampleAt(value), index: 0, hover: expected });
    });

    test('the EQF level shows its descriptors', async () => {
        await hover({ text: 'microcredential X { level eqf <|>6 }', index: 0, hover: /\*\*6 — Level 6\*\*.*Knowledge: Advanced knowledge/s });
    });

    test('ECTS show the notional hours', async () => {
        await hover({ text: 'microcredential X { workload <|>5 ects }', index: 0, hover: /5 ECTS\*\* — 125–150 hours/ });
    });

    test('a code spelled like a keyword is still a code (`language id` is Indonesian)', async () => {
        await hover({ text: 'microcredential X { language en, <|>id }', index: 0, hover: /^\*\*id — Indonesian\*\*/ });
    });

    test('a translation tag names its language', async () => {
        await hover({ text: 'microcredential X { language en, fi\n title "S"\n title "K"<|>@fi }', index: 0, hover: /^\*\*@fi\*\* — the Finnish translation/ });
        await hover({ text: 'microcredential X { title "K"<|>@fin }', index: 0, hover: /\*\*@fin\*\* is not an ISO 639-1 language code/ });
    });

    test('the new keywords explain themselves', async () => {
        await hover({ text: 'microcredential X { <|>module M { } }', index: 0, hover: /^\*\*module\*\* — A component of the micro-credential/ });
        await hover({ text: 'provider P { <|>members Q }', index: 0, hover: /^\*\*members\*\* — The member providers of an alliance/ });
        await hover({ text: 'cohort C of X { <|>period 2027-02-01 to 2027-04-30 }', index: 0, hover: /^\*\*period\*\* — When the teaching/ });
    });

    test('a code outside its list says so and suggests the closest', async () => {
        await hover({ text: 'provider P { country <|>ITA }', index: 0, hover: /\*\*ITA\*\* is not in \*ISO 3166-1.*Did you mean `IT` \(Italy\)/s });
    });
});

describe('references and declarations', () => {
    test('a reference shows the title, ECTS, level and awarding body of its target', async () => {
        await hover({
            text: exampleAt('AIDigitalEthics            //'),
            index: 0,
            hover: '**microcredential AIDigitalEthics** — AI & Digital Ethics\n\n5 ECTS · EQF 6 · awarded by University of Florence (UNIFI)'
        });
    });

    test('a provider reference shows its legal name and country', async () => {
        await hover({ text: exampleAt('UNIFI', 2), index: 0, hover: /^\*\*provider UNIFI\*\* — University of Florence\n\nItaly \(IT\) · Toscana/ });
    });

    test('a reference to another file resolves there', async () => {
        await parse('provider P { name "Uni P" country DE }', { documentUri: URI.file('/ws/providers.mcred').toString() });
        await hover({ text: 'microcredential X { awardedBy <|>P }', index: 0, hover: /Uni P\n\nGermany \(DE\)/ });
    });

    test('an outcome reference shows its statement', async () => {
        await hover({ text: exampleAt('LO2', 2), index: 0, hover: /^\*\*outcome LO2\*\* — Evaluate an AI application/ });
    });

    test('a name spelled like a keyword is a name (an outcome called `type`)', async () => {
        await hover({ text: 'microcredential X { outcome type "Apply" assessment { covers <|>type } }', index: 0, hover: /^\*\*outcome type\*\* — Apply/ });
    });

    test('a pathway shows the summed ECTS of its parts', async () => {
        await hover({ text: exampleAt('AILiteracyPathway', 1), index: 0, hover: /pathway AILiteracyPathway.*5 ECTS \(sum of its parts\) · EQF 6/s });
    });
});

describe('diagnostics', () => {
    test("hovering a diagnostic's element shows the full text of its rule", async () => {
        const withoutTitle = EXAMPLE.replace('    title "AI & Digital Ethics"\n', '');
        await hover({
            text: exampleAt('AIDigitalEthics {', 1, withoutTitle),
            index: 0,
            parseOptions: { validation: true },
            // The rule's heading, summary and source, why it matters, and the fix (validation/rule-docs.ts).
            hover: new RegExp('#### `eu-title`\\n\\n\\*\\*The micro-credential has a title\\.\\*\\* — error; '
                + 'Annex I element 2, Council Recommendation 2022/C 243/02\\.[\\s\\S]*\\*Why it matters:\\*[\\s\\S]*\\*Fix:\\*')
        });
    });

    test('no diagnostic, no rule text', async () => {
        const result = await parse(EXAMPLE, { validation: true });
        const offset = EXAMPLE.indexOf('AIDigitalEthics {');
        const content = await mcred.lsp.HoverProvider!.getHoverContent(result, {
            textDocument: { uri: result.uri.toString() }, position: result.textDocument.positionAt(offset)
        });
        expect(JSON.stringify(content)).not.toContain('`eu-');
    });
});

function* streamKeywords(node: object): Generator<string> {
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object') yield* streamKeywords(item as object);
        if (value && typeof value === 'object' && !Array.isArray(value) && !('ref' in value)) yield* streamKeywords(value as object);
    }
    if ((node as { $type?: string }).$type === 'Keyword') yield (node as { value: string }).value;
}
