import {
    AstUtils, CstUtils, GrammarAST, GrammarUtils,
    type AstNode, type LangiumDocument, type LeafCstNode
} from 'langium';
import { AstNodeHoverProvider, type LangiumServices } from 'langium/lsp';
import { isMicroCredential, isOutcome, isQaProcedure } from '../generated/ast.js';
import { holeMarkdown } from './hole-docs.js';
import type { Diagnostic, Hover, HoverParams, Position } from 'vscode-languageserver';
import { notionalHours } from '../model/workload.js';
import { elementSummary, summaryMarkdown } from './element-summary.js';
import { keywordDoc, keywordMarkdown } from './keyword-docs.js';
import { conceptMarkdown, keywordValueVocabulary, propertyVocabulary } from './value-vocabularies.js';
import { ruleMarkdown } from '../rules/rule-docs.js';
import { LANGUAGES } from '../vocab/index.js';

/**
 * Hovers that explain what is under the cursor: a keyword (what the element means, the Annex I
 * element and design-method step it serves), a controlled value (its label and description), a
 * reference or declaration (the element's summary), and, for any diagnostic there, the full text
 * of the rule it enforces.
 */
export class McredHoverProvider extends AstNodeHoverProvider {
    private readonly providerNames: () => string[];

    constructor(services: LangiumServices) {
        super(services);
        const index = services.shared.workspace.IndexManager;
        this.providerNames = () => index.allElements('Provider').map(d => d.name).distinct().toArray();
    }

    override getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        return Promise.resolve(this.hoverAt(document, params.position));
    }

    private hoverAt(document: LangiumDocument, position: Position): Hover | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        const sections: string[] = [];
        if (leaf && !leaf.hidden && leaf.offset <= offset && offset < leaf.end) {
            const content = this.leafContent(leaf);
            if (content) sections.push(content);
        }
        sections.push(...diagnosticsAt(document, position).map(ruleSection).filter(s => s !== undefined));
        return sections.length > 0 ? { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } } : undefined;
    }

    /** The summary of a declared element, shown on its name and on every reference to it. */
    protected override getAstNodeHoverContent(node: AstNode): string | undefined {
        const summary = elementSummary(node);
        return summary && summaryMarkdown(summary);
    }

    private leafContent(leaf: LeafCstNode): string | undefined {
        const targets = this.references.findDeclarations(leaf);
        if (targets.length > 0) {
            const summaries = targets.map(target => this.getAstNodeHoverContent(target)).filter(s => s !== undefined);
            if (summaries.length > 0) return summaries.join('\n\n');
        }
        const source = leaf.grammarSource;
        if (GrammarAST.isKeyword(source) && source.value === '?') return this.holeContent(leaf);
        if (GrammarAST.isKeyword(source)) {
            const rule = AstUtils.getContainerOfType(source, GrammarAST.isParserRule)?.name;
            if (rule === 'Name') return this.valueContent(leaf); // a soft keyword used as a name or a code (`language id`)
            const vocabulary = keywordValueVocabulary(rule);
            const concept = vocabulary?.get(source.value);
            if (vocabulary && concept) return conceptMarkdown(concept, vocabulary);
            const doc = keywordDoc(source.value, rule, leaf.astNode.$type);
            return doc && keywordMarkdown(source.value, doc);
        }
        return this.valueContent(leaf);
    }

    /** A hole (`level ?`): what is to decide, what it stands for, and the legal values. */
    private holeContent(leaf: LeafCstNode): string | undefined {
        const node = leaf.astNode;
        const procedure = isQaProcedure(node) ? node : undefined;
        const property = procedure ? procedure.kind : isOutcome(node) ? 'outcome' : (node as { property?: string }).property;
        if (!property) return undefined;
        const block = procedure || isOutcome(node) ? node.$type : node.$container?.$type ?? node.$type;
        const credential = AstUtils.getContainerOfType(node, isMicroCredential);
        const names = property === 'covers' ? credential?.outcomes.map(o => o.name).filter(n => n !== undefined)
            : ['awardedBy', 'deliveredWith', 'members', 'providedBy'].includes(property) ? this.providerNames() : undefined;
        return holeMarkdown({ property, block, names });
    }

    /** A value typed by the designer: a code of a controlled list, or a workload in ECTS. */
    private valueContent(leaf: LeafCstNode): string | undefined {
        const property = GrammarUtils.findAssignment(leaf)?.feature;
        if (property === 'ects') {
            const ects = Number(leaf.text);
            const hours = notionalHours(ects);
            return `**${ects} ECTS** — ${hours.min}–${hours.max} hours of notional learning (25–30 hours per credit, ECTS Users' Guide)`;
        }
        if (leaf.tokenType.name === 'LANG_TAG') {
            const code = leaf.text.slice(1);
            const language = LANGUAGES.get(code);
            return language
                ? `**@${code}** — the ${language.label} translation of the text before it. Untagged texts are in the first language of \`language\`.`
                : `**@${code}** is not an ISO 639-1 language code.`;
        }
        const values = propertyVocabulary(property);
        if (!values) return undefined;
        const code = values.quoted ? leaf.text.replace(/^"|"$/g, '') : leaf.text;
        const concept = values.vocabulary.get(code);
        if (concept) return conceptMarkdown(concept, values.vocabulary);
        const suggestions = values.vocabulary.suggest(code).map(c => `\`${c.code}\` (${c.label})`);
        return [`**${code}** is not in *${values.vocabulary.name}*.`, suggestions.length > 0 ? `Did you mean ${suggestions.join(', ')}?` : '']
            .filter(Boolean).join('\n\n');
    }
}

function diagnosticsAt(document: LangiumDocument, position: Position): Diagnostic[] {
    return (document.diagnostics ?? []).filter(d => contains(d.range, position));
}

function contains(range: Diagnostic['range'], position: Position): boolean {
    const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
    return afterStart && beforeEnd;
}

/** The full text of the rule behind a diagnostic: what it asks, why it matters, an example and the fix. */
function ruleSection(diagnostic: Diagnostic): string | undefined {
    return typeof diagnostic.code === 'string' ? ruleMarkdown(diagnostic.code, 4) : undefined;
}
