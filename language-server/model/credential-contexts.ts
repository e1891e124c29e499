import { isCohort, isMicroCredential, type Cohort, type Model } from '../generated/ast.js';
import type { CredentialContext } from './annex1-elements.js';

/**
 * Every micro-credential of the given files with the cohorts (from any of the files) that issue
 * it, in file order. References must be linked.
 */
export function credentialContexts(models: Iterable<Model>): CredentialContext[] {
    const roots = [...models];
    const cohortsOf = new Map<unknown, Cohort[]>();
    for (const cohort of roots.flatMap(model => model.elements.filter(isCohort))) {
        const credential = cohort.credential?.ref;
        if (credential) {
            const list = cohortsOf.get(credential) ?? [];
            list.push(cohort);
            cohortsOf.set(credential, list);
        }
    }
    return roots.flatMap(model => model.elements.filter(isMicroCredential))
        .map(credential => ({ credential, cohorts: cohortsOf.get(credential) ?? [] }));
}
