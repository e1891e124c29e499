import { COUNTRIES, EQF_LEVELS, LANGUAGES } from '../vocab/index.js';

/**
 * The value predicates that decide whether a written value is valid. The value checks report
 * with them and `stated.ts` judges Annex I elements with them, so that an invalid value is never
 * counted as stated. Pure.
 */

/** ECTS credits above which a credential is no longer a "small volume of learning". */
export const MAX_MICRO_ECTS = 60;

export const isCountryCode = (code: string | undefined): boolean => code !== undefined && COUNTRIES.has(code);
export const isLanguageCode = (code: string | undefined): boolean => code !== undefined && LANGUAGES.has(code);
export const isEqfLevel = (level: number | undefined): boolean => level !== undefined && EQF_LEVELS.has(String(level));
/** A workload (ECTS credits or hours) is positive. */
export const isPositiveAmount = (amount: number | undefined): boolean => amount !== undefined && Number.isFinite(amount) && amount > 0;

/** A real calendar date written YYYY-MM-DD; a date with one-digit month or day gets its padded form. */
export function dateProblem(value: string): { problem: string; suggestion?: string } | undefined {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
    if (!match) return { problem: 'is not written YYYY-MM-DD' };
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    if (!real) return { problem: `is not a calendar date (${month < 1 || month > 12 ? 'there is no month ' + month : `${match[1]}-${match[2]} has no day ${day}`})` };
    const padded = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
    return padded === value ? undefined : { problem: `is not written YYYY-MM-DD: write ${padded}`, suggestion: padded };
}

/** A valid date: a real calendar date written YYYY-MM-DD (what `value-date` accepts). */
export function isCalendarDate(value: string | undefined): boolean {
    return value !== undefined && dateProblem(value) === undefined;
}
