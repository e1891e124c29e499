import { todayUtc } from '../catalogue/review.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "Today" for the checks that depend on the date (`qa-review-due`): a fixed date when one is set
 * (`use`, for the CLI and tests), else the `MCRED_TODAY` environment variable (`YYYY-MM-DD`) when
 * the process has one, else the machine's date in UTC. One service, so the answer is reproducible.
 */
export class Clock {
    private fixed: string | undefined;

    /** Judges every date-dependent check as of `date` (`YYYY-MM-DD`); undefined returns to the default. */
    use(date: string | undefined): void {
        if (date !== undefined && !DATE.test(date)) throw new Error(`Clock: expected YYYY-MM-DD, got ${date}`);
        this.fixed = date;
    }

    today(): string {
        if (this.fixed) return this.fixed;
        const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.['MCRED_TODAY'];
        return env && DATE.test(env) ? env : todayUtc();
    }
}
