import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type LangiumDocuments, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command, Diagnostic } from 'vscode-languageserver';
import type { McredServices } from '../../mcred-services.js';
import { isIssueCode } from '../../rules/issue-codes.js';
import { COVER_OUTCOME_FIXES } from './cover-outcome.js';
import { CREATE_PROVIDER_FIXES } from './create-provider.js';
import type { DiagnosticFix, DiagnosticFixes } from './diagnostic-fix.js';
import { DID_YOU_MEAN_FIXES } from './did-you-mean.js';
import { fixAllAnnex1 } from './fix-all-annex1.js';
import { MISSING_ELEMENT_FIXES } from './missing-elements.js';
import { OUTCOME_VERB_FIXES } from './outcome-verbs.js';
import { SYNTAX_FIXES } from './syntax-fixes.js';
import type { FixContext } from './text-edits.js';
import { STACKING_FIXES } from './stacking-fixes.js';
import { VALUE_REPAIR_FIXES } from './value-repairs.js';
import { WAIVER_FIXES } from './waiver-fixes.js';

/** Every concern's fixes; adding a concern is a file in this folder and one entry here. */
const FIX_FAMILIES: readonly DiagnosticFixes[] = [
    MISSING_ELEMENT_FIXES, DID_YOU_MEAN_FIXES, VALUE_REPAIR_FIXES, COVER_OUTCOME_FIXES, CREATE_PROVIDER_FIXES, OUTCOME_VERB_FIXES, WAIVER_FIXES, SYNTAX_FIXES,
    STACKING_FIXES
];

const FIXES = new Map<string, DiagnosticFix[]>();
for (const family of FIX_FAMILIES) {
    for (const [code, fix] of Object.entries<DiagnosticFix>(family as Record<string, DiagnosticFix>)) {
        FIXES.set(code, [...FIXES.get(code) ?? [], fix]);
    }
}

/** The codes that have quick fixes (besides "fix all missing Annex I elements"). */
export const FIXABLE_CODES: readonly string[] = [...FIXES.keys()];

/**
 * Quick fixes for mcred's diagnostics: each diagnostic in the request is dispatched by its code
 * to the fixes of that code (one file per concern), then the "fix all missing Annex I elements"
 * action is added per credential. Fixes insert snippets (tab stops) when the client applies
 * snippet edits, plain placeholders otherwise.
 */
export class McredCodeActionProvider implements CodeActionProvider {
    private readonly documents: LangiumDocuments;
    private readonly services: McredServices;
    /** Set from the client's capabilities at initialize; tests may set it directly. */
    snippetEdits = false;

    constructor(services: McredServices) {
        this.services = services;
        this.documents = services.shared.workspace.LangiumDocuments;
        services.shared.lsp.LanguageServer.onInitialize(params => {
            this.snippetEdits = Boolean(params.capabilities.workspace?.workspaceEdit?.snippetEditSupport);
        });
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const context: FixContext = {
            document,
            snippets: this.snippetEdits,
            documentOf: node => AstUtils.getDocument(node),
            declarations: type => this.services.shared.workspace.IndexManager.allElements(type).map(d => d.name).distinct().toArray()
        };
        const nodeAt = (diagnostic: Diagnostic) => this.nodeAt(document, diagnostic);
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const code = String(diagnostic.code);
            // A syntax error may sit on text the parser skipped: its fix needs no node.
            const node = isIssueCode(code) ? nodeAt(diagnostic) ?? (code === 'syntax-error' ? document.parseResult.value : undefined) : undefined;
            if (!node) continue;
            for (const fix of FIXES.get(code) ?? []) {
                actions.push(...fix(diagnostic, node, context));
            }
        }
        actions.push(...fixAllAnnex1(params.context.diagnostics, nodeAt, context));
        return dedupe(actions);
    }

    /** The AST node at the start of a diagnostic (the node the check reported on, or its child). */
    private nodeAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root || !this.documents.hasDocument(document.uri)) return undefined;
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        return CstUtils.findLeafNodeAtOffset(root, offset)?.astNode;
    }
}

/** The same action offered by several diagnostics (four audience gaps: "Add the audience block") is offered once. */
function dedupe(actions: readonly CodeAction[]): CodeAction[] {
    const byEdit = new Map<string, CodeAction>();
    for (const action of actions) {
        const key = `${action.title}\n${JSON.stringify(action.edit)}`;
        const seen = byEdit.get(key);
        if (seen) {
            byEdit.set(key, { ...seen, diagnostics: [...seen.diagnostics ?? [], ...action.diagnostics ?? []] });
        } else {
            byEdit.set(key, action);
        }
    }
    return [...byEdit.values()];
}
