import type { Readiness } from '../model/readiness.js';
import type { CredentialStatus } from '../protocol.js';

/** What the editor shows of a credential's readiness (code lens, status bar). */
export type ReadinessSummary = Omit<CredentialStatus, 'name'>;

/** A waived QA check counts as addressed: the designer accounted for it in writing. */
export function readinessSummary(readiness: Readiness): ReadinessSummary {
    return {
        annex1Present: readiness.annex1Present,
        annex1Total: readiness.annex1Total,
        annex1Missing: readiness.annex1.filter(e => e.statement === undefined).map(e => `${e.element.n} ${e.element.label}`),
        qaPassed: readiness.qaAddressed,
        qaTotal: readiness.qaTotal
    };
}

/** `Annex I 9/11 · QA 14/17`. */
export function readinessTitle(summary: ReadinessSummary): string {
    return `Annex I ${summary.annex1Present}/${summary.annex1Total} · QA ${summary.qaPassed}/${summary.qaTotal}`;
}
