import { URI, type LangiumDocuments, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { isCohort, type Cohort, type McredAstType, type MicroCredential, type Model, type Pathway } from '../generated/ast.js';
import { reviewDue } from '../catalogue/review.js';
import { includedButNotDeclared, partsAboveLevel, stackableButNotIncluded, eqfLevelOf } from '../catalogue/stacking.js';
import { cohortCredential } from '../model/credential-contexts.js';
import type { McredServices } from '../mcred-services.js';
import { McredIndexManager } from '../workspace/mcred-index-manager.js';
import type { CheckFamily } from './check-family.js';
import type { Clock } from './clock.js';
import { report } from './report.js';

/**
 * Checks that only the catalogue sees, each reading one document and what its references lead to
 * (plus, for the review date, the documents that refer to the credential, found in the index):
 * stacking stated on one side only, a pathway below its parts' level, a QA review cycle that has
 * passed since the last cohort.
 */
export class CatalogueChecks implements CheckFamily {
    readonly checks: ValidationChecks<McredAstType>;
    private readonly clock: Clock;
    private readonly documents: LangiumDocuments;
    private readonly index: unknown;
    /**
     * The cohorts of each document by credential, for the document being validated: grouped once
     * per validation instead of one scan of the document per credential (quadratic in a large file).
     */
    private readonly cohortsByModel = new Map<Model, Map<MicroCredential, Cohort[]>>();

    constructor(services: McredServices) {
        this.clock = services.validation.Clock;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.index = services.shared.workspace.IndexManager;
        services.validation.ValidationRegistry.registerBeforeDocument(() => this.cohortsByModel.clear());
        services.validation.ValidationRegistry.registerAfterDocument(() => this.cohortsByModel.clear());
        this.checks = {
            MicroCredential: [this.checkStackableInto.bind(this), this.checkReviewDue.bind(this)],
            Pathway: [this.checkIncludes.bind(this), this.checkLevel.bind(this)]
        };
    }

    checkStackableInto(credential: MicroCredential, accept: ValidationAcceptor): void {
        for (const { pathway, index } of stackableButNotIncluded(credential)) {
            report(accept, 'pathway-stack-mismatch',
                `'${credential.name}' says it is stackable into pathway '${pathway.name}', but '${pathway.name}' does not include it: add '${credential.name}' to the includes of '${pathway.name}', or remove it from \`stackable into\``,
                { node: credential, property: 'stackableInto', index }, { side: 'stackable-into', credential: credential.name, pathway: pathway.name });
        }
    }

    checkIncludes(pathway: Pathway, accept: ValidationAcceptor): void {
        for (const { part, index } of includedButNotDeclared(pathway)) {
            report(accept, 'pathway-stack-mismatch',
                `Pathway '${pathway.name}' includes '${part.name}', but '${part.name}' does not say it is stackable into '${pathway.name}': add \`stackable into ${pathway.name}\` to '${part.name}', or remove it from the includes`,
                { node: pathway, property: 'includes', index }, { side: 'includes', credential: part.name, pathway: pathway.name });
        }
    }

    checkLevel(pathway: Pathway, accept: ValidationAcceptor): void {
        const above = partsAboveLevel(pathway);
        if (above.length === 0) return;
        const own = eqfLevelOf(pathway)!;
        const highest = Math.max(...above.map(a => a.level));
        const level = pathway.levels.find(l => l.eqf !== undefined) ?? pathway.levels.find(l => l.cycle !== undefined)!;
        report(accept, 'pathway-level',
            `Pathway '${pathway.name}' is at EQF level ${own}, below ${above.map(a => `'${a.part.name}' (EQF level ${a.level})`).join(', ')}: a pathway is at least at the level of each of its parts`,
            { node: level }, { level: own, highest });
    }

    checkReviewDue(credential: MicroCredential, accept: ValidationAcceptor): void {
        const qa = credential.qualityAssurance;
        if (qa?.reviewEvery === undefined) return;
        const today = this.clock.today();
        const due = reviewDue(qa, this.cohortsOf(credential), today);
        if (!due?.due || !due.lastCohortNode) return;
        report(accept, 'qa-review-due',
            `The QA review of '${credential.name}' is due: its cycle (${due.cycle}) has passed since its last cohort '${due.lastCohortNode.name}' (${due.lastCohort}); the review fell due on ${due.nextDue} (today is ${today})`,
            { node: qa, property: 'reviewEvery' }, { nextDue: due.nextDue, today });
    }

    /** The cohorts of a credential: in its own document and in the documents that refer into it (from the index). */
    private cohortsOf(credential: MicroCredential): Cohort[] {
        const own = credential.$container;
        const uri = own.$document?.uri.toString();
        const models = new Set<Model>([own]);
        if (uri && this.index instanceof McredIndexManager) {
            for (const other of this.index.referringDocuments([uri])) {
                const document = this.documents.getDocument(URI.parse(other));
                if (document) models.add(document.parseResult.value as Model);
            }
        }
        return [...models].flatMap(model => this.cohortsIn(model).get(credential) ?? []);
    }

    private cohortsIn(model: Model): Map<MicroCredential, Cohort[]> {
        let byCredential = this.cohortsByModel.get(model);
        if (!byCredential) {
            byCredential = new Map();
            for (const cohort of model.elements.filter(isCohort)) {
                const credential = cohortCredential(cohort);
                if (!credential) continue;
                const list = byCredential.get(credential);
                if (list) list.push(cohort);
                else byCredential.set(credential, [cohort]);
            }
            this.cohortsByModel.set(model, byCredential);
        }
        return byCredential;
    }
}
