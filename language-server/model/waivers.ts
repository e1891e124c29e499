import { AstUtils, type AstNode } from 'langium';
import { isCohort, isMicroCredential, type MicroCredential, type Waiver } from '../generated/ast.js';
import { isIssueCode, isWaivable, type IssueCode } from '../rules/issue-codes.js';
import { cohortCredential } from './credential-contexts.js';
import { isPlaceholder } from './placeholders.js';

/** What is wrong with a waiver, if anything (`waiver-reason`, `waiver-unknown-code`). */
export type WaiverProblem =
    | { readonly kind: 'unknown-code' }
    | { readonly kind: 'not-waivable'; readonly code: IssueCode }
    | { readonly kind: 'no-reason' }
    /** The reason only holds a placeholder (`"?"`, `"TBD"`): reported by `value-placeholder` on the text. */
    | { readonly kind: 'placeholder-reason' };

/** The problems of a waiver; a waiver with a problem waives nothing. */
export function waiverProblems(waiver: Waiver): WaiverProblem[] {
    const problems: WaiverProblem[] = [];
    if ((waiver.code as string | undefined) === undefined) {
        // `waive` without a code: a syntax error, reported as such.
    } else if (!isIssueCode(waiver.code)) {
        problems.push({ kind: 'unknown-code' });
    } else if (!isWaivable(waiver.code)) {
        problems.push({ kind: 'not-waivable', code: waiver.code });
    }
    if (!waiver.reason?.trim()) {
        problems.push({ kind: 'no-reason' });
    } else if (isPlaceholder(waiver.reason)) {
        problems.push({ kind: 'placeholder-reason' });
    }
    return problems;
}

/**
 * The waivers of a credential that take effect, by code: a known, waivable code with a written
 * reason (a placeholder such as `"?"` is not one). The first waiver of a code wins; a later one for the same code is unused.
 */
export function activeWaivers(credential: MicroCredential): ReadonlyMap<IssueCode, Waiver> {
    const active = new Map<IssueCode, Waiver>();
    for (const waiver of credential.waivers) {
        if (waiverProblems(waiver).length === 0 && !active.has(waiver.code as IssueCode)) {
            active.set(waiver.code as IssueCode, waiver);
        }
    }
    return active;
}

/**
 * The micro-credential a diagnostic on `node` belongs to, for waivers: the credential that
 * contains the node, or the credential a cohort issues. Providers and pathways belong to none.
 */
export function owningCredential(node: AstNode): MicroCredential | undefined {
    const credential = AstUtils.getContainerOfType(node, isMicroCredential);
    if (credential) return credential;
    const cohort = AstUtils.getContainerOfType(node, isCohort);
    return cohort && cohortCredential(cohort);
}
