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

const { mcred, shared } = createMcredServices(EmptyFileSystem);
const parse = parseHelper<Model>(mcred);

afterEach(() => clearDocuments(shared));

describe('the new-programme template', () => {
    test('parses, links, is canonically formatted and states only what the person gave: every other value is a hole', async () => {
        const text = programmeTemplate('AIDigitalEthics', 'AI & "Digital" Ethics');
        const document = await parse(text, { validation: true });
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.diagnostics?.filter(d => d.code === 'ref-unresolved' || d.code === 'syntax-error')).toEqual([]);
        const [context] = credentialContexts([document.parseResult.value]);
        expect(context.credential.name).toBe('AIDigitalEthics');
        expect(context.credential.title).toBe('AI & "Digital" Ethics');
        expect(context.credential.awardedBy.map(ref => ref.ref?.name)).toEqual(['MyProvider']);
        // No invented fact: no number, date, controlled value or sentence besides the title.
        expect(text.replace('"AI & \\"Digital\\" Ethics"', '').replace(/LO1/g, '')).not.toMatch(/"|\d|\beqf\b|\bects\b|\bonline\b|\bexAnte\b|\bquiz\b/);
        const credential = context.credential;
        expect(credential.holes.map(h => h.property)).toEqual([
            'language', 'level', 'field', 'workload', 'duration', 'participation', 'setting', 'prerequisites', 'stackable', 'recognition', 'furtherInfo'
        ]);
        expect(credential.outcomes[0].statementHole).toBe(true);
        expect(credential.assessments[0].holes.map(h => h.property)).toEqual(['type', 'supervision', 'grading']);
        expect(credential.qualityAssurance?.procedures.map(p => [p.kind, p.hole])).toEqual([['internal', true]]);
        expect(context.cohorts[0].holes.map(h => h.property)).toEqual(['issued', 'roster']);
        const edits = await mcred.lsp.Formatter!.formatDocument(document, {
            textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true }
        });
        expect(TextDocument.applyEdits(document.textDocument, edits)).toBe(text);
    });

    test('without a title, the title is a hole too', async () => {
        const document = await parse(programmeTemplate('P'));
        const credential = document.parseResult.value.elements.find(isMicroCredential)!;
        expect(credential.title).toBeUndefined();
        expect(credential.holes[0].property).toBe('title');
    });

    test('has every block of the design method, each value a hole', async () => {
        const document = await parse(programmeTemplate('P'));
        const credential = document.parseResult.value.elements.find(isMicroCredential)!;
        expect(credential.audience?.holes.map(h => h.property)).toEqual(['target', 'needsAnalysis', 'coDesignedWith', 'purpose']);
        expect(credential.format?.holes.map(h => h.property)).toEqual(['mode', 'methodology', 'sustainability']);
        expect(credential.qualityAssurance?.holes.map(h => h.property)).toEqual(['stakeholders', 'standards', 'review']);
        expect(credential.business?.holes.map(h => h.property)).toEqual(['model', 'fee', 'sustainability', 'administration', 'learnerTypes']);
    });

    test.each([PROVIDER_SNIPPET, ASSESSMENT_SNIPPET, COHORT_SNIPPET, MICROCREDENTIAL_SNIPPET])('every snippet expands to valid text, with no choice that would pick a value', async snippet => {
        expect(snippet).not.toMatch(/\$\{\d+\|/);
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
