import type { AstNode, CompositeCstNode, CstNode, LeafCstNode, Mutable, ParseResult, RootCstNode } from 'langium';
import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import { MAX_DOCUMENT_LENGTH } from './mcred-lexer.js';
import { MAX_LINE_RECOVERIES } from './mcred-parser.js';

/**
 * Incremental parsing of an edited `.mcred` text: a file is a sequence of independent top-level
 * blocks (providers, micro-credentials, pathways, cohorts), so an edit inside one block needs
 * only that block parsed again. {@link reparseBlock} finds the block the edit falls in from the
 * text ranges of the previous syntax tree, parses the block's new text alone with the same parser,
 * and splices the new node into the existing tree (its syntax node into the root, its AST node
 * into `elements`), shifting the offsets, lines and columns of everything after it.
 *
 * It refuses (returns `undefined`, and the caller parses the whole text) whenever the result might
 * differ from a full parse: the edit is not within one block; the previous parse had a syntax
 * error in that block or in the text after it up to the next block (the parser's recovery there
 * may depend on the block); the new text of the block has any lexer or parser error (recovery in
 * a full parse could run past the block's end); it is not exactly one block of the same kind
 * spanning all of the text; or the previous tree is not a tree as the parser builds it.
 * Equivalence with a full parse is checked by test/robustness/incremental-equivalence.test.ts.
 */

/** Parses a text as a whole document (the language's parser). */
export type ParseText = (text: string) => { result: ParseResult; lookedPastEnd: boolean };

interface ElementsRoot extends AstNode {
    elements: AstNode[];
}

