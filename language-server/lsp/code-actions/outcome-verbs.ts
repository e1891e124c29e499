import { AstUtils, GrammarUtils } from 'langium';
import { isOutcome } from '../../generated/ast.js';
import { factsOf, type DiagnosticFixes } from './diagnostic-fix.js';
import { quickFix } from './text-edits.js';

/**
 * `qa-structure-outcomes` on an outcome that relies on a vague verb ("understand", "be aware
 * of"): replaces the phrase with each measurable verb the check suggests ("Explain …").
 */
export const OUTCOME_VERB_FIXES: DiagnosticFixes = {
    'qa-structure-outcomes': (diagnostic, node, context) => {
        const outcome = AstUtils.getContainerOfType(node, isOutcome);
        const vague = factsOf<{ vague: { phrase: string; instead: string[]; start: number; length: number } }>(diagnostic).vague;
        const statement = outcome && GrammarUtils.findNodeForProperty(outcome.$cstNode, 'statement');
        if (!vague || !statement || !outcome.statement) return [];
        const written = outcome.statement.substr(vague.start, vague.length);
        // The statement is quoted in the source: offsets within it are shifted by the opening quote.
        if (context.document.textDocument.getText().substr(statement.offset + 1 + vague.start, vague.length) !== written) return [];
        const start = context.document.textDocument.positionAt(statement.offset + 1 + vague.start);
        const end = context.document.textDocument.positionAt(statement.offset + 1 + vague.start + vague.length);
        const capital = /^[A-Z]/.test(written);
        return vague.instead.map((verb, i) => {
            const text = capital ? verb[0].toUpperCase() + verb.slice(1) : verb;
            return quickFix(`Say "${text}" instead of "${written}"`, [diagnostic], [{ document: context.document, range: { start, end }, text }], context, i === 0);
        });
    }
};
