import {
    AstUtils, GrammarAST, isCompositeCstNode, isLeafCstNode, stream, TreeStreamImpl,
    type AstNode, type CstNode, type LangiumDocument, type Stream
} from 'langium';
import {
    AbstractFormatter, Formatting,
    type FormattingAction, type FormattingContext, type FormattingMove, type LangiumServices, type NodeFormatter
} from 'langium/lsp';
import type { DocumentOnTypeFormattingOptions, FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { isModel, isOutcome, type Model } from '../generated/ast.js';
import { lineStartBefore } from '../parser/line-breaks.js';
import { isKeywordLeaf, ownCstNodes } from './cst-nodes.js';

/** How many blank lines an element may have before it. */
type BlankLines = 'none' | 'keep-one' | 'one';

/**
 * The one canonical layout of a .mcred file (the layout of docs/language.md):
 * - `{` ends the header line; each property, outcome, level, procedure and learner is on its own
 *   line, indented by one level (4 spaces) per enclosing block; `}` is on its own line;
 * - tokens of one element are separated by one space, no space before a comma, a `%` or a
 *   translation's `@language` tag; a `skill` list
 *   continues its outcome on the next line, one level deeper;
 * - one blank line between top-level elements, around nested blocks (`assessment`, `audience`,
 *   `format`, `qualityAssurance`, `business`) and around the group of outcomes; elsewhere a blank
 *   line the author left is kept (at most one), and none follows `{` or precedes `}`;
 * - comments are kept: trailing comments keep their alignment, comments on their own line are
 *   indented like the element they precede and carry its blank line;
 * - the file ends with one newline.
 * Formatting formatted text changes nothing.
 */
export class McredFormatter extends AbstractFormatter {
    /** The range being formatted, while `doDocumentFormat` runs. */
    private range: Range | undefined;
    /** Keywords that start a property of a block (`title`, `type`, `stackable`, …). */
    private readonly propertyKeywords = new Set<GrammarAST.Keyword>();
    /** `Type.property` of nested elements that stand on their own line (`MicroCredential.outcomes`). */
    private readonly elementProperties = new Set<string>();

    constructor(services: LangiumServices) {
        super();
        this.collectBlockElements(services.Grammar);
    }

    override get formatOnTypeOptions(): DocumentOnTypeFormattingOptions {
        return { firstTriggerCharacter: '}' };
    }

    protected override format(node: AstNode): void {
        if (isModel(node)) {
            this.formatModel(node);
        } else {
            this.formatElement(node);
        }
    }

    /** Top-level elements: one blank line between them, none before the first. */
    private formatModel(model: Model): void {
        const cst = model.$cstNode;
        if (!cst || !isCompositeCstNode(cst)) return;
        const items = cst.content;
        this.layoutLines(this.getNodeFormatter(model), items, items.filter(item => !item.hidden), 0, () => 'one', 'file');
    }

    /** A block, or an element that stands on one line (an outcome, a learner, a level). */
    private formatElement(node: AstNode): void {
        const items = ownCstNodes(node);
        const firstToken = items.find(item => !item.hidden);
        if (!firstToken) return;
        const formatter = this.getNodeFormatter(node);
        const open = items.findIndex(item => isKeywordLeaf(item, '{'));
        const close = items.findIndex(item => isKeywordLeaf(item, '}'));
        const interior = open >= 0 ? items.slice(open + 1, close >= 0 ? close : items.length) : [];
        const elements = interior.filter(item => this.isLineElement(item));
        this.layoutLines(formatter, interior, elements, 1, (previous, current) => this.blankLinesBetween(previous, current), 'block');
        const ownLine = new Set<CstNode>([...elements, ...interior.filter(isOwnLineComment)]);
        let previous: CstNode | undefined;
        for (const item of items) {
            if (item === firstToken || ownLine.has(item)) {
                // laid out above, or by the enclosing element
            } else if (!item.hidden) {
                formatter.cst([item]).prepend(this.tokenSpacing(item, previous));
            } else if (isOwnLineComment(item)) {
                // A comment inside an element's line (before a `skill` list): a continuation line.
                formatter.cst([item]).prepend(lines(1, 'keep-one'));
            }
            previous = item;
        }
    }

    /** The spacing before a token that continues its element's line. */
    private tokenSpacing(item: CstNode, previous: CstNode | undefined): FormattingAction {
        if (isKeywordLeaf(item, '}')) return Formatting.newLine();
        if (isKeywordLeaf(item, ',') || isKeywordLeaf(item, '%')) return Formatting.noSpace();
        // A translation's language tag follows its text: `"Kestävyys"@fi`.
        if (isLeafCstNode(item) && item.text.startsWith('@')) return Formatting.noSpace();
        if (isKeywordLeaf(item, 'skill') || (previous?.hidden && !isKeywordLeaf(item, '{'))) {
            // A skill list, or anything after a comment, continues on the next line, one level deeper.
            return lines(1, 'none');
        }
        return Formatting.oneSpace();
    }

    /**
     * Puts each element on its own line (with `tabs` more indentation than its container) and gives
     * every own-line comment the line of the element it precedes; the first comment of such a run
     * takes the element's blank line.
     */
    private layoutLines(
        formatter: NodeFormatter<AstNode>, items: readonly CstNode[], elements: readonly CstNode[], tabs: number,
        blankBefore: (previous: CstNode, current: CstNode) => BlankLines, scope: 'file' | 'block'
    ): void {
        const isElement = new Set(elements);
        let pendingComments: CstNode[] = [];
        let previousElement: CstNode | undefined;
        for (const item of items) {
            if (isOwnLineComment(item)) {
                pendingComments.push(item);
            } else if (isElement.has(item)) {
                const blank = previousElement ? blankBefore(previousElement, item) : 'none';
                const [first, ...rest] = [...pendingComments, item];
                formatter.cst([first]).prepend(!previousElement && scope === 'file' ? Formatting.noSpace() : lines(tabs, blank));
                for (const next of rest) formatter.cst([next]).prepend(lines(tabs, 'keep-one'));
                pendingComments = [];
                previousElement = item;
            }
        }
        // Comments after the last element (before `}` or at the end of the file).
        for (const comment of pendingComments) {
            formatter.cst([comment]).prepend(lines(tabs, previousElement || scope === 'block' ? 'keep-one' : 'none'));
        }
    }

    private blankLinesBetween(previous: CstNode, current: CstNode): BlankLines {
        if (isBlock(previous) || isBlock(current)) return 'one';
        if (isOutcomeNode(previous) !== isOutcomeNode(current)) return 'one';
        return 'keep-one';
    }

    /** Whether a CST node of a block's interior starts an element on its own line. */
    private isLineElement(item: CstNode): boolean {
        if (item.hidden) return false;
        if (isLeafCstNode(item)) {
            return GrammarAST.isKeyword(item.grammarSource) && this.propertyKeywords.has(item.grammarSource);
        }
        const node = item.astNode;
        return node.$cstNode === item && node.$container !== undefined
            && this.elementProperties.has(`${node.$container.$type}.${node.$containerProperty}`);
    }

    /**
     * The elements of every block `'{' ( … | … )* '}'` of the grammar: the first keyword of each
     * alternative, or the nested rule it assigns. Derived from the grammar so that a property added
     * to the grammar is laid out like the others.
     */
    private collectBlockElements(grammar: GrammarAST.Grammar): void {
        for (const rule of grammar.rules.filter(GrammarAST.isParserRule)) {
            for (const group of AstUtils.streamAllContents(rule).filter(GrammarAST.isGroup)) {
                group.elements.forEach((element, index) => {
                    const next = group.elements[index + 1];
                    if (GrammarAST.isKeyword(element) && element.value === '{' && GrammarAST.isAlternatives(next) && next.cardinality === '*') {
                        for (const alternative of next.elements) this.collectAlternative(rule, alternative);
                    }
                });
            }
        }
    }

    private collectAlternative(rule: GrammarAST.ParserRule, alternative: GrammarAST.AbstractElement): void {
        const first = GrammarAST.isGroup(alternative) ? alternative.elements[0] : alternative;
        if (GrammarAST.isKeyword(first)) {
            this.propertyKeywords.add(first);
        } else if (GrammarAST.isAssignment(first)) {
            if (GrammarAST.isKeyword(first.terminal)) {
                this.propertyKeywords.add(first.terminal);
            } else if (GrammarAST.isRuleCall(first.terminal) && GrammarAST.isParserRule(first.terminal.rule.ref) && !first.terminal.rule.ref.dataType) {
                this.elementProperties.add(`${rule.name}.${first.feature}`);
            }
        }
    }

    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        this.range = range;
        let edits: TextEdit[];
        try {
            edits = super.doDocumentFormat(document, options, range);
        } finally {
            this.range = undefined;
        }
        const finalNewline = this.finalNewline(document);
        if (finalNewline && (!range || range.end.line >= finalNewline.range.start.line)) edits.push(finalNewline);
        return edits;
    }

    /** The file ends with exactly one newline after its last token or comment. */
    private finalNewline(document: LangiumDocument): TextEdit | undefined {
        const text = document.textDocument.getText();
        const trimmed = text.trimEnd().length;
        const newline = text.includes('\r\n') ? '\r\n' : '\n';
        if (trimmed === 0 || text.substring(trimmed) === newline) return undefined;
        return {
            range: { start: document.textDocument.positionAt(trimmed), end: document.textDocument.positionAt(text.length) },
            newText: newline
        };
    }

    /**
     * For a range (format on type, format selection), only the top-level elements it touches, the
     * one before them (whose last token the first edit starts from) and the one after them (the
     * line breaks before it start in the range) are walked, so that typing
     * `}` costs the size of the element, not of the file.
     */
    protected override iterateCstTree(document: LangiumDocument, context: FormattingContext): Stream<CstNode> {
        const root = document.parseResult.value.$cstNode;
        const range = this.range;
        if (!range || !root || !isCompositeCstNode(root)) return super.iterateCstTree(document, context);
        const items = root.content;
        let first = items.findIndex(item => item.range.end.line >= range.start.line);
        if (first < 0) return super.iterateCstTree(document, context);
        first = Math.max(0, first - 1);
        let last = first;
        while (last + 1 < items.length && items[last + 1].range.start.line <= range.end.line) last++;
        // The next element too: the line breaks before it start inside the range.
        return stream(items.slice(first, last + 2)).flatMap(item => new TreeStreamImpl(item, node => this.iterateCst(node, context), { includeRoot: true }));
    }

    /**
     * Langium only re-indents a comment on its own line; with a line formatting it also gets the
     * blank lines of the element it precedes (and, at the start of the file, none).
     */
    protected override createHiddenTextEdits(
        previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext
    ): TextEdit[] {
        const start = previous?.range.end ?? { line: 0, character: 0 };
        if (!formatting || (previous && start.line === hidden.range.start.line)) {
            return super.createHiddenTextEdits(previous, hidden, formatting, context);
        }
        const between = { start, end: hidden.range.start };
        const move = this.findFittingMove(between, formatting.moves, context);
        const newlines = previous ? move?.lines ?? 1 : 0;
        const indentation = this.getIndentationCharacterCount(context, move);
        const unit = context.options.insertSpaces ? ' ' : '\t';
        const edits: TextEdit[] = [{ range: between, newText: '\n'.repeat(newlines) + unit.repeat(indentation) }];
        // The following lines of a block comment move by as much as its first line.
        const shift = indentation - hidden.range.start.character;
        const lineCount = hidden.range.end.line - hidden.range.start.line;
        for (let i = 1; i <= lineCount && shift !== 0; i++) {
            const line = hidden.range.start.line + i;
            const text = context.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
            const leading = text.length - text.trimStart().length;
            edits.push(shift > 0
                ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: unit.repeat(shift) }
                : { range: { start: { line, character: 0 }, end: { line, character: Math.min(leading, -shift) } }, newText: '' });
        }
        return edits;
    }
}

/** A line break with `tabs` more indentation, and the blank lines allowed before it. */
function lines(tabs: number, blank: BlankLines): FormattingAction {
    const moves: FormattingMove[] = blank === 'none' ? [{ tabs, lines: 1 }]
        : blank === 'one' ? [{ tabs, lines: 2 }]
            : [{ tabs, lines: 1 }, { tabs, lines: 2 }];
    return { options: {}, moves };
}

/** A comment that starts its line (not a trailing comment after a token). */
function isOwnLineComment(node: CstNode): boolean {
    if (!node.hidden) return false;
    const lineStart = lineStartBefore(node.root.fullText, node.offset);
    return node.root.fullText.substring(lineStart, node.offset).trim().length === 0;
}

/** A nested block: an element with braces (`assessment { … }`, `audience { … }`). */
function isBlock(node: CstNode): boolean {
    return isCompositeCstNode(node) && node.content.some(child => isKeywordLeaf(child, '{'));
}

function isOutcomeNode(node: CstNode): boolean {
    return isCompositeCstNode(node) && isOutcome(node.astNode) && node.astNode.$cstNode === node;
}