/** The writable fields of Langium's CST nodes (LeafCstNodeImpl, CompositeCstNodeImpl, RootCstNodeImpl). */
interface LeafFields {
    _offset: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

/** What changed between two texts: `[start, oldEnd)` of the old text became `[start, newEnd)`. */
export interface TextChange {
    readonly start: number;
    readonly oldEnd: number;
    readonly newEnd: number;
}

const CHUNK = 256;

/** The smallest range that differs between two texts (common prefix and suffix left out). */
export function changedRange(oldText: string, newText: string): TextChange {
    const max = Math.min(oldText.length, newText.length);
    let start = 0;
    // Chunks first (string comparison is native), then character by character.
    while (start + CHUNK <= max && oldText.substring(start, start + CHUNK) === newText.substring(start, start + CHUNK)) start += CHUNK;
    while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
    let suffix = 0;
    const maxSuffix = max - start;
    const same = (oldFrom: number, newFrom: number) => oldText.substring(oldFrom, oldFrom + CHUNK) === newText.substring(newFrom, newFrom + CHUNK);
    while (suffix + CHUNK <= maxSuffix && same(oldText.length - suffix - CHUNK, newText.length - suffix - CHUNK)) {
        suffix += CHUNK;
    }
    while (suffix < maxSuffix && oldText.charCodeAt(oldText.length - suffix - 1) === newText.charCodeAt(newText.length - suffix - 1)) suffix++;
    return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}

/**
 * The parse result of `newText`, obtained by parsing again only the top-level block that the
 * change from `oldText` touches; `undefined` when that cannot be done with certainty. `previous`
 * must be the parse result of `oldText`; on success its tree is reused (and changed in place),
 * and a new result object is returned (caches keyed by the parse result are invalidated).
 */
export function reparseBlock(previous: ParseResult, oldText: string, newText: string, parse: ParseText): ParseResult | undefined {
    const model = previous.value as ElementsRoot;
    const root = model.$cstNode as RootCstNode | undefined;
    if (!root || root.fullText !== oldText || !Array.isArray(model.elements) || oldText === newText) return undefined;
    if (newText.length > MAX_DOCUMENT_LENGTH || (previous.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    const change = changedRange(oldText, newText);

    // The block that holds the whole change.
    const index = blockAt(root.content, change.start);
    if (index < 0) return undefined;
    const old = root.content[index] as CompositeCstNode;
    const blockStart = old.offset;
    const blockEnd = old.end;
    if (change.start < blockStart || change.oldEnd > blockEnd) return undefined;
    const element = (old as { astNode?: AstNode }).astNode;
    const elementIndex = element ? model.elements.indexOf(element) : -1;
    if (!element || elementIndex < 0 || element.$cstNode !== old || element.$container !== model) return undefined;

    const last = lastLeaf(old);
    if (!last || last.hidden || last.text !== '}' || last.end !== blockEnd) return undefined;
    let nextStart = Infinity;
    for (let i = index + 1; i < root.content.length; i++) {
        if (!root.content[i].hidden) {
            nextStart = root.content[i].offset;
            break;
        }
    }
    // The previous parse's syntax errors: before the block (kept), inside it (replaced), after
    // it from the next block on (kept, moved); any other (between the block's closing brace and
    // the next block, or at the block's edges) may depend on the block: parse in full.
    const oldErrors = partitionErrors(previous, blockStart, blockEnd, nextStart);
    if (!oldErrors) return undefined;

    // The block's new text, parsed alone: exactly one block of the same kind, ending with its
    // closing brace, without lexer errors (a token could then run past the block in the file),
    // and parsed without looking past that brace.
    const delta = newText.length - oldText.length;
    const text = newText.substring(blockStart, blockEnd + delta);
    if (!text.endsWith('}')) return undefined;
    const { result: parsed, lookedPastEnd } = parse(text);
    if (lookedPastEnd || parsed.lexerErrors.length > 0 || (parsed.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    // The parser's line recovery stops after MAX_LINE_RECOVERIES per text: far from it, the count does not matter.
    if (previous.parserErrors.length + parsed.parserErrors.length > MAX_LINE_RECOVERIES) return undefined;
    if (parsed.parserErrors.some(error => !Number.isFinite(error.token.startOffset))) return undefined;
    const newModel = parsed.value as ElementsRoot;
    const newRoot = newModel.$cstNode as RootCstNode | undefined;
    const replacement = newModel.elements?.[0];
    if (!newRoot || newModel.elements.length !== 1 || !replacement || replacement.$type !== element.$type) return undefined;
    const block = newRoot.content[0];
    if (newRoot.content.length !== 1 || !block || block.hidden || !('content' in block) || replacement.$cstNode !== block
        || block.offset !== 0 || block.end !== text.length) return undefined;
    const newLast = lastLeaf(block);
    if (!newLast || newLast.hidden || newLast.text !== '}' || newLast.end !== text.length) return undefined;

    // Splice: positions of the new block, then of everything after it.
    const start = firstLeaf(old);
    const end = last;
    if (!start) return undefined;
    const startLine = (start as unknown as LeafFields)._startLine;
    const startColumn = (start as unknown as LeafFields)._startColumn;
    const oldEndLine = (end as unknown as LeafFields)._endLine;
    const oldEndColumn = (end as unknown as LeafFields)._endColumn;
    forEachNode(block, leaf => {
        if (leaf._startLine === 0) leaf._startColumn += startColumn;
        if (leaf._endLine === 0) leaf._endColumn += startColumn;
        leaf._startLine += startLine;
        leaf._endLine += startLine;
        leaf._offset += blockStart;
    });
    const newEnd = newLast as unknown as LeafFields;
    const lines = newEnd._endLine - oldEndLine;
    const columns = newEnd._endColumn - oldEndColumn;
    for (let i = index + 1; i < root.content.length; i++) {
        forEachNode(root.content[i], leaf => {
            if (leaf._startLine === oldEndLine) leaf._startColumn += columns;
            if (leaf._endLine === oldEndLine) leaf._endColumn += columns;
            leaf._startLine += lines;
            leaf._endLine += lines;
            leaf._offset += delta;
        });
    }
    shiftErrors(oldErrors.after, blockEnd, oldEndLine, lines, columns, delta);
    const blockErrors = parsed.parserErrors;
    const seen = new Set<IToken>();
    for (const error of blockErrors as Array<IRecognitionException & { previousToken?: IToken }>) {
        for (const token of [error.token, error.previousToken, ...(error.resyncedTokens ?? [])]) {
            if (!token || seen.has(token) || !Number.isFinite(token.startOffset)) continue;
            seen.add(token);
            const t = token as Mutable<IToken>;
            if (t.startLine === 1 && t.startColumn !== undefined) t.startColumn += startColumn;
            if (t.endLine === 1 && t.endColumn !== undefined) t.endColumn += startColumn;
            if (t.startLine !== undefined) t.startLine += startLine;
            if (t.endLine !== undefined) t.endLine += startLine;
            t.startOffset += blockStart;
            if (t.endOffset !== undefined) t.endOffset += blockStart;
        }
    }

    (block as Mutable<CstNode>).container = root;
    (root.content as CstNode[])[index] = block;
    (root as unknown as { _text: string })._text = newText;
    (root as unknown as { _rangeCache: unknown })._rangeCache = undefined;
    const spliced = replacement as Mutable<AstNode>;
    spliced.$container = model;
    spliced.$containerProperty = 'elements';
    spliced.$containerIndex = elementIndex;
    model.elements[elementIndex] = replacement;
    return {
        value: model,
        lexerErrors: [...oldErrors.before.lexer, ...oldErrors.after.lexer],
        parserErrors: [...oldErrors.before.parser, ...blockErrors, ...oldErrors.after.parser],
        lexerReport: previous.lexerReport
    };
}

/** The index in `content` of the last non-hidden node starting at or before `offset`; -1 if none. */
function blockAt(content: readonly CstNode[], offset: number): number {
    let low = 0;
    let high = content.length - 1;
    let found = -1;
    while (low <= high) {
        const mid = (low + high) >> 1;
        if (content[mid].offset <= offset) {
            found = mid;
            low = mid + 1;
        } else {
            high = mid - 1;
        }
    }
    while (found >= 0 && content[found].hidden) found--;
    return found >= 0 && 'content' in content[found] ? found : -1;
}

interface Errors {
    readonly parser: IRecognitionException[];
    readonly lexer: ILexingError[];
}

/**
 * Sorts the syntax errors of the previous parse into those before the block, inside it and after
 * it (from the next block on), in the order of the parse; `undefined` when one is elsewhere (at
 * the block's first token, between its closing brace and the next block), has no position, or
 * the order is not before → inside → after.
 */
function partitionErrors(result: ParseResult, blockStart: number, blockEnd: number, nextStart: number): { before: Errors; after: Errors } | undefined {
    const before: Errors = { parser: [], lexer: [] };
    const after: Errors = { parser: [], lexer: [] };
    let stage = 0;
    const place = (where: number, error: { parser?: IRecognitionException; lexer?: ILexingError }): boolean => {
        if (where < stage) return false;
        stage = where;
        const target = where === 0 ? before : where === 2 ? after : undefined;
        if (error.parser) target?.parser.push(error.parser);
        if (error.lexer) target?.lexer.push(error.lexer);
        return true;
    };
    for (const error of result.parserErrors) {
        const token = error.token.startOffset;
        const previous = (error as { previousToken?: IToken }).previousToken?.startOffset;
        if (!Number.isFinite(token) && !Number.isFinite(previous)) return undefined;
        const offsets = [token, previous].filter((offset): offset is number => offset !== undefined && Number.isFinite(offset));
        let where: number;
        if (offsets.every(offset => offset < blockStart)) where = 0;
        else if (offsets.every(offset => offset >= nextStart) && (!Number.isFinite(token) || token >= nextStart)) where = 2;
        else if (token > blockStart && token < blockEnd && (previous === undefined || (previous >= blockStart && previous < blockEnd))) where = 1;
        else return undefined;
        if (!place(where, { parser: error })) return undefined;
    }
    stage = 0;
    for (const error of result.lexerErrors) {
        const offset = error.offset;
        let where: number;
        if (offset === undefined) return undefined;
        if (offset + error.length <= blockStart) where = 0;
        else if (offset >= nextStart) where = 2;
        else if (offset > blockStart && offset + error.length < blockEnd) where = 1;
        else return undefined;
        if (!place(where, { lexer: error })) return undefined;
    }
    return { before, after };
}

function firstLeaf(node: CstNode): LeafCstNode | undefined {
    while ('content' in node) {
        const first = (node as CompositeCstNode).content[0];
        if (!first) return undefined;
        node = first;
    }
    return node as LeafCstNode;
}

function lastLeaf(node: CstNode): LeafCstNode | undefined {
    while ('content' in node) {
        const content = (node as CompositeCstNode).content;
        const last = content[content.length - 1];
        if (!last) return undefined;
        node = last;
    }
    return node as LeafCstNode;
}

/** Calls `shift` on every leaf under `node` and clears the range caches of its composite nodes. */
function forEachNode(node: CstNode, shift: (leaf: LeafFields) => void): void {
    if ('content' in node) {
        (node as unknown as { _rangeCache: unknown })._rangeCache = undefined;
        for (const child of (node as CompositeCstNode).content) forEachNode(child, shift);
    } else {
        shift(node as unknown as LeafFields);
    }
}

/** Moves the syntax errors after the block (1-based lines and columns, as the lexer gives them). */
function shiftErrors(errors: Errors, blockEnd: number, oldEndLine: number, lines: number, columns: number, delta: number): void {
    const lastLine = oldEndLine + 1;
    const seen = new Set<IToken>();
    const shiftToken = (token: IToken | undefined) => {
        if (!token || seen.has(token) || !(token.startOffset >= blockEnd)) return;
        seen.add(token);
        const t = token as Mutable<IToken>;
        if (t.startLine === lastLine && t.startColumn !== undefined) t.startColumn += columns;
        if (t.endLine === lastLine && t.endColumn !== undefined) t.endColumn += columns;
        if (t.startLine !== undefined) t.startLine += lines;
        if (t.endLine !== undefined) t.endLine += lines;
        t.startOffset += delta;
        if (t.endOffset !== undefined) t.endOffset += delta;
    };
    for (const error of errors.parser as Array<IRecognitionException & { previousToken?: IToken }>) {
        shiftToken(error.token);
        shiftToken(error.previousToken);
        error.resyncedTokens?.forEach(shiftToken);
    }
    for (const error of errors.lexer as Array<Mutable<ILexingError>>) {
        if (error.line === lastLine && error.column !== undefined) error.column += columns;
        if (error.line !== undefined) error.line += lines;
        // Chevrotain's message names the offset ("unexpected character: ->x<- at offset: 120, …").
        error.message = error.message.replace(`at offset: ${error.offset},`, `at offset: ${error.offset + delta},`);
        error.offset += delta;
    }
}
