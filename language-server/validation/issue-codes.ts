/**
 * Every diagnostic code of the language (LANGUAGE.md §3), with its default severity, the rule it
 * enforces and where that rule comes from. This table is the single source for the validator,
 * the severity configuration, hovers and the generated rules documentation.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RuleInfo {
    /** Default severity (LANGUAGE.md §3). */
    readonly severity: Severity;
    /** The family the rule belongs to, as grouped in LANGUAGE.md §3. */
    readonly family: RuleFamily;
    /** One line: what the rule asks for, in a programme designer's words. */
    readonly summary: string;
    /** Where the rule comes from, quoted at the end of every message. */
    readonly source: string;
}

export type RuleFamily =
    | 'annex1-mandatory'
    | 'annex1-optional'
    | 'values-references'
    | 'qa-design-method'
    | 'language';

const RECOMMENDATION = 'Council Recommendation 2022/C 243/02';
const annex1 = (n: number) => `Annex I element ${n}, ${RECOMMENDATION}`;
const annex1Optional = `Annex I optional elements, ${RECOMMENDATION}`;
const step = (k: number, name: string) => `design method step ${k} (${name})`;

export const RULES = {
    // §3.1 Annex I — mandatory elements
    'eu-learner': { severity: 'error', family: 'annex1-mandatory', source: annex1(1),
        summary: 'The credential identifies its learner (a cohort lists learners or a roster).' },
    'eu-title': { severity: 'error', family: 'annex1-mandatory', source: annex1(2),
        summary: 'The micro-credential has a title.' },
    'eu-country': { severity: 'error', family: 'annex1-mandatory', source: annex1(3),
        summary: 'Every awarding body states the country of the issuer.' },
    'eu-awarding-body': { severity: 'error', family: 'annex1-mandatory', source: annex1(4),
        summary: 'The micro-credential names its awarding body (or bodies).' },
    'eu-issue-date': { severity: 'error', family: 'annex1-mandatory', source: annex1(5),
        summary: 'The issuance states its date of issuing.' },
    'eu-learning-outcomes': { severity: 'error', family: 'annex1-mandatory', source: annex1(6),
        summary: 'The micro-credential states at least one learning outcome.' },
    'eu-workload': { severity: 'error', family: 'annex1-mandatory', source: annex1(7),
        summary: 'The micro-credential states its notional workload (ECTS or hours).' },
    'eu-workload-ects': { severity: 'warning', family: 'annex1-mandatory', source: annex1(7),
        summary: 'The workload is given in ECTS credits wherever possible, not in hours only.' },
    'eu-level': { severity: 'error', family: 'annex1-mandatory', source: annex1(8),
        summary: 'The micro-credential states its level (EQF or QF-EHEA), or "none" with a reason.' },
    'eu-assessment-type': { severity: 'error', family: 'annex1-mandatory', source: annex1(9),
        summary: 'At least one assessment states its type.' },
    'eu-participation': { severity: 'error', family: 'annex1-mandatory', source: annex1(10),
        summary: 'The micro-credential states its form of participation (online, onsite or blended).' },
    'eu-quality-assurance': { severity: 'error', family: 'annex1-mandatory', source: annex1(11),
        summary: 'The micro-credential states the type of quality assurance that underpins it.' },

    // §3.2 Annex I — optional elements
    'eu-opt-prerequisites': { severity: 'information', family: 'annex1-optional', source: annex1Optional,
        summary: 'Prerequisites needed to enrol are stated.' },
    'eu-opt-supervision': { severity: 'information', family: 'annex1-optional', source: annex1Optional,
        summary: 'Each assessment states its supervision and identity verification.' },
    'eu-opt-grade': { severity: 'information', family: 'annex1-optional', source: annex1Optional,
        summary: 'The grade achieved is recorded for each learner.' },
    'eu-opt-stackability': { severity: 'information', family: 'annex1-optional', source: annex1Optional,
        summary: 'Integration or stackability options are stated (stackable into a pathway, or standalone).' },
    'eu-opt-further-info': { severity: 'information', family: 'annex1-optional', source: annex1Optional,
        summary: 'Further information about the micro-credential is linked.' },

    // §3.3 Values and references
    'value-ects': { severity: 'error', family: 'values-references', source: `ECTS Users' Guide; ${RECOMMENDATION}`,
        summary: 'ECTS credits are a positive number (above 60 is no longer a "small volume of learning").' },
    'value-eqf': { severity: 'error', family: 'values-references', source: 'European Qualifications Framework (2017/C 189/03)',
        summary: 'The EQF level is a whole number from 1 to 8.' },
    'value-isced-f': { severity: 'error', family: 'values-references', source: 'ISCED-F 2013 fields of education and training',
        summary: 'The field is a real ISCED-F 2013 code.' },
    'value-country': { severity: 'error', family: 'values-references', source: 'ISO 3166-1 country codes',
        summary: 'The country is an ISO 3166-1 alpha-2 code.' },
    'value-language': { severity: 'error', family: 'values-references', source: 'ISO 639-1 language codes',
        summary: 'The language is an ISO 639-1 two-letter code.' },
    'value-date': { severity: 'error', family: 'values-references', source: 'ISO 8601 calendar dates',
        summary: 'A date is a real calendar date written YYYY-MM-DD.' },
    'value-duration': { severity: 'error', family: 'values-references', source: 'ISO 8601 durations',
        summary: 'A duration is a positive amount of hours, days, weeks, months or years.' },
    'value-url': { severity: 'error', family: 'values-references', source: 'RFC 3986 URIs',
        summary: 'A web address or identifier is an absolute URI (https://…, mailto:…, did:…).' },
    'value-workload-consistency': { severity: 'warning', family: 'values-references', source: "ECTS Users' Guide (25–30 hours per credit)",
        summary: 'Stated hours and ECTS agree (25 to 30 hours of notional learning per ECTS credit).' },
    'ref-duplicate-name': { severity: 'error', family: 'values-references', source: 'mcred language',
        summary: 'Each name is declared once in the workspace.' },
    'pathway-ects-sum': { severity: 'warning', family: 'values-references', source: 'stackability, Annex II principle 7',
        summary: "A pathway's stated ECTS equals the sum of its parts." },
    'pathway-cycle': { severity: 'error', family: 'values-references', source: 'stackability, Annex II principle 7',
        summary: 'A pathway does not contain itself, directly or through other pathways.' },

    // §3.4 QA gaps — the 5-step design method
    'qa-audience-target': { severity: 'warning', family: 'qa-design-method', source: step(1, 'target audience'),
        summary: 'A target group is named.' },
    'qa-audience-needs': { severity: 'warning', family: 'qa-design-method', source: step(1, 'target audience'),
        summary: 'There is evidence of a needs analysis of the target group.' },
    'qa-audience-codesign': { severity: 'warning', family: 'qa-design-method', source: step(1, 'target audience'),
        summary: 'Stakeholders were included in co-designing the concept.' },
    'qa-audience-upskilling': { severity: 'warning', family: 'qa-design-method', source: step(1, 'target audience'),
        summary: 'The upskilling or reskilling needs the programme meets are stated.' },
    'qa-structure-defined': { severity: 'warning', family: 'qa-design-method', source: step(2, 'structure'),
        summary: 'The structure is defined in detail: the duration is stated.' },
    'qa-structure-outcomes': { severity: 'warning', family: 'qa-design-method', source: step(2, 'structure'),
        summary: 'Each learning outcome refers to skills and competences: a measurable action verb or a skill URI.' },
    'qa-structure-assessment-aligned': { severity: 'warning', family: 'qa-design-method', source: step(2, 'structure'),
        summary: 'Every learning outcome is covered by an assessment.' },
    'qa-structure-transparency': { severity: 'warning', family: 'qa-design-method', source: step(2, 'structure'),
        summary: 'Every assessment states its grading scheme, so the certificate shows what was reached.' },
    'qa-format-modes': { severity: 'warning', family: 'qa-design-method', source: step(3, 'teaching and learning format'),
        summary: 'Teaching modes are stated and consistent with the form of participation.' },
    'qa-format-methodology': { severity: 'warning', family: 'qa-design-method', source: step(3, 'teaching and learning format'),
        summary: 'A methodology likely to reach the learning outcomes is described.' },
    'qa-format-sustainability': { severity: 'warning', family: 'qa-design-method', source: step(3, 'teaching and learning format'),
        summary: 'The format is sustainable for the issuer and for the learners.' },
    'qa-method-defined': { severity: 'warning', family: 'qa-design-method', source: step(4, 'quality assurance'),
        summary: 'The QA methodology is defined: internal or external, ex-ante or ex-post.' },
    'qa-method-stakeholders': { severity: 'warning', family: 'qa-design-method', source: step(4, 'quality assurance'),
        summary: 'Stakeholders were involved in defining the QA methodology.' },
    'qa-method-tools': { severity: 'warning', family: 'qa-design-method', source: step(4, 'quality assurance'),
        summary: 'Existing QA tools or standards are used (ESG, EQAVET, …).' },
    'qa-business-model': { severity: 'warning', family: 'qa-design-method', source: step(5, 'business model'),
        summary: 'A business model is defined.' },
    'qa-business-sustainability': { severity: 'warning', family: 'qa-design-method', source: step(5, 'business model'),
        summary: 'The model is sustainable in the short and medium run, with a plan for the long run.' },
    'qa-business-administration': { severity: 'warning', family: 'qa-design-method', source: step(5, 'business model'),
        summary: 'Student administration fits the model and each learner typology.' },

    // The language itself
    'syntax-error': { severity: 'error', family: 'language', source: 'mcred language',
        summary: 'The file follows the .mcred syntax.' },
    'ref-unresolved': { severity: 'error', family: 'language', source: 'mcred language',
        summary: 'Every reference names a provider, outcome, credential or pathway declared in the workspace.' }
} as const satisfies Record<string, RuleInfo>;

export type IssueCode = keyof typeof RULES;

export const ISSUE_CODES = Object.keys(RULES) as IssueCode[];

export function isIssueCode(code: string): code is IssueCode {
    return Object.prototype.hasOwnProperty.call(RULES, code);
}

export function ruleInfo(code: IssueCode): RuleInfo {
    return RULES[code];
}
