import { AstUtils, type AstNode, type AstNodeLocator, type LangiumDocument, type Reference } from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { isCohort, isModel, type Model } from '../generated/ast.js';
import type { NameIndex } from '../references/name-index.js';

/**
 * The diagnostics of each top-level element (provider, micro-credential, pathway) of a document,
 * kept from one validation to the next: an edit of one element of a large file revalidates that
 * element and those whose checks read it, and reuses what the others reported.
 *
 * An entry is keyed by the element's AST node, which survives an edit only when the element's text
 * did not change (parser/incremental-parse.ts keeps the nodes of the blocks an edit did not touch;
 * a full parse makes new ones). It is reused only when everything else its checks can read is the
 * same, as recorded in its {@link dependencyKey}: its position (ranges and line numbers in
 * messages), today's date, the validation categories, the elements its references resolve to
 * (each by identity, and theirs in turn: a provider's members), the elements whose references
 * resolve into it (a credential's cohorts, the pathways that include it), and the other
 * declarations of its name with their lines. Cohorts are never reused (their roster file is read
 * from disk), nor is anything in a document with a syntax error.
 */
export interface ElementEntry {
    readonly key: string;
    /** The element's first line when validated: its findings move with it, unless one names a line. */
    readonly line: number;
    readonly movable: boolean;
    /** The findings of each Model-level check on this element, then of the element's own checks. */
    readonly model: ReadonlyArray<readonly ReportedDiagnostic[]>;
    readonly own: readonly ReportedDiagnostic[];
}

/** A diagnostic as first reported (never handed out: copies are), and the node it was reported on. */
export interface ReportedDiagnostic {
    readonly diagnostic: Diagnostic;
    readonly node: AstNode;
}

export class ElementDiagnostics {
    private readonly entries = new WeakMap<AstNode, ElementEntry>();
    private readonly ids = new WeakMap<object, number>();
    private nextId = 1;
    /** How many element validations were reused and run (for tests and the benchmark). */
    readonly counts = { reused: 0, validated: 0 };

    get(element: AstNode, key: string, line: number): ElementEntry | undefined {
        const entry = this.entries.get(element);
        if (entry?.key === key && (entry.line === line || entry.movable)) {
            this.counts.reused++;
            return entry;
        }
        this.counts.validated++;
        return undefined;
    }

    /** Whether all findings lie within the element (their ranges and related locations in this document). */
    static within(element: AstNode, found: readonly ReportedDiagnostic[], uri: string): boolean {
        const range = element.$cstNode?.range;
        if (!range) return false;
        const inside = (r: Range) => r.start.line >= range.start.line && r.end.line <= range.end.line;
        return found.every(({ diagnostic }) => inside(diagnostic.range)
            && (diagnostic.relatedInformation ?? []).every(info => info.location.uri !== uri || inside(info.location.range)));
    }

    /** Whether findings can move with their element: none names a line (in its message or facts). */
    static movable(found: readonly ReportedDiagnostic[]): boolean {
        return found.every(({ diagnostic }) => !LINE_NAMING_CODES.has(String(diagnostic.code)));
    }

    /** A copy of a finding, `lines` lines further down (its range and related locations in this document). */
    static moved(diagnostic: Diagnostic, lines: number, uri: string): Diagnostic {
        if (lines === 0) return { ...diagnostic };
        const move = (range: Range): Range => ({
            start: { line: range.start.line + lines, character: range.start.character },
            end: { line: range.end.line + lines, character: range.end.character }
        });
        return {
            ...diagnostic,
            range: move(diagnostic.range),
            ...(diagnostic.relatedInformation ? {
                relatedInformation: diagnostic.relatedInformation.map(info =>
                    (info.location.uri === uri ? { ...info, location: { uri, range: move(info.location.range) } } : info))
            } : {})
        };
    }

    set(element: AstNode, entry: ElementEntry): void {
        this.entries.set(element, entry);
    }

    /** Whether an element's diagnostics may be kept at all. */
    static cacheable(document: LangiumDocument, element: AstNode): boolean {
        const { parserErrors, lexerErrors } = document.parseResult;
        return parserErrors.length === 0 && lexerErrors.length === 0 && !isCohort(element) && element.$cstNode !== undefined;
    }

