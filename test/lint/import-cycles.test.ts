// No file-level import circle in the server or the extension: layers are only meaningful when
// every dependency points one way (ARCHITECTURE.md, "Dependency direction").
import { expect, test } from 'vitest';
import { cycles, importGraph } from './import-graph.js';

test('no import circle among the files of language-server/ and extension/', () => {
    const graph = importGraph(process.cwd(), ['language-server', 'extension']);
    expect(graph.size).toBeGreaterThan(100);
    expect(cycles(graph)).toEqual([]);
});

test('the circle finder finds a planted circle, and only that one', () => {
    const graph = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]);
    expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
});
