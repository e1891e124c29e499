import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { isCohort, isMicroCredential, isPathway, isProvider, type Model } from '../../language-server/generated/ast.js';
import { readSourceFiles, type SourceFile } from '../../language-server/cli/source-files.js';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { ISSUE_CODES, RULES } from '../../language-server/rules/issue-codes.js';
import { COUNTRIES, CURRENCIES, ESCO_SKILLS, ISCED_F_FIELDS, LANGUAGES } from '../../language-server/vocab/index.js';

// Data-driven over examples/: every file outside examples/invalid/ parses, links and raises no
// diagnostic; every file in examples/invalid/ raises exactly the codes of its `// expect:` header,
// checked alone and within the whole folder; every Annex I code has an invalid example.

const EXAMPLES = path.resolve('examples');
const INVALID = path.join(EXAMPLES, 'invalid');
const FILES = readSourceFiles([EXAMPLES]);
const relative = (file: SourceFile) => path.relative(EXAMPLES, file.path);
const isInvalid = (file: SourceFile) => file.path.startsWith(INVALID + path.sep);
const VALID_FILES = FILES.filter(f => !isInvalid(f));
const INVALID_FILES = FILES.filter(isInvalid);

/** The codes of a `// expect: code-a, code-b` header on the first line, sorted; undefined without header. */
function expectedCodes(text: string): string[] | undefined {
    const header = /^\/\/ expect:(.*)$/.exec(text.split('\n')[0] ?? '');
    return header?.[1]!.split(',').map(code => code.trim()).filter(code => code.length > 0).sort();
}

function codesOf(document: LangiumDocument): string[] {
    return [...new Set((document.diagnostics ?? []).map(d => String(d.code)))].sort();
}

