import { AstUtils, type AstNode } from 'langium';
import annex2 from '../../standards/eu-mc/annex2-principles.json' with { type: 'json' };
import { ruleInfo, type IssueCode } from '../rules/issue-codes.js';
import { ANNEX1_ELEMENTS, type Annex1Element, type CredentialContext, type Statement } from './annex1-elements.js';
import { QA_CHECKS, type QaCheck, type QaGap } from './qa-checks.js';
import type { Evidence, Judgement } from './stated.js';
import { activeWaivers } from './waivers.js';

export interface ElementReadiness {
    readonly element: Annex1Element;
    /** The one judgement of the element (stated with its evidence, missing, hole, placeholder, invalid, unjudged). */
    readonly judgement: Judgement;
    /** Where the element is stated, or undefined when it is not stated. */
    readonly statement: Statement | undefined;
}

export type QaStatus = 'pass' | 'gap' | 'waived';

export type QaCheckReadiness = {
    readonly check: QaCheck;
    /** The written reason, when the check is waived. */
    readonly waiverReason?: string;
    /** The Annex II principles the check supports. */
    readonly principles: readonly number[];
} & (
    /** A pass always carries the source text that satisfies it. */
    | { readonly status: 'pass'; readonly gaps: readonly []; readonly evidence: readonly [Evidence, ...Evidence[]] }
    /** The gaps found (also when the check is waived). */
    | { readonly status: 'gap' | 'waived'; readonly gaps: readonly QaGap[]; readonly evidence?: undefined }
);

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

/** A diagnostic of the credential, its awarding bodies or its cohorts, as readiness needs it (1-based line). */
export interface ContextDiagnostic {
    readonly severity: 'error' | 'warning' | 'information' | 'hint';
    readonly code?: string;
    readonly message: string;
    readonly uri: string;
    readonly line: number;
    readonly column: number;
}

/** Why a credential cannot be issued: an Annex I element that is not stated, or an error. */
export type Blocker =
    | { readonly kind: 'element'; readonly element: Annex1Element; readonly judgement: Exclude<Judgement, { state: 'stated' }> }
    | { readonly kind: 'error'; readonly diagnostic: ContextDiagnostic };

