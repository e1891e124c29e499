import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LangiumDocument } from 'langium';
import type { Diagnostic, Position } from 'vscode-languageserver';
import { loadWorkspace, type LoadedWorkspace } from '../../../language-server/cli/workspace.js';

const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

/**
 * What the language server says about a fixture workspace, computed in-process with the same
 * services the editor's server uses. Scenarios compare what the user sees with this, rather than
 * with copies of messages, titles or lists that would drift from the product.
 */
export class FixtureServer {
    private constructor(private readonly workspace: LoadedWorkspace, private readonly names: readonly string[]) {}

    /**
     * Loads every .mcred file of test/e2e/fixtures/<fixture> as one workspace (as the editor
     * does), with `edits` replacing the text of some files.
     */
    static async load(fixture = 'workspace', edits: Readonly<Record<string, string>> = {}): Promise<FixtureServer> {
        const folder = path.join(FIXTURES_DIR, fixture);
        const names = readdirSync(folder).filter(name => name.endsWith('.mcred')).sort();
        const files = names.map(name => ({ path: path.join(folder, name), text: edits[name] ?? readFileSync(path.join(folder, name), 'utf8') }));
        return new FixtureServer(await loadWorkspace(files), names);
    }

    /** The text of a fixture file. */
    static text(fileName: string, fixture = 'workspace'): string {
        return readFileSync(path.join(FIXTURES_DIR, fixture, fileName), 'utf8');
    }

    document(fileName: string): LangiumDocument {
        const document = this.workspace.documents[this.names.indexOf(fileName)];
        if (!document) throw new Error(`e2e: no ${fileName} in the fixture`);
        return document;
    }

    diagnostics(fileName: string): Diagnostic[] {
        return this.document(fileName).diagnostics ?? [];
    }

    /** The one diagnostic with `code` (fails when there is none). */
    diagnostic(fileName: string, code: string): Diagnostic & { text: string } {
        const found = this.diagnostics(fileName).find(d => d.code === code);
        if (!found) throw new Error(`e2e: the server reports no ${code} in ${fileName}`);
        return { ...found, text: oneLine(typeof found.message === 'string' ? found.message : found.message.value) };
    }

    /** The titles of the code lenses of a file, in order. */
    async codeLensTitles(fileName: string): Promise<string[]> {
        const document = this.document(fileName);
        const provider = this.workspace.services.mcred.lsp.CodeLensProvider;
        if (!provider) throw new Error('e2e: the server has no code lens provider');
        const lenses = await provider.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        return (lenses ?? []).map(lens => lens.command?.title ?? '');
    }

    /** The hover's markdown at a position of a file. */
    async hover(fileName: string, position: Position): Promise<string> {
        const document = this.document(fileName);
        const provider = this.workspace.services.mcred.lsp.HoverProvider;
        if (!provider) throw new Error('e2e: the server has no hover provider');
        const hover = await provider.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
        const contents = hover?.contents;
        if (!contents) return '';
        return typeof contents === 'string' ? contents : 'value' in contents ? contents.value : contents.map(c => typeof c === 'string' ? c : c.value).join('\n');
    }

    /** The titles of the code actions the server offers for one of its diagnostics. */
    async codeActionTitles(fileName: string, diagnostic: Diagnostic): Promise<string[]> {
        const document = this.document(fileName);
        const provider = this.workspace.services.mcred.lsp.CodeActionProvider;
        if (!provider) throw new Error('e2e: the server has no code action provider');
        const actions = await provider.getCodeActions(document,
            { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        return (actions ?? []).map(action => action.title);
    }

    /** The labels of the completion items at a position of a file. */
    async completionLabels(fileName: string, position: Position): Promise<string[]> {
        const document = this.document(fileName);
        const provider = this.workspace.services.mcred.lsp.CompletionProvider;
        if (!provider) throw new Error('e2e: the server has no completion provider');
        const list = await provider.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
        return (list?.items ?? []).map(item => item.label);
    }
}

/** The diagnostics the server computes for one file of a fixture workspace. */
export async function serverDiagnostics(fileName: string, fixture = 'workspace'): Promise<Diagnostic[]> {
    return (await FixtureServer.load(fixture)).diagnostics(fileName);
}

/** The 0-based position of the first occurrence of `needle` in `text` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): Position {
    const index = text.indexOf(needle);
    if (index < 0) throw new Error(`e2e: '${needle}' not found`);
    const before = text.slice(0, index + offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Collapses runs of white space, as the workbench does when it renders a message on one line. */
export function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

/** Plain text of simple markdown (what a rendered hover shows): no emphasis, code marks or links. */
export function plainText(markdown: string): string {
    return oneLine(markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').replace(/^#+\s*/gm, ''));
}
