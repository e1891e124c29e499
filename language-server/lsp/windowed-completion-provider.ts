import type { LangiumDocument } from 'langium';
import { DefaultCompletionProvider, type CompletionBacktrackingInformation, type CompletionContext, type NextFeature } from 'langium/lsp';
import type { Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Model } from '../generated/ast.js';

/** The part of a document that completion at an offset needs to look at. */
interface Window {
    readonly uri: string;
    readonly text: string;
    /** Start of the top-level declaration around the cursor (or 0). */
    readonly start: number;
    /** End of that declaration (or of the text). */
    readonly end: number;
}

/**
 * Langium's completion provider, made independent of the size of the file. Langium lexes the whole
 * document and re-parses everything from the start of the file up to the cursor (two or three
 * times per request) to find what may come next: in the middle of a 10,000-line catalogue that is
 * tens of milliseconds, at 100,000 lines most of a second.
 *
 * A `.mcred` file is a sequence of independent top-level declarations (`provider`,
 * `microcredential`, `pathway`, `cohort`), and the parser is in the same state at the start of each
 * as at the start of the file. So it is enough to lex and parse from the start of the declaration
 * around the cursor: the answer is the same, and its cost depends on the size of one declaration.
 *
 * Completion for mcred's own features (issue 4) extends this class, so that it keeps the windowing.
 */
export class WindowedCompletionProvider extends DefaultCompletionProvider {
    private window: Window | undefined;

    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        this.window = windowAround(document, document.textDocument.offsetAt(position));
        try {
            yield* super.buildContexts(document, position);
        } finally {
            this.window = undefined;
        }
    }

    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const window = this.window;
        if (!window || window.uri !== document.uri || offset < window.start) {
            return super.findFeaturesAt(document, offset);
        }
        // Langium's, given only the text from the start of the declaration to the cursor (it reads
        // nothing but that prefix: `getText({ start: 0, end: positionAt(offset) })`).
        const prefix = window.text.slice(window.start, offset);
        const declaration = { getText: () => prefix, positionAt: () => ({ line: 0, character: 0 }) } as unknown as TextDocument;
        return super.findFeaturesAt(declaration, prefix.length);
    }

    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const window = this.window;
        if (!window || window.text !== text || offset < window.start || offset > window.end) {
            return super.backtrackToAnyToken(text, offset);
        }
        const found = super.backtrackToAnyToken(text.slice(window.start, window.end), offset - window.start);
        const shift = (value: number | undefined) => (value === undefined ? undefined : value + window.start);
        return {
            nextTokenStart: found.nextTokenStart + window.start,
            nextTokenEnd: found.nextTokenEnd + window.start,
            previousTokenStart: shift(found.previousTokenStart),
            previousTokenEnd: shift(found.previousTokenEnd)
        };
    }
}

/**
 * The top-level declaration that contains `offset`, or the last one before it: completion there
 * depends only on the text from its start. (Declarations are sorted by offset: binary search.)
 */
function windowAround(document: LangiumDocument, offset: number): Window | undefined {
    const text = document.textDocument.getText();
    const elements = (document.parseResult.value as Model).elements ?? [];
    let low = 0;
    let high = elements.length - 1;
    let found = -1;
    while (low <= high) {
        const mid = (low + high) >> 1;
        const node = elements[mid].$cstNode;
        if (node && node.offset <= offset) {
            found = mid;
            low = mid + 1;
        } else {
            high = mid - 1;
        }
    }
    if (found < 0) {
        return undefined;
    }
    const node = elements[found].$cstNode!;
    const next = elements[found + 1]?.$cstNode;
    return { uri: document.textDocument.uri, text, start: node.offset, end: next ? next.offset : text.length };
}
