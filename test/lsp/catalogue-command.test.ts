// `workspace/executeCommand mcred.catalogue` on the real server over stdio: the catalogue of the
// whole workspace (files never opened included), the webview page (nonce, places and graph nodes
// as links), an edit seen in the next catalogue, and the same model as `mcred catalogue`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import type { Catalogue } from '../../language-server/catalogue/catalogue-model.js';
import type { CatalogueCommandArgs, CatalogueCommandResult } from '../../language-server/protocol.js';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

let workspace: string;
let client: LspStdioClient;

const catalogue = (args?: CatalogueCommandArgs) =>
    client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'mcred.catalogue', arguments: args ? [args] : [] }) as Promise<CatalogueCommandResult>;

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'mcred-lsp-catalogue-'));
    writeFileSync(path.join(workspace, 'programme.mcred'), EXAMPLE);
    writeFileSync(path.join(workspace, 'second.mcred'), 'microcredential Second {\n    title "Second <b>programme</b>"\n    stackable into AILiteracyPathway\n}\n');
    client = LspStdioClient.start();
    const init = await client.initialize(pathToFileURL(workspace).href);
    expect(init.capabilities.executeCommandProvider?.commands).toEqual(expect.arrayContaining(['mcred.catalogue']));
});

afterAll(async () => {
    await client.shutdown();
    rmSync(workspace, { recursive: true, force: true });
});

describe('mcred.catalogue', () => {
    test('JSON: the same model as `mcred catalogue --format json`', async () => {
        const result = await catalogue({ format: 'json' });
        expect(result.kind).toBe('catalogue');
        if (result.kind !== 'catalogue') return;
        const model = JSON.parse(result.content) as Catalogue;
        expect(model.credentials.map(c => [c.name, c.file, c.issuable])).toEqual([['AIDigitalEthics', 'programme.mcred', true], ['Second', 'second.mcred', false]]);
        expect(model.graph.edges.find(e => e.from === 'Second')?.mismatch).toBe('not-included');
        const cli = spawnSync(process.execPath, [path.resolve('bin/mcred.cjs'), 'catalogue', '.', '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
        expect(cli.status).toBe(0);
        expect(JSON.parse(cli.stdout)).toEqual(model);
    });

    test('HTML for the webview: the nonce, places and graph nodes as links, titles escaped', async () => {
        const result = await catalogue({ format: 'html', target: 'vscode', nonce: 'Zm9vYmFy' });
        if (result.kind !== 'catalogue') throw new Error(JSON.stringify(result));
        expect(result.content).toContain("script-src 'nonce-Zm9vYmFy'");
        expect(result.content).toContain(`data-node="AIDigitalEthics" data-goto="reveal" data-uri="${pathToFileURL(path.join(workspace, 'programme.mcred')).href}"`);
        expect(result.content).toContain('Second &lt;b&gt;programme&lt;/b&gt;');
        expect(result.content).not.toContain('<b>programme</b>');
    });

    test('an edit shows in the next catalogue; a bad format is refused', async () => {
        const second = pathToFileURL(path.join(workspace, 'second.mcred')).href;
        await client.open(second, 'microcredential Second {\n    title "Renamed"\n}\n');
        await client.change(second, 'microcredential Second {\n    title "Renamed"\n    standalone\n}\n', 2);
        const result = await catalogue({ format: 'md' });
        expect(result.kind === 'catalogue' && result.content).toContain('| Renamed (`Second`) | second.mcred:1 |');
        expect(result.kind === 'catalogue' && result.content).toContain('0 stacking mismatches');
        expect(await catalogue({ format: 'pdf' })).toEqual({ kind: 'error', message: "Unknown catalogue format 'pdf' (expected html, md, json, csv)" });
    });
});
