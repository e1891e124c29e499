import {
    ASSESSMENT_TYPES, COUNTRIES, EQF_LEVELS, ISCED_F_FIELDS, LANGUAGES, LEARNER_TYPES, LEARNING_SCHEDULES, LEARNING_SETTINGS,
    PARTICIPATION_MODES, PURPOSES, QF_EHEA_CYCLES, SUPERVISION_TYPES, type Vocabulary
} from '../vocab/index.js';
import { keywordDoc, servesLine } from './keyword-docs.js';

/**
 * What a hover on a hole (`level ?`) says: what is to decide (the property and what it means),
 * the Annex I element or design-method step it stands for, and the legal values or how to write
 * one. Pure: the names a reference may take (providers, outcomes) are given by the caller.
 */

/** Properties whose value is one of a short controlled list, spelled as keywords. */
const KEYWORD_LISTS: Readonly<Record<string, Vocabulary>> = {
    participation: PARTICIPATION_MODES,
    mode: PARTICIPATION_MODES,
    type: ASSESSMENT_TYPES,
    supervision: SUPERVISION_TYPES,
    setting: LEARNING_SETTINGS,
    purpose: PURPOSES,
    learnerTypes: LEARNER_TYPES,
    schedule: LEARNING_SCHEDULES
};

/** Properties whose value is a code of a long list. */
const CODE_LISTS: Readonly<Record<string, { vocabulary: Vocabulary; what: string }>> = {
    country: { vocabulary: COUNTRIES, what: 'an ISO 3166-1 alpha-2 country code (`IT`, `FI`)' },
    language: { vocabulary: LANGUAGES, what: 'ISO 639-1 language codes, the first one being the language of the untagged texts (`en`, `fi`)' },
    field: { vocabulary: ISCED_F_FIELDS, what: 'ISCED-F 2013 field codes in quotes (`"0223"`)' }
};

/** Properties whose value names declarations: what they name. */
const REFERENCES: Readonly<Record<string, string>> = {
    awardedBy: 'providers', deliveredWith: 'providers', members: 'providers', providedBy: 'providers',
    covers: 'outcomes', includes: 'credentials', stackable: 'pathways'
};

export interface HoleFacts {
    /** The property the hole stands for (`level`), `internal`/`external` for a QA procedure, `outcome` for a statement. */
    readonly property: string;
    /** The AST type of the block the hole is in (`MicroCredential`, `Format`). */
    readonly block: string;
    /** The names a reference at this hole may take (providers of the workspace, outcomes of the credential). */
    readonly names?: readonly string[];
}

export function holeMarkdown(hole: HoleFacts): string {
    const { property, block } = hole;
    const doc = keywordDoc(property, block);
    const lines = [`**\`${property} ?\`** — still to decide${doc ? `: ${lowerFirst(doc.summary)}` : '.'}`];
    const serves = doc && servesLine(doc);
    if (serves) lines.push('', serves);
    lines.push('', legalValues(hole, doc?.syntax));
    lines.push('', 'Until a value replaces the `?`, this counts as missing: the credential cannot be issued or exported. '
        + 'Completion (Ctrl+Space) on the `?` lists the values.');
    return lines.join('\n');
}

function legalValues(hole: HoleFacts, syntax: string | undefined): string {
    const { property } = hole;
    if (property === 'level') {
        return [
            'Write one of:',
            `- \`eqf 1\` … \`eqf 8\`: an EQF level (${EQF_LEVELS.concepts.length} levels)`,
            `- \`qf-ehea ${QF_EHEA_CYCLES.concepts.map(c => c.code).join('|')}\`: a QF-EHEA cycle`,
            '- `none "…"`: no level applies, and why'
        ].join('\n');
    }
    if (property === 'internal' || property === 'external') {
        return `Write how the ${property} quality assurance is done: its timing (\`exAnte\`, \`exPost\`), and a text in quotes, an \`agency "…"\` or a \`standard "…"\` (\`${property} exAnte "Approved by the programme board"\`).`;
    }
    const list = KEYWORD_LISTS[property];
    if (list) return `One of: ${list.concepts.map(c => `\`${c.code}\``).join(', ')}.`;
    const codes = CODE_LISTS[property];
    if (codes) return `Write ${codes.what}; ${codes.vocabulary.concepts.length} codes are known.`;
    const reference = REFERENCES[property];
    if (reference) {
        const names = hole.names ?? [];
        const shown = names.slice(0, 10).map(n => `\`${n}\``).join(', ');
        return names.length > 0
            ? `Name ${reference === 'providers' ? 'one or more' : 'one or more'} of the ${reference} declared: ${shown}${names.length > 10 ? ', …' : ''}.`
            : `Name one or more ${reference}; none is declared yet.`;
    }
    return syntax ? `Write it as in \`${syntax}\`.` : 'Write its value in place of the `?`.';
}

function lowerFirst(text: string): string {
    return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}
