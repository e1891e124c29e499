/** One value of a controlled list: what the user writes, what it means, and its concept URI. */
export interface Concept {
    /** The value as written in a .mcred file (`6`, `0223`, `IT`, `en`, `written-exam`). */
    readonly code: string;
    /** Human-readable label (`Level 6`, `Philosophy and ethics`, `Italy`). */
    readonly label: string;
    /** Longer documentation for hovers and completion, when the source has one. */
    readonly description?: string;
    /** The concept URI used on export (Europass / EU Vocabularies / ESCO), when one exists. */
    readonly uri?: string;
}

/**
 * A controlled list, looked up by code in constant time, with "did you mean" suggestions.
 * Pure data: shared by validation, completion, hover and export.
 */
export class Vocabulary<C extends Concept = Concept> {
    private readonly byCode: ReadonlyMap<string, C>;
    private readonly byFoldedCode: ReadonlyMap<string, C>;

    constructor(
        /** Name of the list as the user knows it (`ISO 3166-1 country codes`). */
        readonly name: string,
        /** Concept scheme URI, when the list is an EU vocabulary. */
        readonly scheme: string | undefined,
        readonly concepts: readonly C[]
    ) {
        this.byCode = new Map(concepts.map(c => [c.code, c]));
        this.byFoldedCode = new Map(concepts.map(c => [c.code.toLowerCase(), c]));
    }

    get(code: string): C | undefined {
        return this.byCode.get(code);
    }

    has(code: string): boolean {
        return this.byCode.has(code);
    }

    /**
     * The closest valid values to a wrong one, best first: the same code in another case, then
     * codes and labels within a small edit distance, then labels that contain the text. Bounded:
     * a value longer than `MAX_SUGGEST_LENGTH` gets only the same-code-in-another-case answer, the
     * edit distance stops as soon as it exceeds what could be suggested, and recent answers are
     * remembered, so that a 1 MB value or 100,000 wrong countries cost milliseconds, not minutes.
     */
    suggest(wrong: string, max = 3): C[] {
        const cacheKey = `${max}\u0000${wrong}`;
        const cached = wrong.length <= MAX_SUGGEST_LENGTH ? this.cache.get(cacheKey) : undefined;
        if (cached) return [...cached];
        const folded = wrong.toLowerCase();
        const exact = this.byFoldedCode.get(folded);
        if (wrong.length > MAX_SUGGEST_LENGTH) return exact ? [exact] : [];
        const limit = Math.max(1, Math.floor(folded.length / 3));
        const scored = this.concepts
            .filter(c => c !== exact)
            .map(c => ({
                c,
                score: Math.min(boundedDistance(folded, c.code.toLowerCase(), limit), boundedDistance(folded, c.label.toLowerCase(), limit - 1) + 1)
            }))
            .filter(({ c, score }) => score <= limit || (folded.length >= 3 && c.label.toLowerCase().includes(folded)))
            .sort((a, b) => a.score - b.score
                || Math.abs(a.c.code.length - folded.length) - Math.abs(b.c.code.length - folded.length)
                || commonPrefix(folded, b.c.code.toLowerCase()) - commonPrefix(folded, a.c.code.toLowerCase())
                || a.c.code.localeCompare(b.c.code))
            .map(({ c }) => c);
        const result = (exact ? [exact, ...scored] : scored).slice(0, max);
        if (this.cache.size >= SUGGEST_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
        this.cache.set(cacheKey, result);
        return [...result];
    }

    private readonly cache = new Map<string, C[]>();
}

/** Values longer than this get no "did you mean" beyond a change of case: no code or label is this long. */
export const MAX_SUGGEST_LENGTH = 100;
const SUGGEST_CACHE_SIZE = 512;

/**
 * The edit distance of `a` and `b` when it is at most `limit`, else `limit + 1`, in
 * O(min(|a|,|b|) × limit) time: only the diagonal band that can stay within the limit is computed.
 */
export function boundedDistance(a: string, b: string, limit: number): number {
    if (a === b) return 0;
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    const big = limit + 1;
    let previous = new Array<number>(b.length + 1).fill(big);
    let current = new Array<number>(b.length + 1).fill(big);
    for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
        const from = Math.max(1, i - limit);
        const to = Math.min(b.length, i + limit);
        // Cells outside the band count as over the limit.
        current[0] = i <= limit ? i : big;
        if (from > 1) current[from - 1] = big;
        if (to < b.length) current[to + 1] = big;
        let best = current[0];
        for (let j = from; j <= to; j++) {
            const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            current[j] = value > big ? big : value;
            if (current[j] < best) best = current[j];
        }
        if (best > limit) return big;
        [previous, current] = [current, previous];
    }
    return Math.min(previous[b.length], big);
}

function commonPrefix(a: string, b: string): number {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
export function distance(a: string, b: string): number {
    if (a === b) return 0;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
