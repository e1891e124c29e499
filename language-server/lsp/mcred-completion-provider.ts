import { AstUtils, GrammarAST, type AstNodeDescription, type LangiumDocument, type LangiumDocumentFactory, type ReferenceInfo, type ScopeComputation } from 'langium';
import {
    type CompletionAcceptor,
    type CompletionContext,
    type CompletionProviderOptions,
    type CompletionValueItem,
    type LangiumServices,
    type NextFeature
} from 'langium/lsp';
import {
    CompletionItemKind, InsertTextFormat, type CancellationToken, type CompletionItem, type CompletionList, type CompletionParams,
    type MarkupContent, type Range
} from 'vscode-languageserver';
import { isMicroCredential } from '../generated/ast.js';
import { EQF_LEVELS, LANGUAGES, PROVIDER_KINDS, QF_EHEA_CYCLES, type Concept } from '../vocab/index.js';
import { holeAt } from './holes.js';
import { elementSummary, summaryMarkdown } from './element-summary.js';
import { keywordDoc, keywordMarkdown } from './keyword-docs.js';
import { ASSESSMENT_SNIPPET, COHORT_SNIPPET, MICROCREDENTIAL_SNIPPET, PROVIDER_SNIPPET } from '../programme-template.js';
import { WindowedCompletionProvider } from './windowed-completion-provider.js';
import { conceptMarkdown, keywordValueVocabulary, propertyVocabulary, type ValueVocabulary } from './value-vocabularies.js';

/** Snippets offered where the keyword that starts them is legal, keyed by `Rule:keyword`. */
const SNIPPETS: Readonly<Record<string, { readonly description: string; readonly body: string }>> = {
    'Provider:provider': { description: 'new provider', body: PROVIDER_SNIPPET },
    'MicroCredential:microcredential': { description: 'complete programme, every Annex I element', body: MICROCREDENTIAL_SNIPPET },
    'Assessment:assessment': { description: 'new assessment', body: ASSESSMENT_SNIPPET },
    'Cohort:cohort': { description: 'new cohort with a learner', body: COHORT_SNIPPET }
};

/**
 * Completion driven by the grammar (only what is legal at the cursor), with every controlled value
 * documented, soft-keyword names kept out of name positions, references described by their
 * summary, and snippets for the main blocks. Its cost is that of the declaration around the
 * cursor, not of the file (WindowedCompletionProvider).
 */
export class McredCompletionProvider extends WindowedCompletionProvider {
    /** Per completion context, the properties whose value is a name (where keywords are only names). */
    private readonly namePositions = new WeakMap<CompletionContext, ReadonlySet<string>>();

