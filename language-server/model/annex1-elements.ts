import type { AstNode } from 'langium';
import type { Cohort, MicroCredential } from '../generated/ast.js';
import type { IssueCode } from '../rules/issue-codes.js';
import {
    judgeAssessmentType, judgeAwardingBody, judgeCountry, judgeIssueDate, judgeLearner, judgeLevel, judgeOutcomes,
    judgeParticipation, judgeQualityAssurance, judgeTitle, judgeWorkload, type Judgement
} from './stated.js';

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
    /** A few words for verdicts: "level", "quality assurance". */
    readonly short: string;
    /** The diagnostic raised when the element is missing. */
    readonly code: IssueCode;
    /** Programme elements are stated by the credential, issuance elements by a cohort. */
    readonly scope: 'programme' | 'issuance';
    /** The one judgement of the element (model/stated.ts): stated, missing, hole, placeholder, invalid or unjudged. */
    readonly judge: (context: CredentialContext) => Judgement;
    /** Where the element is stated, or undefined when it is not stated (missing, a hole, a placeholder, invalid, unjudged). */
    readonly statedIn: (context: CredentialContext) => Statement | undefined;
}

function element(fields: Omit<Annex1Element, 'statedIn'>): Annex1Element {
    return {
        ...fields,
        statedIn: context => {
            const judgement = fields.judge(context);
            return judgement.state === 'stated'
                ? { node: judgement.evidence.node, ...(judgement.evidence.property ? { property: judgement.evidence.property } : {}) }
                : undefined;
        }
    };
}

/** The eleven mandatory elements of Annex I (Council Recommendation 2022/C 243/02), in order. */
export const ANNEX1_ELEMENTS: readonly Annex1Element[] = [
    element({ n: 1, label: 'Identification of the learner', short: 'learner', code: 'eu-learner', scope: 'issuance', judge: judgeLearner }),
    element({ n: 2, label: 'Title of the micro-credential', short: 'title', code: 'eu-title', scope: 'programme', judge: judgeTitle }),
    element({ n: 3, label: 'Country(ies)/Region(s) of the issuer', short: 'country', code: 'eu-country', scope: 'programme', judge: judgeCountry }),
    element({ n: 4, label: 'Awarding body(ies)', short: 'awarding body', code: 'eu-awarding-body', scope: 'programme', judge: judgeAwardingBody }),
    element({ n: 5, label: 'Date of issuing', short: 'date of issuing', code: 'eu-issue-date', scope: 'issuance', judge: judgeIssueDate }),
    element({ n: 6, label: 'Learning outcomes', short: 'learning outcomes', code: 'eu-learning-outcomes', scope: 'programme', judge: judgeOutcomes }),
    element({
        n: 7, label: 'Notional workload needed to achieve the learning outcomes (in ECTS, wherever possible)', short: 'workload',
        code: 'eu-workload', scope: 'programme', judge: judgeWorkload
    }),
    element({ n: 8, label: 'Level (and cycle, if applicable) of the learning experience', short: 'level', code: 'eu-level', scope: 'programme', judge: judgeLevel }),
    element({ n: 9, label: 'Type of assessment', short: 'assessment type', code: 'eu-assessment-type', scope: 'programme', judge: judgeAssessmentType }),
    element({ n: 10, label: 'Form of participation in the learning activity', short: 'participation', code: 'eu-participation', scope: 'programme', judge: judgeParticipation }),
    element({
        n: 11, label: 'Type of quality assurance used to underpin the micro-credential', short: 'quality assurance',
        code: 'eu-quality-assurance', scope: 'programme', judge: judgeQualityAssurance
    })
];
