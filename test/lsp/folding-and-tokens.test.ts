import { EmptyFileSystem } from 'langium';
import { SemanticTokensDecoder } from 'langium/lsp';
import { clearDocuments, expectFoldings, parseHelper } from 'langium/test';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { createMcredServices } from '../../language-server/mcred-module.js';

const { mcred, shared } = createMcredServices(EmptyFileSystem);
const parse = parseHelper(mcred);
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

afterEach(() => clearDocuments(shared));

describe('folding', () => {
    test('blocks fold up to the line before their `}`, and multi-line strings fold whole', async () => {
        await expectFoldings(mcred)({
            text: [
                '<|provider P {',
                '    name "P"|>',
                '}',
                'microcredential X { title "one line" }',
                '<|microcredential Y {',
                '    <|audience {',
                '        target "A"|>',
                '    }',
                '    description <|"A description',
                '        that goes on|>"',
                '    recognition "short"|>',
                '}'
            ].join('\n')
        });
    });

    test('the example folds each block, the outcome with its skill does not (two lines)', async () => {
        const document = await parse(EXAMPLE);
        const foldings = await mcred.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        const lines = EXAMPLE.split('\n');
        const folded = foldings.map(f => lines[f.startLine].trim().split(' ')[0]).sort();
        expect(folded).toEqual(['assessment', 'audience', 'business', 'cohort', 'format', 'microcredential', 'pathway', 'provider', 'qualityAssurance'].sort());
    });
});

describe('semantic tokens', () => {
    async function tokens(text: string): Promise<Array<[string, string, number]>> {
        const document = await parse(text);
        const provider = mcred.lsp.SemanticTokenProvider!;
        const result = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        return SemanticTokensDecoder.decode(result, provider.tokenTypes, document).map(t => [t.text, t.tokenType, t.tokenModifiers]);
    }

    const DECLARATION = mcred.lsp.SemanticTokenProvider!.tokenModifiers.declaration;
    const READONLY = mcred.lsp.SemanticTokenProvider!.tokenModifiers.readonly;

    test('keywords, values, names and references are coloured by meaning', async () => {
        const text = [
            'provider UNIFI { country IT }',
            'microcredential AIEthics {',
            '    awardedBy UNIFI',
            '    level eqf 6',
            '    field "0223"',
            '    participation blended',
            '    outcome type "Explain"',
            '    assessment Audit { type project covers type }',
            '}',
            'cohort C of AIEthics { issued 2026-06-30 learner "Kim" }'
        ].join('\n');
        expect(await tokens(text)).toEqual([
            ['provider', 'keyword', 0], ['UNIFI', 'namespace', DECLARATION], ['country', 'keyword', 0], ['IT', 'enumMember', 0],
            ['microcredential', 'keyword', 0], ['AIEthics', 'class', DECLARATION],
            ['awardedBy', 'keyword', 0], ['UNIFI', 'namespace', 0],
            ['level', 'keyword', 0], ['eqf', 'keyword', 0], ['6', 'enumMember', 0],
            ['field', 'keyword', 0], ['"0223"', 'enumMember', 0],
            ['participation', 'keyword', 0], ['blended', 'enumMember', 0],
            // An outcome called `type` (a soft keyword) is a name, not a keyword.
            ['outcome', 'keyword', 0], ['type', 'property', DECLARATION], ['"Explain"', 'string', 0],
            ['assessment', 'keyword', 0], ['Audit', 'function', DECLARATION], ['type', 'keyword', 0], ['project', 'enumMember', 0],
            ['covers', 'keyword', 0], ['type', 'property', 0],
            ['cohort', 'keyword', 0], ['C', 'event', DECLARATION], ['of', 'keyword', 0], ['AIEthics', 'class', 0],
            ['issued', 'keyword', 0], ['2026-06-30', 'number', READONLY], ['learner', 'keyword', 0], ['"Kim"', 'string', 0]
        ]);
    });

    test('numbers that are not codes are numbers; QA kinds and units are values', async () => {
        expect(await tokens('microcredential X { workload 5 ects duration 6 weeks qualityAssurance { internal exAnte "Q" } }')).toEqual([
            ['microcredential', 'keyword', 0], ['X', 'class', DECLARATION],
            ['workload', 'keyword', 0], ['5', 'number', 0], ['ects', 'keyword', 0],
            ['duration', 'keyword', 0], ['6', 'number', 0], ['weeks', 'enumMember', 0],
            ['qualityAssurance', 'keyword', 0], ['internal', 'enumMember', 0], ['exAnte', 'enumMember', 0], ['"Q"', 'string', 0]
        ]);
    });

    test('the whole example is tokenised without gaps in its names and values', async () => {
        const all = await tokens(EXAMPLE);
        expect(all.filter(([, type]) => type === 'enumMember').map(([text]) => text)).toEqual([
            'IT', 'en', '6', '"0223"', 'weeks', 'blended', 'non-formal', '"http://data.europa.eu/esco/skill/b2f925ed-3ebd-4f78-b98e-d5d4678e83b5"',
            'project', 'supervised-with-id', 'upskilling', 'reskilling', 'blended', 'internal', 'exAnte', 'external', 'exPost',
            'years', 'EUR', 'students', 'professionals', '6'
        ]);
    });
});
