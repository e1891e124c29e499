// `workspace/executeCommand mcred.import` on the real server over stdio: the same text as the pure
// import (and so as `mcred import`), from a file on disk or from the editor's text; bad input is an error.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { importCredentials } from '../../language-server/import/index.js';
import type { ImportCommandArgs, ImportCommandResult } from '../../language-server/protocol.js';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

let workspace: string;
let client: LspStdioClient;
const SAMPLE = path.resolve('standards/elm/samples/Sample-MC-Annex1-unsigned.jsonld');

const importCommand = (args: ImportCommandArgs) =>
    client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'mcred.import', arguments: [args] }) as Promise<ImportCommandResult>;

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'mcred-lsp-import-'));
    copyFileSync(SAMPLE, path.join(workspace, 'sample.jsonld'));
    writeFileSync(path.join(workspace, 'broken.json'), '{ "type": ');
    client = LspStdioClient.start();
    const init = await client.initialize(pathToFileURL(workspace).href);
    expect(init.capabilities.executeCommandProvider?.commands).toContain('mcred.import');
});

afterAll(async () => {
    await client.shutdown();
    rmSync(workspace, { recursive: true, force: true });
});

describe('mcred.import', () => {
    test('imports a credential file that is not open: the text of the pure import, a file name and a summary', async () => {
        const result = await importCommand({ uri: pathToFileURL(path.join(workspace, 'sample.jsonld')).href });
        expect(result.kind).toBe('import');
        if (result.kind !== 'import') return;
        expect(result.text).toBe(importCredentials([{ name: 'sample.jsonld', text: readFileSync(SAMPLE, 'utf8') }]).text);
        expect(result.fileName).toBe('sample.mcred');
        expect(result.holes).toEqual({ DigitalMicroCredentialCreation: ['qualityAssurance'] });
        expect(result.summary).toMatch(
            /^Imported Europass ELM 3\.2 as DigitalMicroCredentialCreation: 1 Annex I element not stated \(holes: qualityAssurance\); \d+ facts not imported/);
    });

    test('imports the text the editor sends (an unsaved buffer)', async () => {
        const text = readFileSync(path.resolve('standards/ob3/examples/basicOpenBadgeCredential.json'), 'utf8');
        const result = await importCommand({ uri: pathToFileURL(path.join(workspace, 'unsaved.json')).href, text });
        expect(result.kind === 'import' && result.text).toBe(importCredentials([{ name: 'unsaved.json', text }]).text);
    });

    test('bad input is one error message', async () => {
        expect(await importCommand({ uri: pathToFileURL(path.join(workspace, 'broken.json')).href }))
            .toEqual({ kind: 'error', message: expect.stringMatching(/^Cannot import broken\.json: not JSON/) as string });
        expect(await importCommand({ uri: pathToFileURL(path.join(workspace, 'missing.json')).href }))
            .toEqual({ kind: 'error', message: expect.stringMatching(/^Cannot read missing\.json/) as string });
    });
});
