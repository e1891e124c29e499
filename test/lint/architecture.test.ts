// ARCHITECTURE.md stays true: its code map names every top-level folder (and top-level file) of
// language-server/, and its dependency table names every layer folder the lint rules know.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const architecture = readFileSync('ARCHITECTURE.md', 'utf8');
const codeMap = architecture.slice(architecture.indexOf('## Code map'), architecture.indexOf('## Invariants'));

test('the code map names every folder and top-level file of language-server/', () => {
    const entries = readdirSync('language-server', { withFileTypes: true })
        .map(entry => entry.isDirectory() ? `language-server/${entry.name}/` : `language-server/${entry.name}`);
    expect(entries.length).toBeGreaterThan(10);
    expect(entries.filter(entry => !codeMap.includes(`\`${entry}\``) && !codeMap.includes(`\`${entry.replace(/\.ts$/, '')}`))).toEqual([]);
});

test('the dependency table names every folder of language-server/', () => {
    const table = architecture.slice(architecture.indexOf('## Dependency direction'), architecture.indexOf('## Entry points'));
    const folders = readdirSync('language-server', { withFileTypes: true }).filter(e => e.isDirectory()).map(e => e.name);
    expect(folders.filter(folder => !table.includes(`\`${folder}/\``))).toEqual([]);
});
