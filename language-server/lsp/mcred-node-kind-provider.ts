import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

interface Kinds {
    readonly symbol: SymbolKind;
    readonly completion: CompletionItemKind;
}

/** Icons of each kind of element in outlines, symbol search and completion lists. */
const KINDS: Readonly<Record<string, Kinds>> = {
    Provider: { symbol: SymbolKind.Namespace, completion: CompletionItemKind.Module },
    MicroCredential: { symbol: SymbolKind.Class, completion: CompletionItemKind.Class },
    Pathway: { symbol: SymbolKind.Package, completion: CompletionItemKind.Folder },
    Cohort: { symbol: SymbolKind.Event, completion: CompletionItemKind.Event },
    Outcome: { symbol: SymbolKind.Field, completion: CompletionItemKind.Field },
    Assessment: { symbol: SymbolKind.Method, completion: CompletionItemKind.Method },
    Module: { symbol: SymbolKind.Module, completion: CompletionItemKind.Module },
    Audience: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct },
    Format: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct },
    QualityAssurance: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct },
    Business: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct },
    Learner: { symbol: SymbolKind.Object, completion: CompletionItemKind.Value }
};

export class McredNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return kindsOf(node)?.symbol ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return kindsOf(node)?.completion ?? CompletionItemKind.Reference;
    }
}

function kindsOf(node: AstNode | AstNodeDescription): Kinds | undefined {
    const type = '$type' in node ? node.$type : node.type;
    return Object.prototype.hasOwnProperty.call(KINDS, type) ? KINDS[type] : undefined;
}
