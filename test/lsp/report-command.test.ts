// `workspace/executeCommand mcred.report` on the real server over stdio: the same report as
// `mcred report`, the webview page (theme, nonce, places as buttons), and edits seen at once.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import type { ReportCommandArgs, ReportCommandResult } from '../../language-server/protocol.js';
import type { QaReport } from '../../language-server/report/report-model.js';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
const PROVIDER = EXAMPLE.match(/^provider UNIFI \{[\s\S]*?\n\}\n/)![0];

let workspace: string;
let client: LspStdioClient;
let programme: string;

const report = (args: ReportCommandArgs) =>
    client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'mcred.report', arguments: [args] }) as Promise<ReportCommandResult>;

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'mcred-lsp-report-'));
    // The provider lives in a file that is never opened: the report must still see its country.
    writeFileSync(path.join(workspace, 'providers.mcred'), PROVIDER);
    writeFileSync(path.join(workspace, 'programme.mcred'), EXAMPLE.replace(PROVIDER, ''));
    programme = pathToFileURL(path.join(workspace, 'programme.mcred')).href;
    client = LspStdioClient.start();
    const init = await client.initialize(pathToFileURL(workspace).href);
    expect(init.capabilities.executeCommandProvider?.commands).toEqual(expect.arrayContaining(['mcred.export', 'mcred.report']));
});

afterAll(async () => {
    await client.shutdown();
    rmSync(workspace, { recursive: true, force: true });
});

describe('mcred.report', () => {
    test('JSON: the same model as `mcred report --format json` for a file that is not open', async () => {
        const result = await report({ uri: programme, format: 'json' });
        expect(result.kind).toBe('report');
        if (result.kind !== 'report') return;
        expect(result).toMatchObject({ format: 'json', title: 'QA report — programme.mcred', credentials: ['AIDigitalEthics'] });
        const cli = spawnSync(process.execPath, [path.resolve('bin/mcred.cjs'), 'report', 'programme.mcred', '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
        expect(cli.status).toBe(0);
        expect(JSON.parse(result.content)).toEqual(JSON.parse(cli.stdout));
        const model = JSON.parse(result.content) as QaReport;
        expect(model.files[0].credentials[0].annex1[2].location).toMatchObject({ file: 'providers.mcred', line: 3 });
    });

    test('HTML for the webview: theme variables, the nonce, places as buttons, the credential to focus', async () => {
        const result = await report({ uri: programme, format: 'html', target: 'vscode', nonce: 'Zm9vYmFy', credential: 'AIDigitalEthics' });
        expect(result.kind).toBe('report');
        if (result.kind !== 'report') return;
        expect(result.content).toContain("script-src 'nonce-Zm9vYmFy'");
        expect(result.content).toContain('<main id="mcred-report" data-focus="credential-AIDigitalEthics">');
        expect(result.content).toContain(`data-goto="reveal" data-uri="${pathToFileURL(path.join(workspace, 'providers.mcred')).href}" data-line="3"`);
        expect(result.content).toContain('var(--vscode-editor-foreground)');
    });

    test('an edit of an open document shows in the next report', async () => {
        await client.open(programme, EXAMPLE.replace(PROVIDER, ''));
        await client.change(programme, EXAMPLE.replace(PROVIDER, '').replace(/\n {4}participation blended[^\n]*/, ''), 2);
        const result = await report({ uri: programme, format: 'md' });
        expect(result.kind === 'report' && result.content).toContain('| 10 | Form of participation in the learning activity `eu-participation` | ❌ missing |');
        // An edit right before the request: the report waits for it to be built.
        void client.change(programme, EXAMPLE.replace(PROVIDER, ''), 3);
        const again = await report({ uri: programme, format: 'md' });
        expect(again.kind === 'report' && again.content).toContain('| 10 | Form of participation in the learning activity `eu-participation` | ✅ stated | «participation blended» — Blended |');
    });

    test.each([
        [undefined, 'mcred.report expects { uri, format?, target?, nonce?, credential? }'],
        [{ uri: 'file:///x.mcred', format: 'pdf' }, "Unknown report format 'pdf' (expected html, md, json)"],
        [{ uri: 'file:///x.mcred', target: 'vscode' }, 'mcred.report: a webview report needs a nonce']
    ])('bad arguments %j: an error result', async (args, message) => {
        expect(await report(args as ReportCommandArgs)).toEqual({ kind: 'error', message });
    });

    test('a file that does not exist: an error result', async () => {
        const result = await report({ uri: pathToFileURL(path.join(workspace, 'missing.mcred')).href });
        expect(result.kind).toBe('error');
        expect(result.kind === 'error' && result.message).toMatch(/^Cannot read file:/);
    });
});
