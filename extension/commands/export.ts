import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import { EXPORT_COMMAND, EXPORT_EUROPASS_COMMAND, EXPORT_OPEN_BADGE_COMMAND, type ExportCommandArgs, type ExportCommandResult } from '../../language-server/protocol.js';

/**
 * "Micro-credential: Export as Open Badge 3.0" and "… as Europass credential". The export runs in
 * the language server (`mcred.export`, the same functions as `mcred export`); this side picks the
 * credential and cohort and names the folder (`mcred.export.outputFolder`); the server writes the
 * files there, all or none, and answers with a summary; this side opens the first file. Both commands take optional `(uri, credentialName)` so code lenses can call them.
 */
const EXPORT_COMMANDS = [
    { command: EXPORT_OPEN_BADGE_COMMAND, format: 'ob3' },
    { command: EXPORT_EUROPASS_COMMAND, format: 'elm' }
] as const;

export const DEFAULT_OUTPUT_FOLDER = 'out/credentials';

export function registerExportCommands(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    for (const { command, format } of EXPORT_COMMANDS) {
        context.subscriptions.push(vscode.commands.registerCommand(command,
            // From a menu VS Code passes the resource's Uri (and, from the editor title, an
            // editor-group object as second argument); from a code lens, strings.
            (uri?: unknown, credentialName?: unknown) => exportCredential(client, format,
                typeof uri === 'string' || uri instanceof vscode.Uri ? uri : undefined,
                typeof credentialName === 'string' ? credentialName : undefined)));
    }
}

/** A server command that exports (`mcred.export`, or the Node server's `mcred.exportSigned`) and the arguments it adds. */
export interface ExportVia {
    readonly command: string;
    readonly extra: Readonly<Record<string, unknown>>;
}

export async function exportCredential(
    client: BaseLanguageClient, format: string, uriArgument?: string | vscode.Uri, credentialName?: string, via?: ExportVia
): Promise<void> {
    const uri = typeof uriArgument === 'string' ? vscode.Uri.parse(uriArgument)
        : uriArgument ?? activeMcredDocument()?.uri;
    if (!uri) {
        void vscode.window.showErrorMessage('Open a .mcred file to export one of its micro-credentials.');
        return;
    }
    const listed = await run(client, { uri: uri.toString(), list: true });
    if (listed.kind !== 'credentials') return showError(listed);
    const credential = credentialName !== undefined
        ? listed.credentials.find(c => c.name === credentialName)
        : await pickOne(listed.credentials, c => ({ label: c.name, description: c.title }), 'Micro-credential to export');
    if (!credential) {
        if (credentialName !== undefined) void vscode.window.showErrorMessage(`No micro-credential named '${credentialName}' in ${vscode.workspace.asRelativePath(uri)}.`);
        else if (listed.credentials.length === 0) void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} contains no micro-credential.`);
        return;
    }
    const issuance = await pickIssuance(credential.cohorts, via === undefined);
    if (!issuance) return;
    const folder = outputFolder(uri);
    // The server writes into the folder (and shows its own progress for a large export); this
    // progress only says that the export runs.
    const args: ExportCommandArgs = { uri: uri.toString(), format, credential: credential.name, ...issuance, ...via?.extra, outFolder: folder.toString() };
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Exporting ${credential.name}…` },
        () => run(client, args, via?.command));
    if (result.kind === 'written') {
        return reportExport(folder, result.files[0], result.count, result.formatLabel, result.notes);
    }
    if (result.kind !== 'export') return showError(result);
    if (result.problems.length > 0) {
        // A programme without `language`: the export never guesses it; offer the hole to fill.
        const language = result.problems.find(p => p.code === 'language' && p.uri !== undefined && p.line !== undefined);
        const details = result.problems.slice(1).map(p => p.message);
        const message = `${result.problems[0].message} ${details.length > 0 ? details.slice(0, 3).join(' · ') : ''}${details.length > 3 ? ` (${details.length - 3} more)` : ''}`.trim();
        const insert = 'Insert `language ?`';
        const action = await vscode.window.showErrorMessage(message, ...language ? [insert] : [], 'Show problems');
        if (action === insert && language) {
            await insertLanguageHole(vscode.Uri.parse(language.uri!), language.line! - 1);
        } else if (action) {
            await vscode.commands.executeCommand('workbench.actions.view.problems');
        }
        return;
    }
    // The web worker has no disk (nor has the Node server for a folder on another scheme): it
    // answers with the documents, written here through the editor's file system.
    await writeAll(folder, result.documents.map(d => ({ name: d.fileName, text: d.text })));
    await reportExport(folder, result.documents[0]?.fileName, result.documents.length, result.formatLabel, result.notes);
}

