import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import {
    CodeActionRequest, DidChangeWatchedFilesNotification, FileChangeType, InitializedNotification, InitializeRequest, type CodeAction
} from 'vscode-languageserver-protocol/node';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
const WITHOUT_MODEL = EXAMPLE.replace(/\n {8}model "Fee-based[^\n]*/, '');

describe('the language server over stdio: severities from mcred.json, quick fixes as snippets', () => {
    let client: LspStdioClient | undefined;
    let folder: string | undefined;
    afterEach(() => {
        client?.kill();
        client = undefined;
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    async function start(snippetEditSupport: boolean) {
        folder = mkdtempSync(path.join(tmpdir(), 'mcred-server-'));
        client = LspStdioClient.start();
        const rootUri = pathToFileURL(folder).href;
        await client.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'w' }],
            capabilities: {
                workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport } },
                textDocument: { publishDiagnostics: { versionSupport: true } }
            }
        });
        await client.connection.sendNotification(InitializedNotification.type, {});
        return { client, folder, rootUri };
    }

    test('editing mcred.json re-validates the open document with the new severities', async () => {
        const { client, folder } = await start(false);
        writeFileSync(path.join(folder, 'mcred.json'), '{"profile": "strict"}');
        const uri = pathToFileURL(path.join(folder, 'programme.mcred')).href;
        const opened = await client.open(uri, WITHOUT_MODEL);
        expect(opened.diagnostics.map(d => [d.code, d.severity])).toEqual([['qa-business-model', 1]]);

        writeFileSync(path.join(folder, 'mcred.json'), '{"severity": {"qa-business-model": "hint"}}');
        const republished = client.nextDiagnostics(uri);
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: pathToFileURL(path.join(folder, 'mcred.json')).href, type: FileChangeType.Changed }]
        });
        expect((await republished).diagnostics.map(d => [d.code, d.severity])).toEqual([['qa-business-model', 4]]);
    });

    test('a client with snippet edits gets a snippet with tab stops', async () => {
        const { client, folder } = await start(true);
        const uri = pathToFileURL(path.join(folder, 'programme.mcred')).href;
        const { diagnostics } = await client.open(uri, WITHOUT_MODEL);
        const actions = await client.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics }
        }) as CodeAction[];
        expect(actions.map(a => a.title)).toEqual(['Add model']);
        const change = actions[0].edit!.documentChanges![0] as { edits: Array<{ snippet?: { value: string } }> };
        expect(change.edits[0].snippet?.value).toBe('        model ${1:?}\n');
    });
});
