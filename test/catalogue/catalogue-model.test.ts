// The catalogue model on the examples: every `includes` and `stackable into` relation is an edge,
// every verdict is the one `mcred check` prints (Annex I 11/11 and no error), review dates follow
// from the last cohort, and the renderers quote and escape what a file says.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isMicroCredential, isPathway } from '../../language-server/generated/ast.js';
import { buildCatalogue } from '../../language-server/catalogue/build-catalogue.js';
import { renderCsv } from '../../language-server/catalogue/render-csv.js';
import { renderMarkdown } from '../../language-server/catalogue/render-markdown.js';
import { addMonths } from '../../language-server/catalogue/review.js';
import { check } from '../support/validate.js';

const EXAMPLES = Object.fromEntries(readdirSync('examples').filter(f => f.endsWith('.mcred')).map(f => [f, readFileSync(`examples/${f}`, 'utf8')]));

async function examples() {
    const checked = await check(EXAMPLES);
    return { checked, catalogue: buildCatalogue({ documents: checked.documents, today: '2026-12-01' }) };
}

describe('the catalogue model on the examples', () => {
    test('every credential and pathway, and one edge per stacking relation', async () => {
        const { checked, catalogue } = await examples();
        const elements = checked.documents.flatMap(d => d.parseResult.value.elements);
        expect(catalogue.credentials.map(c => c.name).sort()).toEqual(elements.filter(isMicroCredential).map(c => c.name).sort());
        expect(catalogue.pathways.map(p => p.name).sort()).toEqual(elements.filter(isPathway).map(p => p.name).sort());
        const relations = new Set<string>();
        for (const p of elements.filter(isPathway)) for (const r of p.includes) relations.add(`${r.$refText}→${p.name}`);
        for (const c of elements.filter(isMicroCredential)) for (const r of c.stackableInto) relations.add(`${c.name}→${r.$refText}`);
        expect(relations.size).toBeGreaterThanOrEqual(4);
        expect(new Set(catalogue.graph.edges.map(e => `${e.from}→${e.to}`))).toEqual(relations);
        for (const p of elements.filter(isPathway)) {
            for (const r of p.includes) expect(catalogue.graph.edges.find(e => e.from === r.$refText && e.to === p.name)?.includes).toBe(true);
        }
        expect(catalogue.graph.edges.filter(e => e.mismatch)).toEqual([]);
    });

    test('pathway sums, joint awards and providers', async () => {
        const { catalogue } = await examples();
        const pathway = catalogue.pathways.find(p => p.name === 'AIHigherEducationPathway')!;
        expect(pathway.parts.map(p => p.name)).toEqual(['RealLifeLearning', 'DigitalResearchMethods', 'AIToolsTeachingAssessment']);
        expect(pathway.sumEcts).toBe(pathway.parts.reduce((n, p) => n + (p.ects ?? 0), 0));
        expect(pathway.joint).toBe(true);
        expect(catalogue.jointAwards.map(j => j.credential)).toContain('AIHigherEducationPathway');
        expect(catalogue.summary.programmes).toBe(catalogue.credentials.length);
        expect(catalogue.summary.learners).toBe(catalogue.credentials.reduce((n, c) => n + c.learners, 0));
    });
});

describe('the issuable verdict equals what mcred check prints', () => {
    test('Annex I 11/11 and no error in the credential or its cohorts', async () => {
        const { catalogue } = await examples();
        const { checkCommand } = await import('../../language-server/cli/check-command.js');
        const result = await checkCommand.run(Object.keys(EXAMPLES).map(f => `examples/${f}`));
        const lines = result.stdout.split('\n').filter(l => /^ {2}\S+:\d+ \S+/.test(l));
        expect(lines.length).toBe(catalogue.credentials.length);
        for (const line of lines) {
            const name = line.trim().split(' ')[1];
            const credential = catalogue.credentials.find(c => c.name === name)!;
            const fromCheck = / Annex I 11\/11 /.test(line) && / — 0 errors,/.test(line);
            expect({ name, issuable: credential.issuable }).toEqual({ name, issuable: fromCheck });
        }
        expect(catalogue.credentials.some(c => c.issuable)).toBe(true);
        expect(catalogue.credentials.some(c => !c.issuable)).toBe(true);
    });
});

describe('review dates', () => {
    test('months are added with the day clamped', () => {
        expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
        expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
        expect(addMonths('2025-11-15', 24)).toBe('2027-11-15');
    });

    test('due when the cycle has passed since the last cohort, as of the date given', async () => {
        const text = EXAMPLES['living-ai-sandbox.mcred'];
        const checked = await check({ 'living-ai-sandbox.mcred': text });
        const before = buildCatalogue({ documents: checked.documents, today: '2026-06-01' }).credentials[0];
        const issued = before.review!.lastCohort!;
        expect(before.review!.nextDue).toBe(addMonths(issued, 12));
        expect(before.review!.due).toBe(false);
        const after = buildCatalogue({ documents: checked.documents, today: before.review!.nextDue! }).credentials[0];
        expect(after.review!.due).toBe(true);
    });
});

describe('hostile titles', () => {
    const HOSTILE = `provider P { name "=HYPERLINK(\\"http://x\\")" country FI }
microcredential M {
    title "=1+2, \\"quoted\\" <script>alert(1)</script> | *bold* [x](y)"
    awardedBy P
}`;

    test('CSV quotes and defuses formulas; Markdown escapes', async () => {
        const checked = await check({ 'hostile.mcred': HOSTILE });
        const catalogue = buildCatalogue({ documents: checked.documents, today: '2026-12-01' });
        const csv = renderCsv(catalogue);
        const row = csv.split('\r\n')[1];
        expect(row).toContain(`"'=1+2, ""quoted"" <script>alert(1)</script> | *bold* [x](y)"`);
        expect(row).toContain(`'=HYPERLINK(""http://x"")`);
        const markdown = renderMarkdown(catalogue);
        expect(markdown).not.toContain('<script>');
        expect(markdown).toContain('\\*bold\\*');
    });
});

describe('the stacking graph above 200 nodes', () => {
    test('is drawn by provider: every relation counted once on an arrow between provider boxes', async () => {
        const { layoutGraph, CLUSTER_ABOVE } = await import('../../language-server/catalogue/graph-layout.js');
        const nodes = Array.from({ length: 240 }, (_, i) => ({
            id: i < 40 ? `P${i}` : `C${i}`, kind: i < 40 ? 'pathway' as const : 'microcredential' as const, title: `T${i}`,
            file: 'f.mcred', uri: 'file:///f.mcred', line: i + 1, issuable: i % 2 === 0, gaps: 0, joint: false, provider: `Provider ${i % 7}`
        }));
        const edges = nodes.slice(40).map((n, i) => ({ from: n.id, to: `P${i % 40}`, includes: true, stackableInto: true }));
        const laid = await layoutGraph({ nodes, edges });
        expect(nodes.length).toBeGreaterThan(CLUSTER_ABOVE);
        expect(laid.clustered).toBe(true);
        expect(laid.nodes.filter(n => n.id.startsWith('s'))).toHaveLength(7);
        expect(laid.edges.reduce((n, e) => n + (e.relations ?? 0), 0)).toBe(edges.length);
        expect(laid.edges.every(e => e.path.startsWith('M') && e.label !== undefined)).toBe(true);
    });
});
