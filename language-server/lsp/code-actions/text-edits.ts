import { GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import {
    CodeActionKind, type CodeAction, type Diagnostic, type Range, type SnippetTextEdit, type TextDocumentEdit, type TextEdit,
    type WorkspaceEdit
} from 'vscode-languageserver';
import { ELEMENT_ORDER, holeProperty, slotOf } from './element-order.js';

/**
 * One change of a quick fix, in one document. `text` is written in snippet syntax (`${1:title}`,
 * `${2|online,onsite|}`, `\t` for one level of the file's indentation); it becomes a snippet
 * where the client supports snippet edits and plain text with the placeholders' defaults
 * otherwise. `order` sorts insertions at the same place (the element order of the block).
 */
export interface Change {
    readonly document: LangiumDocument;
    readonly range: Range;
    readonly text: string;
    readonly order?: number;
}

/** What a fix needs to know about where it runs. */
export interface FixContext {
    readonly document: LangiumDocument;
    /** The client applies SnippetTextEdits (LSP 3.18 `workspace.workspaceEdit.snippetEditSupport`). */
    readonly snippets: boolean;
    /** Finds a document of the workspace (a provider may live in another file). */
    readonly documentOf: (node: AstNode) => LangiumDocument;
    /** The names of the top-level declarations of a type in the workspace (`Provider`, `Pathway`). */
    readonly declarations: (type: string) => string[];
}

/** Escapes text for use inside a snippet (names and existing text that we copy). */
export function escapeSnippet(text: string): string {
    return text.replace(/[\\$}]/g, match => `\\${match}`);
}

/** The text a snippet inserts when its placeholders keep their defaults (the first choice). */
export function snippetToPlain(snippet: string): string {
    return snippet
        .replace(/\$\{\d+\|((?:[^,|\\]|\\.)*)(?:,(?:[^,|\\]|\\.)*)*\|\}/g, (_, first: string) => first.replace(/\\([,|])/g, '$1'))
        .replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, (_, text: string) => text)
        .replace(/\$\{?\d+\}?/g, '')
        .replace(/\\([\\$}])/g, '$1');
}

/** A quick fix code action for a diagnostic. */
export function quickFix(title: string, diagnostics: Diagnostic[], changes: readonly Change[], context: FixContext, isPreferred = false): CodeAction {
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        ...isPreferred ? { isPreferred } : {},
        edit: workspaceEdit(changes, context.snippets)
    };
}

/**
 * The workspace edit of some changes. Snippet edits are used for a single change with tab stops
 * (several snippets in one edit are not reliably supported by clients); otherwise plain text.
 */