function describeDiagnostics(document: LangiumDocument): string {
    return (document.diagnostics ?? [])
        .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${typeof d.message === 'string' ? d.message : d.message.value}`).join('\n');
}

let folder: Map<string, LangiumDocument<Model>>;
beforeAll(async () => {
    const { documents } = await loadWorkspace(FILES);
    folder = new Map(documents.map(d => [d.uri.fsPath, d]));
});

describe('the examples folder', () => {
    test('holds the §2 programme, the six other ASEF InnoLab 6 programmes and an invalid example per Annex I code', () => {
        expect(VALID_FILES.length).toBeGreaterThanOrEqual(8);
        expect(INVALID_FILES.length).toBeGreaterThanOrEqual(12);
    });

    test.each(VALID_FILES.map(f => [relative(f), f] as const))('%s starts with a comment saying it is illustrative', (_name, file) => {
        expect(file.text.split('\n')[0]).toMatch(/^\/\/ Illustrative example/);
    });

    test('ai-digital-ethics.mcred is the reference example of docs/language.md verbatim, except its provider block', () => {
        const fixture = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
        const withoutProvider = fixture.replace(/^provider UNIFI \{[\s\S]*?\n\}\n\n/, '');
        expect(withoutProvider).not.toContain('provider');
        const example = readFileSync(path.join(EXAMPLES, 'ai-digital-ethics.mcred'), 'utf8');
        expect(example.replace(/^(\/\/.*\n)+\n/, '')).toBe(withoutProvider);
        // … and UNIFI is declared, exactly as in §2, in providers.mcred.
        const providers = readFileSync(path.join(EXAMPLES, 'providers.mcred'), 'utf8');
        expect(providers).toContain(/^provider UNIFI \{[\s\S]*?\n\}\n/.exec(fixture)![0]);
    });
});

describe('valid examples (outside examples/invalid/) raise no diagnostic in the whole folder', () => {
    test.each(VALID_FILES.map(f => [relative(f), f] as const))('%s', (_name, file) => {
        const document = folder.get(file.path)!;
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(describeDiagnostics(document)).toBe('');
    });

    test('the pathway links micro-credentials declared in three other files', () => {
        const pathway = [...folder.values()].flatMap(d => d.parseResult.value.elements).filter(isPathway)
            .find(p => p.name === 'AIHigherEducationPathway')!;
        const files = pathway.includes.map(ref => ref.ref?.$container.$document?.uri.fsPath);
        expect(files.every(file => file !== undefined)).toBe(true);
        expect(new Set(files).size).toBe(3);
        expect(files).not.toContain(pathway.$container.$document?.uri.fsPath);
    });

    test('every roster names a CSV next to its file, with the header name,id,grade[,issued] and one learner per line', () => {
        const rosters = VALID_FILES.flatMap(file => folder.get(file.path)!.parseResult.value.elements.filter(isCohort)
            .filter(c => c.roster !== undefined).map(c => path.resolve(path.dirname(file.path), c.roster!)));
        expect(rosters.length).toBeGreaterThan(0);
        for (const roster of rosters) {
            expect(existsSync(roster), roster).toBe(true);
            const [header, ...rows] = readFileSync(roster, 'utf8').trimEnd().split('\n');
            expect(['name,id,grade', 'name,id,grade,issued']).toContain(header);
            expect(rows.length).toBeGreaterThan(0);
            for (const row of rows) expect(row.split(',')).toHaveLength(header.split(',').length);
        }
    });

    test('the examples vary: EQF levels 5 to 7, QF-EHEA cycles, every form of participation, a joint credential, hours next to ECTS', () => {
        const credentials = [...folder.values()].filter(d => !d.uri.fsPath.startsWith(INVALID))
            .flatMap(d => d.parseResult.value.elements.filter(isMicroCredential));
        const levels = credentials.flatMap(c => c.levels.map(l => l.eqf)).filter(l => l !== undefined);
        expect(new Set(levels)).toEqual(new Set([5, 6, 7]));
        expect(credentials.some(c => c.levels.some(l => l.cycle))).toBe(true);
        expect(new Set(credentials.map(c => c.participation))).toEqual(new Set(['online', 'onsite', 'blended']));
        expect(credentials.some(c => c.awardedBy.length >= 2)).toBe(true);
        expect(credentials.filter(c => c.hours !== undefined && c.ects !== undefined).length).toBeGreaterThanOrEqual(4);
    });

    test('every example uses real codes (countries, languages, ISCED-F fields, currencies, shipped ESCO skills), except where it means not to', () => {
        // Invalid examples of the value checks use wrong codes on purpose.
        const deliberate = (d: { textDocument: { getText(): string } }) => (expectedCodes(d.textDocument.getText()) ?? []).some(c => c.startsWith('value-'));
        const elements = [...folder.values()].filter(d => !deliberate(d)).flatMap(d => d.parseResult.value.elements);
        const credentials = elements.filter(isMicroCredential);
        const unknown = [
            ...elements.filter(isProvider).map(p => p.country).filter(c => c !== undefined && !COUNTRIES.get(c)),
            ...credentials.flatMap(c => c.languages).filter(l => !LANGUAGES.get(l)),
            ...[...credentials, ...elements.filter(isPathway)].flatMap(c => c.fields).filter(f => !ISCED_F_FIELDS.get(f)),
            ...credentials.map(c => c.business?.currency).filter(c => c !== undefined && !CURRENCIES.get(c)),
            ...credentials.flatMap(c => c.outcomes.flatMap(o => o.skills)).filter(s => !ESCO_SKILLS.get(s))
        ];
        expect(unknown).toEqual([]);
        // Stated hours agree with ECTS (25 to 30 hours per credit).
        for (const c of credentials.filter(c => c.hours !== undefined && c.ects !== undefined)) {
            expect(c.hours! / c.ects!, c.name).toBeGreaterThanOrEqual(25);
            expect(c.hours! / c.ects!, c.name).toBeLessThanOrEqual(30);
        }
    });
});

describe('invalid examples raise exactly the codes of their // expect: header', () => {
    test.each(INVALID_FILES.map(f => [relative(f), f] as const))('%s has a header listing known codes', (_name, file) => {
        const expected = expectedCodes(file.text);
        expect(expected, 'first line must be `// expect: code-a, code-b`').toBeDefined();
        expect(expected!.length).toBeGreaterThan(0);
        for (const code of expected!) expect(ISSUE_CODES).toContain(code);
    });

    test.each(INVALID_FILES.map(f => [relative(f), f] as const))('%s, checked alone', async (_name, file) => {
        const { documents } = await loadWorkspace([file]);
        expect(codesOf(documents[0]), describeDiagnostics(documents[0])).toEqual(expectedCodes(file.text));
    });

    test.each(INVALID_FILES.map(f => [relative(f), f] as const))('%s, within the whole examples folder', (_name, file) => {
        const document = folder.get(file.path)!;
        expect(codesOf(document), describeDiagnostics(document)).toEqual(expectedCodes(file.text));
    });

    test('every Annex I code (docs/rules.md) has an invalid example', () => {
        const covered = new Set(INVALID_FILES.flatMap(file => expectedCodes(file.text) ?? []));
        const annex1 = ISSUE_CODES.filter(code => RULES[code].family === 'annex1-mandatory');
        expect(annex1.filter(code => !covered.has(code))).toEqual([]);
    });

    test('every Annex I error code has an invalid example where it is the only error', () => {
        const annex1Errors = ISSUE_CODES.filter(code => RULES[code].family === 'annex1-mandatory' && RULES[code].severity === 'error');
        const alone = new Set(INVALID_FILES.map(file => (expectedCodes(file.text) ?? []).filter(code => RULES[code as keyof typeof RULES]?.severity === 'error'))
            .filter(errors => errors.length === 1).map(errors => errors[0]));
        expect(annex1Errors.filter(code => !alone.has(code))).toEqual([]);
    });

    test('the official Europass Annex I sample, written as .mcred, raises eu-quality-assurance', () => {
        const sample = INVALID_FILES.find(f => f.text.includes('Sample-MC-Annex1-unsigned.jsonld'))!;
        expect(expectedCodes(sample.text)).toContain('eu-quality-assurance');
    });
});
