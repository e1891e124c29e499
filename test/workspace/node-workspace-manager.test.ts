import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { Model } from '../../language-server/generated/ast.js';
import { createMcredServices } from '../../language-server/mcred-module.js';
import { NodeWorkspaceManager } from '../../language-server/workspace/node-workspace-manager.js';

let folder: string;
const names = Array.from({ length: 120 }, (_, i) => `p${String(i).padStart(3, '0')}`);

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-load-'));
    names.forEach(name => writeFileSync(path.join(folder, `${name}.mcred`), `provider ${name} {\n    country IT\n}\n`));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The Node server's workspace manager over the folder, with a file system that cannot read `unreadable`. */
function load(unreadable?: string) {
    const fileSystem = NodeFileSystem.fileSystemProvider();
    const readFileSync = fileSystem.readFileSync.bind(fileSystem);
    fileSystem.readFileSync = (uri: URI) => {
        if (unreadable && uri.fsPath.endsWith(`${unreadable}.mcred`)) throw new Error('EACCES: permission denied');
        return readFileSync(uri);
    };
    const found: number[] = [];
    const { shared } = createMcredServices({ fileSystemProvider: () => fileSystem }, {
        shared: { workspace: { WorkspaceManager: services => new NodeWorkspaceManager(services, count => found.push(count)) } }
    });
    return { shared, found };
}

test('every file of the folder is read (in batches) and built, and the search announces how many it found', async () => {
    const { shared, found } = load();
    await shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: pathToFileURL(folder).href, name: 'w' }]);
    await shared.workspace.WorkspaceManager.ready;
    const documents = shared.workspace.LangiumDocuments.all.toArray();
    expect(documents.map(d => path.basename(d.uri.fsPath, '.mcred')).sort()).toEqual(names);
    expect(documents.every(d => (d.parseResult.value as Model).elements.length === 1)).toBe(true);
    expect(found).toEqual([names.length]);
});

test('a file that cannot be read is left out with a warning, and the workspace is still ready', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
        const { shared } = load('p042');
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: pathToFileURL(folder).href, name: 'w' }]);
        await shared.workspace.WorkspaceManager.ready;
        const loaded = shared.workspace.LangiumDocuments.all.map(d => path.basename(d.uri.fsPath, '.mcred')).toArray().sort();
        expect(loaded).toEqual(names.filter(name => name !== 'p042'));
        expect(warn.mock.calls.map(call => String(call[0])).filter(message => message.includes('p042.mcred'))).toHaveLength(1);
    } finally {
        warn.mockRestore();
    }
});
