import { EmptyFileSystem } from 'langium';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { test } from 'vitest';
import { createMcredServices } from '../../language-server/mcred-module.js';

const { mcred } = createMcredServices(EmptyFileSystem);
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
test('perf parts', () => {
    const copies: string[] = [];
    for (let i = 0; i < 125; i++) copies.push(EXAMPLE.replace(/\b(UNIFI|AIDigitalEthics|AILiteracyPathway|Spring2026)\b/g, `$1_${i}`));
    const text = copies.join('\n');
    for (let r = 0; r < 5; r++) {
        let t = performance.now();
        mcred.parser.CompletionParser.parse(text);
        const parse = performance.now() - t;
        t = performance.now();
        mcred.parser.Lexer.tokenize(text);
        const lex = performance.now() - t;
        console.log(`completion parse ${parse.toFixed(1)} ms, lex ${lex.toFixed(1)} ms`);
    }
});
