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
     * codes and labels within a small edit distance, then labels that contain the text.
     */
    suggest(wrong: string, max = 3): C[] {
        const folded = wrong.toLowerCase();
        const exact = this.byFoldedCode.get(folded);
        const scored = this.concepts
            .filter(c => c !== exact)
            .map(c => ({ c, score: Math.min(distance(folded, c.code.toLowerCase()), distance(folded, c.label.toLowerCase()) + 1) }))
            .filter(({ c, score }) => score <= Math.max(1, Math.floor(folded.length / 3)) || (folded.length >= 3 && c.label.toLowerCase().includes(folded)))
            .sort((a, b) => a.score - b.score
                || Math.abs(a.c.code.length - folded.length) - Math.abs(b.c.code.length - folded.length)
                || commonPrefix(folded, b.c.code.toLowerCase()) - commonPrefix(folded, a.c.code.toLowerCase())
                || a.c.code.localeCompare(b.c.code))
            .map(({ c }) => c);
        return (exact ? [exact, ...scored] : scored).slice(0, max);
    }
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
