import { EmptyFileSystem, URI } from 'langium';
import { expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMcredServices } from '../../language-server/mcred-module.js';
import type { McredDocumentBuilder } from '../../language-server/workspace/mcred-document-builder.js';
import { adaptHeapGrowth, HEAP_GROWING_PERCENT, LARGE_WORKSPACE_FILES } from '../../language-server/workspace/heap-growth.js';

function setUp() {
    const { shared } = createMcredServices(EmptyFileSystem);
    void shared.workspace.WorkspaceManager.initialized({});
    const flags: string[] = [];
    const growth = adaptHeapGrowth(flag => flags.push(flag), shared.workspace.DocumentBuilder, shared.workspace.LangiumDocuments);
    return { shared, flags, growth };
}

/** Opens `count` more files in the editor, as one update. */
async function addDocuments(shared: ReturnType<typeof setUp>['shared'], from: number, count: number) {
    const builder = shared.workspace.DocumentBuilder as McredDocumentBuilder;
    const uris = Array.from({ length: count }, (_, i) => {
        const uri = URI.file(`/w/p${from + i}.mcred`);
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'mcred', 1, `provider P${from + i} {\n}\n`));
        return uri;
    });
    builder.scheduleUpdate(uris, []);
    await builder.settled();
}

test('the heap grows by 1.5× while the workspace is small, and by V8\'s own factor once it holds many files', async () => {
    const { shared, flags, growth } = setUp();
    expect(flags).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    await addDocuments(shared, 0, LARGE_WORKSPACE_FILES - 1);
    expect(growth.large).toBe(false);
    expect(flags).toHaveLength(1);
    await addDocuments(shared, LARGE_WORKSPACE_FILES - 1, 1);
    expect(growth.large).toBe(true);
    expect(flags).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, '--heap-growing-percent=0']);
    // Once switched, it stays (and stops counting).
    await addDocuments(shared, LARGE_WORKSPACE_FILES, 1);
    expect(flags).toHaveLength(2);
});

test('a workspace folder announced with many files switches before they are read', () => {
    const { flags, growth } = setUp();
    growth.expect(LARGE_WORKSPACE_FILES - 1);
    expect(growth.large).toBe(false);
    growth.expect(LARGE_WORKSPACE_FILES);
    expect(growth.large).toBe(true);
    expect(flags.at(-1)).toBe('--heap-growing-percent=0');
});
