import { DefaultScopeComputation, type AstNode, type LangiumDocument, type MultiMap, type AstNodeDescription } from 'langium';
import { isModel } from '../generated/ast.js';

/**
 * Top-level declarations (providers, credentials, pathways, cohorts) are exported to the global
 * index and resolved from there by name (a hash lookup). Langium's default also lists them as
 * local symbols of the file's root, which makes every reference scan the whole file first:
 * linking grew with the square of the file size. Nested names (outcomes, assessments) stay local
 * to their credential.
 */
export class McredScopeComputation extends DefaultScopeComputation {
    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        if (isModel(node.$container)) {
            return;
        }
        super.addLocalSymbol(node, document, symbols);
    }
}
