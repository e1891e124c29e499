import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import type { ExportCommandResult } from '../../language-server/protocol.js';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

/**
 * Finding 3 (the part of this branch): the editor's `mcred.export` and `mcred export` refuse the
 * same inputs with the same rule. A cohort roster outside the programme's folder is refused by
 * both (`roster-path`), and nothing of the file is returned. The single "issuable" verdict that
 * closes the mcred.json bypass comes with the honest-readiness work (export-plan.ts). And what
 * they write is the same, byte for byte: the editor's export is written by the server into the
 * folder the editor names, with the writer of `mcred export --out` (finding 7).
 */
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
const CLI = path.resolve('bin/mcred.cjs');
let folder: string;

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-same-export-'));
    writeFileSync(path.join(folder, 'p.mcred'), EXAMPLE.replace('    issued 2026-06-30\n', '    issued 2026-06-30\n    roster "/proc/self/environ"\n'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('a roster outside the folder: the editor and the CLI both refuse it with roster-path, returning nothing of it', async () => {
    const cli = spawnSync(process.execPath, [CLI, 'export', path.join(folder, 'p.mcred'), '--format', 'ob3', '--out', path.join(folder, 'out')],
        { encoding: 'utf8', timeout: 60_000 });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/error roster-path /);

    const client = LspStdioClient.start();
    try {
        await client.initialize(pathToFileURL(folder).href);
        const result = await client.connection.sendRequest(ExecuteCommandRequest.type, {
            command: 'mcred.export', arguments: [{ uri: pathToFileURL(path.join(folder, 'p.mcred')).href, format: 'ob3' }]
        }) as ExportCommandResult;
        expect(result.kind).toBe('export');
        if (result.kind !== 'export') return;
        expect(result.documents).toEqual([]);
        expect(result.problems.map(p => p.code)).toContain('roster-path');
        expect(JSON.stringify(result)).not.toMatch(/PATH=|HOME=/);
    } finally {
        await client.shutdown();
    }
}, 60_000);

test('finding 3: an mcred.json that switches off the Annex I rules does not make a programme exportable, in the editor or the CLI', async () => {
    const bypass = mkdtempSync(path.join(tmpdir(), 'mcred-bypass-'));
    try {
        writeFileSync(path.join(bypass, 'mcred.json'), JSON.stringify({
            severity: { 'eu-title': 'off', 'eu-awarding-body': 'off', 'eu-level': 'off', 'syntax-error': 'off' }
        }));
        const text = EXAMPLE.replace(/\n {4}title "AI & Digital Ethics"/, '').replace(/\n {4}awardedBy UNIFI/, '').replace(/\n {4}level eqf 6[^\n]*/, '');
        writeFileSync(path.join(bypass, 'p.mcred'), text);
        const cli = spawnSync(process.execPath, [CLI, 'export', path.join(bypass, 'p.mcred'), '--format', 'ob3', '--out', path.join(bypass, 'out')],
            { encoding: 'utf8', timeout: 60_000 });
        expect(cli.status).toBe(1);
        expect(cli.stderr).toMatch(/not issuable/);
        expect(cli.stderr).toMatch(/title/);

        const client = LspStdioClient.start();
        try {
            await client.initialize(pathToFileURL(bypass).href);
            const result = await client.connection.sendRequest(ExecuteCommandRequest.type, {
                command: 'mcred.export', arguments: [{ uri: pathToFileURL(path.join(bypass, 'p.mcred')).href, format: 'ob3' }]
            }) as ExportCommandResult;
            expect(result.kind).toBe('export');
            if (result.kind !== 'export') return;
            expect(result.documents).toEqual([]);
            expect(result.problems[0]?.message).toMatch(/not issuable/);
        } finally {
            await client.shutdown();
        }
    } finally {
        rmSync(bypass, { recursive: true, force: true });
    }
}, 60_000);

test.each(['ob3', 'elm'])('the editor and the CLI write the same files, byte for byte, manifest included (%s)', async format => {
    const same = mkdtempSync(path.join(tmpdir(), 'mcred-same-bytes-'));
    try {
        writeFileSync(path.join(same, 'p.mcred'), EXAMPLE);
        const cliOut = path.join(same, 'cli');
        const cli = spawnSync(process.execPath, [CLI, 'export', path.join(same, 'p.mcred'), '--format', format, '--out', cliOut], { encoding: 'utf8', timeout: 60_000 });
        expect(cli.stderr).toBe('');
        expect(cli.status).toBe(0);

        const editorOut = path.join(same, 'editor');
        const client = LspStdioClient.start();
        try {
            await client.initialize(pathToFileURL(same).href);
            const result = await client.connection.sendRequest(ExecuteCommandRequest.type, {
                command: 'mcred.export', arguments: [{ uri: pathToFileURL(path.join(same, 'p.mcred')).href, format, outFolder: pathToFileURL(editorOut).href }]
            }) as ExportCommandResult;
            expect(result).toMatchObject({ kind: 'written', count: 2 });
        } finally {
            await client.shutdown();
        }
        const names = readdirSync(cliOut).sort();
        expect(names).toContain('.mcred-export.json');
        expect(readdirSync(editorOut).sort()).toEqual(names);
        for (const name of names) {
            expect(readFileSync(path.join(editorOut, name)).equals(readFileSync(path.join(cliOut, name))), name).toBe(true);
        }
    } finally {
        rmSync(same, { recursive: true, force: true });
    }
}, 60_000);
