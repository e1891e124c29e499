import { EmptyFileSystem, TextDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, test } from 'vitest';
import { createMcredServices } from '../../language-server/mcred-module.js';

/**
 * Completion and formatting in-process on a 10,000-line file (the reference example of docs/language.md repeated with
 * renamed declarations), at positions early and late in the file. The bound is loose (the machine
 * is shared); the measured medians are printed for the record.
 */
const { mcred, shared } = createMcredServices(EmptyFileSystem);
const parse = parseHelper(mcred);
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

function bigWorkspaceText(lines: number): string {
    const copies: string[] = [];
    for (let i = 0; copies.join('\n').split('\n').length < lines; i++) {
        copies.push(EXAMPLE.replace(/\b(UNIFI|AIDigitalEthics|AILiteracyPathway|Spring2026)\b/g, `$1_${i}`));
    }
    return copies.join('\n');
}

afterAll(() => clearDocuments(shared));

describe('completion on a 10k-line file', () => {
    test.each([
        ['level eqf ', 'level eqf 6', 'level eqf '],
        ['field ', 'field "0223"', 'field '],
        ['awardedBy ', 'awardedBy UNIFI_', 'awardedBy '],
        ['block keywords', '        type project', '        ']
    ])('%s', async (label, needle, replacement) => {
        const base = bigWorkspaceText(10_000);
        for (const where of ['early', 'late'] as const) {
            const at = where === 'early' ? base.indexOf(needle) : base.lastIndexOf(needle);
            const text = base.slice(0, at) + replacement + base.slice(at + needle.length).replace(/^[^\n]*/, '');
            const document = await parse(text);
            const position = TextDocument.create('x', 'mcred', 0, text).positionAt(at + replacement.length);
            const times: number[] = [];
            let count = 0;
            for (let run = 0; run < 15; run++) {
                const start = performance.now();
                const list = await mcred.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
                times.push(performance.now() - start);
                count = list?.items.length ?? 0;
            }
            times.sort((a, b) => a - b);
            const p50 = times[Math.floor(times.length / 2)];
            const p95 = times[Math.ceil(times.length * 0.95) - 1];
            console.log(`completion ${label} (${where}, ${text.split('\n').length} lines): ${count} items, p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
            expect(count).toBeGreaterThan(0);
            expect(p50).toBeLessThan(1000);
            await clearDocuments(shared, [document]);
        }
    });
});

describe('formatting a 10k-line file', () => {
    const options = { tabSize: 4, insertSpaces: true };

    test('canonical: no edits; flattened: restored, and idempotent', async () => {
        const canonical = bigWorkspaceText(10_000);
        const document = await parse(canonical);
        let start = performance.now();
        const none = await mcred.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
        const canonicalMs = performance.now() - start;
        expect(none).toEqual([]);

        const flattened = await parse(canonical.replace(/\n\s*/g, '\n'));
        start = performance.now();
        const edits = await mcred.lsp.Formatter!.formatDocument(flattened, { textDocument: { uri: flattened.uri.toString() }, options });
        const flattenedMs = performance.now() - start;
        expect(TextDocument.applyEdits(flattened.textDocument, edits)).toBe(canonical);
        console.log(`formatting ${canonical.split('\n').length} lines: canonical ${canonicalMs.toFixed(0)} ms (0 edits), flattened ${flattenedMs.toFixed(0)} ms (${edits.length} edits)`);

        // Typing `}` at the end of the last credential formats its line: the cost of one element.
        const lines = canonical.split('\n');
        const closing = lines.lastIndexOf('    }');
        const typed = await parse([...lines.slice(0, closing), '            }', ...lines.slice(closing + 1)].join('\n'));
        const times: number[] = [];
        let typedEdits: unknown[] = [];
        for (let run = 0; run < 9; run++) {
            start = performance.now();
            typedEdits = await mcred.lsp.Formatter!.formatDocumentOnType(typed, {
                textDocument: { uri: typed.uri.toString() }, options, position: { line: closing, character: 13 }, ch: '}'
            });
            times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        expect(typedEdits).toHaveLength(1);
        console.log(`format on type \`}\` at line ${closing}: p50 ${times[4].toFixed(1)} ms`);
        await clearDocuments(shared, [document, flattened, typed]);
    });
});

describe('code lens on a 10k-line file', () => {
    test('one readiness per credential, cohorts from the index', async () => {
        const text = bigWorkspaceText(10_000);
        const credentials = text.match(/^microcredential /gm)!.length;
        const document = await parse(text);
        const times: number[] = [];
        let count = 0;
        for (let run = 0; run < 5; run++) {
            const start = performance.now();
            count = (await mcred.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }))?.length ?? 0;
            times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        expect(count).toBe(3 * credentials);
        console.log(`code lens, ${credentials} credentials: p50 ${times[2].toFixed(1)} ms`);
        await clearDocuments(shared, [document]);
    });
});
