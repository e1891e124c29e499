import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments, expectFindReferences, expectGoToDefinition, expectHighlight, expectSymbols, expectWorkspaceSymbols, parseHelper } from 'langium/test';
import { readFileSync } from 'node:fs';
import { SymbolKind, type DocumentSymbol, type LocationLink, type TextEdit } from 'vscode-languageserver';
import { afterEach, describe, expect, test } from 'vitest';
import type { Model } from '../../language-server/generated/ast.js';
import { createMcredServices } from '../../language-server/mcred-module.js';

const { mcred, shared } = createMcredServices(EmptyFileSystem);
const parse = parseHelper<Model>(mcred);
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

afterEach(() => clearDocuments(shared));

const KIND_NAMES: Record<number, string> = Object.fromEntries(Object.entries(SymbolKind).map(([name, kind]) => [kind, name]));

const PROVIDERS = 'provider UNIFI {\n    name "University of Florence"\n    country IT\n}\n';
const CREDENTIAL = 'microcredential AIEthics {\n    title "AI Ethics"\n    awardedBy UNIFI\n    outcome LO1 "Explain"\n    outcome LO2 "Apply"\n'
    + '    assessment Audit {\n        covers LO1, LO2\n    }\n}\n';
const PATHWAY = 'pathway AIPath {\n    awardedBy UNIFI\n    includes AIEthics\n}\n';

/** Parses the files in order, each under /ws/<name>. */
async function workspace(files: Record<string, string>): Promise<Record<string, LangiumDocument<Model>>> {
    const documents: Record<string, LangiumDocument<Model>> = {};
    for (const [name, text] of Object.entries(files)) {
        documents[name] = await parse(text, { documentUri: URI.file(`/ws/${name}`).toString() });
    }
    return documents;
}

function position(document: LangiumDocument, needle: string, occurrence = 1) {
    const text = document.textDocument.getText();
    let offset = -1;
    for (let i = 0; i < occurrence; i++) offset = text.indexOf(needle, offset + 1);
    expect(offset, `'${needle}' in ${document.uri.path}`).toBeGreaterThanOrEqual(0);
    return { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) };
}

describe('go to definition', () => {
    test('within a file', async () => {
        await expectGoToDefinition(mcred)({
            text: 'microcredential X { outcome <|LO1|> "A" assessment { covers <|>LO1 } }',
            index: 0,
            rangeIndex: 0
        });
    });

    test('across two files', async () => {
        const { 'providers.mcred': providers, 'credential.mcred': credential } = await workspace({ 'providers.mcred': PROVIDERS, 'credential.mcred': CREDENTIAL });
        const links = await mcred.lsp.DefinitionProvider!.getDefinition(credential, position(credential, 'UNIFI')) as LocationLink[];
        expect(links).toHaveLength(1);
        expect(links[0].targetUri).toBe(providers.uri.toString());
        expect(links[0].targetSelectionRange).toEqual({ start: { line: 0, character: 9 }, end: { line: 0, character: 14 } });
    });
});

describe('find references', () => {
    test('within a file, with the declaration', async () => {
        await expectFindReferences(mcred)({
            text: 'microcredential X { outcome <|LO1|> "A" assessment { covers <|LO1|> } assessment { covers <|<|>LO1|> } }',
            includeDeclaration: true
        });
    });

    test('across files', async () => {
        const docs = await workspace({ 'providers.mcred': PROVIDERS, 'credential.mcred': CREDENTIAL, 'pathway.mcred': PATHWAY });
        const references = await mcred.lsp.ReferencesProvider!.findReferences(docs['providers.mcred'], {
            ...position(docs['providers.mcred'], 'UNIFI'), context: { includeDeclaration: false }
        });
        expect(references.map(r => r.uri).sort()).toEqual([docs['credential.mcred'].uri.toString(), docs['pathway.mcred'].uri.toString()].sort());
    });
});