    /** Typing the opening quote of `field "` or `skill "` lists the fields or skills at once. */
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['"'] };

    private readonly documentFactory: LangiumDocumentFactory;
    private readonly scopeComputation: ScopeComputation;

    constructor(services: LangiumServices) {
        super(services);
        this.documentFactory = services.shared.workspace.LangiumDocumentFactory;
        this.scopeComputation = services.references.ScopeComputation;
    }

    /**
     * At a hole (`level ?`, the cursor on or just after the `?`): exactly the legal values of the
     * property, computed as if the `?` were not there, each replacing the `?` (one choice fills it).
     */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const text = document.textDocument.getText();
        const hole = holeAt(text, document.textDocument.offsetAt(params.position));
        if (!hole) return super.getCompletion(document, params, cancelToken);
        // The same text with a space for the `?`: every offset stays where it was.
        const probe = this.documentFactory.fromString(`${text.slice(0, hole.offset)} ${text.slice(hole.offset + 1)}`, document.uri);
        probe.localSymbols = await this.scopeComputation.collectLocalSymbols(probe);
        const start = document.textDocument.positionAt(hole.offset);
        const list = await super.getCompletion(probe, { ...params, position: start }, cancelToken);
        const range: Range = { start, end: document.textDocument.positionAt(hole.offset + 1) };
        const items = [...list?.items ?? [], ...extraHoleItems(hole.property)]
            .filter(item => item.label !== '?')
            .map(item => replacing(item, range));
        return { isIncomplete: true, items };
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): void | Promise<void> {
        if (GrammarAST.isKeyword(next.feature)) {
            if (next.property !== undefined && this.namePositionsOf(context).has(next.property)) {
                // A soft keyword reached through the `Name` rule: any keyword may be a name here, so
                // listing the whole grammar would only hide the real proposals.
                return;
            }
            this.completionForSnippet(context, next.feature, acceptor);
            return this.completionForKeyword(context, next.feature, acceptor);
        }
        if (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'LANG_TAG') {
            this.completionForLanguageTags(context, acceptor);
            return;
        }
        if (GrammarAST.isRuleCall(next.feature) && next.property === 'kind' && next.feature.rule.ref?.name === 'ID') {
            // A provider's kind: an open list, so the known kinds are proposals, not a constraint.
            this.completionForValues(context, { vocabulary: PROVIDER_KINDS, quoted: false, labelStyle: 'code' }, acceptor);
            return;
        }
        if (GrammarAST.isRuleCall(next.feature)) {
            const vocabulary = propertyVocabulary(next.property);
            if (vocabulary) this.completionForValues(context, vocabulary, acceptor);
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /** Properties of the context whose value is parsed by the `Name` rule (a declared name or a code). */
    private namePositionsOf(context: CompletionContext): ReadonlySet<string> {
        let properties = this.namePositions.get(context);
        if (!properties) {
            properties = new Set(context.features
                .filter(f => GrammarAST.isKeyword(f.feature) && f.property !== undefined && ruleOf(f.feature)?.name === 'Name')
                .map(f => f.property!));
            this.namePositions.set(context, properties);
        }
        return properties;
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        // `?` (a hole) is written on purpose, not proposed: completion offers values.
        if (keyword.value === '?' || !this.filterKeyword(context, keyword)) return;
        const rule = ruleOf(keyword)?.name;
        const vocabulary = keywordValueVocabulary(rule);
        const concept = vocabulary?.get(keyword.value);
        if (vocabulary && concept) {
            acceptor(context, {
                label: keyword.value,
                kind: CompletionItemKind.EnumMember,
                detail: concept.label,
                documentation: markdown(conceptMarkdown(concept, vocabulary, false)),
                sortText: `1${String(vocabulary.concepts.indexOf(concept)).padStart(4, '0')}`
            });
            return;
        }
        const doc = keywordDoc(keyword.value, rule, context.node?.$type);
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Keyword,
            detail: 'Keyword',
            documentation: doc ? markdown(keywordMarkdown(keyword.value, doc)) : undefined,
            sortText: '1'
        });
    }

    private completionForSnippet(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        const snippet = SNIPPETS[`${ruleOf(keyword)?.name}:${keyword.value}`];
        if (!snippet || !this.clientSupportsSnippets()) return;
        acceptor(context, {
            label: keyword.value,
            labelDetails: { description: snippet.description },
            kind: CompletionItemKind.Snippet,
            detail: `Snippet: ${snippet.description}`,
            documentation: markdown(['```mcred', snippet.body.replace(/\$\{\d+[:|]([^}|]*)[^}]*\}/g, '$1').replace(/\$\{\d+\}/g, '…'), '```'].join('\n')),
            insertText: snippet.body,
            insertTextFormat: InsertTextFormat.Snippet,
            sortText: '2'
        });
    }

    private clientSupportsSnippets(): boolean {
        // Without capabilities (tests, CLI) snippets are offered; a client that says no gets none.
        return this.clientCapabilities?.completionItem?.snippetSupport ?? true;
    }

    /**
     * After a text that may be translated (`title "…"`, an outcome statement, …): `@` and each
     * language of the credential's `language` after the first (untagged texts are in the first).
     */
    private completionForLanguageTags(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const credential = context.node && AstUtils.getContainerOfType(context.node, isMicroCredential);
        const languages = [...new Set(credential?.languages.slice(1) ?? [])].filter(code => LANGUAGES.has(code) && code !== credential?.languages[0]);
        const text = context.textDocument.getText();
        let start = context.offset;
        while (start > 0 && /[@a-zA-Z0-9-]/.test(text[start - 1]) && text[start - 1] !== '"') start--;
        if (!text.substring(start, context.offset).startsWith('@') && start !== context.offset) start = context.offset;
        const range = { start: context.textDocument.positionAt(start), end: context.position };
        languages.forEach((code, index) => {
            const language = LANGUAGES.get(code)!;
            acceptor(context, {
                label: `@${code}`,
                kind: CompletionItemKind.EnumMember,
                detail: `Translation in ${language.label}`,
                documentation: markdown(`Tags the text before it as its **${language.label}** translation (\`"…"@${code}\`). Untagged texts are in the first language of \`language\`.`),
                filterText: `@${code} ${language.label}`,
                textEdit: { range, newText: `@${code}` },
                sortText: `0${String(index).padStart(3, '0')}`
            });
        });
    }

    /** Every value of a controlled list, filtered by its code or its label, with its documentation. */
    private completionForValues(context: CompletionContext, values: ValueVocabulary, acceptor: CompletionAcceptor): void {
        const text = context.textDocument.getText();
        let start = context.tokenOffset;
        // An unterminated string (`"02`) is not a token yet: take its quote into the range.
        while (start > 0 && text[start - 1] === '"') start--;
        // Inside a complete string (`"02|"`, often with an auto-closed quote) the value replaces the whole string.
        const insideString = values.quoted && text[start] === '"' && context.tokenEndOffset > context.offset && text[context.tokenEndOffset - 1] === '"';
        const end = insideString ? context.textDocument.positionAt(context.tokenEndOffset) : context.position;
        const range = { start: context.textDocument.positionAt(start), end };
        const typed = text.substring(start, context.offset);
        const query = typed.replace(/^"/, '').replace(/"$/, '').toLowerCase();
        const quote = typed.startsWith('"') ? '"' : '';
        values.vocabulary.concepts.forEach((concept, index) => {
            const match = query.length === 0 ? 'code' : matches(concept, query);
            if (!match) return;
            const label = values.labelStyle === 'label' ? concept.label
                : values.labelStyle === 'code-and-label' ? `${concept.code} ${concept.label}` : concept.code;
            const newText = values.quoted ? `"${concept.code}"` : concept.code;
            acceptor(context, {
                label,
                kind: CompletionItemKind.EnumMember,
                detail: values.labelStyle === 'code' ? concept.label : values.vocabulary.name,
                labelDetails: values.labelStyle === 'code' ? { description: concept.label } : undefined,
                documentation: markdown(conceptMarkdown(concept, values.vocabulary)),
                filterText: `${quote}${concept.code} ${concept.label}`,
                textEdit: { range, newText },
                // Codes that start with what was typed come first, then labels that contain a word starting with it.
                sortText: `${match === 'code' ? 0 : 1}${String(index).padStart(5, '0')}`
            });
        });
    }

    protected override createReferenceCompletionItem(
        nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext
    ): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const summary = nodeDescription.node ? elementSummary(nodeDescription.node) : undefined;
        if (!summary) return item;
        return {
            ...item,
            detail: summary.detail ?? item.detail,
            documentation: markdown(summaryMarkdown(summary))
        };
    }
}

