import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

describe('mcred-language-server --stdio', () => {
    let client: LspStdioClient | undefined;
    afterEach(() => client?.kill());

    test('initialize → didOpen → publishDiagnostics → shutdown', async () => {
        client = LspStdioClient.start();
        const init = await client.initialize();
        expect(init.capabilities.textDocumentSync).toBeDefined();
        expect(init.capabilities.completionProvider).toBeDefined();

        const uri = pathToFileURL('/virtual/programme.mcred').href;
        const withoutQa = EXAMPLE.replace(/ {4}qualityAssurance \{[\s\S]*?\n {4}\}\n/, '');
        expect(withoutQa).not.toContain('qualityAssurance');
        const published = await client.open(uri, withoutQa);
        const codes = published.diagnostics.map(d => d.code);
        expect(codes).toContain('eu-quality-assurance');
        const qa = published.diagnostics.find(d => d.code === 'eu-quality-assurance')!;
        expect(qa.message).toContain('Council Recommendation 2022/C 243/02');
        expect(qa.range.start.line).toBe(8); // the credential's name, `microcredential AIDigitalEthics {`

        const fixed = await client.change(uri, EXAMPLE, 2);
        expect(fixed.diagnostics.filter(d => d.code === 'eu-quality-assurance')).toEqual([]);

        expect(await client.shutdown()).toBe(0);
        client = undefined;
    });

    test('without a transport argument it prints its usage and exits 2', async () => {
        const { spawnSync } = await import('node:child_process');
        const run = spawnSync(process.execPath, ['bin/mcred-language-server.cjs'], { encoding: 'utf8' });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('--stdio');
    });
});
