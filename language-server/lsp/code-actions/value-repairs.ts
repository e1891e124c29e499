import { AstUtils, GrammarUtils } from 'langium';
import { isPathway } from '../../generated/ast.js';
import { factsOf, type DiagnosticFix, type DiagnosticFixes } from './diagnostic-fix.js';
import { escapeSnippet, quickFix, replaceNode } from './text-edits.js';

/**
 * Mechanical repairs of values: the corrected form a check computed (`suggestion`: an address
 * with its scheme, a zero-padded date) or the number it expected (a pathway's sum of ECTS).
 */
const useSuggestion = (title: (suggestion: string) => string, quote: boolean): DiagnosticFix => (diagnostic, _node, context) => {
    const suggestion = factsOf<{ suggestion: string }>(diagnostic).suggestion;
    if (!suggestion) return [];
    const text = escapeSnippet(quote ? `"${suggestion}"` : suggestion);
    return [quickFix(title(suggestion), [diagnostic], [{ document: context.document, range: diagnostic.range, text }], context, true)];
};

export const VALUE_REPAIR_FIXES: DiagnosticFixes = {
    'value-url': useSuggestion(s => `Write ${s}`, true),
    'value-date': useSuggestion(s => `Write ${s}`, false),
    'value-did': useSuggestion(s => `Write ${s}`, true),
    'pathway-ects-sum': (diagnostic, node, context) => {
        const pathway = AstUtils.getContainerOfType(node, isPathway);
        const sum = factsOf<{ sum: number }>(diagnostic).sum;
        const ects = pathway && GrammarUtils.findNodeForProperty(pathway.$cstNode, 'ects');
        if (!ects || sum === undefined) return [];
        return [quickFix(`State the sum of the parts (${sum} ECTS)`, [diagnostic], [replaceNode(context.document, ects, String(sum))], context, true)];
    }
};
