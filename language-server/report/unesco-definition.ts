import type { IssueCode } from '../rules/issue-codes.js';

/**
 * One point of the UNESCO definition of a micro-credential, with the mcred checks that bear on
 * it. The wording is quoted from the design-method talk this project grew from, which cites
 * Oliver (2022); the mapping to checks is this project's reading, documented in docs/report.md.
 */
export interface UnescoPoint {
    readonly n: 1 | 2 | 3 | 4;
    readonly id: string;
    /** A short name for charts and tables. */
    readonly name: string;
    /** The point as the definition states it. */
    readonly text: string;
    /** The Annex I elements, optional elements and QA checks that support the point. */
    readonly codes: readonly IssueCode[];
}

export const UNESCO_SOURCE = {
    citation: 'Oliver, B. (2022). Towards a common definition of micro-credentials. Paris: UNESCO.',
    url: 'http://www.unesco.org/open-access/terms-use-ccbysa-en',
    quotedFrom: 'The UNESCO definition of MC, in "Micro-credentials: a design method underpinned by QA" (L. Sorrentino, University of Florence)'
} as const;

/** The four-point UNESCO definition (a micro-credential …). */
export const UNESCO_DEFINITION: readonly UnescoPoint[] = [
    {
        n: 1, id: 'record', name: 'Record of learning',
        text: 'Is a record of focused learning achievement verifying what the learner knows, understands or can do',
        codes: [
            'eu-learner', 'eu-title', 'eu-learning-outcomes', 'eu-workload', 'eu-level', 'eu-issue-date',
            'qa-structure-outcomes', 'eu-opt-grade'
        ]
    },
    {
        n: 2, id: 'assessedTrusted', name: 'Assessed, trusted provider',
        text: 'Includes assessment based on clearly defined standards and is awarded by a trusted provider',
        codes: [
            'eu-assessment-type', 'qa-structure-assessment-aligned', 'qa-structure-transparency', 'eu-opt-supervision',
            'eu-awarding-body', 'eu-country'
        ]
    },
    {
        n: 3, id: 'standaloneStackable', name: 'Standalone and stackable',
        text: 'Has standalone value and may also contribute to or complement other microcredentials or macrocredentials, including through recognition of prior learning',
        codes: [
            'qa-audience-target', 'qa-audience-needs', 'qa-audience-upskilling', 'eu-opt-stackability', 'eu-opt-prerequisites',
            'eu-workload', 'eu-level'
        ]
    },
    {
        n: 4, id: 'qualityAssured', name: 'Quality assured',
        text: 'Meets the standards required by relevant quality assurance',
        codes: ['eu-quality-assurance', 'qa-method-defined', 'qa-method-stakeholders', 'qa-method-tools']
    }
];
