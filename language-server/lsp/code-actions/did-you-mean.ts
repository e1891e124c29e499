import { GrammarUtils, type AstNode } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { COUNTRIES, CURRENCIES, ISCED_F_FIELDS, LANGUAGES, type Vocabulary } from '../../vocab/index.js';
import { WAIVABLE_CODES } from '../../rules/issue-codes.js';
import { factsOf, type DiagnosticFix, type DiagnosticFixes } from './diagnostic-fix.js';
import { quickFix, type FixContext } from './text-edits.js';

/**
 * "Did you mean": replaces an invalid controlled value with each of the closest valid ones
 * (`Vocabulary.suggest`, carried by the diagnostic as `suggestions`), best first.
 */
function replaceWithSuggestions(vocabulary: Vocabulary, quote = false): DiagnosticFix {
    return (diagnostic: Diagnostic, _node: AstNode, context: FixContext): CodeAction[] => {
        const facts = factsOf<{ value: string; suggestions: string[] }>(diagnostic);
        const suggestions = facts.suggestions ?? (facts.value ? vocabulary.suggest(facts.value).map(c => c.code) : []);
        return suggestions.map((code, i) => {
            const label = vocabulary.get(code)?.label;
            const title = `Did you mean ${code}${label && label !== code ? ` (${label})` : ''}?`;
            const text = quote ? `"${code}"` : code;
            return quickFix(title, [diagnostic], [{ document: context.document, range: diagnostic.range, text: text.replace(/[\\$}]/g, m => `\\${m}`) }], context, i === 0);
        });
    };
}

export const DID_YOU_MEAN_FIXES: DiagnosticFixes = {
    'value-country': replaceWithSuggestions(COUNTRIES),
    'value-language': replaceWithSuggestions(LANGUAGES),
    'value-isced-f': replaceWithSuggestions(ISCED_F_FIELDS, true),
    'value-fee': (diagnostic, node, context) => {
        // Only the currency has suggestions; a negative amount has no mechanical fix.
        const currency = GrammarUtils.findNodeForProperty(node.$cstNode, 'currency');
        return currency && factsOf<{ suggestions: string[] }>(diagnostic).suggestions
            ? replaceWithSuggestions(CURRENCIES)(diagnostic, node, context)
            : [];
    },
    'waiver-unknown-code': replaceWithSuggestions(WAIVABLE_CODES)
};
