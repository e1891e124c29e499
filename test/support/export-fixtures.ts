// Loading .mcred files for export tests: a set of files as one validated workspace, and the
// list of valid examples (examples/ without examples/invalid/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { planExport, type ExportPlan, type ExportRequest } from '../../language-server/export/export-plan.js';

/** The examples folder; MCRED_EXAMPLES_DIR may point elsewhere for a local check. */
export const EXAMPLES_DIR = path.resolve(process.env['MCRED_EXAMPLES_DIR'] ?? 'examples');

/** Every `.mcred` file under `folder`, recursively, except those under an `invalid` folder. */
export function validMcredFiles(folder: string): string[] {
    if (!existsSync(folder)) return [];
    const found: string[] = [];
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && entry.name !== 'invalid' && entry.name !== 'node_modules') found.push(...validMcredFiles(full));
        else if (entry.isFile() && entry.name.endsWith('.mcred')) found.push(full);
    }
    return found.sort();
}

/** Loads the files as one workspace (parsed, linked, validated). */
export async function loadFiles(files: readonly string[]) {
    const { documents } = await loadWorkspace(files.map(file => ({ path: path.resolve(file), text: readFileSync(file, 'utf8') })));
    return documents;
}

/** Plans an export of every credential of the files, rosters read from disk. */
export async function exportFiles(files: readonly string[], request: ExportRequest): Promise<ExportPlan> {
    const documents = await loadFiles(files);
    return planExport({ documents, workspace: documents, readText: uri => readFile(uri.fsPath, 'utf8') }, request);
}
