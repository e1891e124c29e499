import { AstUtils, UriUtils, type AstNode, type AstNodeDescription, type LangiumDocuments, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { AstNodeLocator } from 'langium';
import { isCohort, type Cohort, type McredAstType, type MicroCredential, type Pathway, type Provider } from '../generated/ast.js';
import type { McredServices } from '../mcred-services.js';
import type { NameIndex } from '../references/name-index.js';
import type { CheckFamily } from './check-family.js';
import { report } from './report.js';
import { cohortCredentialName } from '../model/credential-contexts.js';

/**
 * `ref-duplicate-name` (docs/rules.md): a name declares one thing. Providers,
 * micro-credentials and pathways share one namespace across the whole workspace (looked up in the
 * NameIndex, not by scanning documents); cohort names are unique among the cohorts of one
 * credential; outcome names, and assessment names, are unique within their credential.
 */
export class NameChecks implements CheckFamily {
    private readonly names: NameIndex;
    private readonly documents: LangiumDocuments;
    private readonly locator: AstNodeLocator;

    constructor(services: McredServices) {
        this.names = services.references.NameIndex;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.locator = services.workspace.AstNodeLocator;
    }

    readonly checks: ValidationChecks<McredAstType> = {
        Provider: this.checkTopLevelName,
        MicroCredential: [this.checkTopLevelName, this.checkNestedNames],
        Pathway: this.checkTopLevelName,
        Cohort: this.checkCohortName
    };

    checkTopLevelName(node: Provider | MicroCredential | Pathway, accept: ValidationAcceptor): void {
        const others = this.others(node, this.names.declarations(node.name));
        if (others.length > 0) {
            report(accept, 'ref-duplicate-name',
                `The name '${node.name}' is declared more than once (also ${others.map(o => `a ${kind(o.type)} in ${this.where(node, o)}`).join(', ')}): references to it are ambiguous; rename one`,
                { node, property: 'name' }, { name: node.name });
        }
    }

    checkCohortName(cohort: Cohort, accept: ValidationAcceptor): void {
        const credential = cohortCredentialName(cohort);
        const others = this.others(cohort, this.names.cohorts(cohort.name))
            .filter(other => {
                const at = this.cohortAt(other);
                return at !== undefined && cohortCredentialName(at) === credential;
            });
        if (others.length > 0) {
            report(accept, 'ref-duplicate-name',
                `'${credential}' has more than one cohort called '${cohort.name}' (also in ${others.map(o => this.where(cohort, o)).join(', ')}): rename one`,
                { node: cohort, property: 'name' }, { name: cohort.name });
        }
    }

    checkNestedNames(credential: MicroCredential, accept: ValidationAcceptor): void {
        reportRepeated(credential.outcomes, 'outcome', credential, accept);
        reportRepeated(credential.assessments, 'assessment', credential, accept);
    }

    /** The declarations other than `node` itself. */
    private others(node: AstNode, declarations: readonly AstNodeDescription[]): AstNodeDescription[] {
        if (declarations.length < 2) return [];
        const document = AstUtils.getDocument(node);
        const path = this.locator.getAstNodePath(node);
        return declarations.filter(d => d.path !== path || d.documentUri.toString() !== document.uri.toString());
    }

    private cohortAt(description: AstNodeDescription): Cohort | undefined {
        if (description.node && isCohort(description.node)) return description.node;
        const document = this.documents.getDocument(description.documentUri);
        const node = document && this.locator.getAstNode(document.parseResult.value, description.path);
        return node && isCohort(node) ? node : undefined;
    }

    private where(node: AstNode, other: AstNodeDescription): string {
        const line = (other.nameSegment?.range.start.line ?? 0) + 1;
        const here = AstUtils.getDocument(node).uri;
        if (other.documentUri.toString() === here.toString()) return `line ${line}`;
        // The other file by its path from this file's folder (`providers.mcred`, `../common/providers.mcred`):
        // two files of the workspace may have the same name in different folders.
        return `${UriUtils.relative(UriUtils.dirname(here), other.documentUri)}:${line}`;
    }
}

function reportRepeated(nodes: ReadonlyArray<{ name?: string } & AstNode>, what: string, credential: MicroCredential, accept: ValidationAcceptor): void {
    const seen = new Map<string, AstNode>();
    for (const node of nodes) {
        if (!node.name) continue;
        const first = seen.get(node.name);
        if (first) {
            const line = (first.$cstNode?.range.start.line ?? 0) + 1;
            report(accept, 'ref-duplicate-name',
                `'${credential.name}' already has an ${what} called '${node.name}' (line ${line}): rename this one`,
                { node, property: 'name' }, { name: node.name });
        } else {
            seen.set(node.name, node);
        }
    }
}

function kind(type: string): string {
    return type === 'MicroCredential' ? 'micro-credential' : type.toLowerCase();
}
