import { AstUtils, GrammarUtils } from 'langium';
import { isMicroCredential, isPathway, type Credential, type MicroCredential, type Pathway } from '../../generated/ast.js';
import { factsOf, type DiagnosticFixes } from './diagnostic-fix.js';
import { escapeSnippet, insertAfter, insertElement, quickFix, replaceNode, type Change, type FixContext } from './text-edits.js';

/**
 * The catalogue's mechanical fixes: write the missing side of a stacking relation (in whichever
 * file declares it), or raise a pathway to its highest part's EQF level. Nothing else is inserted:
 * both sides are relations the designer already wrote once.
 */
export const STACKING_FIXES: DiagnosticFixes = {
    'pathway-stack-mismatch': (diagnostic, node, context) => {
        const facts = factsOf<{ side: string; credential: string; pathway: string }>(diagnostic);
        if (facts.side === 'stackable-into') {
            const credential = AstUtils.getContainerOfType(node, isMicroCredential);
            const pathway = credential?.stackableInto.map(r => r.ref).find((p): p is Pathway => isPathway(p) && p.name === facts.pathway);
            // After a syntax error a name may be missing from the tree: nothing to write then.
            if (!credential?.name || !pathway?.name) return [];
            return [quickFix(`Add ${credential.name} to the includes of ${pathway.name}`, [diagnostic], [appendTo(context, pathway, 'includes', 'includes', credential.name)], context, true)];
        }
        if (facts.side === 'includes') {
            const pathway = AstUtils.getContainerOfType(node, isPathway);
            const part = pathway?.includes.map(r => r.ref).find((p): p is MicroCredential => isMicroCredential(p) && p.name === facts.credential);
            if (!pathway?.name || !part?.name) return [];
            const standalone = part.standalone ? GrammarUtils.findNodeForKeyword(part.$cstNode, 'standalone') : undefined;
            const change = standalone
                ? replaceNode(context.documentOf(part), standalone, `stackable into ${escapeSnippet(pathway.name)}`)
                : appendTo(context, part, 'stackableInto', 'stackable into', pathway.name);
            return [quickFix(`Say that ${part.name} is stackable into ${pathway.name}${standalone ? ' (instead of standalone)' : ''}`, [diagnostic], [change], context, true)];
        }
        return [];
    },
    'pathway-level': (diagnostic, node, context) => {
        const pathway = AstUtils.getContainerOfType(node, isPathway);
        const highest = factsOf<{ highest: number }>(diagnostic).highest;
        const level = pathway?.levels.find(l => l.eqf !== undefined);
        const number = level && GrammarUtils.findNodeForProperty(level.$cstNode, 'eqf');
        if (!pathway?.name || !number || highest === undefined) return [];
        return [quickFix(`Set ${pathway.name} to EQF level ${highest}`, [diagnostic], [replaceNode(context.documentOf(pathway), number, String(highest))], context, true)];
    }
};

/** Appends a name to a comma list (`includes A, B` → `includes A, B, C`), or writes the list. */
function appendTo(context: FixContext, container: Credential, property: 'includes' | 'stackableInto', keyword: string, name: string): Change {
    const present = GrammarUtils.findNodesForProperty(container.$cstNode, property);
    const last = present[present.length - 1];
    return last
        ? insertAfter(context.documentOf(container), last, `, ${escapeSnippet(name)}`)
        : insertElement(context, container, property, `${keyword} ${escapeSnippet(name)}`);
}
