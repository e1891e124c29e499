import type { Readiness } from '../model/readiness.js';

/**
 * The one place the catalogue decides whether a credential can be issued now: every Annex I
 * element stated (the learner and the date of issuing by a cohort) and no error in the
 * credential or its cohorts. When the model gains a single "issuable" verdict, this is the
 * function to rewire to it.
 */
export function issuableOf(state: Readiness, errors: number): { readonly issuable: boolean; readonly missing: string[] } {
    const missing = state.annex1.filter(e => e.statement === undefined).map(e => `${e.element.n} ${e.element.label}`);
    if (errors > 0) missing.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
    return { issuable: state.annex1Present === state.annex1Total && errors === 0, missing };
}
