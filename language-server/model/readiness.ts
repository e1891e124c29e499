import annex2 from '../../standards/eu-mc/annex2-principles.json' with { type: 'json' };
import { ruleInfo, type IssueCode } from '../rules/issue-codes.js';
import { ANNEX1_ELEMENTS, type Annex1Element, type CredentialContext, type Statement } from './annex1-elements.js';
import { QA_CHECKS, type QaCheck, type QaGap } from './qa-checks.js';
import { activeWaivers } from './waivers.js';

export interface ElementReadiness {
    readonly element: Annex1Element;
    /** Where the element is stated, or undefined when it is missing. */
    readonly statement: Statement | undefined;
}

export type QaStatus = 'pass' | 'gap' | 'waived';

export interface QaCheckReadiness {
    readonly check: QaCheck;
    readonly status: QaStatus;
    /** The gaps found (also when the check is waived). */
    readonly gaps: readonly QaGap[];
    /** The written reason, when the check is waived. */
    readonly waiverReason?: string;
    /** The Annex II principles the check supports. */
    readonly principles: readonly number[];
}

/** An Annex II principle and the checks of the credential that bear on it. */
export interface PrincipleReadiness {
    readonly n: number;
    readonly id: string;
    readonly name: string;
    /** Every rule (Annex I element or QA check) that supports the principle. */
    readonly codes: readonly IssueCode[];
    /** Of those, the ones this credential satisfies (stated, passed or waived with a reason). */
    readonly satisfied: readonly IssueCode[];
}

export interface Readiness {
    readonly annex1: readonly ElementReadiness[];
    /** Number of the eleven Annex I elements that are stated. */
    readonly annex1Present: number;
    readonly annex1Total: number;
    /** The 17 QA checks of the 5-step design method, in the order of docs/rules.md. */
    readonly qa: readonly QaCheckReadiness[];
    /** QA checks addressed: passed, or waived with a written reason. */
    readonly qaAddressed: number;
    readonly qaPassed: number;
    readonly qaWaived: number;
    readonly qaTotal: number;
    /** The ten Annex II principles with the checks that support each. */
    readonly principles: readonly PrincipleReadiness[];
}

/**
 * How ready a micro-credential is to be issued: which of the eleven Annex I elements are
 * stated (by the programme, or by one of its cohorts for the learner and the date of issuing),
 * which of the 17 QA checks pass, fail or are waived (the same predicates the validator reports),
 * and which Annex II principles those support.
 * Pure: the CLI, code lens and QA report call it with the same inputs and get the same answer.
 */
export function readiness(context: CredentialContext): Readiness {
    const annex1 = ANNEX1_ELEMENTS.map(element => ({ element, statement: element.statedIn(context) }));
    const waivers = activeWaivers(context.credential);
    const qa = QA_CHECKS.map((check): QaCheckReadiness => {
        const gaps = check.gaps(context.credential);
        const waiver = waivers.get(check.code);
        const principles = ruleInfo(check.code).principles;
        if (gaps.length === 0) return { check, status: 'pass', gaps, principles };
        if (waiver) return { check, status: 'waived', gaps, waiverReason: waiver.reason, principles };
        return { check, status: 'gap', gaps, principles };
    });
    const satisfied = new Set<IssueCode>([
        ...annex1.filter(e => e.statement).map(e => e.element.code),
        ...qa.filter(q => q.status !== 'gap').map(q => q.check.code)
    ]);
    const scored: IssueCode[] = [...ANNEX1_ELEMENTS.map(e => e.code), ...QA_CHECKS.map(c => c.code)];
    const principles = annex2.principles.map(principle => {
        const codes = scored.filter(code => ruleInfo(code).principles.includes(principle.n));
        return { n: principle.n, id: principle.id, name: principle.name, codes, satisfied: codes.filter(code => satisfied.has(code)) };
    });
    const count = (status: QaStatus) => qa.filter(q => q.status === status).length;
    return {
        annex1,
        annex1Present: annex1.filter(e => e.statement !== undefined).length,
        annex1Total: ANNEX1_ELEMENTS.length,
        qa,
        qaAddressed: count('pass') + count('waived'),
        qaPassed: count('pass'),
        qaWaived: count('waived'),
        qaTotal: QA_CHECKS.length,
        principles
    };
}
