import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { McredCodeActionProvider } from '../../language-server/lsp/code-actions/mcred-code-action-provider.js';
import { snippetToPlain } from '../../language-server/lsp/code-actions/text-edits.js';
import { check, type Checked } from './validate.js';

export interface Fixes {
    readonly checked: Checked;
    readonly diagnostic: Diagnostic;
    readonly actions: CodeAction[];
    /** The texts of every file after applying the action with this title (snippets as their plain text). */
    apply(title: string): Record<string, string>;
    /** The snippets the action inserts (in snippet mode). */
    snippets(title: string): string[];
}

/**
 * Validates the files, picks the `index`-th diagnostic with `code` (in file order) and asks the
 * code action provider for its fixes, as an editor would with the cursor on it.
 */
export interface FixOptions {
    readonly index?: number;
    readonly snippets?: boolean;
    readonly file?: string;
}

export async function fixesFor(files: string | Record<string, string>, code: string, options: FixOptions = {}): Promise<Fixes> {
    const checked = await check(files);
    const names = typeof files === 'string' ? ['programme.mcred'] : Object.keys(files);
    const documentIndex = options.file ? names.indexOf(options.file) : checked.documents.findIndex(d => d.diagnostics?.some(x => x.code === code));
    const document = checked.documents[documentIndex];
    const diagnostic = document?.diagnostics?.filter(d => d.code === code)[options.index ?? 0];
    if (!document || !diagnostic) throw new Error(`no ${code} diagnostic: ${checked.codes.join(', ')}`);
    const provider = checked.services.mcred.lsp.CodeActionProvider as McredCodeActionProvider;
    provider.snippetEdits = options.snippets ?? false;
    const actions = (await provider.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], triggerKind: 1 }
    }) ?? []) as CodeAction[];
    for (const action of actions) {
        if (action.kind !== CodeActionKind.QuickFix) throw new Error(`${action.title}: not a quick fix`);
    }
    const find = (title: string) => {
        const action = actions.find(a => a.title === title);
        if (!action) throw new Error(`no action '${title}' among: ${actions.map(a => a.title).join(' | ')}`);
        return action;
    };
    return {
        checked, diagnostic, actions,
        apply(title) {
            const edit = find(title).edit!;
            const byUri = new Map<string, TextEdit[]>(Object.entries(edit.changes ?? {}));
            for (const change of edit.documentChanges ?? []) {
                if (!('edits' in change)) throw new Error('unexpected resource operation');
                byUri.set(change.textDocument.uri, change.edits.map(e => 'snippet' in e ? { range: e.range, newText: snippetToPlain(e.snippet.value) } : e));
            }
            const result: Record<string, string> = {};
            checked.documents.forEach((doc, i) => {
                const edits = byUri.get(doc.uri.toString());
                const text = doc.textDocument.getText();
                result[names[i]] = edits ? TextDocument.applyEdits(TextDocument.create('x', 'mcred', 1, text), edits) : text;
            });
            return result;
        },
        snippets(title) {
            return (find(title).edit!.documentChanges ?? []).flatMap(c => 'edits' in c ? c.edits.flatMap(e => 'snippet' in e ? [e.snippet.value] : []) : []);
        }
    };
}
