import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { loadWorkspace } from '../../../language-server/cli/workspace.js';

const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

/**
 * The diagnostics the language server computes for one file of a fixture workspace (checked with
 * the whole workspace, as in the editor), so that scenarios compare what the user sees with what
 * the server says rather than with a copy of the message.
 */
export async function serverDiagnostics(fileName: string, fixture = 'workspace'): Promise<Diagnostic[]> {
    const folder = path.join(FIXTURES_DIR, fixture);
    const files = readdirSync(folder).filter(name => name.endsWith('.mcred'))
        .map(name => ({ path: path.join(folder, name), text: readFileSync(path.join(folder, name), 'utf8') }));
    const { documents } = await loadWorkspace(files);
    const document = documents[files.findIndex(file => path.basename(file.path) === fileName)];
    if (!document) throw new Error(`e2e: no ${fileName} in fixture ${fixture}`);
    return document.diagnostics ?? [];
}

/** Collapses runs of white space, as the workbench does when it renders a message on one line. */
export function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}
