import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import {
    EXPORT_SIGNED_COMMAND, EXPORT_SIGNED_OPEN_BADGE_COMMAND, VERIFY_COMMAND, VERIFY_CREDENTIAL_COMMAND, type VerifyCommandResult
} from '../../language-server/protocol.js';
import { exportCredential } from './export.js';

/**
 * "Micro-credential: Export as signed Open Badge 3.0" and "Micro-credential: Verify credential"
 * (desktop VS Code only: the Node language server signs and verifies, see
 * language-server/node-commands.ts). The key file comes from the user setting
 * `mcred.signing.keyFile` (machine scope: never stored in a workspace's settings).
 */

export function registerSigningCommands(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    context.subscriptions.push(
        vscode.commands.registerCommand(EXPORT_SIGNED_OPEN_BADGE_COMMAND, async (uri?: unknown, credentialName?: unknown) => {
            const keyFile = vscode.workspace.getConfiguration('mcred').get<string>('signing.keyFile')?.trim();
            if (!keyFile) {
                const action = await vscode.window.showErrorMessage(
                    'No signing key: create one with `mcred keys new --out FILE` (outside the repository) and set mcred.signing.keyFile in your user settings.',
                    'Open settings');
                if (action) await vscode.commands.executeCommand('workbench.action.openSettings', 'mcred.signing.keyFile');
                return;
            }
            await exportCredential(client, 'ob3',
                typeof uri === 'string' || uri instanceof vscode.Uri ? uri : undefined,
                typeof credentialName === 'string' ? credentialName : undefined,
                { command: EXPORT_SIGNED_COMMAND, extra: { keyFile } });
        }),
        vscode.commands.registerCommand(VERIFY_CREDENTIAL_COMMAND, async (uri?: unknown) => {
            const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
            if (!document) {
                void vscode.window.showErrorMessage('Open a credential (.json or .jsonld) to verify it.');
                return;
            }
            const answer = await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Window, title: 'Verifying credential…' },
                () => client.sendRequest(ExecuteCommandRequest.type,
                    { command: VERIFY_COMMAND, arguments: [{ text: document.getText() }] }) as Promise<VerifyCommandResult>);
            if (answer.kind === 'error') {
                void vscode.window.showErrorMessage(answer.message);
                return;
            }
            const { result } = answer;
            const name = vscode.workspace.asRelativePath(document.uri);
            const details = [...result.problems, ...result.notes.map(n => `Note: ${n}`)].join(' ');
            if (result.valid) {
                void vscode.window.showInformationMessage(`${name}: valid${result.issuer ? `, issued by ${result.issuer}` : ''}. ${details}`.trim());
            } else {
                void vscode.window.showErrorMessage(`${name}: ${result.revoked ? 'revoked' : 'not valid'}: ${details}`);
            }
        })
    );
}
