import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
    controlledListsMarkdown, grammarKeywords, grammarValueRules, keywordIndexMarkdown, withGeneratedSections
} from '../../language-server/lsp/language-doc.js';
import { check } from '../support/validate.js';

const GRAMMAR = readFileSync('grammar/mcred.langium', 'utf8');
const DOC = readFileSync('docs/language.md', 'utf8');

describe('docs/language.md', () => {
    test('its generated blocks are up to date (npm run docs:language)', () => {
        expect(withGeneratedSections(DOC, GRAMMAR)).toBe(DOC);
    });

    test('documents every keyword of grammar/mcred.langium', () => {
        const keywords = grammarKeywords(GRAMMAR);
        expect(keywords.length).toBeGreaterThan(120);
        const missing = keywords.filter(keyword => !DOC.includes(`\`${keyword}\``));
        expect(missing).toEqual([]);
    });

    test('the keyword index refuses a keyword nobody documented', () => {
        expect(() => keywordIndexMarkdown(`${GRAMMAR}\nFoo returns string: 'frobnicate';`)).toThrow(/frobnicate/);
    });

    test('the controlled lists follow the grammar: a value added to the grammar but not to its vocabulary fails', () => {
        expect(grammarValueRules(GRAMMAR).get('Purpose')).toEqual(['upskilling', 'reskilling']);
        expect(controlledListsMarkdown(GRAMMAR)).toContain('| `guided-self-assessment` |');
        expect(() => controlledListsMarkdown(GRAMMAR.replace("'upskilling' | 'reskilling'", "'upskilling' | 'reskilling' | 'outskilling'"))).toThrow(/Purposes/);
    });

    test('every complete mcred snippet of the reference parses without a syntax error', async () => {
        const snippets = [...DOC.matchAll(/```mcred\n([\s\S]*?)```/g)].map(m => m[1]);
        expect(snippets.length).toBeGreaterThan(5);
        for (const snippet of snippets.filter(s => /^(provider|microcredential|pathway|cohort) /m.test(s))) {
            const { codes } = await check(snippet);
            expect(codes, snippet).not.toContain('syntax-error');
        }
    });
});

/** Every text file of the repository, outside dependencies, build output and caches. */
function repositoryFiles(folder = '.'): string[] {
    const files: string[] = [];
    for (const entry of readdirSync(folder)) {
        // Dependencies, build output, caches and test artefacts (all git-ignored) are not the repository's text.
        if (['node_modules', 'out', '.git', '.cache', '.vscode-test', 'coverage', '.e2e', 'test-results', 'workspaces'].includes(entry)) continue;
        const file = path.join(folder, entry);
        const stats = lstatSync(file);
        if (stats.isSymbolicLink()) continue;
        if (stats.isDirectory()) files.push(...repositoryFiles(file));
        else if (/\.(ts|mts|cts|js|mjs|cjs|json|md|mcred|langium|csv|txt|yml|yaml|html)$/.test(entry) && stats.size < 2_000_000) files.push(file);
    }
    return files;
}

describe('the repository stands alone', () => {
    test('nothing refers to a language brief or to a shared folder outside the repository', () => {
        // Spelled in pieces, so that this file passes its own test: no file is exempt.
        const outside = [['LANGUAGE', 'md'].join('.'), ['..', 'shared'].join('/')];
        const offending: string[] = [];
        for (const file of repositoryFiles()) {
            const text = readFileSync(file, 'utf8');
            text.split('\n').forEach((line, i) => {
                if (outside.some(reference => line.includes(reference))) offending.push(`${file}:${i + 1}: ${line.trim()}`);
            });
        }
        expect(offending).toEqual([]);
    });
});
