import { CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider, LangiumServices, NodeKindProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import {
    isCohort, isMicroCredential, isPathway, isProvider, type Assessment, type MicroCredential, type Module
} from '../generated/ast.js';
import { ASSESSMENT_TYPES } from '../vocab/index.js';
import { cohortCredentialName } from '../model/credential-contexts.js';

/**
 * The outline: providers, credentials, pathways and cohorts; inside a credential its outcomes,
 * modules, assessments and the blocks of the design method; inside a cohort its learners.
 */
export class McredDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly nodeKinds: NodeKindProvider;

    constructor(services: LangiumServices) {
        this.nodeKinds = services.shared.lsp.NodeKindProvider;
    }

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const model = document.parseResult.value as AstNode & { elements?: AstNode[] };
        return (model.elements ?? []).flatMap(element => {
            if (isProvider(element)) return this.symbol(element, element.name, element.legalName);
            if (isMicroCredential(element)) return this.symbol(element, element.name, element.title, this.credentialChildren(element));
            if (isPathway(element)) return this.symbol(element, element.name, element.title);
            if (isCohort(element)) {
                const credential = cohortCredentialName(element);
                const detail = [credential && `of ${credential}`, element.issued && `issued ${element.issued}`].filter(Boolean).join(' · ');
                return this.symbol(element, element.name, detail, element.learners.flatMap(l => this.symbol(l, l.fullName, l.grade)));
            }
            return [];
        });
    }

    private credentialChildren(credential: MicroCredential): DocumentSymbol[] {
        return [
            ...credential.outcomes.flatMap(o => this.symbol(o, o.name, o.statement)),
            ...credential.modules.flatMap(m => this.symbol(m, m.name, moduleDetail(m))),
            ...credential.assessments.flatMap(a => this.symbol(a, a.name ?? 'assessment', assessmentDetail(a))),
            ...[credential.audience, credential.format, credential.qualityAssurance, credential.business]
                .flatMap(block => block ? this.symbol(block, blockKeyword(block)) : [])
        ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }

    private symbol(node: AstNode, name: string | undefined, detail?: string, children?: DocumentSymbol[]): DocumentSymbol[] {
        const cst = node.$cstNode;
        if (!cst || !name) return [];
        return [{
            name,
            detail,
            kind: this.nodeKinds.getSymbolKind(node),
            range: cst.range,
            selectionRange: nameNode(node)?.range ?? cst.range,
            children
        }];
    }
}

function assessmentDetail(assessment: Assessment): string | undefined {
    const type = assessment.type ? ASSESSMENT_TYPES.get(assessment.type)?.label ?? assessment.type : undefined;
    const parts = [assessment.title, type, assessment.weight !== undefined ? `${assessment.weight}%` : undefined].filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** `Climate.now · 2 ECTS · HELSINKI`. */
function moduleDetail(module: Module): string | undefined {
    const parts = [module.title, module.ects !== undefined ? `${module.ects} ECTS` : undefined, module.providedBy.map(p => p.$refText).join(', ')]
        .filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** The keyword of a block (`audience`, `qualityAssurance`): the first token of its text. */
function blockKeyword(block: AstNode): string {
    return block.$cstNode?.text.match(/^\w+/)?.[0] ?? block.$type;
}

/** The part of an element to select in the outline: its name, a learner's full name, or its keyword. */
function nameNode(node: AstNode): CstNode | undefined {
    const cst = node.$cstNode;
    return GrammarUtils.findNodeForProperty(cst, 'name')
        ?? GrammarUtils.findNodeForProperty(cst, 'fullName')
        ?? (cst && CstUtils.flattenCst(cst).head());
}
