import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import {
    CATALOGUE_COMMAND, SHOW_CATALOGUE_COMMAND, type CatalogueCommandArgs, type CatalogueCommandResult
} from '../../language-server/protocol.js';
import { newNonce } from './nonce.js';
import { isPlace } from './qa-report-messages.js';

/**
 * "Micro-credential: Show catalogue": a webview with the catalogue of the whole workspace (every
 * programme, pathways, the stacking graph, joint awards, QA review dates). The server renders it
 * (`mcred.catalogue`, the same pure code as `mcred catalogue`) with a fresh nonce for the
 * Content-Security-Policy; this side shows it, re-renders it when a `.mcred` file changes
 * (debounced), and opens a file at the line when a place or a graph node is clicked.
 */
const VIEW_TYPE = 'mcred.catalogueView';
const UPDATE_DELAY_MS = 500;

export function registerCatalogueCommand(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    let panel: CataloguePanel | undefined;
    context.subscriptions.push(
        vscode.commands.registerCommand(SHOW_CATALOGUE_COMMAND, async () => {
            if (panel) {
                panel.reveal();
                return;
            }
            panel = new CataloguePanel(client, () => { panel = undefined; });
            await panel.render();
        }),
        vscode.workspace.onDidChangeTextDocument(event => {
            if (event.document.languageId === 'mcred' && event.contentChanges.length > 0) panel?.schedule();
        }),
        vscode.workspace.onDidCreateFiles(() => panel?.schedule()),
        vscode.workspace.onDidDeleteFiles(() => panel?.schedule()),
        { dispose: () => panel?.dispose() }
    );
}

class CataloguePanel {
    private readonly panel: vscode.WebviewPanel;
    private readonly subscriptions: vscode.Disposable[] = [];
    private timer: ReturnType<typeof setTimeout> | undefined;
    private stale = false;
    private disposed = false;

    constructor(private readonly client: BaseLanguageClient, private readonly onDispose: () => void) {
        this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Catalogue',
            { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
            { enableScripts: true, enableCommandUris: false, localResourceRoots: [], retainContextWhenHidden: false });
        this.subscriptions.push(
            this.panel.onDidDispose(() => this.dispose()),
            this.panel.onDidChangeViewState(() => {
                if (this.panel.visible && this.stale) this.schedule();
            }),
            this.panel.webview.onDidReceiveMessage(message => void this.onMessage(message))
        );
    }

    reveal(): void {
        this.panel.reveal(undefined, false);
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
        const args: CatalogueCommandArgs = { format: 'html', target: 'vscode', nonce: newNonce() };
        let result: CatalogueCommandResult;
        try {
            result = await this.client.sendRequest(ExecuteCommandRequest.type, { command: CATALOGUE_COMMAND, arguments: [args] }) as CatalogueCommandResult;
        } catch (error) {
            result = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
        }
        if (this.disposed) return;
        if (result.kind === 'catalogue') {
            this.panel.title = result.title;
            this.panel.webview.html = result.content;
        } else {
            void vscode.window.showErrorMessage(`Catalogue: ${result.message}`);
        }
    }

    /** A click on a place or a graph node: `{ type: 'reveal', uri, line, … }` (1-based). */
    private async onMessage(message: unknown): Promise<void> {
        const scheme = vscode.workspace.workspaceFolders?.[0]?.uri.scheme ?? 'file';
        if (!isPlace(message, scheme) || message.type !== 'reveal') return;
        const position = new vscode.Position(message.line - 1, 0);
        const editor = await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), {
            viewColumn: vscode.ViewColumn.Beside,
            selection: new vscode.Range(position, position),
            preserveFocus: false
        });
        editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
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
