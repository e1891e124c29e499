import type { Diagnostic } from 'vscode-languageserver';

/** At most this many syntax errors are reported per document. */
export const MAX_SYNTAX_ERRORS = 100;

/**
 * Keeps the first {@link MAX_SYNTAX_ERRORS} syntax errors of a document and replaces the rest by
 * one diagnostic that counts them: a file of garbage would otherwise send the editor tens of
 * thousands of diagnostics that say nothing more than the first ones.
 */
export function limitSyntaxErrors(diagnostics: Diagnostic[]): Diagnostic[] {
    const syntax = diagnostics.filter(d => d.code === 'syntax-error');
    if (syntax.length <= MAX_SYNTAX_ERRORS) {
        return diagnostics;
    }
    const dropped = new Set(syntax.slice(MAX_SYNTAX_ERRORS));
    const first = syntax[MAX_SYNTAX_ERRORS];
    const summary: Diagnostic = {
        ...first,
        message: `${dropped.size} more syntax errors follow from here; fix the ones above first (only the first ${MAX_SYNTAX_ERRORS} are shown).`
    };
    return [...diagnostics.filter(d => !dropped.has(d)), summary];
}
