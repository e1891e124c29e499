import type { Readiness } from '../model/readiness.js';
import type { CredentialStatus } from './protocol.js';

/** What the editor shows of a credential's readiness (code lens, status bar). */
export type ReadinessSummary = Omit<CredentialStatus, 'name'>;

export function readinessSummary(readiness: Readiness): ReadinessSummary {
    return {
        annex1Present: readiness.annex1Present,
        annex1Total: readiness.annex1Total,
        annex1Missing: readiness.annex1.filter(e => e.statement === undefined).map(e => `${e.element.n} ${e.element.label}`),
        ...qaCounts(readiness)
    };
}

/** `Annex I 9/11`, then `· QA 14/17` once readiness reports the QA checks. */
export function readinessTitle(summary: ReadinessSummary): string {
    const qa = summary.qaTotal !== undefined ? ` · QA ${summary.qaPassed}/${summary.qaTotal}` : '';
    return `Annex I ${summary.annex1Present}/${summary.annex1Total}${qa}`;
}

/**
 * The QA score, read from what `readiness()` returns: the rules helper extends it with the 17 QA
 * checks of the design method (pass / gap / waived). Until then there is none and the lens shows
 * Annex I only. Accepted shapes: counts (`qaPassed` or `qaPresent`, with `qaTotal`), or a list
 * `qa` of checks with a `status` (a waived check counts as passed: the designer accounted for it).
 */
export function qaCounts(readiness: Readiness): { qaPassed: number; qaTotal: number } | Record<string, never> {
    const extended = readiness as Readiness & { qaPassed?: unknown; qaPresent?: unknown; qaTotal?: unknown; qa?: unknown };
    const passed = extended.qaPassed ?? extended.qaPresent;
    if (typeof passed === 'number' && typeof extended.qaTotal === 'number') return { qaPassed: passed, qaTotal: extended.qaTotal };
    if (Array.isArray(extended.qa)) {
        const checks = extended.qa as ReadonlyArray<{ status?: unknown }>;
        return { qaPassed: checks.filter(c => c.status === 'pass' || c.status === 'waived').length, qaTotal: checks.length };
    }
    return {};
}
