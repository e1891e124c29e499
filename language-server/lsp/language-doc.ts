import {
    ASSESSMENT_TYPES, LEARNER_TYPES, LEARNING_SCHEDULES, LEARNING_SETTINGS, PARTICIPATION_MODES, PROVIDER_KINDS, PURPOSES,
    QF_EHEA_CYCLES, SUPERVISION_TYPES, type Vocabulary
} from '../vocab/index.js';
import { KEYWORD_DOCS } from './keyword-docs.js';

/**
 * The generated parts of docs/language.md: the tables of the controlled lists and the index of
 * every keyword of the grammar. Pure: the grammar's text is passed in (the script
 * `npm run docs:language` and the test read grammar/mcred.langium). Hand-written prose lives
 * in docs/language.md between the generated blocks, which are delimited by
 * `<!-- BEGIN GENERATED: name -->` and `<!-- END GENERATED: name -->`.
 */

/** The value rules of the grammar (`Purpose returns string: 'upskilling' | 'reskilling';`). */
export function grammarValueRules(grammar: string): Map<string, string[]> {
    const rules = new Map<string, string[]>();
    for (const match of grammar.matchAll(/^(\w+) returns string:([^;]*);/gm)) {
        const values = [...match[2].matchAll(/'([^']+)'/g)].map(m => m[1]);
        rules.set(match[1], values);
    }
    return rules;
}

/** Every word keyword of the grammar (`provider`, `qf-ehea`, …), sorted; punctuation excluded. */
export function grammarKeywords(grammar: string): string[] {
    const withoutComments = grammar.replace(/\/\/[^\n]*/g, '').replace(/terminal[^\n]*/g, '');
    const words = new Set<string>();
    for (const match of withoutComments.matchAll(/'([a-zA-Z][\w-]*)'/g)) words.add(match[1]);
    return [...words].sort((a, b) => a.localeCompare(b, 'en'));
}

interface ListSpec {
    readonly title: string;
    readonly where: string;
    readonly rule?: string;
    readonly vocabulary?: Vocabulary;
}

const LISTS: readonly ListSpec[] = [
    { title: 'Assessment types', where: '`type` in an `assessment` (Annex I element 9); exactly the Europass list of assessment types', rule: 'AssessmentType', vocabulary: ASSESSMENT_TYPES },
    { title: 'Supervision and identity verification', where: '`supervision` in an `assessment` (Annex I optional element)', rule: 'Supervision', vocabulary: SUPERVISION_TYPES },
    { title: 'Forms of participation and teaching modes', where: '`participation` of a micro-credential (Annex I element 10), `mode` of a `format` or an `assessment`', rule: 'ParticipationMode', vocabulary: PARTICIPATION_MODES },
    { title: 'Learning settings', where: '`setting` of a micro-credential', rule: 'LearningSetting', vocabulary: LEARNING_SETTINGS },
    { title: 'Learning schedules', where: '`schedule` in a `format` (or a quoted description instead)', rule: 'LearningSchedule', vocabulary: LEARNING_SCHEDULES },
    { title: 'Purposes', where: '`purpose` in an `audience`', rule: 'Purpose', vocabulary: PURPOSES },
    { title: 'Learner types', where: '`learnerTypes` in a `business` block, and `fee … for TYPE`', rule: 'LearnerType', vocabulary: LEARNER_TYPES },
    { title: 'QF-EHEA cycles', where: '`level qf-ehea CYCLE`', rule: 'QfEheaCycle', vocabulary: QF_EHEA_CYCLES },
    { title: 'Provider kinds', where: '`kind` of a `provider`: an open list (any name is accepted); these are the kinds the tools know, and `alliance` is the one with a meaning of its own (see [Alliances](#alliances))', vocabulary: PROVIDER_KINDS },
    { title: 'Duration units', where: '`duration N UNIT` (singular and plural forms mean the same)', rule: 'DurationUnit' },
    { title: 'Review units', where: '`review every N UNIT` in `qualityAssurance`', rule: 'ReviewUnit' },
    { title: 'Quality assurance kinds', where: 'the first word of a procedure in `qualityAssurance`', rule: 'QaKind' },
    { title: 'Quality assurance timings', where: 'the second word of a procedure in `qualityAssurance`', rule: 'QaTiming' }
];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The tables of every controlled list, checked against the grammar's value rules. */
export function controlledListsMarkdown(grammar: string): string {
    const rules = grammarValueRules(grammar);
    const out: string[] = [];
    for (const list of LISTS) {
        const grammarValues = list.rule ? rules.get(list.rule) : undefined;
        if (list.rule && !grammarValues) throw new Error(`the grammar has no value rule ${list.rule}`);
        out.push(`### ${list.title}`, '', `Used in: ${list.where}.`, '');
        if (list.vocabulary) {
            const codes = list.vocabulary.concepts.map(c => c.code);
            if (grammarValues && codes.join('|') !== grammarValues.join('|')) {
                throw new Error(`${list.title}: the vocabulary (${codes.join(', ')}) differs from the grammar (${grammarValues.join(', ')})`);
            }
            const europass = list.vocabulary.concepts.some(c => c.uri);
            out.push(europass ? '| value | meaning | Europass concept |' : '| value | meaning |');
            out.push(europass ? '|---|---|---|' : '|---|---|');
            for (const concept of list.vocabulary.concepts) {
                const meaning = cell(concept.description ? `${concept.label}. ${concept.description}` : concept.label);
                out.push(europass
                    ? `| \`${concept.code}\` | ${meaning} | ${concept.uri ? `<${concept.uri}>` : '—'} |`
                    : `| \`${concept.code}\` | ${meaning} |`);
            }
        } else {
            out.push('| value | meaning |', '|---|---|');
            for (const value of grammarValues ?? []) {
                out.push(`| \`${value}\` | ${cell(KEYWORD_DOCS[value]?.summary ?? value)} |`);
            }
        }
        out.push('');
    }
    return out.join('\n').trimEnd();
}

