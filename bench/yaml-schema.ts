/**
 * The JSON Schema that gives yaml-language-server the same knowledge of a catalogue written as
 * YAML that mcred has of `.mcred`, as far as a schema can: the structure, the controlled values
 * (enums), the Annex I elements as required properties, value ranges and formats. It cannot
 * check cross-references (an unknown provider or outcome), which mcred resolves across files.
 */

const str = { type: 'string', minLength: 1 };
const strings = { type: 'array', items: str };
const names = { type: 'array', items: { type: 'string', pattern: '^[_a-zA-Z][\\w-]*$' }, minItems: 1 };
const modes = { enum: ['online', 'onsite', 'blended'] };
const date = { type: 'string', pattern: '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$' };

const level = {
    type: 'object',
    additionalProperties: false,
    properties: {
        eqf: { type: 'integer', minimum: 1, maximum: 8 },
        qfEhea: { enum: ['short-cycle', 'first', 'second', 'third'] },
        none: str
    }
};

const assessment = {
    type: 'object',
    additionalProperties: false,
    required: ['type'],
    properties: {
        type: {
            enum: ['written-exam', 'oral-exam', 'project', 'portfolio', 'practical', 'quiz', 'presentation', 'peer-assessment', 'peer-review',
                'marked-assignment', 'continuous-evaluation', 'group-performance', 'attendance', 'problem-based', 'artefact',
                'self-assessment', 'guided-self-assessment']
        },
        covers: names,
        mode: modes,
        supervision: { enum: ['unsupervised', 'unsupervised-with-id', 'supervised', 'supervised-with-id'] },
        grading: str,
        description: str
    }
};

const microcredential = {
    type: 'object',
    additionalProperties: false,
    required: ['title', 'awardedBy', 'outcomes', 'workload', 'level', 'assessments', 'participation', 'qualityAssurance'],
    properties: {
        title: str,
        description: str,
        awardedBy: names,
        language: { type: 'array', items: { type: 'string', pattern: '^[a-z]{2,3}$' } },
        level,
        field: { type: 'array', items: { type: 'string', pattern: '^[0-9]{2,4}$' } },
        workload: {
            type: 'object', additionalProperties: false, minProperties: 1,
            properties: { ects: { type: 'number', exclusiveMinimum: 0 }, hours: { type: 'number', exclusiveMinimum: 0 } }
        },
        duration: {
            type: 'object', additionalProperties: false, required: ['amount', 'unit'],
            properties: { amount: { type: 'number', exclusiveMinimum: 0 }, unit: { enum: ['hours', 'days', 'weeks', 'months', 'years'] } }
        },
        participation: modes,
        setting: { enum: ['formal', 'non-formal', 'informal'] },
        outcomes: {
            type: 'object', minProperties: 1,
            additionalProperties: {
                type: 'object', additionalProperties: false, required: ['statement'],
                properties: { statement: str, skills: { type: 'array', items: { type: 'string', format: 'uri' } } }
            }
        },
        assessments: { type: 'object', minProperties: 1, additionalProperties: assessment },
        audience: {
            type: 'object', additionalProperties: false,
            properties: { target: str, needsAnalysis: str, coDesignedWith: strings, purpose: { type: 'array', items: { enum: ['upskilling', 'reskilling'] } } }
        },
        format: {
            type: 'object', additionalProperties: false,
            properties: { mode: modes, methodology: str, schedule: str, sustainability: str }
        },
        qualityAssurance: {
            type: 'object', additionalProperties: false,
            properties: {
                procedures: {
                    type: 'array', minItems: 1,
                    items: {
                        type: 'object', additionalProperties: false, required: ['kind'],
                        properties: { kind: { enum: ['internal', 'external'] }, timing: { enum: ['exAnte', 'exPost'] }, agency: str, standards: strings, description: str }
                    }
                },
                stakeholders: strings,
                standards: strings,
                review: { type: 'object', properties: { every: { type: 'integer', minimum: 1 }, unit: { enum: ['years', 'months'] } } },
                feedback: strings
            }
        },
        business: {
            type: 'object', additionalProperties: false,
            properties: {
                model: str,
                fee: { type: 'object', properties: { amount: { type: 'number', minimum: 0 }, currency: { type: 'string', pattern: '^[A-Z]{3}$' } } },
                funding: str,
                sustainability: { type: 'object', additionalProperties: false, properties: { short: str, medium: str, long: str } },
                administration: str,
                learnerTypes: { type: 'array', items: { enum: ['students', 'professionals', 'jobseekers', 'other'] } }
            }
        },
        prerequisites: str,
        stackableInto: names,
        standalone: { type: 'boolean' },
        recognition: str,
        furtherInfo: { type: 'string', format: 'uri' }
    }
};

export const YAML_SCHEMA = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Micro-credential catalogue (benchmark equivalent of .mcred)',
    type: 'object',
    additionalProperties: false,
    properties: {
        providers: {
            type: 'object',
            additionalProperties: {
                type: 'object', additionalProperties: false, required: ['name', 'country'],
                properties: {
                    name: str, country: { type: 'string', pattern: '^[A-Z]{2}$' }, region: str, kind: str,
                    identifier: str, homepage: { type: 'string', format: 'uri' }, email: str
                }
            }
        },
        microcredentials: { type: 'object', additionalProperties: microcredential },
        pathways: {
            type: 'object',
            additionalProperties: {
                type: 'object', additionalProperties: false, required: ['title', 'includes'],
                properties: { title: str, description: str, awardedBy: names, includes: names, level, workload: microcredential.properties.workload }
            }
        },
        cohorts: {
            type: 'object',
            additionalProperties: {
                type: 'object', additionalProperties: false, required: ['of', 'issued'],
                properties: {
                    of: str, issued: date, roster: str,
                    learners: {
                        type: 'array',
                        items: { type: 'object', additionalProperties: false, required: ['name', 'id'], properties: { name: str, id: str, grade: str } }
                    }
                }
            }
        }
    }
};