    /** The dependency keys of the elements of a document (one pass over its references). */
    dependencyKeys(document: LangiumDocument, names: NameIndex, locator: AstNodeLocator, context: string): (element: AstNode) => string {
        const model = document.parseResult.value as Model;
        const byElement = new Map<LangiumDocument, Map<AstNode, Reference[]>>();
        /** The references of an element, from its document's list of references (in tree order, as the linker found them). */
        const referencesIn = (element: AstNode): readonly Reference[] => {
            const owner = AstUtils.findRootNode(element).$document;
            if (!owner) return [];
            let grouped = byElement.get(owner);
            if (!grouped) {
                byElement.set(owner, grouped = new Map<AstNode, Reference[]>());
                for (const reference of owner.references) {
                    const from = topLevel(reference.$refNode?.astNode);
                    if (!from) continue;
                    const list = grouped.get(from);
                    if (list) list.push(reference as Reference);
                    else grouped.set(from, [reference as Reference]);
                }
            }
            return grouped.get(element) ?? [];
        };
        const incoming = new Map<AstNode, Set<number>>();
        for (const element of model.elements) {
            for (const reference of referencesIn(element)) {
                const target = topLevel(reference.ref);
                if (!target || target === element) continue;
                let from = incoming.get(target);
                if (!from) incoming.set(target, from = new Set());
                from.add(this.id(element));
            }
        }
        // Each element's references (name > element it resolves to), and the elements reachable through them.
        const direct = new Map<AstNode, { text: string; targets: AstNode[] }>();
        const directOf = (element: AstNode) => {
            let known = direct.get(element);
            if (!known) {
                const parts: string[] = [];
                const targets = new Set<AstNode>();
                for (const reference of referencesIn(element)) {
                    const target = topLevel(reference.ref);
                    parts.push(`${reference.$refText}>${target ? this.id(target) : '-'}`);
                    if (target && target !== element) targets.add(target);
                }
                direct.set(element, known = { text: parts.join(','), targets: [...targets] });
            }
            return known;
        };
        const closure = (element: AstNode): string => {
            const reached = new Set<AstNode>([element]);
            const queue = [element];
            const parts: string[] = [];
            for (let next = queue.shift(); next; next = queue.shift()) {
                const { text, targets } = directOf(next);
                parts.push(`${this.id(next)}:${text}`);
                for (const target of targets) {
                    if (!reached.has(target)) {
                        reached.add(target);
                        queue.push(target);
                    }
                }
            }
            return parts.join(';');
        };
        const uri = document.uri.toString();
        return element => {
            const start = element.$cstNode!.range.start;
            const name = (element as { name?: unknown }).name;
            const path = locator.getAstNodePath(element);
            // The other declarations of its name, with their lines (named in the duplicate's message); not its own.
            const declarations = typeof name === 'string'
                ? names.declarations(name).filter(d => d.path !== path || d.documentUri.toString() !== uri)
                    .map(d => `${d.documentUri.toString()}#${d.path}@${d.nameSegment?.range.start.line ?? -1}`).join(' ')
                : '';
            // Its line is not part of the key: findings that do not name a line move with the element.
            return [
                context, `${path}:${start.character}`, closure(element),
                [...(incoming.get(element) ?? [])].sort((a, b) => a - b).join(','), declarations
            ].join('|');
        };
    }

    private id(node: AstNode): number {
        let id = this.ids.get(node);
        if (id === undefined) this.ids.set(node, id = this.nextId++);
        return id;
    }
}

/** The top-level element (a child of a document's Model) a node belongs to. */
/** Codes whose message or facts name a line (of another declaration, of a learner listed before). */
const LINE_NAMING_CODES = new Set(['ref-duplicate-name', 'learner-duplicate']);

function topLevel(node: AstNode | undefined): AstNode | undefined {
    let current = node;
    while (current?.$container && !isModel(current.$container)) current = current.$container;
    return current?.$container ? current : undefined;
}