/** The item, its text replacing the hole's `?`. */
function replacing(item: CompletionItem, range: Range): CompletionItem {
    const edit = item.textEdit;
    const newText = edit ? edit.newText : item.insertText ?? item.label;
    return { ...item, textEdit: { range, newText }, filterText: item.filterText ?? item.label, sortText: item.sortText ?? '1' };
}

/** Whole values where the grammar alone would offer only a first word (`level ?` → `eqf 6`), and the form of a number or text. */
function extraHoleItems(property: string): CompletionItem[] {
    const snippet = (label: string, newText: string, detail: string, sortText: string): CompletionItem =>
        ({ label, kind: CompletionItemKind.Snippet, detail, insertText: newText, insertTextFormat: InsertTextFormat.Snippet, sortText });
    switch (property) {
        case 'level':
            return [
                ...EQF_LEVELS.concepts.map((c, i): CompletionItem => ({
                    label: `eqf ${c.code}`, kind: CompletionItemKind.EnumMember, detail: c.label,
                    documentation: markdown(conceptMarkdown(c, EQF_LEVELS)), sortText: `0${i}`
                })),
                ...QF_EHEA_CYCLES.concepts.map((c, i): CompletionItem => ({
                    label: `qf-ehea ${c.code}`, kind: CompletionItemKind.EnumMember, detail: c.label,
                    documentation: markdown(conceptMarkdown(c, QF_EHEA_CYCLES)), sortText: `0q${i}`
                })),
                snippet('none "…"', 'none "$1"', 'No level applies: say why', '0z')
            ];
        case 'workload':
            return [snippet('… ects', '$1 ects', 'The workload in ECTS credits', '0'), snippet('… hours', '$1 hours', 'The workload in hours', '0')];
        case 'hours':
        case 'capacity':
        case 'fee':
            return [snippet('…', '$1', property === 'fee' ? 'An amount and a currency (fee 300 EUR)' : 'A number', '0')];
        case 'issued':
            return [snippet('YYYY-MM-DD', '${1:YYYY}-${2:MM}-${3:DD}', 'A date', '0')];
        case 'period':
            return [snippet('YYYY-MM-DD to YYYY-MM-DD', '$1 to $2', 'When the teaching runs: two dates', '0')];
        default:
            return [];
    }
}

function ruleOf(keyword: GrammarAST.Keyword): GrammarAST.ParserRule | undefined {
    return AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
}

/** Whether a value matches what was typed: by the start of its code, or of a word of its label. */
function matches(concept: Concept, query: string): 'code' | 'label' | undefined {
    if (concept.code.toLowerCase().startsWith(query)) return 'code';
    const label = concept.label.toLowerCase();
    return label.startsWith(query) || label.split(/[^\p{L}\p{N}]+/u).some(word => word.startsWith(query)) ? 'label' : undefined;
}

function markdown(value: string): MarkupContent {
    return { kind: 'markdown', value };
}
