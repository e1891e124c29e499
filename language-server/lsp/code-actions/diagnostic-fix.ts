import type { AstNode } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { IssueCode } from '../../rules/issue-codes.js';
import type { FixContext } from './text-edits.js';

/**
 * The quick fixes of one diagnostic. `node` is the AST node at the start of the diagnostic's
 * range (the node the check reported on, or a child of it).
 */
export type DiagnosticFix = (diagnostic: Diagnostic, node: AstNode, context: FixContext) => CodeAction[];

/** A concern's fixes, by the code they fix. */
export type DiagnosticFixes = Partial<Record<IssueCode, DiagnosticFix>>;

/** The diagnostic's facts (`data`), as the check attached them. */
export function factsOf<T extends object>(diagnostic: Diagnostic): Partial<T> {
    return (diagnostic.data ?? {}) as Partial<T>;
}