export interface Readiness {
    readonly annex1: readonly ElementReadiness[];
    /** Number of the eleven Annex I elements that are stated (with a valid value). */
    readonly annex1Present: number;
    readonly annex1Total: number;
    /**
     * Whether the credential can be issued: every Annex I element stated with a valid value (no
     * hole, placeholder, invalid value or syntax error) and no error in the credential, its
     * awarding bodies or its cohorts, whatever the severity configuration says of the Annex I rules.
     */
    readonly issuable: boolean;
    /** Everything that stands in the way of issuing, elements first. Empty exactly when issuable. */
    readonly blockers: readonly Blocker[];
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

const SEVERITY_NAMES = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const;

/**
 * The diagnostics that bear on a credential: those inside the credential, its awarding bodies and
 * its cohorts (read from their validated documents), plus the syntax errors of those documents.
 * A document that is not validated yet contributes none.
 */
export function contextDiagnostics(context: CredentialContext, extra: readonly AstNode[] = []): ContextDiagnostic[] {
    const nodes: AstNode[] = [
        context.credential, ...context.credential.awardedBy.map(r => r.ref).filter(n => n !== undefined), ...context.cohorts, ...extra
    ];
    const found: ContextDiagnostic[] = [];
    const seen = new Set<unknown>();
    for (const node of nodes) {
        const document = AstUtils.findRootNode(node).$document;
        const range = node.$cstNode?.range;
        for (const diagnostic of document?.diagnostics ?? []) {
            if (seen.has(diagnostic)) continue;
            const start = diagnostic.range.start;
            const inside = range !== undefined && !before(start, range.start) && !before(range.end, start);
            if (!inside && diagnostic.code !== 'syntax-error') continue;
            seen.add(diagnostic);
            found.push({
                severity: SEVERITY_NAMES[diagnostic.severity ?? 1],
                ...(diagnostic.code !== undefined ? { code: String(diagnostic.code) } : {}),
                message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
                uri: document!.uri.toString(),
                line: start.line + 1,
                column: start.character + 1
            });
        }
    }
    return found;
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * How ready a micro-credential is, in two honest parts: whether it can be issued (Issuable), and
 * which of the 17 QA checks pass, fail or are waived (QA m/17); with the Annex II principles those
 * support. Every Annex I element is judged once (model/stated.ts), by the same function the
 * Annex I checks report with.
 *
 * `diagnostics` are those of the credential, its awarding bodies and its cohorts (by default read
 * from their validated documents). Pure: the CLI, code lens, status bar, QA report and export call
 * it and get the same answer.
 */
export function readiness(context: CredentialContext, diagnostics: readonly ContextDiagnostic[] = contextDiagnostics(context)): Readiness {
    const annex1 = ANNEX1_ELEMENTS.map((element): ElementReadiness => {
        const judgement = element.judge(context);
        return {
            element, judgement,
            statement: judgement.state === 'stated'
                ? { node: judgement.evidence.node, ...(judgement.evidence.property ? { property: judgement.evidence.property } : {}) }
                : undefined
        };
    });
    const waivers = activeWaivers(context.credential);
    const qa = QA_CHECKS.map((check): QaCheckReadiness => {
        const outcome = check.assess(context.credential);
        const principles = ruleInfo(check.code).principles;
        if (outcome.passed) return { check, status: 'pass', gaps: [], evidence: outcome.evidence, principles };
        const waiver = waivers.get(check.code);
        if (waiver) return { check, status: 'waived', gaps: outcome.gaps, waiverReason: waiver.reason, principles };
        return { check, status: 'gap', gaps: outcome.gaps, principles };
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
    const blockers: Blocker[] = [
        ...annex1.flatMap(({ element, judgement }): Blocker[] => judgement.state === 'stated' ? [] : [{ kind: 'element', element, judgement }]),
        ...diagnostics.filter(d => d.severity === 'error').map((diagnostic): Blocker => ({ kind: 'error', diagnostic }))
    ];
    const count = (status: QaStatus) => qa.filter(q => q.status === status).length;
    return {
        annex1,
        annex1Present: annex1.filter(e => e.statement !== undefined).length,
        annex1Total: ANNEX1_ELEMENTS.length,
        issuable: blockers.length === 0,
        blockers,
        qa,
        qaAddressed: count('pass') + count('waived'),
        qaPassed: count('pass'),
        qaWaived: count('waived'),
        qaTotal: QA_CHECKS.length,
        principles
    };
}

const STATE_WORDS: Record<Exclude<Judgement['state'], 'stated'>, [string, string]> = {
    missing: ['missing', 'missing'],
    hole: ['still a hole', 'still holes'],
    placeholder: ['only a placeholder', 'only placeholders'],
    invalid: ['invalid', 'invalid'],
    unjudged: ['not judged (syntax error)', 'not judged (syntax errors)']
};

/**
 * The verdict in words, the same on every surface: `Issuable: yes`, or `Issuable: no — 2 elements
 * missing (level, quality assurance); 1 error`.
 */
export function issuableText(state: Pick<Readiness, 'issuable' | 'blockers'>): string {
    if (state.issuable) return 'Issuable: yes';
    return `Issuable: no — ${blockerSummary(state.blockers)}`;
}

/** `2 elements missing (level, quality assurance); 1 still a hole (title); 3 errors`. */
export function blockerSummary(blockers: readonly Blocker[]): string {
    const parts: string[] = [];
    for (const state of ['missing', 'hole', 'placeholder', 'invalid', 'unjudged'] as const) {
        const elements = blockers.filter(b => b.kind === 'element' && b.judgement.state === state)
            .map(b => (b as Extract<Blocker, { kind: 'element' }>).element.short);
        if (elements.length === 0) continue;
        const [one, many] = STATE_WORDS[state];
        parts.push(`${elements.length} ${elements.length === 1 ? 'element' : 'elements'} ${elements.length === 1 ? one : many} (${elements.join(', ')})`);
    }
    const errors = otherErrors(blockers).length;
    if (errors > 0) parts.push(`${errors} ${parts.length > 0 ? 'other ' : ''}${errors === 1 ? 'error' : 'errors'}`);
    return parts.join('; ');
}

/**
 * The error blockers that are not already told by an element blocker (one cause, one count): the
 * diagnostic of a missing element, of a hole, of a placeholder, of a syntax error that leaves an
 * element unjudged, or on the line of an invalid element's evidence.
 */
export function otherErrors(blockers: readonly Blocker[]): Array<Extract<Blocker, { kind: 'error' }>> {
    const elements = blockers.filter((b): b is Extract<Blocker, { kind: 'element' }> => b.kind === 'element');
    const told = new Set<string>(elements.map(b => b.element.code));
    if (elements.some(b => b.judgement.state === 'hole')) told.add('value-hole');
    if (elements.some(b => b.judgement.state === 'placeholder')) told.add('value-placeholder');
    if (elements.some(b => b.judgement.state === 'unjudged')) told.add('syntax-error');
    const lines = new Set(elements.flatMap(b => 'evidence' in b.judgement && b.judgement.evidence.uri
        ? [`${b.judgement.evidence.uri}:${b.judgement.evidence.range.start.line + 1}`] : []));
    return blockers.filter((b): b is Extract<Blocker, { kind: 'error' }> => b.kind === 'error'
        && !(b.diagnostic.code !== undefined && told.has(b.diagnostic.code))
        && !lines.has(`${b.diagnostic.uri}:${b.diagnostic.line}`));
}
