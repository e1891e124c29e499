import { issuableText, type Readiness } from '../model/readiness.js';
import type { CredentialStatus } from '../protocol.js';

/** What the editor shows of a credential's readiness (code lens, status bar). */
export type ReadinessSummary = Omit<CredentialStatus, 'name'>;

const STATE_LABELS = { missing: 'missing', hole: 'a hole', placeholder: 'a placeholder', invalid: 'invalid', unjudged: 'not judged: syntax error' } as const;

/** A waived QA check counts as addressed: the designer accounted for it in writing. */
export function readinessSummary(readiness: Readiness): ReadinessSummary {
    return {
        issuable: readiness.issuable,
        issuableText: issuableText(readiness),
        annex1Present: readiness.annex1Present,
        annex1Total: readiness.annex1Total,
        annex1Missing: readiness.annex1.flatMap(({ element, judgement }) => judgement.state === 'stated' ? []
            : [`${element.n} ${element.label}: ${STATE_LABELS[judgement.state]}${judgement.state === 'unjudged' ? ` (line ${judgement.syntaxError.line})` : ''}`]),
        qaPassed: readiness.qaAddressed,
        qaTotal: readiness.qaTotal
    };
}

/** `Issuable: no · Annex I 9/11 · QA 14/17`. */
export function readinessTitle(summary: ReadinessSummary): string {
    return `Issuable: ${summary.issuable ? 'yes' : 'no'} · Annex I ${summary.annex1Present}/${summary.annex1Total} · QA ${summary.qaPassed}/${summary.qaTotal}`;
}
