/**
 * Action verbs for writing observable learning outcomes, after the revised Bloom's taxonomy
 * (Anderson & Krathwohl, 2001) as used in European guides to writing learning outcomes
 * (CEDEFOP, "Defining, writing and applying learning outcomes", 2017). Pure data and lookups:
 * used by the `qa-structure-outcomes` check and its quick fixes.
 */

export type BloomLevel = 'remember' | 'understand' | 'apply' | 'analyse' | 'evaluate' | 'create';

/** Measurable verbs by cognitive level (British and American spellings). */
export const MEASURABLE_VERBS: Readonly<Record<BloomLevel, readonly string[]>> = {
    remember: [
        'define', 'describe', 'identify', 'label', 'list', 'locate', 'match', 'name', 'outline', 'quote', 'recall',
        'recite', 'recognise', 'recognize', 'record', 'reproduce', 'retrieve', 'state', 'tabulate'
    ],
    understand: [
        'classify', 'clarify', 'compare', 'contrast', 'convert', 'discuss', 'distinguish', 'estimate', 'exemplify', 'explain',
        'express', 'generalise', 'generalize', 'illustrate', 'infer', 'interpret', 'paraphrase', 'predict', 'rephrase',
        'report', 'summarise', 'summarize', 'translate'
    ],
    apply: [
        'administer', 'apply', 'calculate', 'carry', 'complete', 'compute', 'conduct', 'configure', 'demonstrate',
        'deploy', 'employ', 'execute', 'implement', 'install', 'manipulate', 'measure', 'operate', 'perform', 'practise',
        'practice', 'prepare', 'program', 'respond', 'run', 'schedule', 'sketch', 'solve', 'use', 'utilise', 'utilize'
    ],
    analyse: [
        'analyse', 'analyze', 'attribute', 'audit', 'benchmark', 'break', 'calibrate', 'categorise', 'categorize',
        'correlate', 'debug', 'deconstruct', 'diagnose', 'differentiate', 'discriminate', 'examine', 'experiment',
        'investigate', 'map', 'organise', 'organize', 'question', 'research', 'survey', 'test', 'troubleshoot'
    ],
    evaluate: [
        'appraise', 'argue', 'assess', 'check', 'critique', 'criticise', 'criticize', 'decide', 'defend', 'evaluate',
        'grade', 'judge', 'justify', 'monitor', 'prioritise', 'prioritize', 'rank', 'rate', 'recommend', 'review',
        'select', 'validate', 'verify', 'weigh'
    ],
    create: [
        'adapt', 'assemble', 'build', 'code', 'collaborate', 'communicate', 'compose', 'construct', 'create', 'design',
        'develop', 'devise', 'document', 'draft', 'formulate', 'generate', 'improve', 'integrate', 'invent', 'lead',
        'manage', 'model', 'negotiate', 'plan', 'present', 'produce', 'propose', 'publish', 'redesign', 'revise',
        'synthesise', 'synthesize', 'write'
    ]
};

const LEVEL_OF = new Map<string, BloomLevel>(
    (Object.entries(MEASURABLE_VERBS) as Array<[BloomLevel, readonly string[]]>)
        .flatMap(([level, verbs]) => verbs.map(verb => [verb, level] as [string, BloomLevel]))
);

/**
 * Verbs that name an internal state rather than an observable performance. A statement whose
 * only verbs are these cannot be assessed; each comes with measurable verbs to say instead.
 */
export const VAGUE_VERBS: ReadonlyArray<{ readonly phrase: string; readonly instead: readonly string[] }> = [
    { phrase: 'be aware of', instead: ['recognise', 'identify', 'describe'] },
    { phrase: 'be familiar with', instead: ['describe', 'use', 'identify'] },
    { phrase: 'have knowledge of', instead: ['describe', 'explain', 'outline'] },
    { phrase: 'gain knowledge of', instead: ['describe', 'explain', 'outline'] },
    { phrase: 'learn about', instead: ['describe', 'explain', 'summarise'] },
    { phrase: 'understand', instead: ['explain', 'describe', 'interpret'] },
    { phrase: 'know', instead: ['describe', 'identify', 'list'] },
    { phrase: 'appreciate', instead: ['discuss', 'justify', 'explain'] },
    { phrase: 'comprehend', instead: ['explain', 'summarise', 'interpret'] },
    { phrase: 'grasp', instead: ['explain', 'describe', 'apply'] }
];

/** The Bloom level of a measurable verb, written in any common inflection (`explains`, `applying`). */
export function measurableVerbLevel(word: string): BloomLevel | undefined {
    const lower = word.toLowerCase();
    for (const candidate of baseForms(lower)) {
        const level = LEVEL_OF.get(candidate);
        if (level) return level;
    }
    return undefined;
}

export function isMeasurableVerb(word: string): boolean {
    return measurableVerbLevel(word) !== undefined;
}

/** The word itself and the base forms it may be an inflection of (`evaluates`, `applied`, `designing`). */
function baseForms(word: string): string[] {
    const forms = [word];
    if (word.endsWith('ies')) forms.push(word.slice(0, -3) + 'y');
    if (word.endsWith('es')) forms.push(word.slice(0, -2));
    if (word.endsWith('s')) forms.push(word.slice(0, -1));
    if (word.endsWith('ied')) forms.push(word.slice(0, -3) + 'y');
    if (word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
    if (word.endsWith('ing')) forms.push(word.slice(0, -3), word.slice(0, -3) + 'e');
    // planned, mapping: a doubled final consonant before -ed / -ing
    const stem = /^(.*([bdgklmnprt]))\2(?:ed|ing)$/.exec(word);
    if (stem) forms.push(stem[1]);
    return forms;
}
