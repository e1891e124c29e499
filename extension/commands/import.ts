import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import { IMPORT_COMMAND, IMPORT_CREDENTIAL_COMMAND, type ImportCommandArgs, type ImportCommandResult } from '../../language-server/protocol.js';

/**
 * "Micro-credential: Import credential as programme" on a `.json` / `.jsonld` credential (the
 * active editor, or the file chosen in the explorer). The import runs in the language server
 * (`mcred.import`, the same functions as `mcred import`); this side writes the programme beside
 * the credential, under a numbered name when the name is taken (never overwriting), and opens it.
 */

export function registerImportCommand(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    context.subscriptions.push(vscode.commands.registerCommand(IMPORT_CREDENTIAL_COMMAND,
        (uri?: unknown) => importCredential(client, uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined)));
}

async function importCredential(client: BaseLanguageClient, uriArgument?: vscode.Uri): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    const uri = uriArgument ?? (active && /\.(json|jsonld)$/i.test(active.uri.path) ? active.uri : undefined);
    if (!uri) {
        void vscode.window.showErrorMessage('Open a credential (.json or .jsonld) to import it as a programme.');
        return;
    }
    // The editor's text when the file is open (it may be unsaved); otherwise the server reads the file.
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    const args: ImportCommandArgs = { uri: uri.toString(), ...(open ? { text: open.getText() } : {}) };
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Importing credential…' },
        () => client.sendRequest(ExecuteCommandRequest.type, { command: IMPORT_COMMAND, arguments: [args] }) as Promise<ImportCommandResult>);
    if (result.kind === 'error') {
        void vscode.window.showErrorMessage(result.message);
        return;
    }
    const target = await writeBeside(vscode.Uri.joinPath(uri, '..'), result.fileName, result.text);
    await vscode.window.showTextDocument(target, { preview: false });
    void vscode.window.showInformationMessage(`${result.summary} Written to ${vscode.workspace.asRelativePath(target)}.`);
}

/** Writes `text` as `name` in `folder`, or `name-2`, `name-3`, …: a temporary file renamed without overwrite. */
async function writeBeside(folder: vscode.Uri, name: string, text: string): Promise<vscode.Uri> {
    const fs = vscode.workspace.fs;
    const temporary = vscode.Uri.joinPath(folder, `.mcred-import-${Date.now().toString(36)}.tmp`);
    await fs.writeFile(temporary, new TextEncoder().encode(text));
    const ext = name.endsWith('.mcred') ? '.mcred' : '';
    const base = name.slice(0, name.length - ext.length);
    try {
        for (let n = 1; n < 1000; n++) {
            const target = vscode.Uri.joinPath(folder, n === 1 ? name : `${base}-${n}${ext}`);
            if (await exists(target)) continue;
            try {
                await fs.rename(temporary, target, { overwrite: false });
                return target;
            } catch (error) {
                if (!(error instanceof vscode.FileSystemError) || !(await exists(target))) throw error;
            }
        }
        throw new Error(`no free name for ${name} in ${folder.fsPath}`);
    } finally {
        await Promise.resolve(fs.delete(temporary)).catch(() => undefined);
    }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}
