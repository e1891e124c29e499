import { EmptyFileSystem, TextDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { isMicroCredential, type Model } from '../../language-server/generated/ast.js';
import {
    ASSESSMENT_SNIPPET, COHORT_SNIPPET, MICROCREDENTIAL_SNIPPET, PROVIDER_SNIPPET,
    programmeFileName, programmeName, programmeTemplate, snippetToText
} from '../../language-server/programme-template.js';
import { createMcredServices } from '../../language-server/mcred-module.js';
import { credentialContexts } from '../../language-server/model/credential-contexts.js';
import { readiness } from '../../language-server/model/readiness.js';

const { mcred, shared } = createMcredServices(EmptyFileSystem);
const parse = parseHelper<Model>(mcred);

afterEach(() => clearDocuments(shared));

describe('the new-programme template', () => {
    test('parses, links, states all eleven Annex I elements and is canonically formatted', async () => {
        const text = programmeTemplate('AIDigitalEthics', 'AI & "Digital" Ethics');
        const document = await parse(text, { validation: true });
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.diagnostics?.filter(d => d.code === 'ref-unresolved' || d.code === 'syntax-error')).toEqual([]);
        const [context] = credentialContexts([document.parseResult.value]);
        expect(context.credential.name).toBe('AIDigitalEthics');
        expect(context.credential.title).toBe('AI & "Digital" Ethics');
        expect(readiness(context).annex1Present).toBe(11);
        const edits = await mcred.lsp.Formatter!.formatDocument(document, {
            textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true }
        });
        expect(TextDocument.applyEdits(document.textDocument, edits)).toBe(text);
    });

    test('states every block of the design method', async () => {
        const document = await parse(programmeTemplate('P'));
        const credential = document.parseResult.value.elements.find(isMicroCredential)!;
        expect(credential.audience?.purposes).toEqual(['upskilling']);
        expect(credential.format?.methodology).toBeDefined();
        expect(credential.qualityAssurance?.procedures).toHaveLength(1);
        expect(credential.business?.longRun).toBeDefined();
        expect(credential.prerequisites && credential.recognition && credential.furtherInfo).toBeTruthy();
    });

    test.each([PROVIDER_SNIPPET, ASSESSMENT_SNIPPET, COHORT_SNIPPET, MICROCREDENTIAL_SNIPPET])('every snippet expands to valid text', async snippet => {
        const text = snippetToText(snippet);
        expect(text).not.toMatch(/\$\{?\d/);
        const wrapped = snippet === ASSESSMENT_SNIPPET ? `microcredential X {\n${text}\n}` : text;
        const document = await parse(wrapped);
        expect(document.parseResult.parserErrors).toEqual([]);
    });

    test('snippet text: defaults, first choices, mirrors and overrides', () => {
        expect(snippetToText('a ${1:x} ${2|p,q|} ${1} $0', { 2: 'r' })).toBe('a x r x ');
    });
});

describe('names', () => {
    test.each([
        ['AI & Digital Ethics', 'AIDigitalEthics'],
        ['données ouvertes', 'DonneesOuvertes'],
        ['2026 cohort', '_2026Cohort'],
        ['  ', undefined]
    ])('programmeName(%j) = %j', (text, name) => {
        expect(programmeName(text)).toBe(name);
    });

    test.each([
        ['AIDigitalEthics', 'ai-digital-ethics.mcred'],
        ['_2026Cohort', '2026-cohort.mcred'],
        ['ESGTraining', 'esg-training.mcred']
    ])('programmeFileName(%j) = %j', (name, file) => {
        expect(programmeFileName(name)).toBe(file);
    });
});
