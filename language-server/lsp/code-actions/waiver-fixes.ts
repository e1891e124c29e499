import { AstUtils, GrammarUtils } from 'langium';
import { isWaiver } from '../../generated/ast.js';
import type { DiagnosticFixes } from './diagnostic-fix.js';
import { deleteNode, insertAfter, quickFix } from './text-edits.js';

/** Waivers: add the missing reason; remove a waiver that waives nothing. */
export const WAIVER_FIXES: DiagnosticFixes = {
    'waiver-reason': (diagnostic, node, context) => {
        const waiver = AstUtils.getContainerOfType(node, isWaiver);
        const code = waiver && GrammarUtils.findNodeForProperty(waiver.$cstNode, 'code');
        return code ? [quickFix('Add the reason of the waiver', [diagnostic], [insertAfter(context.document, code, ' "${1:?}"')], context, true)] : [];
    },
    'waiver-unused': (diagnostic, node, context) => {
        const waiver = AstUtils.getContainerOfType(node, isWaiver);
        return waiver?.$cstNode ? [quickFix(`Remove the unused waiver of ${waiver.code}`, [diagnostic], [deleteNode(context.document, waiver.$cstNode)], context, true)] : [];
    }
};
