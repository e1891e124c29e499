// House-style invariant 1 (ARCHITECTURE.md): only extension/ imports `vscode`. The lint rule that
// enforces it must fire on a server file that imports it, and stay silent in the extension.
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(file: string, line: string): Promise<string[]> {
    const text = `${line}\n${readFileSync(file, 'utf8')}`;
    const [result] = await eslint.lintText(text, { filePath: file });
    return result.messages.filter(m => m.ruleId === 'no-restricted-imports').map(m => m.message);
}

test('importing vscode under language-server/ fails the lint, with the reason', async () => {
    const messages = await restrictedImports('language-server/vocab/eqf.ts', "import * as vscode from 'vscode'; void vscode;");
    expect(messages).toEqual(['\'vscode\' import is restricted from being used. language-server/ must not import vscode: it runs in the CLI, a web worker and any LSP client.']);
    const client = await restrictedImports('language-server/vocab/eqf.ts', "import { LanguageClient } from 'vscode-languageclient/node'; void LanguageClient;");
    expect(client).toHaveLength(1);
}, 120_000);

test('extension/ may import vscode', async () => {
    expect(await restrictedImports('extension/status-bar.ts', "import * as vscode2 from 'vscode'; void vscode2;")).toEqual([]);
}, 120_000);
