import type { AstNode } from 'langium';
import type { IssueCode } from '../rules/issue-codes.js';
import type { CredentialContext } from './annex1-elements.js';

/** How an optional element of a credential stands: stated, missing, or waiting for a cohort. */
export interface OptionalElementState {
    readonly status: 'stated' | 'missing' | 'pending';
    /** Where it is stated; when it is missing, where it is missing (the first place). */
    readonly node: AstNode;
    readonly property?: string;
    readonly keyword?: string;
    /** What is missing, when only part of it is (e.g. the learners without a grade). */
    readonly detail?: string;
}

export interface OptionalElement {
    readonly code: IssueCode;
    readonly label: string;
    readonly state: (context: CredentialContext) => OptionalElementState;
}

const has = (text: string | undefined) => text !== undefined && text.trim().length > 0;

/**
 * The optional elements of Annex I (docs/rules.md) as the QA report judges them: the same
 * predicates as `Annex1OptionalChecks`, per credential rather than per node. A credential with
 * no cohort cannot record grades yet ("pending"); a roster's grades are read at export.
 */
export const OPTIONAL_ELEMENTS: readonly OptionalElement[] = [
    {
        code: 'eu-opt-prerequisites', label: 'Prerequisites needed to enrol',
        state: ({ credential }) => has(credential.prerequisites)
            ? { status: 'stated', node: credential, property: 'prerequisites' }
            : { status: 'missing', node: credential, property: 'name' }
    },
    {
        code: 'eu-opt-supervision', label: 'Supervision and identity verification',
        state: ({ credential }) => {
            const unsupervised = credential.assessments.filter(a => !a.supervision);
            if (credential.assessments.length === 0) return { status: 'missing', node: credential, property: 'name', detail: 'no assessment yet' };
            if (unsupervised.length === 0) return { status: 'stated', node: credential.assessments[0], property: 'supervision' };
            const names = unsupervised.map(a => a.name ?? `assessment ${credential.assessments.indexOf(a) + 1}`);
            return { status: 'missing', node: unsupervised[0], keyword: 'assessment', detail: `not stated for ${names.join(', ')}` };
        }
    },
    {
        code: 'eu-opt-grade', label: 'Grade achieved',
        state: ({ credential, cohorts }) => {
            if (cohorts.length === 0) return { status: 'pending', node: credential, property: 'name', detail: 'comes with a cohort' };
            const learners = cohorts.flatMap(c => c.learners);
            const ungraded = learners.filter(l => !has(l.grade));
            if (ungraded.length > 0) {
                return { status: 'missing', node: ungraded[0], keyword: 'learner', detail: `no grade for ${ungraded.map(l => `"${l.fullName.trim()}"`).join(', ')}` };
            }
            if (learners.length > 0) return { status: 'stated', node: cohorts.find(c => c.learners.length > 0)!, property: 'learners' };
            const roster = cohorts.find(c => has(c.roster));
            return roster
                ? { status: 'stated', node: roster, property: 'roster', detail: 'in the roster (read at export)' }
                : { status: 'missing', node: cohorts[0], property: 'name', detail: 'the cohort lists no learner' };
        }
    },
    {
        code: 'eu-opt-stackability', label: 'Integration and stackability options',
        state: ({ credential }) => credential.stackableInto.length > 0
            ? { status: 'stated', node: credential, property: 'stackableInto' }
            : credential.standalone
                ? { status: 'stated', node: credential, property: 'standalone' }
                : { status: 'missing', node: credential, property: 'name' }
    },
    {
        code: 'eu-opt-further-info', label: 'Further information',
        state: ({ credential }) => has(credential.furtherInfo)
            ? { status: 'stated', node: credential, property: 'furtherInfo' }
            : { status: 'missing', node: credential, property: 'name' }
    }
];
