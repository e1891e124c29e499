import type { SyntaxReplacement } from '../../validation/syntax-messages.js';
import { factsOf, type DiagnosticFixes } from './diagnostic-fix.js';
import { escapeSnippet, quickFix } from './text-edits.js';

/**
 * `syntax-error` with a mechanical repair (computed with its message, syntax-messages.ts): a word
 * in the wrong case (`ECTS` → `ects`), an unknown property with a likely meaning (`credits` →
 * `workload`). The fix replaces the word; nothing else.
 */
export const SYNTAX_FIXES: DiagnosticFixes = {
    'syntax-error': (diagnostic, _node, context) => {
        const replacement = factsOf<{ replacement: SyntaxReplacement }>(diagnostic).replacement;
        if (!replacement) return [];
        return [quickFix(replacement.title, [diagnostic],
            [{ document: context.document, range: replacement.range, text: escapeSnippet(replacement.text) }], context, true)];
    }
};