describe('rename', () => {
    const rename = (document: LangiumDocument, needle: string, newName: string, occurrence = 1) =>
        mcred.lsp.RenameProvider!.rename(document, { ...position(document, needle, occurrence), newName });

    const newTexts = (edits: TextEdit[] | undefined) => (edits ?? []).map(e => e.newText);

    test('a provider, from a reference, in every file that uses it', async () => {
        const docs = await workspace({ 'providers.mcred': PROVIDERS, 'credential.mcred': CREDENTIAL, 'pathway.mcred': PATHWAY });
        const edit = await rename(docs['pathway.mcred'], 'UNIFI', 'Florence');
        const changes = edit?.changes ?? {};
        expect(Object.keys(changes).sort()).toEqual(['credential.mcred', 'pathway.mcred', 'providers.mcred'].map(f => URI.file(`/ws/${f}`).toString()).sort());
        expect(newTexts(changes[docs['providers.mcred'].uri.toString()])).toEqual(['Florence']);
        expect(changes[docs['providers.mcred'].uri.toString()]?.[0].range).toEqual({ start: { line: 0, character: 9 }, end: { line: 0, character: 14 } });
    });

    test('an outcome, with the assessments that cover it', async () => {
        const { 'credential.mcred': credential } = await workspace({ 'credential.mcred': CREDENTIAL });
        const edit = await rename(credential, 'LO1', 'Explain');
        expect(newTexts(edit?.changes?.[credential.uri.toString()])).toEqual(['Explain', 'Explain']);
    });

    test('to a soft keyword, which is a valid name', async () => {
        const { 'credential.mcred': credential } = await workspace({ 'credential.mcred': CREDENTIAL });
        const edit = await rename(credential, 'LO1', 'type');
        expect(newTexts(edit?.changes?.[credential.uri.toString()])).toEqual(['type', 'type']);
    });

    test('is refused when the new name is already declared in the workspace', async () => {
        const docs = await workspace({ 'providers.mcred': PROVIDERS, 'credential.mcred': CREDENTIAL, 'pathway.mcred': PATHWAY });
        await expect(rename(docs['credential.mcred'], 'AIEthics', 'AIPath'))
            .rejects.toThrow("Cannot rename 'AIEthics' to 'AIPath': the pathway in pathway.mcred is already called 'AIPath'.");
        await expect(rename(docs['pathway.mcred'], 'UNIFI', 'AIEthics'))
            .rejects.toThrow("the micro-credential in credential.mcred is already called 'AIEthics'");
    });

    test('is refused when an outcome of the same credential has the new name', async () => {
        const docs = await workspace({ 'credential.mcred': CREDENTIAL, 'other.mcred': 'microcredential Other { outcome LO3 "x" }' });
        await expect(rename(docs['credential.mcred'], 'LO1', 'LO2')).rejects.toThrow("an outcome of AIEthics is already called 'LO2'");
        await expect(rename(docs['credential.mcred'], 'Audit', 'LO1')).rejects.toThrow("an outcome of AIEthics is already called 'LO1'");
        // An outcome of another credential does not clash.
        const edit = await rename(docs['credential.mcred'], 'LO1', 'LO3');
        expect(newTexts(edit?.changes?.[docs['credential.mcred'].uri.toString()])).toEqual(['LO3', 'LO3']);
    });

    test.each(['2026', 'two words', 'a"b', '', 'x,y', '-x'])('is refused for %j, which is not a name', async newName => {
        const { 'credential.mcred': credential } = await workspace({ 'credential.mcred': CREDENTIAL });
        await expect(rename(credential, 'LO1', newName)).rejects.toThrow('is not a valid name');
    });

    test('to its own name is a no-op rename, not a clash', async () => {
        const { 'credential.mcred': credential } = await workspace({ 'credential.mcred': CREDENTIAL });
        const edit = await rename(credential, 'AIEthics', 'AIEthics');
        expect(newTexts(edit?.changes?.[credential.uri.toString()])).toEqual(['AIEthics']);
    });
});

describe('symbols', () => {
    test('the outline: credentials with their outcomes, assessments and blocks; cohorts with learners', async () => {
        const describe = (s: DocumentSymbol, depth = 0): string[] => [
            `${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''} [${KIND_NAMES[s.kind] ?? s.kind}]`,
            ...(s.children ?? []).flatMap(child => describe(child, depth + 1))
        ];
        await expectSymbols(mcred)({
            text: EXAMPLE,
            assert: symbols => expect(symbols.flatMap(s => describe(s))).toEqual([
                'UNIFI (University of Florence) [Namespace]',
                'AIDigitalEthics (AI & Digital Ethics) [Class]',
                '  LO1 (Explain the main ethical principles that apply to AI systems) [Field]',
                '  LO2 (Evaluate an AI application against the EU AI Act risk categories) [Field]',
                '  Audit (Project work) [Method]',
                '  audience [Struct]',
                '  format [Struct]',
                '  qualityAssurance [Struct]',
                '  business [Struct]',
                'AILiteracyPathway (AI Literacy for Professionals) [Package]',
                'Spring2026 (of AIDigitalEthics · issued 2026-06-30) [Event]',
                '  Jane Doe (pass) [Object]',
                '  Kim Lee (pass) [Object]'
            ])
        });
    });

    test('selection ranges are the names', async () => {
        const document = await parse(EXAMPLE);
        const symbols = await mcred.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
        const credential = symbols[1];
        expect(document.textDocument.getText(credential.selectionRange)).toBe('AIDigitalEthics');
        expect(document.textDocument.getText(credential.children![0].selectionRange)).toBe('LO1');
        expect(document.textDocument.getText(credential.children![3].selectionRange)).toBe('audience');
    });

    test('workspace symbols: every provider, credential, pathway and cohort of every file', async () => {
        await workspace({ 'providers.mcred': PROVIDERS, 'credential.mcred': CREDENTIAL, 'pathway.mcred': PATHWAY });
        await expectWorkspaceSymbols(shared)({ expectedSymbols: ['UNIFI', 'AIEthics', 'AIPath'] });
        await expectWorkspaceSymbols(shared)({
            query: 'aip',
            assert: symbols => {
                expect(symbols.map(s => [s.name, s.kind])).toEqual([['AIPath', SymbolKind.Package]]);
                expect((symbols[0].location).uri).toBe(URI.file('/ws/pathway.mcred').toString());
            }
        });
    });
});

describe('document highlight', () => {
    test('the declaration and every reference in the file', async () => {
        await expectHighlight(mcred)({
            text: 'microcredential X { outcome <|LO1|> "A" assessment { covers <|<|>LO1|> } assessment { covers <|LO1|>, LO2 } outcome LO2 "B" }',
            index: 0,
            rangeIndex: [0, 1, 2]
        });
    });
});
