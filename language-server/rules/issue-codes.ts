import { Vocabulary } from '../vocab/vocabulary.js';

/**
 * Every diagnostic code of the language (docs/rules.md), with its default severity, the rule it
 * enforces and where that rule comes from. This table is the single source for the validator,
 * the severity configuration, hovers and the generated rules documentation.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RuleInfo {
    /** Default severity (docs/rules.md). */
    readonly severity: Severity;
    /** The family the rule belongs to, as grouped in docs/rules.md. */
    readonly family: RuleFamily;
    /** One line: what the rule asks for, in a programme designer's words. */
    readonly summary: string;
    /** Where the rule comes from, quoted at the end of every message. */
    readonly source: string;
    /**
     * The Annex II principles (numbers in `standards/eu-mc/annex2-principles.json`) that the rule
     * supports: a credential that passes the rule is evidence for them (readiness, QA report).
     */
    readonly principles: readonly number[];
}

export type RuleFamily =
    | 'annex1-mandatory'
    | 'annex1-optional'
    | 'values-references'
    | 'qa-design-method'
    | 'waivers'
    | 'language';

const RECOMMENDATION = 'Council Recommendation 2022/C 243/02';
const annex1 = (n: number) => `Annex I element ${n}, ${RECOMMENDATION}`;
const annex1Optional = `Annex I optional elements, ${RECOMMENDATION}`;
const step = (k: number, name: string) => `design method step ${k} (${name})`;

