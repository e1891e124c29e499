import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import { REPORT_COMMAND, SHOW_QA_REPORT_COMMAND, type ReportCommandArgs, type ReportCommandResult } from '../../language-server/protocol.js';
import { newNonce } from './nonce.js';
import { isPlace } from './qa-report-messages.js';

/**
 * "Micro-credential: Show QA report": a webview beside the editor with the QA report of a
 * `.mcred` file. The server renders it (`mcred.report`, the same pure code as `mcred report`)
 * for the webview: theme colours, a Content-Security-Policy with a fresh nonce, every string
 * escaped. This side only shows it, re-renders it when a `.mcred` file changes (debounced), and
 * answers the page's clicks: go to a place, or go there and open the quick fixes.
 * Takes optional `(uri, credentialName)` so that the code lens can call it.
 */
const VIEW_TYPE = 'mcred.qaReport';
const UPDATE_DELAY_MS = 300;

export function registerQaReportCommand(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    const panels = new Map<string, QaReportPanel>();
    context.subscriptions.push(
        vscode.commands.registerCommand(SHOW_QA_REPORT_COMMAND, async (uri?: unknown, credentialName?: unknown) => {
            const target = typeof uri === 'string' ? vscode.Uri.parse(uri)
                : uri instanceof vscode.Uri ? uri : activeMcredDocument()?.uri;
            if (!target) {
                void vscode.window.showErrorMessage('Open a .mcred file to see its QA report.');
                return;
            }
            const key = target.toString();
            const credential = typeof credentialName === 'string' ? credentialName : undefined;
            const existing = panels.get(key);
            if (existing) {
                existing.reveal(credential);
                return;
            }
            const panel = new QaReportPanel(client, target, credential, () => panels.delete(key));
            panels.set(key, panel);
            await panel.render();
        }),
        vscode.workspace.onDidChangeTextDocument(event => {
            if (event.document.languageId === 'mcred' && event.contentChanges.length > 0) {
                for (const panel of panels.values()) panel.schedule();
            }
        }),
        {
            dispose: () => {
                for (const panel of panels.values()) panel.dispose();
            }
        }
    );
}

class QaReportPanel {
    private readonly panel: vscode.WebviewPanel;
    private readonly subscriptions: vscode.Disposable[] = [];
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** A change arrived while the panel was hidden: render when it shows again. */
    private stale = false;
    private disposed = false;

    constructor(
        private readonly client: BaseLanguageClient,
        private readonly uri: vscode.Uri,
        private credential: string | undefined,
        private readonly onDispose: () => void
    ) {
        this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, `QA report: ${fileName(uri)}`,
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: true, enableCommandUris: false, localResourceRoots: [] });
        this.subscriptions.push(
            this.panel.onDidDispose(() => this.dispose()),
            this.panel.onDidChangeViewState(() => {
                if (this.panel.visible && this.stale) this.schedule();
            }),
            this.panel.webview.onDidReceiveMessage(message => void this.onMessage(message))
        );
    }

    reveal(credential: string | undefined): void {
        this.panel.reveal(vscode.ViewColumn.Beside, true);
        if (credential && credential !== this.credential) {
            this.credential = credential;
            void this.panel.webview.postMessage({ type: 'scrollTo', id: `credential-${credential}` });
        }
    }

    schedule(): void {
        if (this.disposed) return;
        if (!this.panel.visible) {
            this.stale = true;
            return;
        }
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.render(), UPDATE_DELAY_MS);
    }

    async render(): Promise<void> {
        this.stale = false;
        const nonce = newNonce();
        const args: ReportCommandArgs = {
            uri: this.uri.toString(), format: 'html', target: 'vscode', nonce,
            ...(this.credential ? { credential: this.credential } : {})
        };
        let result: ReportCommandResult;
        try {
            result = await this.client.sendRequest(ExecuteCommandRequest.type, { command: REPORT_COMMAND, arguments: [args] }) as ReportCommandResult;
        } catch (error) {
            result = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
        }
        if (this.disposed) return;
        if (result.kind === 'report') {
            this.panel.webview.html = result.content;
        } else {
            void vscode.window.showErrorMessage(`QA report: ${result.message}`);
        }
    }

    /** A click in the page: `{ type: 'reveal' | 'fix', uri, line, column, endLine, endColumn }` (1-based). */
    private async onMessage(message: unknown): Promise<void> {
        if (!isPlace(message, this.uri.scheme)) return;
        const start = new vscode.Position(message.line - 1, message.column - 1);
        const end = new vscode.Position(message.endLine - 1, message.endColumn - 1);
        const uri = vscode.Uri.parse(message.uri);
        const visible = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString());
        const editor = await vscode.window.showTextDocument(uri, {
            viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
            selection: new vscode.Range(start, message.type === 'fix' ? start : end),
            preserveFocus: false
        });
        editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        if (message.type === 'fix') await vscode.commands.executeCommand('editor.action.quickFix');
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        if (this.timer) clearTimeout(this.timer);
        for (const subscription of this.subscriptions) subscription.dispose();
        this.panel.dispose();
        this.onDispose();
    }
}

function activeMcredDocument(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'mcred' ? document : undefined;
}

function fileName(uri: vscode.Uri): string {
    return uri.path.split('/').pop() ?? uri.toString();
}
