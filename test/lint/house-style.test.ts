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

// The layers of language-server/ (ARCHITECTURE.md, "Dependency direction"): one planted import
// per rule fails the lint with the reason, and the same import from a layer above passes.
const LAYER_VIOLATIONS: ReadonlyArray<readonly [file: string, line: string]> = [
    ['language-server/vocab/eqf.ts', "import { RULES } from '../rules/issue-codes.js'; void RULES;"],
    ['language-server/rules/issue-codes.ts', "import { readiness } from '../model/readiness.js'; void readiness;"],
    ['language-server/model/readiness.ts', "import { report } from '../validation/report.js'; void report;"],
    ['language-server/model/readiness.ts', "import { planExport } from '../export/export-plan.js'; void planExport;"],
    ['language-server/model/readiness.ts', "import { documentStatus } from '../lsp/document-status.js'; void documentStatus;"],
    ['language-server/model/readiness.ts', "import { McredIndexManager } from '../workspace/mcred-index-manager.js'; void McredIndexManager;"],
    ['language-server/export/ob3.ts', "import { report } from '../validation/report.js'; void report;"],
    ['language-server/report/build-report.ts', "import { documentStatus } from '../lsp/document-status.js'; void documentStatus;"],
    ['language-server/report/build-report.ts', "import { McredIndexManager } from '../workspace/mcred-index-manager.js'; void McredIndexManager;"],
    ['language-server/validation/report.ts', "import { documentStatus } from '../lsp/document-status.js'; void documentStatus;"],
    ['language-server/lsp/document-status.ts', "import { createMcredServices } from '../mcred-module.js'; void createMcredServices;"],
    ['extension/status-bar.ts', "import { readiness } from '../language-server/model/readiness.js'; void readiness;"]
];

test.each(LAYER_VIOLATIONS)('a layer violation in %s fails the lint: %s', async (file, line) => {
    const messages = await restrictedImports(file, line);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/layers of ARCHITECTURE\.md|only through language-server\/protocol\.ts/);
}, 120_000);

test('imports that follow the layers pass the lint', async () => {
    expect(await restrictedImports('language-server/model/readiness.ts', "import { RULES } from '../rules/issue-codes.js'; void RULES;")).toEqual([]);
    expect(await restrictedImports('language-server/lsp/document-status.ts', "import { readiness } from '../model/readiness.js'; void readiness;")).toEqual([]);
    expect(await restrictedImports('extension/status-bar.ts', "import { REPORT_COMMAND } from '../language-server/protocol.js'; void REPORT_COMMAND;")).toEqual([]);
}, 120_000);
