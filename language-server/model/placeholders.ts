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
    // The same texts are judged again and again (by the checks, readiness, the QA checks): remember
    // the answers, up to a bound.
    let answer = answers.get(text);
    if (answer === undefined) {
        answer = judge(text);
        if (answers.size >= MAX_REMEMBERED) answers.clear();
        answers.set(text, answer);
    }
    return answer;
}

const answers = new Map<string, boolean>();
const MAX_REMEMBERED = 20_000;

function judge(text: string): boolean {
    const stripped = text.normalize('NFC').toLowerCase().replace(SURROUNDING, '');
    if (stripped === '') return true;
    // Every other placeholder starts with one of these letters (checked first: most texts are values,
    // and a workspace holds hundreds of thousands of them).
    if (!FIRST_LETTERS.has(stripped[0])) return false;
    // Runs of spaces count as one space; the replacement is only needed when there is such a run.
    const core = WHITESPACE_TO_COLLAPSE.test(stripped) ? stripped.replace(/\s+/g, ' ') : stripped;
    return PLACEHOLDER_WORDS.has(core)
        || /^x{2,}$/.test(core)
        || core.startsWith('lorem ipsum');
}

/** The first letters of the placeholder words, of `xx…` and of `lorem ipsum`. */
const FIRST_LETTERS: ReadonlySet<string> = new Set([...PLACEHOLDER_WORDS, 'xx', 'lorem ipsum'].map(word => word[0]));
/** Whitespace other than single spaces. */
const WHITESPACE_TO_COLLAPSE = /\s\s|[^\S ]/;

/** A text that states something: present and not only a placeholder. */
export function isStatedText(text: string | undefined): text is string {
    return text !== undefined && !isPlaceholder(text);
}
