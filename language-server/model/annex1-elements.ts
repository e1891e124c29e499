import type { AstNode } from 'langium';
import type { Cohort, MicroCredential } from '../generated/ast.js';
import type { IssueCode } from '../rules/issue-codes.js';
import { issuerCountries } from './issuer-countries.js';

/** Where an element is stated in the source: the node and, when it is one, its property. */
export interface Statement {
    readonly node: AstNode;
    readonly property?: string;
}

/** What an element is judged on: a micro-credential and the cohorts that issue it. */
export interface CredentialContext {
    readonly credential: MicroCredential;
    readonly cohorts: readonly Cohort[];
}

export interface Annex1Element {
    /** Number of the element in Annex I, Part I. */
    readonly n: number;
    readonly label: string;
    /** The diagnostic raised when the element is missing. */
    readonly code: IssueCode;
    /** Programme elements are stated by the credential, issuance elements by a cohort. */
    readonly scope: 'programme' | 'issuance';
    /** The statement of the element, or undefined when it is missing. */
    readonly statedIn: (context: CredentialContext) => Statement | undefined;
}

const has = (text: string | undefined) => text !== undefined && text.trim().length > 0;

/** The eleven mandatory elements of Annex I (Council Recommendation 2022/C 243/02), in order. */
export const ANNEX1_ELEMENTS: readonly Annex1Element[] = [
    {
        n: 1, label: 'Identification of the learner', code: 'eu-learner', scope: 'issuance',
        statedIn: ({ cohorts }) => {
            const cohort = cohorts.find(c => c.learners.length > 0 || has(c.roster));
            return cohort && { node: cohort, property: cohort.learners.length > 0 ? 'learners' : 'roster' };
        }
    },
    {
        n: 2, label: 'Title of the micro-credential', code: 'eu-title', scope: 'programme',
        statedIn: ({ credential }) => has(credential.title) ? { node: credential, property: 'title' } : undefined
    },
    {
        n: 3, label: 'Country(ies)/Region(s) of the issuer', code: 'eu-country', scope: 'programme',
        statedIn: ({ credential }) => {
            const bodies = credential.awardedBy.map(ref => ref.ref);
            const stated = bodies.length > 0 && bodies.every(body => body !== undefined && issuerCountries(body).length > 0);
            return stated ? { node: bodies[0]!, property: 'country' } : undefined;
        }
    },
    {
        n: 4, label: 'Awarding body(ies)', code: 'eu-awarding-body', scope: 'programme',
        statedIn: ({ credential }) => credential.awardedBy.length > 0 ? { node: credential, property: 'awardedBy' } : undefined
    },
    {
        n: 5, label: 'Date of issuing', code: 'eu-issue-date', scope: 'issuance',
        statedIn: ({ cohorts }) => {
            const cohort = cohorts.find(c => c.issued !== undefined);
            return cohort && { node: cohort, property: 'issued' };
        }
    },
    {
        n: 6, label: 'Learning outcomes', code: 'eu-learning-outcomes', scope: 'programme',
        statedIn: ({ credential }) => credential.outcomes.length > 0 ? { node: credential, property: 'outcomes' } : undefined
    },
    {
        n: 7, label: 'Notional workload needed to achieve the learning outcomes (in ECTS, wherever possible)',
        code: 'eu-workload', scope: 'programme',
        statedIn: ({ credential }) => credential.ects !== undefined ? { node: credential, property: 'ects' }
            : credential.hours !== undefined ? { node: credential, property: 'hours' } : undefined
    },
    {
        n: 8, label: 'Level (and cycle, if applicable) of the learning experience', code: 'eu-level', scope: 'programme',
        statedIn: ({ credential }) => {
            const level = credential.levels.find(l => !l.notApplicable || has(l.reason));
            return level && { node: level };
        }
    },
    {
        n: 9, label: 'Type of assessment', code: 'eu-assessment-type', scope: 'programme',
        statedIn: ({ credential }) => {
            const assessment = credential.assessments.find(a => a.type !== undefined);
            return assessment && { node: assessment, property: 'type' };
        }
    },
    {
        n: 10, label: 'Form of participation in the learning activity', code: 'eu-participation', scope: 'programme',
        statedIn: ({ credential }) => credential.participation ? { node: credential, property: 'participation' } : undefined
    },
    {
        n: 11, label: 'Type of quality assurance used to underpin the micro-credential', code: 'eu-quality-assurance',
        scope: 'programme',
        statedIn: ({ credential }) => {
            const qa = credential.qualityAssurance;
            return qa && qa.procedures.length > 0 ? { node: qa } : undefined;
        }
    }
];
