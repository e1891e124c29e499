import { EmptyFileSystem, TextDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, test } from 'vitest';
import { createMcredServices } from '../../language-server/mcred-module.js';

/**
 * Completion latency in-process on a 10,000-line file (the LANGUAGE.md example repeated with
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
