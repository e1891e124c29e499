/**
 * The five steps of the design method (the talk in the seed, "A method to design MC underpinned
 * by QA"): each step's focus question, as the QA report groups the 17 checks under them. The
 * checks themselves are `QA_CHECKS` (model/qa-checks.ts), whose `step` is the number here.
 */
export interface DesignStep {
    readonly n: 1 | 2 | 3 | 4 | 5;
    readonly title: string;
    /** A short name for charts. */
    readonly short: string;
    readonly focus: string;
}

export const DESIGN_STEPS: readonly DesignStep[] = [
    {
        n: 1, title: 'Target audience definition and relevance', short: 'Audience',
        focus: 'Does the programme respond to the needs of a specific target audience?'
    },
    {
        n: 2, title: 'Structure of the micro-credential', short: 'Structure',
        focus: 'Is the structure of the programme consistent with the learning outcomes?'
    },
    {
        n: 3, title: 'Teaching and learning format', short: 'Format',
        focus: 'Is the proposed format effective for reaching the defined learning outcomes?'
    },
    {
        n: 4, title: 'Quality assurance', short: 'QA',
        focus: 'Is the quality assurance methodology well defined and consistent with the scope of the programme?'
    },
    {
        n: 5, title: 'Business model and student administration', short: 'Business',
        focus: "Is the business model well designed? Are the students' administration issues correctly addressed?"
    }
];
