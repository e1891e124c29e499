import type { Readiness } from '../model/readiness.js';

/**
 * The catalogue's verdict for a credential is the one `readiness()` gives every other surface
 * (`mcred check`, the report, the code lens, export): issuable when every Annex I element is
 * stated with a valid value and nothing in the credential, its awarding bodies or its cohorts is
 * an error. `missing` names the blockers: the elements not stated (with why) and the errors.
 */
export function issuableOf(state: Readiness): { readonly issuable: boolean; readonly missing: string[] } {
    const missing = state.blockers.filter(b => b.kind === 'element')
        .map(b => `${b.element.n} ${b.element.label}${b.judgement.state === 'missing' ? '' : ` (${b.judgement.state})`}`);
    const errors = state.blockers.filter(b => b.kind === 'error').length;
    if (errors > 0) missing.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
    return { issuable: state.issuable, missing };
}