/** Opens the first file written and says how many were. */
async function reportExport(folder: vscode.Uri, first: string | undefined, count: number, formatLabel: string, notes: readonly string[]): Promise<void> {
    if (first !== undefined) {
        await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, first), { preview: false });
    }
    void vscode.window.showInformationMessage(
        `Exported ${count} ${formatLabel} document${count === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(folder)}. ${notes.join(' ')}`);
}

/** Inserts `language ?` (a hole: still to decide) as line `line` (0-based) and shows it. */
async function insertLanguageHole(uri: vscode.Uri, line: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const at = Math.min(line, document.lineCount);
    const indent = /^\s*/.exec(document.lineAt(Math.max(0, at - 1)).text)?.[0] ?? '    ';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(at, 0), `${indent || '    '}language ?\n`);
    await vscode.workspace.applyEdit(edit);
    const editor = await vscode.window.showTextDocument(document);
    const position = new vscode.Position(at, (indent || '    ').length + 'language '.length);
    editor.selection = new vscode.Selection(position, position.translate(0, 1));
}

type Issuance = Pick<ExportCommandArgs, 'cohort' | 'template'>;

async function pickIssuance(cohorts: ReadonlyArray<{ name: string; learners: number; roster?: string }>, templates = true): Promise<Issuance | undefined> {
    if (cohorts.length === 0) {
        if (!templates) void vscode.window.showErrorMessage('This micro-credential has no cohort: only credentials issued to learners are signed.');
        return templates ? { template: true } : undefined;
    }
    if (cohorts.length === 1) return { cohort: cohorts[0].name };
    const items: Array<vscode.QuickPickItem & { issuance: Issuance }> = [
        ...cohorts.map(c => ({
            label: c.name,
            description: [c.learners > 0 ? `${c.learners} learner${c.learners === 1 ? '' : 's'}` : undefined, c.roster ? `roster ${c.roster}` : undefined]
                .filter(Boolean).join(', '),
            issuance: { cohort: c.name }
        })),
        { label: 'All cohorts', description: 'one credential per learner of every cohort', issuance: {} },
        ...(templates ? [{ label: 'Template', description: 'the achievement, without learner', issuance: { template: true } }] : [])
    ];
    return (await vscode.window.showQuickPick(items, { placeHolder: 'Cohort to export' }))?.issuance;
}

async function pickOne<T>(items: readonly T[], describe: (item: T) => vscode.QuickPickItem, placeHolder: string): Promise<T | undefined> {
    if (items.length <= 1) return items[0];
    const picked = await vscode.window.showQuickPick(items.map(item => ({ ...describe(item), item })), { placeHolder });
    return picked?.item;
}

function activeMcredDocument(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'mcred' ? document : undefined;
}

async function run(client: BaseLanguageClient, args: ExportCommandArgs, command = EXPORT_COMMAND): Promise<ExportCommandResult> {
    return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] }) as Promise<ExportCommandResult>;
}

function showError(result: ExportCommandResult): void {
    if (result.kind === 'error') void vscode.window.showErrorMessage(result.message);
}

/**
 * `mcred.export.outputFolder`: an absolute path, or a path relative to the workspace folder of the
 * file (the file's own folder when it is outside any workspace folder).
 */
function outputFolder(document: vscode.Uri): vscode.Uri {
    const setting = vscode.workspace.getConfiguration('mcred', document).get<string>('export.outputFolder')?.trim() || DEFAULT_OUTPUT_FOLDER;
    if (/^([a-zA-Z]:[\\/]|[\\/])/.test(setting)) return vscode.Uri.file(setting);
    const base = vscode.workspace.getWorkspaceFolder(document)?.uri ?? vscode.Uri.joinPath(document, '..');
    return vscode.Uri.joinPath(base, setting);
}

/** Writes every file or none: temporary files first, then renames; removes what it wrote on failure. */
async function writeAll(folder: vscode.Uri, files: ReadonlyArray<{ name: string; text: string }>): Promise<void> {
    const fs = vscode.workspace.fs;
    await fs.createDirectory(folder);
    const stamp = Date.now().toString(36);
    const temporary = files.map((_, i) => vscode.Uri.joinPath(folder, `.mcred-export-${stamp}-${i}.tmp`));
    const renamed: vscode.Uri[] = [];
    try {
        for (const [i, file] of files.entries()) {
            await fs.writeFile(temporary[i], new TextEncoder().encode(file.text));
        }
        for (const [i, file] of files.entries()) {
            const target = vscode.Uri.joinPath(folder, file.name);
            await fs.rename(temporary[i], target, { overwrite: true });
            renamed.push(target);
        }
    } catch (error) {
        for (const uri of [...temporary, ...renamed]) {
            await Promise.resolve(fs.delete(uri)).catch(() => undefined);
        }
        throw error;
    }
}
