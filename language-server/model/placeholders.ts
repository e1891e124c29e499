/**
 * Placeholders are not values (docs/language.md, "Holes and placeholders"): a text that only holds
 * one of these words stands for something nobody has decided yet. It raises `value-placeholder`
 * and counts as missing everywhere (Annex I, QA checks, readiness, export).
 */
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
    'tbd', 'tba', 'tbc', 'todo', 'to do', 'n/a', 'n.a', 'not stated', 'unknown',
    'to be defined', 'to be decided', 'to be confirmed', 'to be determined', 'to be announced'
]);

/** Surrounding spaces, punctuation and symbols: `"  TBD. "`, `"(tbd)"`, `"- "`, `"..."`, `"…"`. */
const SURROUNDING = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;

/**
 * Whether a text only holds a placeholder: empty, `TBD`, `TBA`, `TODO`, `N/A`, `-`, `?`, `...`,
 * `…`, `xxx`, `lorem ipsum…`, `to be defined/decided/confirmed`, `not stated`, `unknown`; any
 * case, surrounding spaces and punctuation ignored. Pure.
 */
export function isPlaceholder(text: string): boolean {
    const core = text.normalize('NFC').toLowerCase().replace(SURROUNDING, '').replace(/\s+/g, ' ');
    return core === ''
        || PLACEHOLDER_WORDS.has(core)
        || /^x{2,}$/.test(core)
        || core.startsWith('lorem ipsum');
}

/** A text that states something: present and not only a placeholder. */
export function isStatedText(text: string | undefined): text is string {
    return text !== undefined && !isPlaceholder(text);
}
