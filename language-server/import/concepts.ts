import {
    ASSESSMENT_TYPES, COUNTRIES, ECTS_CREDIT_SYSTEM, EQF_LEVELS, ISCED_F_FIELDS, LANGUAGES, LEARNING_SETTINGS,
    PARTICIPATION_MODES, QF_EHEA_CYCLES, SUPERVISION_TYPES, type Concept, type Vocabulary
} from '../vocab/index.js';

/**
 * Controlled values found in credentials, read back into the codes a `.mcred` file uses: by
 * concept URI first, then by the concept's label (an official label, in any case). Nothing is
 * matched by resemblance: a value that is not exactly a known concept is not imported.
 */

const byUri = new WeakMap<Vocabulary, Map<string, Concept>>();
const byLabel = new WeakMap<Vocabulary, Map<string, Concept>>();

function uriIndex(vocab: Vocabulary): Map<string, Concept> {
    let index = byUri.get(vocab);
    if (!index) {
        index = new Map(vocab.concepts.filter(c => c.uri).map(c => [normaliseUri(c.uri!), c]));
        byUri.set(vocab, index);
    }
    return index;
}

function labelIndex(vocab: Vocabulary): Map<string, Concept> {
    let index = byLabel.get(vocab);
    if (!index) {
        index = new Map(vocab.concepts.map(c => [c.label.toLowerCase(), c]));
        byLabel.set(vocab, index);
    }
    return index;
}

function normaliseUri(uri: string): string {
    return uri.trim().replace(/^https:/, 'http:').replace(/\/$/, '');
}

export function conceptByUri(vocab: Vocabulary, uri: string | undefined): Concept | undefined {
    return uri ? uriIndex(vocab).get(normaliseUri(uri)) : undefined;
}

export function conceptByLabel(vocab: Vocabulary, label: string | undefined): Concept | undefined {
    return label ? labelIndex(vocab).get(label.trim().toLowerCase()) : undefined;
}

/** A concept by URI, else by label. */
export function conceptOf(vocab: Vocabulary, uri: string | undefined, label: string | undefined): Concept | undefined {
    return conceptByUri(vocab, uri) ?? conceptByLabel(vocab, label);
}

export const VOCABS = {
    assessment: ASSESSMENT_TYPES,
    participation: PARTICIPATION_MODES,
    setting: LEARNING_SETTINGS,
    supervision: SUPERVISION_TYPES,
    eqf: EQF_LEVELS,
    isced: ISCED_F_FIELDS,
    country: COUNTRIES,
    qfEhea: QF_EHEA_CYCLES
} as const;

export function isEctsUri(uri: string | undefined): boolean {
    return uri !== undefined && normaliseUri(uri) === normaliseUri(ECTS_CREDIT_SYSTEM.uri);
}

/**
 * A language code from an EU language authority URI (`…/language/ENG`), an ISO 639-1 code or an
 * ISO 639-2/T code; the Europass sample writes `…/language/EN`, read as `en`.
 */
export function languageCode(value: string | undefined): string | undefined {
    if (!value) return undefined;
    const byAuthority = conceptByUri(LANGUAGES, value);
    if (byAuthority) return byAuthority.code;
    const last = value.trim().replace(/\/$/, '').split(/[/#]/).pop()!.toLowerCase();
    if (LANGUAGES.has(last)) return last;
    const alpha3 = LANGUAGES.concepts.find(l => l.alpha3.toLowerCase() === last);
    if (alpha3) return alpha3.code;
    const tag = /^([a-z]{2})-[a-z0-9-]+$/i.exec(value.trim());
    return tag && LANGUAGES.has(tag[1].toLowerCase()) ? tag[1].toLowerCase() : undefined;
}

/** A country code (ISO 3166-1 alpha-2) from an EU country authority URI or a code. */
export function countryCode(value: string | undefined): string | undefined {
    if (!value) return undefined;
    const byAuthority = conceptByUri(COUNTRIES, value);
    if (byAuthority) return byAuthority.code;
    const code = value.trim().toUpperCase();
    if (COUNTRIES.has(code)) return code;
    const alpha3 = COUNTRIES.concepts.find(c => (c as { alpha3?: string }).alpha3 === code);
    return alpha3?.code;
}

/** `PT60H` → 60 hours; `P6M` → 6 months; `P42D` → 6 weeks (whole weeks are how mcred writes them). */
export function isoDuration(value: string | undefined): { amount: number; unit: string } | undefined {
    if (!value) return undefined;
    const n = '(\\d+(?:\\.\\d+)?)';
    const m = new RegExp(`^P(?:${n}Y)?(?:${n}M)?(?:${n}W)?(?:${n}D)?(?:T(?:${n}H)?(?:${n}M)?(?:${n}S)?)?$`).exec(value.trim());
    if (!m) return undefined;
    const parts = [['years', m[1]], ['months', m[2]], ['weeks', m[3]], ['days', m[4]], ['hours', m[5]], ['minutes', m[6]], ['seconds', m[7]]]
        .filter((p): p is [string, string] => p[1] !== undefined);
    if (parts.length !== 1 || parts[0][0] === 'minutes' || parts[0][0] === 'seconds') return undefined;
    const [unit, amount] = parts[0];
    if (unit === 'days' && Number(amount) % 7 === 0 && Number(amount) > 0) {
        return { amount: Number(amount) / 7, unit: 'weeks' };
    }
    return { amount: Number(amount), unit };
}
