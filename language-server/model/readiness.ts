import { ANNEX1_ELEMENTS, type Annex1Element, type CredentialContext, type Statement } from './annex1-elements.js';

export interface ElementReadiness {
    readonly element: Annex1Element;
    /** Where the element is stated, or undefined when it is missing. */
    readonly statement: Statement | undefined;
}

export interface Readiness {
    readonly annex1: readonly ElementReadiness[];
    /** Number of the eleven Annex I elements that are stated. */
    readonly annex1Present: number;
    readonly annex1Total: number;
}

/**
 * How ready a micro-credential is to be issued: which of the eleven Annex I elements are
 * stated (by the programme, or by one of its cohorts for the learner and the date of issuing).
 * Pure: the CLI, code lens and QA report call it with the same inputs and get the same answer.
 */
export function readiness(context: CredentialContext): Readiness {
    const annex1 = ANNEX1_ELEMENTS.map(element => ({ element, statement: element.statedIn(context) }));
    return {
        annex1,
        annex1Present: annex1.filter(e => e.statement !== undefined).length,
        annex1Total: ANNEX1_ELEMENTS.length
    };
}
