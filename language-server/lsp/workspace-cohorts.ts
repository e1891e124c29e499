import type { IndexManager } from 'langium';
import { Cohort, isCohort, type MicroCredential } from '../generated/ast.js';
import { cohortCredential } from '../model/credential-contexts.js';

/**
 * The cohorts of the whole workspace grouped by the micro-credential they issue, from the index
 * of exported symbols (one pass over the cohorts, cached per file by the index): no document is
 * re-read or re-scanned.
 */
export function cohortsByCredential(index: IndexManager): Map<MicroCredential, Cohort[]> {
    const result = new Map<MicroCredential, Cohort[]>();
    for (const description of index.allElements(Cohort.$type)) {
        const cohort = description.node;
        const credential = isCohort(cohort) ? cohortCredential(cohort) : undefined;
        if (cohort && isCohort(cohort) && credential) {
            const list = result.get(credential) ?? [];
            list.push(cohort);
            result.set(credential, list);
        }
    }
    return result;
}
