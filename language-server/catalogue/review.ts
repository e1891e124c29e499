import type { Cohort, QualityAssurance } from '../generated/ast.js';

/**
 * When the next QA review of a programme is due: `review every N years|months` counted from its
 * last cohort (the latest date of issuing, or the end of the cohort's period when no date of
 * issuing is stated). Pure: "today" is an argument, so the answer is reproducible.
 */
export interface ReviewDue {
    /** `every 2 years`. */
    readonly cycle: string;
    readonly lastCohort?: string;
    readonly lastCohortNode?: Cohort;
    readonly nextDue?: string;
    /** The cycle has passed since the last cohort: `nextDue` is on or before `today`. */
    readonly due: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function reviewDue(qa: QualityAssurance | undefined, cohorts: readonly Cohort[], today: string): ReviewDue | undefined {
    if (!qa || qa.reviewEvery === undefined || !qa.reviewUnit || !(qa.reviewEvery > 0)) return undefined;
    const months = qa.reviewUnit.startsWith('year') ? qa.reviewEvery * 12 : qa.reviewEvery;
    const unit = qa.reviewUnit.startsWith('year') ? 'year' : 'month';
    const cycle = `every ${qa.reviewEvery} ${unit}${qa.reviewEvery === 1 ? '' : 's'}`;
    let last: { date: string; cohort: Cohort } | undefined;
    for (const cohort of cohorts) {
        const date = [cohort.issued, cohort.periodTo].find(d => d !== undefined && DATE.test(d) && validDate(d));
        if (date && (!last || date > last.date)) last = { date, cohort };
    }
    if (!last || !Number.isInteger(months)) return { cycle, due: false };
    const nextDue = addMonths(last.date, months);
    return { cycle, lastCohort: last.date, lastCohortNode: last.cohort, nextDue, due: nextDue <= today };
}

/** Today in UTC as `YYYY-MM-DD`. */
export function todayUtc(now: Date = new Date()): string {
    return now.toISOString().slice(0, 10);
}

/** Adds whole months to a `YYYY-MM-DD` date; the day is clamped to the end of a shorter month. */
export function addMonths(date: string, months: number): string {
    const [, y, m, d] = DATE.exec(date)!.map(Number);
    const index = y * 12 + (m - 1) + months;
    const year = Math.floor(index / 12);
    const month = index % 12;
    const day = Math.min(d, daysIn(year, month));
    return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysIn(year: number, month: number): number {
    return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function validDate(date: string): boolean {
    const [, y, m, d] = DATE.exec(date)!.map(Number);
    return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m - 1);
}
