import data from '../../standards/vocab/europass-controlled-lists.json' with { type: 'json' };
import type {
    AssessmentType, LearnerType, LearningSchedule, LearningSetting, ParticipationMode, Purpose, Supervision
} from '../generated/ast.js';
import { Vocabulary, type Concept } from './vocabulary.js';

/**
 * The values that docs/language.md spells as keywords, each mapped to its Europass (ELM) concept
 * where one exists. Keys are typed by the grammar's own value rules: a keyword added to the
 * grammar without a mapping here fails the type-check.
 */

interface EuropassList {
    readonly key: string;
    readonly name: string;
    readonly conceptScheme: string;
    readonly concepts: ReadonlyArray<{ uri: string; notation: string; prefLabel: string; definition?: string }>;
}

const LISTS = data.lists as readonly EuropassList[];

function europassList(key: string): EuropassList {
    const list = LISTS.find(l => l.key === key);
    if (!list) throw new Error(`Europass list '${key}' is missing from europass-controlled-lists.json`);
    return list;
}

interface KeywordSpec {
    /** Notation of the Europass concept in the list, or undefined when Europass has none. */
    readonly notation?: string;
    readonly label: string;
    readonly description: string;
}

function keywordVocabulary<K extends string>(name: string, listKey: string | undefined, specs: Record<K, KeywordSpec>): Vocabulary<Concept & { code: K }> {
    const list = listKey ? europassList(listKey) : undefined;
    const concepts = (Object.entries(specs) as Array<[K, KeywordSpec]>).map(([code, spec]) => {
        const concept = spec.notation ? list?.concepts.find(c => c.notation === spec.notation) : undefined;
        if (spec.notation && !concept) throw new Error(`${name}: no concept ${spec.notation} in Europass list ${listKey}`);
        return {
            code,
            label: spec.label,
            description: concept?.definition ? `${spec.description} Europass: ${concept.definition}` : spec.description,
            ...(concept ? { uri: concept.uri } : {})
        };
    });
    return new Vocabulary(name, list?.conceptScheme, concepts);
}

/** Assessment types: exactly the Europass list `assessment` (LearningAssessmentSpecification.dcType). */
export const ASSESSMENT_TYPES = keywordVocabulary<AssessmentType>('Europass assessment types', 'assessment', {
    'written-exam': { notation: '6e6cb2cc78', label: 'Written examination', description: 'A written test or examination.' },
    'oral-exam': { notation: 'd30284d7df', label: 'Oral examination', description: 'An oral test or examination.' },
    'project': { notation: '795dac4096', label: 'Project work', description: 'Assessment of a project carried out by the learner.' },
    'portfolio': { notation: '4f03b91c0e', label: 'Portfolio', description: "Assessment of a collection of the learner's work." },
    'practical': { notation: '6a4db9f11d', label: 'Practical assessment', description: 'Assessment of a practical task or performance.' },
    'quiz': { notation: 'b1b68f6735', label: 'Quiz', description: 'A short test, often automated.' },
    'presentation': { notation: 'c_04b30a72', label: 'Presentation', description: 'Assessment of a presentation given by the learner.' },
    'peer-assessment': { notation: '19a2e5e671', label: 'Peer assessment', description: "Learners assess each other's work." },
    'peer-review': { notation: '812e3b0ae1', label: 'Peer review', description: "Learners review each other's work." },
    'marked-assignment': { notation: '2939dae15f', label: 'Marked assignment', description: 'An assignment marked by the teacher.' },
    'continuous-evaluation': { notation: '3484bd7e51', label: 'Continuous evaluation', description: 'Assessment spread over the whole learning activity.' },
    'group-performance': { notation: '56539a6507', label: 'Group performance', description: 'Assessment of work done by a group.' },
    'attendance': { notation: '7331eb4762', label: 'Level of attendance', description: 'Assessment based on attendance.' },
    'problem-based': { notation: 'c4256a2726', label: 'Problem-based learning', description: 'Assessment of the solution of a problem.' },
    'artefact': { notation: 'de4d165a6c', label: 'Artefact assessment', description: 'Assessment of an artefact the learner produced.' },
    'self-assessment': { notation: 'c_2b3bd410', label: 'Self-assessment', description: 'Learners assess their own learning.' },
    'guided-self-assessment': { notation: 'c_4f874951', label: 'Guided self-assessment', description: 'Learners assess their own learning with guidance.' }
});

