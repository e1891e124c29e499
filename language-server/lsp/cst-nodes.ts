import { GrammarAST, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode } from 'langium';

/**
 * The CST nodes of an AST node in order: its own tokens (including those of data type rules such
 * as names and controlled values), its comments, and one composite node per nested element.
 */
export function ownCstNodes(node: AstNode): CstNode[] {
    const result: CstNode[] = [];
    const visit = (cst: CstNode): void => {
        if (!isCompositeCstNode(cst)) return;
        for (const child of cst.content) {
            if (isCompositeCstNode(child) && child.astNode === node) {
                visit(child);
            } else {
                result.push(child);
            }
        }
    };
    if (node.$cstNode) visit(node.$cstNode);
    return result;
}

/** Whether a node is the (non-hidden) token of the given keyword. */
export function isKeywordLeaf(node: CstNode, value?: string): node is CstNode & { grammarSource: GrammarAST.Keyword } {
    return isLeafCstNode(node) && !node.hidden && GrammarAST.isKeyword(node.grammarSource)
        && (value === undefined || node.grammarSource.value === value);
}
