// `workspace/executeCommand mcred.export` on the real server over stdio: it returns the same
// bytes as `mcred export`, sees files of the workspace that are not open, and reports problems.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import type { ExportCommandArgs, ExportCommandResult } from '../../language-server/protocol.js';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

let workspace: string;
let client: LspStdioClient;

const exportCommand = (args: ExportCommandArgs) =>
    client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'mcred.export', arguments: [args] }) as Promise<ExportCommandResult>;

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'mcred-lsp-export-'));
    cpSync('test/fixtures/export', workspace, { recursive: true });
    const example = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
    writeFileSync(path.join(workspace, 'ai-ethics.mcred'), example);
    writeFileSync(path.join(workspace, 'closed-broken.mcred'), example.replace(/UNIFI/g, 'CB_UNIFI').replace(/AIDigitalEthics/g, 'CbEthics')
        .replace(/AILiteracyPathway/g, 'CbPathway').replace(/Spring2026/g, 'CbSpring').replace('    setting non-formal                // formal | non-formal | informal\n', '')
        .replace('    participation blended             // online | onsite | blended\n', ''));
    client = LspStdioClient.start();
    const init = await client.initialize(pathToFileURL(workspace).href);
    expect(init.capabilities.executeCommandProvider?.commands).toContain('mcred.export');
});

afterAll(async () => {
    await client.shutdown();
    rmSync(workspace, { recursive: true, force: true });
});

describe('mcred.export', () => {
    test('errors of a file that is not open are found (the server validates it before exporting)', async () => {
        const uri = pathToFileURL(path.join(workspace, 'closed-broken.mcred')).href;
        const result = await exportCommand({ uri, format: 'elm' });
        expect(result.kind === 'export' && result.problems.map(p => p.code)).toEqual([undefined, 'eu-participation']);
    });

    test('lists the credentials of a file and their cohorts', async () => {
        const uri = pathToFileURL(path.join(workspace, 'joint-programme.mcred')).href;
        expect(await exportCommand({ uri, list: true })).toEqual({
            kind: 'credentials',
            credentials: [{ name: 'JxDatiSostenibili', title: 'Dati per la sostenibilità urbana', cohorts: [{ name: 'JxAutunno2026', learners: 2, roster: 'joint-learners.csv' }] }]
        });
    });

    test.each(['ob3', 'elm'])('returns, for a file that is not open, exactly the bytes mcred export writes (%s)', async format => {
        const uri = pathToFileURL(path.join(workspace, 'joint-programme.mcred')).href;
        const result = await exportCommand({ uri, format, credential: 'JxDatiSostenibili', cohort: 'JxAutunno2026' });
        expect(result.kind).toBe('export');
        if (result.kind !== 'export') return;
        expect(result.problems).toEqual([]);
        expect(result.documents).toHaveLength(4);

        const out = path.join(workspace, `cli-${format}`);
        const cli = spawnSync(process.execPath, [path.resolve('bin/mcred.cjs'), 'export', path.join(workspace, 'joint-programme.mcred'),
            '--format', format, '--cohort', 'JxAutunno2026', '--out', out], { encoding: 'utf8' });
        expect(cli.status).toBe(0);
        expect(readdirSync(out).filter(name => name !== '.mcred-export.json').sort()).toEqual(result.documents.map(d => d.fileName).sort());
        for (const document of result.documents) {
            expect(document.text, document.fileName).toBe(readFileSync(path.join(out, document.fileName), 'utf8'));
        }
    });

    test('an open, edited document is exported as edited, and its errors are returned instead of documents', async () => {
        const uri = pathToFileURL(path.join(workspace, 'ai-ethics.mcred')).href;
        const text = readFileSync('test/fixtures/language-md-example.mcred', 'utf8').replace('    participation blended             // online | onsite | blended\n', '');
        await client.open(uri, text);
        const result = await exportCommand({ uri, format: 'ob3' });
        expect(result.kind).toBe('export');
        if (result.kind !== 'export') return;
        expect(result.documents).toEqual([]);
        expect(result.problems.map(p => p.code)).toEqual([undefined, 'eu-participation']);
        expect(result.problems[0].message).toContain("'AIDigitalEthics' is not issuable");
    });

    test('a request it cannot understand is answered with a message', async () => {
        const uri = pathToFileURL(path.join(workspace, 'joint-programme.mcred')).href;
        expect(await exportCommand({ uri, format: 'pdf' })).toEqual({ kind: 'error', message: "unknown format 'pdf' (expected ob3 or elm)" });
        expect(await exportCommand({ uri, format: 'ob3', cohort: 'Nope' })).toEqual({ kind: 'error', message: "no cohort named 'Nope'" });
    });
});
