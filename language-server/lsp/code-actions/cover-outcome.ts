import { AstUtils, GrammarUtils } from 'langium';
import { isMicroCredential, isOutcome, type Assessment } from '../../generated/ast.js';
import type { DiagnosticFixes } from './diagnostic-fix.js';
import { SKELETONS } from './skeletons.js';
import { escapeSnippet, insertAfter, insertElement, quickFix, type Change, type FixContext } from './text-edits.js';

/**
 * `qa-structure-assessment-aligned`: adds the unassessed outcome to the `covers` of an assessment
 * (one action per assessment of the credential, the first preferred), or, when the credential
 * has no assessment, inserts an assessment that covers it.
 */
export const COVER_OUTCOME_FIXES: DiagnosticFixes = {
    'qa-structure-assessment-aligned': (diagnostic, node, context) => {
        const outcome = AstUtils.getContainerOfType(node, isOutcome);
        const credential = outcome && AstUtils.getContainerOfType(outcome, isMicroCredential);
        if (!outcome || !credential) return [];
        if (credential.assessments.length === 0) {
            const change = insertElement(context, credential, 'assessments', SKELETONS.assessment(credential, [outcome.name]), { blankLineBefore: true });
            return [quickFix(`Add an assessment that covers ${outcome.name}`, [diagnostic], [change], context, true)];
        }
        return credential.assessments.map((assessment, i) => quickFix(
            `Add ${outcome.name} to the covers of ${assessment.name ?? `assessment ${i + 1}`}`,
            [diagnostic], [addToCovers(context, assessment, outcome.name)], context, i === 0));
    }
};

function addToCovers(context: FixContext, assessment: Assessment, outcome: string): Change {
    const covers = GrammarUtils.findNodesForProperty(assessment.$cstNode, 'covers');
    const last = covers[covers.length - 1];
    return last
        ? insertAfter(context.documentOf(assessment), last, `, ${escapeSnippet(outcome)}`)
        : insertElement(context, assessment, 'covers', `covers ${escapeSnippet(outcome)}`);
}
