import { ISSUE_CODES, RULES } from '../rules/issue-codes.js';
import {
    ASSESSMENT_TYPES, COUNTRIES, CURRENCIES, EQF_LEVELS, ESCO_SKILLS, ISCED_F_FIELDS, LANGUAGES, LEARNER_TYPES,
    LEARNING_SCHEDULES, LEARNING_SETTINGS, PARTICIPATION_MODES, PURPOSES, QF_EHEA_CYCLES, SUPERVISION_TYPES, Vocabulary,
    type Concept
} from '../vocab/index.js';

/**
 * Which controlled list a value belongs to, by where it is written. Shared by completion, hover
 * and semantic tokens so that the three always agree.
 */

/** Value rules of the grammar whose keywords are the codes of a vocabulary. */
export const KEYWORD_VALUE_VOCABULARIES: Readonly<Record<string, Vocabulary>> = {
    ParticipationMode: PARTICIPATION_MODES,
    LearningSetting: LEARNING_SETTINGS,
    Supervision: SUPERVISION_TYPES,
    QfEheaCycle: QF_EHEA_CYCLES,
    Purpose: PURPOSES,
    LearnerType: LEARNER_TYPES,
    LearningSchedule: LEARNING_SCHEDULES,
    AssessmentType: ASSESSMENT_TYPES
};

/** Codes a `waive` may name: every rule except the language's own. */
export const WAIVABLE_CODES = new Vocabulary('Waivable checks', undefined,
    ISSUE_CODES.filter(code => RULES[code].family !== 'language')
        .map(code => ({ code, label: RULES[code].summary, description: `${RULES[code].summary} — ${RULES[code].source}.` })));

export interface ValueVocabulary {
    readonly vocabulary: Vocabulary;
    /** Values are written as quoted strings (`field "0223"`, `skill "http://…"`). */
    readonly quoted: boolean;
    /** Items show the code in their label (`0223 Philosophy and ethics`) or only the label (ESCO skills). */
    readonly labelStyle: 'code' | 'code-and-label' | 'label';
}

/** Open lists, keyed by the AST property that holds the value (names are unique across types). */
const PROPERTY_VOCABULARIES: Readonly<Record<string, ValueVocabulary>> = {
    eqf: { vocabulary: EQF_LEVELS, quoted: false, labelStyle: 'code' },
    fields: { vocabulary: ISCED_F_FIELDS, quoted: true, labelStyle: 'code-and-label' },
    country: { vocabulary: COUNTRIES, quoted: false, labelStyle: 'code' },
    languages: { vocabulary: LANGUAGES, quoted: false, labelStyle: 'code' },
    currency: { vocabulary: CURRENCIES, quoted: false, labelStyle: 'code' },
    skills: { vocabulary: ESCO_SKILLS, quoted: true, labelStyle: 'label' },
    code: { vocabulary: WAIVABLE_CODES, quoted: false, labelStyle: 'code' }
};

/** The vocabulary of the values of an AST property, if it is a controlled list. */
export function propertyVocabulary(property: string | undefined): ValueVocabulary | undefined {
    return property && Object.prototype.hasOwnProperty.call(PROPERTY_VOCABULARIES, property) ? PROPERTY_VOCABULARIES[property] : undefined;
}

/** The vocabulary whose codes are the keywords of a value rule (`ParticipationMode`), if any. */
export function keywordValueVocabulary(ruleName: string | undefined): Vocabulary | undefined {
    return ruleName && Object.prototype.hasOwnProperty.call(KEYWORD_VALUE_VOCABULARIES, ruleName) ? KEYWORD_VALUE_VOCABULARIES[ruleName] : undefined;
}

/** Markdown documentation of one value: label, description, list and concept URI. */
export function conceptMarkdown(concept: Concept, vocabulary: Vocabulary, heading = true): string {
    const lines: string[] = [];
    if (heading) lines.push(`**${concept.code === concept.uri ? concept.label : `${concept.code} — ${concept.label}`}**`, '');
    if (concept.description) lines.push(concept.description, '');
    lines.push(`*${vocabulary.name}*`);
    if (concept.uri) lines.push('', concept.uri);
    return lines.join('\n');
}
