import { languages, StatusBarAlignment, window, workspace, type Disposable, type StatusBarItem } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { DocumentStatusRequest, type DocumentStatus, type DocumentStatusParams } from '../language-server/protocol.js';
import { LANGUAGE_ID } from './client-options.js';


/**
 * The status bar item of the active .mcred file: its errors and warnings, and how many Annex I
 * elements its credentials state (asked of the server with `mcred/documentStatus`). Clicking it
 * opens the Problems view.
 */
export class McredStatusBar implements Disposable {
    private readonly item: StatusBarItem;
    private readonly subscriptions: Disposable[];
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly client: BaseLanguageClient) {
        this.item = window.createStatusBarItem('mcred.status', StatusBarAlignment.Left, 100);
        this.item.name = 'Micro-credential status';
        this.item.command = 'workbench.actions.view.problems';
        this.subscriptions = [
            window.onDidChangeActiveTextEditor(() => this.schedule()),
            languages.onDidChangeDiagnostics(event => {
                const active = window.activeTextEditor?.document.uri.toString();
                if (event.uris.some(uri => uri.toString() === active)) this.schedule();
            }),
            workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('mcred.statusBar')) this.schedule();
            })
        ];
        this.schedule();
    }

    /** Coalesces the bursts of events that one edit causes. */
    private schedule(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.update(), 150);
    }

    private async update(): Promise<void> {
        const document = window.activeTextEditor?.document;
        const enabled = workspace.getConfiguration('mcred').get<boolean>('statusBar.enable', true);
        if (!document || document.languageId !== LANGUAGE_ID || !enabled) {
            this.item.hide();
            return;
        }
        const params: DocumentStatusParams = { uri: document.uri.toString() };
        const status = await this.client.sendRequest(DocumentStatusRequest, params).then(result => result, () => null);
        if (!status || window.activeTextEditor?.document !== document) return;
        this.item.text = statusText(status);
        this.item.tooltip = statusTooltip(status);
        this.item.show();
    }

    dispose(): void {
        if (this.timer) clearTimeout(this.timer);
        for (const subscription of this.subscriptions) subscription.dispose();
        this.item.dispose();
    }
}

/** `$(error) 2 $(warning) 1 · Issuable: no · Annex I 9/11 · QA 14/17` (the least ready credential of the file). */
export function statusText(status: DocumentStatus): string {
    const problems = `$(error) ${status.errors} $(warning) ${status.warnings}`;
    const least = [...status.credentials].sort((a, b) => Number(a.issuable) - Number(b.issuable)
        || a.annex1Present / a.annex1Total - b.annex1Present / b.annex1Total || a.qaPassed - b.qaPassed)[0];
    if (!least) return problems;
    return `${problems} · Issuable: ${least.issuable ? 'yes' : 'no'} · Annex I ${least.annex1Present}/${least.annex1Total} · QA ${least.qaPassed}/${least.qaTotal}`;
}

function statusTooltip(status: DocumentStatus): string {
    const lines = [`${status.errors} error(s), ${status.warnings} warning(s)`];
    for (const credential of status.credentials) {
        lines.push('', `${credential.name}: ${credential.issuableText}`, `Annex I ${credential.annex1Present}/${credential.annex1Total} · QA ${credential.qaPassed}/${credential.qaTotal}`);
        lines.push(...credential.annex1Missing.map(missing => `  ${missing}`));
    }
    return lines.join('\n');
}
