// The Node server's signing commands over stdio: `mcred.exportSigned` (what *Export as signed
// Open Badge 3.0* calls) and `mcred.verify` (what *Verify credential* calls).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import type { ExportCommandResult, ExportSignedArgs, VerifyCommandResult } from '../../language-server/protocol.js';
import { generateKey } from '../../language-server/signing/keys.js';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

let workspace: string;
let client: LspStdioClient;
let keyFile: string;

const command = <T>(name: string, args: unknown) =>
    client.connection.sendRequest(ExecuteCommandRequest.type, { command: name, arguments: [args] }) as Promise<T>;

beforeAll(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'mcred-lsp-sign-'));
    const { did, text } = await generateKey();
    keyFile = path.join(workspace, 'key.json');
    writeFileSync(keyFile, text, { mode: 0o600 });
    writeFileSync(path.join(workspace, 'signed.mcred'), readFileSync('test/fixtures/language-md-example.mcred', 'utf8')
        .replace(/^provider UNIFI \{/m, `provider UNIFI {\n    did "${did}"`));
    client = LspStdioClient.start();
    const init = await client.initialize(pathToFileURL(workspace).href);
    expect(init.capabilities.executeCommandProvider?.commands).toEqual(expect.arrayContaining(['mcred.export', 'mcred.exportSigned', 'mcred.verify']));
});

afterAll(async () => {
    await client.shutdown();
    rmSync(workspace, { recursive: true, force: true });
});

describe('mcred.exportSigned and mcred.verify', () => {
    test('signs every credential of a cohort; each verifies, and a changed copy does not', async () => {
        const uri = pathToFileURL(path.join(workspace, 'signed.mcred')).href;
        const args: ExportSignedArgs = { uri, format: 'ob3', cohort: 'Spring2026', keyFile };
        const result = await command<ExportCommandResult>('mcred.exportSigned', args);
        expect(result.kind).toBe('export');
        if (result.kind !== 'export') return;
        expect(result.documents).toHaveLength(2);
        expect(JSON.stringify(result)).not.toContain('secretKeyMultibase');
        for (const document of result.documents) {
            const verified = await command<VerifyCommandResult>('mcred.verify', { text: document.text });
            expect(verified).toMatchObject({ kind: 'verified', result: { valid: true, kind: 'ob3' } });
        }
        const changed = result.documents[0].text.replace('"name": "AI', '"name": "A1');
        const tampered = await command<VerifyCommandResult>('mcred.verify', { text: changed });
        expect(tampered.kind === 'verified' && tampered.result.problems.join(' ')).toContain('the signature does not match the content');
    });

    test('with outFolder, the server writes the signed credentials there and answers with a summary', async () => {
        const uri = pathToFileURL(path.join(workspace, 'signed.mcred')).href;
        const out = path.join(workspace, 'signed-out');
        const result = await command<ExportCommandResult>('mcred.exportSigned', { uri, format: 'ob3', cohort: 'Spring2026', keyFile, outFolder: pathToFileURL(out).href });
        expect(result).toMatchObject({ kind: 'written', count: 2, formatLabel: expect.stringMatching(/^signed /) as string });
        if (result.kind !== 'written') return;
        expect(readdirSync(out).filter(name => name.endsWith('.json') && !name.startsWith('.')).sort()).toEqual([...result.files].sort());
        for (const name of result.files) {
            const verified = await command<VerifyCommandResult>('mcred.verify', { text: readFileSync(path.join(out, name), 'utf8') });
            expect(verified).toMatchObject({ kind: 'verified', result: { valid: true, kind: 'ob3' } });
        }
    });

    test('without a key file, or with a missing one, it says what to do', async () => {
        const uri = pathToFileURL(path.join(workspace, 'signed.mcred')).href;
        expect(await command<ExportCommandResult>('mcred.exportSigned', { uri, format: 'ob3', keyFile: '' })).toMatchObject({ kind: 'error', message: expect.stringContaining('mcred.signing.keyFile') as string });
        expect(await command<ExportCommandResult>('mcred.exportSigned', { uri, format: 'ob3', keyFile: path.join(workspace, 'none.json') })).toMatchObject({ kind: 'error', message: expect.stringContaining('ENOENT') as string });
        expect(await command<VerifyCommandResult>('mcred.verify', { text: '{' })).toMatchObject({ kind: 'error' });
    });
});
