import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { readFileSync } from 'node:fs';
import { afterEach, expect, test, vi } from 'vitest';
import { WARM_UP_URI, warmUp, warmUpRound, warmUpText } from '../../language-server/lsp/warm-up.js';
import { createMcredServices } from '../../language-server/mcred-module.js';

const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

// The warm-up is silent: Langium logs misuse (such as linking before scopes) on the console.
const logged = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
afterEach(() => {
    for (const spy of logged) {
        expect(spy).not.toHaveBeenCalled();
        spy.mockClear();
    }
});

test('a warm-up round builds the template as an open file is built, and its holes are reported', async () => {
    const { mcred } = createMcredServices(EmptyFileSystem);
    const document = await warmUpRound(mcred, warmUpText());
    expect(document.parseResult.lexerErrors).toEqual([]);
    expect(document.parseResult.parserErrors).toEqual([]);
    expect(document.state).toBe(DocumentState.Validated);
    // The template's values are holes: the checks ran and reported them.
    expect(document.diagnostics?.some(d => d.code === 'value-hole')).toBe(true);
});

test('the warm-up never joins the workspace, and a file opened meanwhile gets exactly its own diagnostics', async () => {
    const { shared, mcred } = createMcredServices(EmptyFileSystem);
    const documents = shared.workspace.LangiumDocuments;
    const uri = URI.parse('file:///ws/programme.mcred');
    const warming = warmUp(mcred, { rounds: 5 });
    // A real build while the warm-up runs: it takes the write lock between two rounds.
    const document = shared.workspace.LangiumDocumentFactory.fromString(EXAMPLE, uri);
    documents.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    expect(await warming).toBe(5);
    expect(document.state).toBe(DocumentState.Validated);
    expect(document.diagnostics).toEqual([]);
    expect(documents.all.map(d => d.uri.toString()).toArray()).toEqual([uri.toString()]);
    expect(documents.hasDocument(WARM_UP_URI)).toBe(false);
    expect(shared.workspace.IndexManager.allElements().some(e => e.documentUri.toString() === WARM_UP_URI.toString())).toBe(false);
});
