import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeFilesAtomically, WriteError, type OutputFile } from '../../language-server/cli/write-files.js';

function folder(): string {
    return mkdtempSync(path.join(tmpdir(), 'mcred-write-'));
}

describe('writeFilesAtomically', () => {
    test('writes every file and replaces a file of the same name', () => {
        const out = folder();
        writeFileSync(path.join(out, 'a.json'), 'old');
        writeFilesAtomically(out, [{ name: 'a.json', text: 'A' }, { name: 'b.json', text: 'B' }]);
        expect(readdirSync(out).sort()).toEqual(['a.json', 'b.json']);
        expect(readFileSync(path.join(out, 'a.json'), 'utf8')).toBe('A');
    });

    test('a failed rename leaves nothing new behind: no temporary file, no file renamed before it', () => {
        const out = folder();
        mkdirSync(path.join(out, 'b.json'));
        expect(() => writeFilesAtomically(out, [{ name: 'a.json', text: 'A' }, { name: 'b.json', text: 'B' }])).toThrow(WriteError);
        expect(readdirSync(out)).toEqual(['b.json']);
    });

    test('a text that fails to render is not reported as a write error, and nothing is written', () => {
        const out = path.join(folder(), 'new-folder');
        const failing: OutputFile = { name: 'b.json', get text(): string { throw new TypeError('exporter bug'); } };
        expect(() => writeFilesAtomically(out, [{ name: 'a.json', text: 'A' }, failing])).toThrow(TypeError);
        expect(() => readdirSync(out)).toThrow(/ENOENT/);
    });

    test('refuses a name with a folder part before writing anything', () => {
        const out = folder();
        expect(() => writeFilesAtomically(out, [{ name: '../x.json', text: 'x' }])).toThrow(/not a plain file name/);
        expect(readdirSync(out)).toEqual([]);
    });
});