export const RULES = {
    // §3.1 Annex I — mandatory elements
    'eu-learner': { severity: 'error', family: 'annex1-mandatory', source: annex1(1),
        principles: [7, 9],
        summary: 'The credential identifies its learner (a cohort lists learners or a roster).' },
    'eu-title': { severity: 'error', family: 'annex1-mandatory', source: annex1(2),
        principles: [2],
        summary: 'The micro-credential has a title.' },
    'eu-country': { severity: 'error', family: 'annex1-mandatory', source: annex1(3),
        principles: [2, 9],
        summary: 'Every awarding body states the country of the issuer.' },
    'eu-awarding-body': { severity: 'error', family: 'annex1-mandatory', source: annex1(4),
        principles: [2, 9],
        summary: 'The micro-credential names its awarding body (or bodies).' },
    'eu-issue-date': { severity: 'error', family: 'annex1-mandatory', source: annex1(5),
        principles: [9],
        summary: 'The issuance states its date of issuing.' },
    'eu-learning-outcomes': { severity: 'error', family: 'annex1-mandatory', source: annex1(6),
        principles: [2, 6],
        summary: 'The micro-credential states at least one learning outcome.' },
    'eu-workload': { severity: 'error', family: 'annex1-mandatory', source: annex1(7),
        principles: [2, 6],
        summary: 'The micro-credential states its notional workload (ECTS or hours).' },
    'eu-workload-ects': { severity: 'warning', family: 'annex1-mandatory', source: annex1(7),
        principles: [2, 6],
        summary: 'The workload is given in ECTS credits wherever possible, not in hours only.' },
    'eu-level': { severity: 'error', family: 'annex1-mandatory', source: annex1(8),
        principles: [2, 6],
        summary: 'The micro-credential states its level (EQF or QF-EHEA), or "none" with a reason.' },
    'eu-assessment-type': { severity: 'error', family: 'annex1-mandatory', source: annex1(9),
        principles: [2, 4],
        summary: 'At least one assessment states its type.' },
    'eu-participation': { severity: 'error', family: 'annex1-mandatory', source: annex1(10),
        principles: [2],
        summary: 'The micro-credential states its form of participation (online, onsite or blended).' },
    'eu-quality-assurance': { severity: 'error', family: 'annex1-mandatory', source: annex1(11),
        principles: [1],
        summary: 'The micro-credential states the type of quality assurance that underpins it.' },

    // §3.2 Annex I — optional elements
    'eu-opt-prerequisites': { severity: 'information', family: 'annex1-optional', source: annex1Optional,
        principles: [2, 10],
        summary: 'Prerequisites needed to enrol are stated.' },
    'eu-opt-supervision': { severity: 'information', family: 'annex1-optional', source: annex1Optional,
        principles: [4, 9],
        summary: 'Each assessment states its supervision and identity verification.' },
    'eu-opt-grade': { severity: 'information', family: 'annex1-optional', source: annex1Optional,
        principles: [4, 6],
        summary: 'The grade achieved is recorded for each learner.' },
    'eu-opt-stackability': { severity: 'information', family: 'annex1-optional', source: annex1Optional,
        principles: [5],
        summary: 'Integration or stackability options are stated (stackable into a pathway, or standalone).' },
    'eu-opt-further-info': { severity: 'information', family: 'annex1-optional', source: annex1Optional,
        principles: [2, 10],
        summary: 'Further information about the micro-credential is linked.' },

    // §3.3 Values and references
    'value-ects': { severity: 'error', family: 'values-references', source: `ECTS Users' Guide; ${RECOMMENDATION}`,
        principles: [2, 6],
        summary: 'The notional workload is positive (ECTS credits and hours); above 60 ECTS a micro-credential is no longer a "small volume of learning" (warning).' },
    'value-eqf': { severity: 'error', family: 'values-references', source: 'European Qualifications Framework (2017/C 189/03)',
        principles: [2, 6],
        summary: 'The EQF level is a whole number from 1 to 8.' },
    'value-isced-f': { severity: 'error', family: 'values-references', source: 'ISCED-F 2013 fields of education and training',
        principles: [2],
        summary: 'The field is a real ISCED-F 2013 code.' },
    'value-country': { severity: 'error', family: 'values-references', source: 'ISO 3166-1 country codes',
        principles: [9],
        summary: 'The country is an ISO 3166-1 alpha-2 code.' },
    'value-language': { severity: 'error', family: 'values-references', source: 'ISO 639-1 language codes',
        principles: [2],
        summary: 'The language is an ISO 639-1 two-letter code.' },
    'value-date': { severity: 'error', family: 'values-references', source: 'ISO 8601 calendar dates',
        principles: [9],
        summary: 'A date is a real calendar date written YYYY-MM-DD.' },
    'value-duration': { severity: 'error', family: 'values-references', source: 'ISO 8601 durations',
        principles: [2],
        summary: 'A duration is a positive amount of hours, days, weeks, months or years.' },
    'value-url': { severity: 'error', family: 'values-references', source: 'RFC 3986 URIs',
        principles: [7, 10],
        summary: 'A web address or identifier is an absolute URI (https://…, mailto:…, did:…).' },
    'value-workload-consistency': { severity: 'warning', family: 'values-references', source: "ECTS Users' Guide (25–30 hours per credit)",
        principles: [2, 6],
        summary: 'Stated hours and ECTS agree (25 to 30 hours of notional learning per ECTS credit).' },
    'value-fee': { severity: 'error', family: 'values-references', source: 'ISO 4217 currency codes',
        principles: [2, 10],
        summary: 'A fee is a non-negative amount followed by an ISO 4217 currency code (`fee 300 EUR`).' },
    'ref-duplicate-name': { severity: 'error', family: 'values-references', source: 'mcred language',
        principles: [],
        summary: 'Each name is declared once in the workspace.' },
    'pathway-ects-sum': { severity: 'warning', family: 'values-references', source: 'stackability, Annex II principle 5 (learning pathways)',
        principles: [5],
        summary: "A pathway's stated ECTS equals the sum of its parts." },
    'pathway-cycle': { severity: 'error', family: 'values-references', source: 'stackability, Annex II principle 5 (learning pathways)',
        principles: [5],
        summary: 'A pathway does not contain itself, directly or through other pathways.' },
    'value-hole': { severity: 'error', family: 'values-references', source: 'mcred language (holes: evidence, not presence)',
        principles: [],
        summary: 'No value is left as a hole `?`: each hole is still to decide, and counts as missing until a person fills it.' },
    'value-placeholder': { severity: 'error', family: 'values-references', source: 'mcred language (placeholders are not values)',
        principles: [],
        summary: 'No text only holds a placeholder (TBD, TODO, N/A, -, …, xxx, lorem ipsum, to be defined, unknown, an empty text).' },
    'value-capacity': { severity: 'error', family: 'values-references', source: 'mcred language (cohort offerings)',
        principles: [10],
        summary: "A cohort's capacity is a positive whole number of participants (`capacity 45`)." },
    'i18n-missing': { severity: 'warning', family: 'values-references', source: 'ELM language maps; Annex II principle 7 (portable)',
        principles: [2, 7],
        summary: 'Every language of `language` has the title and every outcome statement (`title "…"@fi`).' },
    'i18n-unknown-language': { severity: 'error', family: 'values-references', source: 'ISO 639-1 language codes',
        principles: [2, 7],
        summary: 'A translation is tagged with an ISO 639-1 code listed in `language` (`"…"@fi` with `language en, fi`).' },
    'module-ects-sum': { severity: 'warning', family: 'values-references', source: "ECTS Users' Guide; Annex II principle 5 (learning pathways)",
        principles: [2, 5],
        summary: "The modules' ECTS add up to the micro-credential's workload." },
    'assessment-weights': { severity: 'warning', family: 'values-references', source: 'Annex II principle 4 (valid assessment)',
        principles: [2, 4],
        summary: 'The stated weights of the assessments sum to 100%.' },
    'value-did': { severity: 'error', family: 'values-references', source: 'W3C DID Core 1.0; did:web and did:key method specifications',
        principles: [9],
        summary: "A provider's `did` is a did:web or an Ed25519 did:key (the issuer id of signed credentials)." },
    'roster-path': { severity: 'error', family: 'values-references', source: 'mcred language',
        principles: [9],
        summary: "A cohort's roster is a regular CSV file (at most 50 MB) inside the programme's folder or the workspace." },
    'value-learner-id': { severity: 'error', family: 'values-references', source: 'RFC 3986 URIs',
        principles: [9],
        summary: "A learner's identifier is a mailto:, did:, https: or urn: URI (or an identifier without a scheme in a roster)." },
    'learner-duplicate': { severity: 'error', family: 'values-references', source: annex1(1),
        principles: [9],
        summary: 'A learner appears once in a cohort (identifiers compared after normalising: jane@…, mailto:jane@…, MAILTO:…).' },
    'pathway-stack-mismatch': { severity: 'warning', family: 'values-references', source: 'stackability, Annex II principle 5 (learning pathways)',
        principles: [5],
        summary: 'A micro-credential says `stackable into` a pathway exactly when the pathway `includes` it.' },
    'pathway-level': { severity: 'information', family: 'values-references', source: 'stackability, Annex II principle 5 (learning pathways); EQF',
        principles: [5],
        summary: "A pathway's level is not below the level of any of its parts." },
    'qa-review-due': { severity: 'information', family: 'values-references', source: 'Annex II principle 1 (quality), ESG 2015 standard 1.9',
        principles: [1],
        summary: 'The QA review cycle (`review every N years`) has not passed since the last cohort.' },

    // §3.4 QA gaps — the 5-step design method
    'qa-audience-target': { severity: 'warning', family: 'qa-design-method', source: step(1, 'target audience'),
        principles: [3, 8],
        summary: 'A target group is named.' },
    'qa-audience-needs': { severity: 'warning', family: 'qa-design-method', source: step(1, 'target audience'),
        principles: [3, 8],
        summary: 'There is evidence of a needs analysis of the target group.' },
    'qa-audience-codesign': { severity: 'warning', family: 'qa-design-method', source: step(1, 'target audience'),
        principles: [3],
        summary: 'Stakeholders were included in co-designing the concept.' },
    'qa-audience-upskilling': { severity: 'warning', family: 'qa-design-method', source: step(1, 'target audience'),
        principles: [3],
        summary: 'The upskilling or reskilling needs the programme meets are stated.' },
    'qa-structure-defined': { severity: 'warning', family: 'qa-design-method', source: step(2, 'structure'),
        principles: [2],
        summary: 'The structure is defined in detail: the duration is stated.' },
    'qa-structure-outcomes': { severity: 'warning', family: 'qa-design-method', source: step(2, 'structure'),
        principles: [2, 6],
        summary: 'Each learning outcome refers to skills and competences: a measurable action verb or a skill URI.' },
    'qa-structure-assessment-aligned': { severity: 'warning', family: 'qa-design-method', source: step(2, 'structure'),
        principles: [4],
        summary: 'Every learning outcome is covered by an assessment.' },
    'qa-structure-transparency': { severity: 'warning', family: 'qa-design-method', source: step(2, 'structure'),
        principles: [2, 4],
        summary: 'Every assessment states its grading scheme, so the certificate shows what was reached.' },
    'qa-format-modes': { severity: 'warning', family: 'qa-design-method', source: step(3, 'teaching and learning format'),
        principles: [2, 8],
        summary: 'Teaching modes are stated and consistent with the form of participation.' },
    'qa-format-methodology': { severity: 'warning', family: 'qa-design-method', source: step(3, 'teaching and learning format'),
        principles: [8],
        summary: 'A methodology likely to reach the learning outcomes is described.' },
    'qa-format-sustainability': { severity: 'warning', family: 'qa-design-method', source: step(3, 'teaching and learning format'),
        principles: [1, 8],
        summary: 'The format is sustainable for the issuer and for the learners.' },
    'qa-method-defined': { severity: 'warning', family: 'qa-design-method', source: step(4, 'quality assurance'),
        principles: [1],
        summary: 'The QA methodology is defined: internal or external, ex-ante or ex-post.' },
    'qa-method-stakeholders': { severity: 'warning', family: 'qa-design-method', source: step(4, 'quality assurance'),
        principles: [1, 8],
        summary: 'Stakeholders were involved in defining the QA methodology.' },
    'qa-method-tools': { severity: 'warning', family: 'qa-design-method', source: step(4, 'quality assurance'),
        principles: [1],
        summary: 'Existing QA tools or standards are used (ESG, EQAVET, …).' },
    'qa-business-model': { severity: 'warning', family: 'qa-design-method', source: step(5, 'business model'),
        principles: [10],
        summary: 'A business model is defined.' },
    'qa-business-sustainability': { severity: 'warning', family: 'qa-design-method', source: step(5, 'business model'),
        principles: [1, 3],
        summary: 'The model is sustainable in the short and medium run, with a plan for the long run.' },
    'qa-business-administration': { severity: 'warning', family: 'qa-design-method', source: step(5, 'business model'),
        principles: [8, 10],
        summary: 'Student administration fits the model and each learner typology.' },

    // Waivers: `waive <code> "reason"` inside a micro-credential
    'waiver-reason': { severity: 'error', family: 'waivers', source: 'mcred waivers',
        principles: [],
        summary: 'A waiver states the reason why the check does not apply, so that an auditor can judge it.' },
    'waiver-unknown-code': { severity: 'error', family: 'waivers', source: 'mcred waivers',
        principles: [],
        summary: 'A waiver names a check that exists and may be waived (not a mandatory Annex I element).' },
    'waiver-unused': { severity: 'information', family: 'waivers', source: 'mcred waivers',
        principles: [],
        summary: 'A waiver waives a check that the credential would otherwise fail.' },

    // The language itself
    'syntax-error': { severity: 'error', family: 'language', source: 'mcred language',
        principles: [],
        summary: 'The file follows the .mcred syntax.' },
    'ref-unresolved': { severity: 'error', family: 'language', source: 'mcred language',
        principles: [],
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

/** The 17 QA checks of the 5-step design method (docs/rules.md), in table order. */
export type QaCode = Extract<IssueCode, `qa-${string}`>;

export const QA_CODES = ISSUE_CODES.filter((code): code is QaCode => RULES[code].family === 'qa-design-method');

const NOT_WAIVABLE_VALUES: ReadonlySet<IssueCode> = new Set<IssueCode>(['value-hole', 'value-placeholder']);

/**
 * Whether a credential may waive the rule with `waive <code> "reason"`. The mandatory Annex I
 * elements are required by the Council Recommendation for every micro-credential, and the rules
 * of the language itself (syntax, references, names, pathways, waivers) keep the workspace
 * consistent: neither can be waived, nor can a hole or a placeholder (`value-hole`,
 * `value-placeholder`): a waiver would let a value nobody decided pass as stated. Everything else may be, with a written reason.
 */
export function isWaivable(code: IssueCode): boolean {
    const rule: RuleInfo = RULES[code];
    switch (rule.family) {
        case 'annex1-mandatory':
            return rule.severity !== 'error';
        case 'annex1-optional':
        case 'qa-design-method':
            return true;
        case 'values-references':
            // A hole or a placeholder is a value nobody has decided: waiving it would state it.
            return code.startsWith('value-') && !NOT_WAIVABLE_VALUES.has(code);
        default:
            return false;
    }
}

/** The codes a waiver may name, as a vocabulary for "did you mean". */
export const WAIVABLE_CODES = new Vocabulary('mcred check codes', undefined,
    ISSUE_CODES.filter(isWaivable).map(code => ({ code, label: code })));
