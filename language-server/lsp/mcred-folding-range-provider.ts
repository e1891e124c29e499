import { CstUtils, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange } from 'vscode-languageserver';

/**
 * Folding for every block that spans three lines or more (Langium's default, up to the line
 * before its `}`) and for every string that spans several lines (a long description or target).
 */
export class McredFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        super.collectFolding(document, acceptor);
        const root = document.parseResult.value.$cstNode;
        if (!root) return;
        for (const leaf of CstUtils.flattenCst(root)) {
            if (leaf.tokenType.name === 'STRING' && leaf.range.end.line > leaf.range.start.line) {
                const { start, end } = leaf.range;
                acceptor(FoldingRange.create(start.line, end.line, start.character, end.character));
            }
        }
    }
}