export function workspaceEdit(changes: readonly Change[], snippets: boolean): WorkspaceEdit {
    const single = changes.length === 1 && /\$\{?\d/.test(changes[0].text);
    if (snippets && single) {
        const [change] = changes;
        const edit: SnippetTextEdit = { range: change.range, snippet: { kind: 'snippet', value: change.text } };
        const documentEdit: TextDocumentEdit = {
            textDocument: { uri: change.document.uri.toString(), version: change.document.textDocument.version },
            edits: [edit]
        };
        return { documentChanges: [documentEdit] };
    }
    const byUri = new Map<string, Array<TextEdit & { order: number; offset: number }>>();
    for (const change of changes) {
        const uri = change.document.uri.toString();
        const list = byUri.get(uri) ?? [];
        const offset = change.document.textDocument.offsetAt(change.range.start);
        list.push({ range: change.range, newText: snippetToPlain(change.text), order: change.order ?? 0, offset });
        byUri.set(uri, list);
    }
    const result: Record<string, TextEdit[]> = {};
    for (const [uri, edits] of byUri) {
        edits.sort((a, b) => a.offset - b.offset || a.order - b.order);
        result[uri] = mergeInsertions(edits);
    }
    return { changes: result };
}

/** Insertions at the same position, in their order, become one edit (clients disagree on the order otherwise). */
function mergeInsertions(edits: ReadonlyArray<TextEdit & { offset: number }>): TextEdit[] {
    const merged: Array<TextEdit & { offset: number }> = [];
    for (const edit of edits) {
        const last = merged[merged.length - 1];
        if (last && last.offset === edit.offset && isEmpty(last.range) && isEmpty(edit.range)) {
            merged[merged.length - 1] = { ...last, newText: last.newText + edit.newText };
        } else {
            merged.push({ ...edit });
        }
    }
    return merged.map(({ range, newText }) => ({ range, newText }));
}

function isEmpty(range: Range): boolean {
    return range.start.line === range.end.line && range.start.character === range.end.character;
}

/** The indentation unit of a file: that of its first indented line, or four spaces. */
export function indentUnit(document: LangiumDocument): string {
    const match = /^[ \t]*\S[^\n]*\n([ \t]+)\S/m.exec(document.textDocument.getText());
    return match?.[1] ?? '    ';
}

/** The leading white space of the line where `node` starts. */
export function indentOf(document: LangiumDocument, node: AstNode): string {
    const line = node.$cstNode?.range.start.line ?? 0;
    const text = document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    return /^[ \t]*/.exec(text)![0];
}

/**
 * Inserts `text` (one element, possibly several lines with `\t` for nesting) into the block of
 * `container` at the conventional place of `property` (ELEMENT_ORDER): on its own line just
 * before the first element that comes after it, or, when none does, after the last element
 * present (or the block's `{`). A paragraph (a block, the first outcome) is kept apart from its
 * neighbours by a blank line.
 */
export function insertElement(context: FixContext, container: AstNode, property: string, text: string, options: { blankLineBefore?: boolean } = {}): Change {
    const document = context.documentOf(container);
    const slot = slotOf(container.$type, property);
    const cst = container.$cstNode!;
    const unit = indentUnit(document);
    const outer = indentOf(document, container);
    const inner = outer + unit;
    const body = text.split('\n').map(line => line.replace(/^\t+/, tabs => unit.repeat(tabs.length))).join(`\n${inner}`);
    const paragraph = options.blankLineBefore ? '\n' : '';
    const { previous, next } = neighbours(container, slot);
    if (next && startsLine(document, next)) {
        const at = { line: next.range.start.line, character: 0 };
        return { document, range: { start: at, end: at }, text: `${inner}${body}\n${paragraph}`, order: slot };
    }
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    const anchor = previous ?? open ?? cst;
    const close = GrammarUtils.findNodeForKeyword(cst, '}');
    if (open && close && !previous && close.range.start.line === open.range.end.line) {
        // `audience { }` on one line: open it up.
        return { document, range: { start: open.range.end, end: close.range.start }, text: `\n${inner}${body}\n${outer}`, order: slot };
    }
    const lineEnd = endOfLine(document, anchor.range.end.line);
    return { document, range: { start: lineEnd, end: lineEnd }, text: `\n${previous ? paragraph : ''}${inner}${body}`, order: slot };
}

/** Inserts `text` on its own line just before `node` (at the node's indentation). */
export function insertBefore(context: FixContext, node: AstNode, text: string): Change {
    const document = context.documentOf(node);
    const at = { line: node.$cstNode!.range.start.line, character: 0 };
    return { document, range: { start: at, end: at }, text: `${indentOf(document, node)}${text}\n` };
}

/**
 * The elements around a slot: the last one (in the text) of the slots up to it (a new outcome
 * goes after the existing ones) and the first one (in the text) of the slots after it.
 */
function neighbours(container: AstNode, slot: number): { previous?: Span; next?: Span } {
    const slots = ELEMENT_ORDER[container.$type] ?? [];
    let previous: Span | undefined;
    let next: Span | undefined;
    slots.forEach((properties, index) => {
        for (const property of properties) {
            for (const node of GrammarUtils.findNodesForProperty(container.$cstNode, property)) {
                const element = elementNode(node);
                if (index <= slot) {
                    if (!previous || element.end > previous.end) previous = element;
                } else if (!next || element.offset < next.offset) {
                    next = element;
                }
            }
        }
    });
    // A hole (`level ?`) stands where its property would be.
    for (const hole of (container as { holes?: Array<AstNode & { property?: string }> }).holes ?? []) {
        const index = hole.property ? slots.findIndex(slot => slot.includes(holeProperty(container.$type, hole.property!))) : -1;
        const element = hole.$cstNode;
        if (index < 0 || !element) continue;
        if (index <= slot) {
            if (!previous || element.end > previous.end) previous = element;
        } else if (!next || element.offset < next.offset) {
            next = element;
        }
    }
    return { previous, next };
}

/** Where an element is in the text. */
interface Span {
    readonly offset: number;
    readonly end: number;
    readonly range: Range;
}

/** From the node of a property's value to the whole statement: `title "…"` starts at `title`. */
function elementNode(node: CstNode): Span {
    const container = node.container;
    if (!container || node.astNode !== container.astNode) return node;
    const siblings = container.content;
    let index = siblings.indexOf(node);
    // Walk back over the keywords that introduce the value on the same line (`stackable into X`).
    while (index > 0 && siblings[index - 1].range.end.line === node.range.start.line && isKeyword(siblings[index - 1])) index--;
    const first = siblings[index];
    return { offset: first.offset, end: node.end, range: { start: first.range.start, end: node.range.end } };
}

function isKeyword(node: CstNode): boolean {
    return (node.grammarSource as { $type?: string } | undefined)?.$type === 'Keyword';
}

/** Whether only white space precedes the element on its line. */
function startsLine(document: LangiumDocument, node: Span): boolean {
    const before = document.textDocument.getText({ start: { line: node.range.start.line, character: 0 }, end: node.range.start });
    return before.trim() === '';
}

export function endOfLine(document: LangiumDocument, line: number): { line: number; character: number } {
    const text = document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    return { line, character: text.replace(/(\r\n|\r|\n)$/, '').length };
}

/** Replaces the text of a CST node. */
export function replaceNode(document: LangiumDocument, node: CstNode, text: string): Change {
    return { document, range: node.range, text };
}

/** Inserts text right after a CST node. */
export function insertAfter(document: LangiumDocument, node: CstNode, text: string): Change {
    return { document, range: { start: node.range.end, end: node.range.end }, text };
}

/** Deletes a node: its whole lines when nothing else is on them, otherwise the node and the space before it. */
export function deleteNode(document: LangiumDocument, node: CstNode): Change {
    const { start, end } = node.range;
    const before = document.textDocument.getText({ start: { line: start.line, character: 0 }, end: start });
    const after = document.textDocument.getText({ start: end, end: endOfLine(document, end.line) });
    if (!before.trim() && !after.trim()) {
        return { document, range: { start: { line: start.line, character: 0 }, end: { line: end.line + 1, character: 0 } }, text: '' };
    }
    const spaces = /[ \t]*$/.exec(before)![0].length;
    return { document, range: { start: { line: start.line, character: start.character - spaces }, end }, text: '' };
}
