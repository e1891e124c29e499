import { isMeasurableVerb, VAGUE_VERBS } from '../vocab/action-verbs.js';

/** How a learning outcome statement is worded, for `qa-structure-outcomes`. */
export interface OutcomeWording {
    /** True when the statement names an observable performance. */
    readonly measurable: boolean;
    /** The measurable verb found (as written), when there is one. */
    readonly verb?: string;
    /** The vague phrase the statement relies on instead, with measurable verbs to say instead. */
    readonly vague?: { readonly phrase: string; readonly instead: readonly string[]; readonly start: number; readonly length: number };
}

/**
 * Words that may precede the verb of an outcome without being it: "The learner will be able to
 * explain…", "Participants can…", "On completion, students…", "To design…".
 */
const LEAD_IN = new Set([
    'the', 'a', 'an', 'learner', 'learners', 'student', 'students', 'participant', 'participants', 'graduate',
    'graduates', 'successful', 'trainee', 'trainees', 'will', 'shall', 'can', 'could', 'should', 'must', 'be', 'able',
    'to', 'is', 'are', 'on', 'upon', 'after', 'completion', 'completing', 'of', 'this', 'course', 'module', 'programme',
    'program', 'micro-credential', 'microcredential', 'by', 'end', 'at', 'they', 'you', 'we', 'have', 'demonstrate',
    'demonstrated', 'ability', 'capacity', 'successfully', 'independently', 'effectively', 'critically'
]);

/** Words after which a measurable verb is a verb, not a noun ("and apply", "to use", "critically assess"). */
const VERB_LEADERS = new Set(['and', 'or', 'to', 'then', 'also', 'both', 'either', 'can', 'will', 'should', 'must', 'shall']);

interface Token {
    readonly word: string;
    readonly start: number;
}

function tokens(statement: string): Token[] {
    return [...statement.matchAll(/\p{L}+(?:['’-]\p{L}+)*/gu)].map(m => ({ word: m[0].toLowerCase(), start: m.index }));
}

function vagueAt(words: readonly Token[], i: number) {
    for (const vague of VAGUE_VERBS) {
        const parts = vague.phrase.split(' ');
        if (parts.every((part, k) => words[i + k]?.word === part || (k === 0 && words[i]?.word === part + 's'))) {
            const last = words[i + parts.length - 1];
            return { ...vague, start: words[i].start, length: last.start + last.word.length - words[i].start };
        }
    }
    return undefined;
}

/**
 * Judges whether an outcome statement is observable: it starts (after a lead-in such as "The
 * learner will be able to") with a measurable action verb, or contains one in a verb position
 * ("Understand and apply…", "Know how to use…"). A noun that happens to be a verb ("the design
 * of…") does not count. When the statement relies on "understand", "know", "be aware of" or
 * "learn about" alone, the phrase is returned with measurable verbs to use instead.
 */
export function outcomeWording(statement: string): OutcomeWording {
    const words = tokens(statement);
    let vague: OutcomeWording['vague'];
    let i = 0;
    for (; i < words.length; i++) {
        const found = vagueAt(words, i);
        if (found) {
            vague ??= found;
            i += found.phrase.split(' ').length;
            break;
        }
        if (isMeasurableVerb(words[i].word) && !(LEAD_IN.has(words[i].word) && isLeadIn(words, i))) {
            return { measurable: true, verb: statement.substr(words[i].start, words[i].word.length) };
        }
        if (!LEAD_IN.has(words[i].word)) break;
    }
    for (let k = Math.max(i, 1); k < words.length; k++) {
        const previous = words[k - 1].word;
        if (isMeasurableVerb(words[k].word) && (VERB_LEADERS.has(previous) || previous.endsWith('ly'))) {
            return { measurable: true, verb: statement.substr(words[k].start, words[k].word.length) };
        }
        vague ??= vagueAt(words, k);
    }
    return vague ? { measurable: false, vague } : { measurable: false };
}

/** "demonstrate" is both a lead-in ("demonstrate the ability to…") and a verb ("demonstrate a tool"). */
function isLeadIn(words: readonly Token[], i: number): boolean {
    const next = words[i + 1]?.word;
    return next === 'the' && (words[i + 2]?.word === 'ability' || words[i + 2]?.word === 'capacity')
        || next === 'ability' || next === 'capacity';
}
