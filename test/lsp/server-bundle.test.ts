import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';

/**
 * The Node language server reads and compiles at start only what validation needs (issue 18):
 * out/server.cjs loads out/server/main.mjs, whose static imports must not reach the signing
 * stack, the exporters' dependencies or the catalogue's graph layout (they are loaded by the
 * dynamic imports of the commands). Needs `npm run build`.
 */
const MAIN = path.resolve('out/server/main.mjs');

/** Every file main.mjs loads before it runs: itself and its static imports, transitively. */
function staticGraph(entry: string): string[] {
    const seen = new Set<string>();
    const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/^(?:\} from|import) "(\.\.?\/[^"]+)";$/gm)) visit(path.resolve(path.dirname(file), match[1]));
    };
    visit(entry);
    return [...seen];
}

/** The source files bundled into `file`, from its source map. */
function sourcesOf(file: string): string[] {
    return (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources;
}

test.skipIf(!existsSync(MAIN))('the server starts without loading signing, export, report, catalogue or import code', () => {
    const files = staticGraph(MAIN);
    const sources = files.flatMap(sourcesOf);
    // The parser and the checks are there…
    expect(sources.some(s => s.includes('node_modules/langium/'))).toBe(true);
    expect(sources.some(s => s.endsWith('language-server/validation/mcred-validator.ts'))).toBe(true);
    // …and none of what only commands use.
    const heavy = new RegExp('node_modules/(elkjs|jsonld|jsonld-signatures|@digitalbazaar|n3|rdf-validate-shacl|ajv|undici)/'
        + '|language-server/(signing|catalogue/(?!review|stacking)|report|import)/');
    expect(sources.filter(s => heavy.test(s))).toEqual([]);
    // It is all in the other chunks, loaded on demand.
    const chunks = path.join(path.dirname(MAIN), 'chunks');
    const lazy = readdirSync(chunks).filter(f => f.endsWith('.mjs')).map(f => path.join(chunks, f)).filter(f => !files.includes(f));
    expect(lazy.flatMap(sourcesOf).filter(s => heavy.test(s)).length).toBeGreaterThan(100);
    // Most of the code is left for later.
    const size = (list: string[]) => list.reduce((sum, file) => sum + readFileSync(file).length, 0);
    expect(size(files)).toBeLessThan(size(lazy) / 2);
});
