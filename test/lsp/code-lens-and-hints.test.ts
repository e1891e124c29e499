import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import type { Model } from '../../language-server/generated/ast.js';
import { documentStatus } from '../../language-server/lsp/document-status.js';
import { readinessSummary, readinessTitle } from '../../language-server/lsp/readiness-summary.js';
import { createMcredServices } from '../../language-server/mcred-module.js';
import { readiness } from '../../language-server/model/readiness.js';

const { mcred, shared } = createMcredServices(EmptyFileSystem);
const parse = parseHelper<Model>(mcred);
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
const COHORT = /cohort Spring2026[\s\S]*$/;

afterEach(() => clearDocuments(shared));

async function workspace(files: Record<string, string>): Promise<Record<string, LangiumDocument<Model>>> {
    const documents: Record<string, LangiumDocument<Model>> = {};
    for (const [name, text] of Object.entries(files)) {
        documents[name] = await parse(text, { documentUri: URI.file(`/ws/${name}`).toString(), validation: true });
    }
    return documents;
}

async function lenses(document: LangiumDocument) {
    return (await mcred.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? [];
}

describe('code lens above each credential', () => {
    test('the complete example: Issuable: yes · Annex I 11/11 · QA 17/17, QA report and Export…', async () => {
        const { 'example.mcred': document } = await workspace({ 'example.mcred': EXAMPLE });
        const found = await lenses(document);
        expect(found.map(l => l.command?.title)).toEqual(['Issuable: yes · Annex I 11/11 · QA 17/17', 'QA report', 'Export…']);
        expect(found[0].range.start.line).toBe(8);
        expect(found[0].command?.tooltip).toBe('Issuable: yes\nEvery Annex I element is stated.');
        expect(found[1].command).toMatchObject({ command: 'mcred.showQaReport', arguments: [document.uri.toString(), 'AIDigitalEthics'] });
        expect(found[2].command).toMatchObject({ command: 'mcred.exportOpenBadge', arguments: [document.uri.toString(), 'AIDigitalEthics'] });
    });

    test('without its cohort, the learner and the date of issuing are missing', async () => {
        const { 'programme.mcred': document } = await workspace({ 'programme.mcred': EXAMPLE.replace(COHORT, '') });
        const [annex1] = await lenses(document);
        expect(annex1.command?.title).toBe('Issuable: no · Annex I 9/11 · QA 17/17');
        expect(annex1.command?.tooltip).toBe('Issuable: no — 2 elements missing (learner, date of issuing)\n\nAnnex I elements not stated:\n1 Identification of the learner: missing\n5 Date of issuing: missing');
    });

    test("a cohort in another file counts (found through the workspace's index)", async () => {
        const cohort = EXAMPLE.match(COHORT)![0];
        const { 'programme.mcred': programme } = await workspace({ 'programme.mcred': EXAMPLE.replace(COHORT, ''), 'cohorts.mcred': cohort });
        expect((await lenses(programme))[0].command?.title).toBe('Issuable: yes · Annex I 11/11 · QA 17/17');
    });

    test('three lenses per micro-credential, none for pathways or providers', async () => {
        const { 'two.mcred': document } = await workspace({ 'two.mcred': 'provider P { }\nmicrocredential A { title "A" }\nmicrocredential B { }\npathway W { includes A }' });
        const found = await lenses(document);
        expect(found.map(l => [l.range.start.line, l.command?.title?.replace(/ · QA \d+\/17$/, ' · QA m/17')])).toEqual([
            [1, 'Issuable: no · Annex I 1/11 · QA m/17'], [1, 'QA report'], [1, 'Export…'], [2, 'Issuable: no · Annex I 0/11 · QA m/17'], [2, 'QA report'], [2, 'Export…']
        ]);
    });

    test('the QA score counts passing and waived checks', () => {
        const empty = { name: 'E', awardedBy: [], outcomes: [], levels: [], assessments: [], waivers: [], fields: [], languages: [], stackableInto: [], holes: [] };
        const base = readiness({ credential: empty as never, cohorts: [] }, []);
        expect(readinessTitle(readinessSummary(base))).toBe(`Issuable: no · Annex I 0/11 · QA ${base.qaAddressed}/17`);
        expect(readinessTitle(readinessSummary({ ...base, qaAddressed: 15 }))).toBe('Issuable: no · Annex I 0/11 · QA 15/17');
    });
});

describe('inlay hints', () => {
    async function hints(text: string) {
        const document = await parse(text);
        const found = await mcred.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }
        }) ?? [];
        return found.map(h => [document.textDocument.getText({ start: { line: h.position.line, character: 0 }, end: h.position }).trim(), h.label]);
    }

    test('after `workload N ects`, the notional hours', async () => {
        expect(await hints('microcredential X {\n    workload 5 ects\n}')).toEqual([['workload 5 ects', '≈ 125–150 h']]);
        expect(await hints('microcredential X {\n    workload 2.5 ects\n}')).toEqual([['workload 2.5 ects', '≈ 62.5–75 h']]);
        expect(await hints('microcredential X {\n    workload 40 hours\n}')).toEqual([]);
    });

    test("after a pathway's includes, the summed ECTS of its parts (nested pathways included)", async () => {
        const text = [
            'microcredential A { workload 5 ects }',
            'microcredential B { workload 3 ects }',
            'pathway Inner { includes B }',
            'pathway W {',
            '    includes A, Inner',
            '}'
        ].join('\n');
        expect(await hints(text)).toEqual([
            ['microcredential A { workload 5 ects', '≈ 125–150 h'],
            ['microcredential B { workload 3 ects', '≈ 75–90 h'],
            ['pathway Inner { includes B', 'Σ 3 ECTS'],
            ['includes A, Inner', 'Σ 8 ECTS']
        ]);
    });

    test('parts without ECTS are named, and a pathway that contains itself says so', async () => {
        const text = 'microcredential A { workload 5 ects }\nmicrocredential H { hours 20 }\npathway W { includes A, H, Missing }\npathway Loop { includes Loop, A }';
        const found = await hints(text);
        expect(found.slice(1)).toEqual([
            ['pathway W { includes A, H, Missing', 'Σ 5 ECTS + ? (H, Missing without ECTS)'],
            ['pathway Loop { includes Loop, A', 'Σ 5 ECTS (contains itself)']
        ]);
    });
});

describe('document status (status bar)', () => {
    test('counts errors and warnings and reports each credential', async () => {
        const { 'p.mcred': document } = await workspace({ 'p.mcred': EXAMPLE.replace(COHORT, '').replace('    title "AI & Digital Ethics"\n', '') });
        const status = documentStatus(document, shared.workspace.IndexManager);
        expect(status.errors).toBe(document.diagnostics!.filter(d => d.severity === 1).length);
        expect(status.errors).toBeGreaterThanOrEqual(1);
        expect(status.credentials).toEqual([expect.objectContaining({ name: 'AIDigitalEthics', issuable: false, annex1Present: 8, annex1Total: 11 })]);
    });
});
