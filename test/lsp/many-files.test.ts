import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { multiFileWorkspace, renderMcred } from '../../bench/workspace-model.js';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

/**
 * Opening hundreds of files back to back (an editor restoring its tabs) leaves every file with
 * exactly the diagnostics `mcred check` finds for it: none is lost to a cancelled build (TOOLCHAIN.md
 * pitfall 7), and files opened before the files they reference are relinked once those arrive.
 */
const COUNT = 300;
let folder: string;
let files: Array<{ path: string; uri: string; text: string }>;
let expected: Map<string, number>;

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-many-'));
    files = multiFileWorkspace(COUNT, 7).map(({ name, file }) => {
        const full = path.join(folder, `${name}.mcred`);
        const text = renderMcred(file);
        writeFileSync(full, text);
        return { path: full, uri: pathToFileURL(full).href, text };
    });
    const { documents } = await loadWorkspace(files.map(f => ({ path: f.path, text: f.text })));
    expected = new Map(documents.map(d => [d.uri.toString(), d.diagnostics?.length ?? 0]));
    expect([...expected.values()].some(n => n > 0)).toBe(true);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

test.each([1, 2])(`opening ${COUNT} files back to back gives each its final diagnostics (round %i)`, async round => {
    const client = LspStdioClient.start();
    try {
        await client.initialize();
        const pending = new Set(files.map(f => f.uri));
        const done = new Promise<void>(resolve => client.onDiagnostics(params => {
            if (params.diagnostics.length === expected.get(params.uri)) pending.delete(params.uri);
            else pending.add(params.uri);
            if (pending.size === 0) resolve();
        }));
        // Each round opens the files in another order: a file may come before or after the files it references.
        const order = round === 1 ? files : [...files].reverse();
        for (const file of order) await client.sendOpen(file.uri, file.text);
        const outcome = await Promise.race([done.then(() => 'complete'), new Promise(resolve => setTimeout(() => resolve('timeout'), 60_000))]);
        expect(outcome === 'complete' ? [] : [...pending]).toEqual([]);
    } finally {
        await client.shutdown();
    }
}, 90_000);
