import { isCohort, isMicroCredential, type Cohort, type MicroCredential, type Model } from '../generated/ast.js';
import type { CredentialContext } from './annex1-elements.js';

/**
 * Every micro-credential of the given files with the cohorts (from any of the files) that issue
 * it, in file order. References must be linked.
 */
export function credentialContexts(models: Iterable<Model>): CredentialContext[] {
    const roots = [...models];
    const cohortsOf = new Map<unknown, Cohort[]>();
    for (const cohort of roots.flatMap(model => model.elements.filter(isCohort))) {
        const credential = cohortCredential(cohort);
        if (credential) {
            const list = cohortsOf.get(credential) ?? [];
            list.push(cohort);
            cohortsOf.set(credential, list);
        }
    }
    return roots.flatMap(model => model.elements.filter(isMicroCredential))
        .map(credential => ({ credential, cohorts: cohortsOf.get(credential) ?? [] }));
}

/**
 * The micro-credential a cohort issues: undefined when the name does not resolve, or when a
 * syntax error cut the cohort short before `of <credential>` (the generated type says that the
 * reference is always there; a tree recovered from a syntax error does not keep that promise).
 */
export function cohortCredential(cohort: Cohort): MicroCredential | undefined {
    return (cohort.credential as Cohort['credential'] | undefined)?.ref;
}

/** The name a cohort gives for its credential, as written (undefined when cut short, as above). */
export function cohortCredentialName(cohort: Cohort): string | undefined {
    return (cohort.credential as Cohort['credential'] | undefined)?.$refText;
}
