/**
 * A progress bar on standard error for long runs of the CLI (an export, signing or verifying
 * more than {@link PROGRESS_THRESHOLD} credentials). It is drawn only when the stream is a
 * terminal: never in a pipe, a file or CI, so scripts and logs see exactly the output they saw
 * before. It redraws at most every 100 ms on one line and erases that line when it is done.
 */

/** A run of more than this many credentials shows a progress bar (on a terminal). */
export const PROGRESS_THRESHOLD = 500;

/** What the bar writes to: process.stderr, or a test's stand-in. */
export interface ProgressStream {
    readonly isTTY?: boolean;
    readonly columns?: number;
    write(text: string): unknown;
}

export interface ProgressBar {
    /** `done` of the total are finished. */
    update(done: number): void;
    /** Erases the bar (idempotent). */
    finish(): void;
}

const NO_BAR: ProgressBar = { update: () => undefined, finish: () => undefined };
const REDRAW_MS = 100;
const ERASE_LINE = '\r\u001b[2K';

export interface ProgressOptions {
    readonly stream?: ProgressStream;
    /** Runs of at most this many items show nothing (default {@link PROGRESS_THRESHOLD}). */
    readonly threshold?: number;
    /** The clock, in milliseconds (tests). */
    readonly now?: () => number;
}

/** A bar labelled `label` (e.g. "Exporting") for `total` items, or one that draws nothing. */
export function progressBar(label: string, total: number, options: ProgressOptions = {}): ProgressBar {
    const stream = options.stream ?? process.stderr;
    if (stream.isTTY !== true || total <= (options.threshold ?? PROGRESS_THRESHOLD)) return NO_BAR;
    const now = options.now ?? (() => performance.now());
    let drawn = false;
    let finished = false;
    let last = -Infinity;
    const draw = (done: number) => {
        const columns = Math.max(40, Math.min(stream.columns ?? 80, 120));
        const count = `${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
        const percent = `${Math.floor((done / total) * 100)}%`.padStart(4);
        const width = Math.max(10, columns - label.length - count.length - percent.length - 6);
        const filled = Math.round((done / total) * width);
        stream.write(`${ERASE_LINE}${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent} ${count}`);
        drawn = true;
    };
    return {
        update(done: number) {
            if (finished) return;
            const at = now();
            if (at - last < REDRAW_MS && done < total) return;
            last = at;
            draw(Math.min(done, total));
        },
        finish() {
            if (finished) return;
            finished = true;
            if (drawn) stream.write(ERASE_LINE);
        }
    };
}
