import { AstUtils } from 'langium';
import { isMicroCredential, isPathway, isProvider, type MicroCredential, type Model, type Pathway } from '../../generated/ast.js';
import { factsOf, type DiagnosticFixes } from './diagnostic-fix.js';
import { SKELETONS } from './skeletons.js';
import { endOfLine, indentUnit, quickFix, type Change, type FixContext } from './text-edits.js';

/**
 * `ref-unresolved` on an awarding body (`awardedBy X` where no provider X exists): creates the
 * provider in the same file, after its last provider, or at the top (providers come first in
 * the reference example of docs/language.md).
 */
export const CREATE_PROVIDER_FIXES: DiagnosticFixes = {
    'ref-unresolved': (diagnostic, node, context) => {
        const facts = factsOf<{ property: string; refText: string }>(diagnostic);
        const container = AstUtils.getContainerOfType(node, (n): n is MicroCredential | Pathway => isMicroCredential(n) || isPathway(n));
        if (facts.property !== 'awardedBy' || !facts.refText || !container || !/^[_a-zA-Z][\w-]*$/.test(facts.refText)) return [];
        return [quickFix(`Create provider '${facts.refText}'`, [diagnostic], [providerInsertion(context, container.$container, facts.refText)], context, true)];
    }
};

function providerInsertion(context: FixContext, model: Model, name: string): Change {
    const document = context.document;
    const providers = model.elements.filter(isProvider);
    const last = providers[providers.length - 1];
    const skeleton = SKELETONS.provider(name).replace(/\t/g, indentUnit(document));
    if (last?.$cstNode) {
        const at = endOfLine(document, last.$cstNode.range.end.line);
        return { document, range: { start: at, end: at }, text: `\n\n${skeleton}` };
    }
    const first = model.elements[0]?.$cstNode;
    const at = first ? first.range.start : { line: 0, character: 0 };
    return { document, range: { start: at, end: at }, text: `${skeleton}\n\n` };
}
