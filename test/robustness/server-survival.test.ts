import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import {
    CancellationTokenSource, CompletionRequest, DefinitionRequest, DocumentSymbolRequest, HoverRequest, ReferencesRequest
} from 'vscode-languageserver-protocol';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

/**
 * A client that misbehaves (asks about documents it never opened, cancels its requests, sends
 * edits out of order or for closed documents) gets answers or errors, never silence, and the
 * server logs what it ignored and goes on serving.
 */
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
const uri = (name: string) => pathToFileURL(`/virtual/${name}.mcred`).href;

/** Resolves to 'result' or 'error' when the server answers; a hang fails the test by its timeout. */
const answered = (request: Promise<unknown>) => request.then(() => 'result', () => 'error');

async function stillServes(client: LspStdioClient, name: string): Promise<void> {
    const published = await client.open(uri(name), EXAMPLE.replace(/\b(UNIFI|AIDigitalEthics|AILiteracyPathway|Spring2026)\b/g, `${name}$1`));
    expect(published.diagnostics).toEqual([]);
    const completion = await client.completion(uri(name), { line: 16, character: 18 });
    expect(completion).not.toBeNull();
}

describe('the server survives a misbehaving client', { timeout: 60_000 }, () => {
    let client: LspStdioClient | undefined;
    afterEach(async () => {
        if (client && client.exited === undefined) await client.shutdown();
        client = undefined;
    });

    test('requests for documents it never opened are answered', async () => {
        client = LspStdioClient.start();
        await client.initialize();
        const unknown = { textDocument: { uri: uri('never-opened') }, position: { line: 3, character: 4 } };
        const answers = await Promise.all([
            answered(client.connection.sendRequest(CompletionRequest.type, unknown)),
            answered(client.connection.sendRequest(HoverRequest.type, unknown)),
            answered(client.connection.sendRequest(DefinitionRequest.type, unknown)),
            answered(client.connection.sendRequest(ReferencesRequest.type, { ...unknown, context: { includeDeclaration: true } })),
            answered(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: unknown.textDocument })),
            answered(client.connection.sendRequest('textDocument/unknownMethod', unknown))
        ]);
        expect(answers).toHaveLength(6);
        await stillServes(client, 'AfterUnknown');
        expect(client.exited).toBeUndefined();
    });

    test('cancelled requests are answered, and the ones that follow too', async () => {
        client = LspStdioClient.start();
        await client.initialize();
        await client.open(uri('cancel'), EXAMPLE);
        const requests: Array<Promise<string>> = [];
        for (let i = 0; i < 50; i++) {
            const source = new CancellationTokenSource();
            requests.push(answered(client.connection.sendRequest(CompletionRequest.type,
                { textDocument: { uri: uri('cancel') }, position: { line: 16, character: 18 } }, source.token)));
            if (i % 2 === 0) source.cancel();
            else setTimeout(() => source.cancel(), i % 7);
        }
        expect(await Promise.all(requests)).toHaveLength(50);
        await stillServes(client, 'AfterCancel');
    });

    test('edits out of order, for closed documents, or with bad ranges are logged and the server goes on', async () => {
        client = LspStdioClient.start();
        await client.initialize();
        const doc = uri('edits');
        await client.open(doc, EXAMPLE, 5);
        // An older version after a newer one.
        await client.sendChange(doc, 3, [{ range: { start: { line: 9, character: 10 }, end: { line: 9, character: 12 } }, text: 'XX' }]);
        // An edit of a document that was never opened, and one after closing.
        await client.sendChange(uri('ghost'), 2, [{ text: 'provider Ghost {}' }]);
        await client.sendClose(doc);
        await client.sendChange(doc, 9, [{ text: EXAMPLE }]);
        // A range far beyond the end of the text, and one that ends before it starts.
        await client.open(uri('ranges'), EXAMPLE.replace(/\b(UNIFI|AIDigitalEthics|AILiteracyPathway|Spring2026)\b/g, 'Ranges$1'), 1);
        await client.sendChange(uri('ranges'), 2, [{ range: { start: { line: 9999, character: 0 }, end: { line: 10_000, character: 5 } }, text: '\n' }]);
        await client.sendChange(uri('ranges'), 3, [{ range: { start: { line: 5, character: 9 }, end: { line: 2, character: 0 } }, text: '' }]);
        // A closed document that is closed again.
        await client.sendClose(doc);
        await stillServes(client, 'AfterEdits');
        const log = client.logMessages.map(m => m.message).join('\n');
        expect(log).toMatch(/version 3 .* after version 5/);
        expect(log).toMatch(/not open/);
        expect(client.exited).toBeUndefined();
    });
});
