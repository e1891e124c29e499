import { AstUtils, GrammarAST, GrammarUtils, isLeafCstNode, type AstNode, type CstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isKeywordLeaf, ownCstNodes } from './cst-nodes.js';
import { keywordValueVocabulary, propertyVocabulary } from './value-vocabularies.js';

/** Each kind of declaration has its colour, on its name and on every reference to it. */
const DECLARATION_TYPES: Readonly<Record<string, SemanticTokenTypes>> = {
    Provider: SemanticTokenTypes.namespace,
    MicroCredential: SemanticTokenTypes.class,
    Pathway: SemanticTokenTypes.class,
    Credential: SemanticTokenTypes.class,
    Cohort: SemanticTokenTypes.event,
    Outcome: SemanticTokenTypes.property,
    Assessment: SemanticTokenTypes.function,
    Module: SemanticTokenTypes.function
};

/** Value rules whose keywords are values (not controlled vocabularies, but values nonetheless). */
const OTHER_VALUE_RULES = new Set(['QaKind', 'QaTiming', 'DurationUnit', 'ReviewUnit']);

/**
 * Semantic tokens, so that text is coloured by meaning rather than by shape: keywords that state
 * an element, values of controlled lists (`blended`, `IT`, `"0223"`), declarations and the
 * references to them (by kind), numbers, dates and strings. Comments are left to the TextMate
 * grammar.
 */
export class McredSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        for (const cst of ownCstNodes(node)) {
            if (isLeafCstNode(cst) && !cst.hidden) this.highlightLeaf(node, cst, acceptor);
        }
    }

    private highlightLeaf(node: AstNode, leaf: CstNode, acceptor: SemanticTokenAcceptor): void {
        const assignment = GrammarUtils.findAssignment(leaf);
        if (assignment && GrammarAST.isCrossReference(assignment.terminal)) {
            const target = assignment.terminal.type.ref?.name;
            acceptor({ cst: leaf, type: (target && DECLARATION_TYPES[target]) ?? SemanticTokenTypes.variable });
            return;
        }
        if (assignment?.feature === 'name' && DECLARATION_TYPES[node.$type]) {
            acceptor({ cst: leaf, type: DECLARATION_TYPES[node.$type], modifier: SemanticTokenModifiers.declaration });
            return;
        }
        if (propertyVocabulary(assignment?.feature)) {
            acceptor({ cst: leaf, type: SemanticTokenTypes.enumMember });
            return;
        }
        if (isKeywordLeaf(leaf)) {
            if (!/^[a-zA-Z]/.test(leaf.text)) return; // braces and commas
            const rule = AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isParserRule)?.name;
            const isValue = rule !== undefined && (keywordValueVocabulary(rule) !== undefined || OTHER_VALUE_RULES.has(rule));
            acceptor({ cst: leaf, type: isValue ? SemanticTokenTypes.enumMember : SemanticTokenTypes.keyword });
            return;
        }
        const terminal = isLeafCstNode(leaf) ? leaf.tokenType.name : undefined;
        if (terminal === 'NUMBER') acceptor({ cst: leaf, type: SemanticTokenTypes.number });
        else if (terminal === 'DATE') acceptor({ cst: leaf, type: SemanticTokenTypes.number, modifier: SemanticTokenModifiers.readonly });
        else if (terminal === 'STRING') acceptor({ cst: leaf, type: SemanticTokenTypes.string });
        else if (terminal === 'LANG_TAG') acceptor({ cst: leaf, type: SemanticTokenTypes.enumMember }); // `@fi`: a language code
    }
}