/** Form of participation (Annex I element 10) and teaching mode: Europass `learning-assessment`. */
export const PARTICIPATION_MODES = keywordVocabulary<ParticipationMode>('Forms of participation', 'learning-assessment', {
    online: { notation: '920fbb3cbe', label: 'Online', description: 'The learning activity takes place online.' },
    onsite: { notation: '9191af2ed9', label: 'Onsite (presential)', description: 'The learning activity takes place in person.' },
    blended: { notation: 'e92d221e4d', label: 'Blended', description: 'The learning activity combines online and onsite participation.' }
});

/** Learning setting: Europass `learning-setting` (formal / non-formal; informal has no Europass concept). */
export const LEARNING_SETTINGS = keywordVocabulary<LearningSetting>('Learning settings', 'learning-setting', {
    'formal': { notation: '6fd4685715', label: 'Formal learning', description: 'Learning in an organised and structured environment, leading to a recognised qualification.' },
    'non-formal': { notation: 'e207a81fc7', label: 'Non-formal learning', description: 'Learning through planned activities with some form of learning support, outside the formal system.' },
    'informal': { label: 'Informal learning', description: 'Learning resulting from daily activities related to work, family or leisure, not organised or structured.' }
});

/** Supervision and identity verification of an assessment (Annex I optional element). */
export const SUPERVISION_TYPES = keywordVocabulary<Supervision>('Supervision and identity verification', 'supervision-verification', {
    'unsupervised': { notation: 'c598449d64', label: 'Unsupervised without ID verification', description: 'The assessment is not supervised and the identity of the learner is not verified.' },
    'unsupervised-with-id': { notation: 'df2880c5cb', label: 'Unsupervised with ID verification', description: 'The assessment is not supervised, but the identity of the learner is verified.' },
    'supervised': { label: 'Supervised without ID verification', description: 'The assessment is supervised, but the identity of the learner is not verified.' },
    'supervised-with-id': { notation: '70be69aaf9', label: 'Supervised with ID verification', description: 'The assessment is supervised and the identity of the learner is verified.' }
});

/** Learning schedule: Europass `learning-schedule`. */
export const LEARNING_SCHEDULES = keywordVocabulary<LearningSchedule>('Learning schedules', 'learning-schedule', {
    'full-time': { notation: '72a0ab92fa', label: 'Full time', description: 'More than 30 hours of learning a week.' },
    'part-time': { label: 'Part time', description: 'Less than full time (30 hours a week or fewer).' },
    'part-time-intensive': { notation: 'f230bae523', label: 'Part time intensive', description: '8 to 30 hours of learning a week.' },
    'part-time-light': { notation: '67395e6b5a', label: 'Part time light', description: 'Less than 8 hours of learning a week.' }
});

/** The needs a programme meets (design method step 1). */
export const PURPOSES = keywordVocabulary<Purpose>('Purposes', undefined, {
    upskilling: { label: 'Upskilling', description: 'Learners deepen or update skills for their current field or job.' },
    reskilling: { label: 'Reskilling', description: 'Learners acquire skills for a different field or job.' }
});

/** Learner typologies that student administration must serve (design method step 5). */
export const LEARNER_TYPES = keywordVocabulary<LearnerType>('Learner typologies', undefined, {
    students: { label: 'Students', description: 'Learners enrolled in a degree programme.' },
    professionals: { label: 'Professionals', description: 'Working learners, upskilling or reskilling.' },
    jobseekers: { label: 'Jobseekers', description: 'Learners looking for employment.' },
    other: { label: 'Other learners', description: 'Any other typology of learner.' }
});

/** The ECTS concept of the Europass `education-credit` list (ELM CreditPoint.framework). */
export const ECTS_CREDIT_SYSTEM = (() => {
    const concept = europassList('education-credit').concepts.find(c => c.notation === '6fcec5c5af');
    if (!concept) throw new Error('ECTS concept missing from the education-credit list');
    return { uri: concept.uri, label: concept.prefLabel, scheme: europassList('education-credit').conceptScheme };
})();

/** Look up any Europass list by key (e.g. `learning-opportunity`), for exporters. */
export function europassConcepts(key: string): EuropassList['concepts'] {
    return europassList(key).concepts;
}