/** A vocabulary value's meaning, for keywords that are controlled values. */
function valueMeaning(keyword: string): string | undefined {
    for (const list of LISTS) {
        const concept = list.vocabulary?.get(keyword);
        if (concept) return `${list.title}: ${concept.label}.`;
    }
    return undefined;
}

/** One row per keyword of the grammar: what it states. Throws when a keyword has no documentation. */
export function keywordIndexMarkdown(grammar: string): string {
    const rows = ['| keyword | meaning |', '|---|---|'];
    const undocumented: string[] = [];
    for (const keyword of grammarKeywords(grammar)) {
        const doc = Object.prototype.hasOwnProperty.call(KEYWORD_DOCS, keyword) ? KEYWORD_DOCS[keyword] : undefined;
        const meaning = doc?.summary ?? valueMeaning(keyword);
        if (!meaning) {
            undocumented.push(keyword);
            continue;
        }
        rows.push(`| \`${keyword}\` | ${cell(meaning)} |`);
    }
    if (undocumented.length > 0) {
        throw new Error(`keywords of the grammar without documentation (add them to lsp/keyword-docs.ts): ${undocumented.join(', ')}`);
    }
    return rows.join('\n');
}

const GENERATORS: Record<string, (grammar: string) => string> = {
    'controlled-lists': controlledListsMarkdown,
    'keyword-index': keywordIndexMarkdown
};

/** docs/language.md with every generated block rewritten from the grammar and the vocabularies. */
export function withGeneratedSections(document: string, grammar: string): string {
    let result = document;
    for (const [name, generate] of Object.entries(GENERATORS)) {
        const begin = `<!-- BEGIN GENERATED: ${name} (npm run docs:language) -->`;
        const end = `<!-- END GENERATED: ${name} -->`;
        const from = result.indexOf(begin);
        const to = result.indexOf(end);
        if (from < 0 || to < from) throw new Error(`docs/language.md lacks the generated block '${name}'`);
        result = `${result.slice(0, from + begin.length)}\n${generate(grammar)}\n${result.slice(to)}`;
    }
    return result;
}
