import annex1 from '../../standards/eu-mc/annex1-elements.json' with { type: 'json' };

/**
 * What each keyword of the language means, for hovers and completion documentation: the element
 * it states, the Annex I element (Council Recommendation 2022/C 243/02) and the step of the
 * five-step design method it serves. Controlled values (`blended`, `project`, `first`, …) are
 * documented by their vocabulary (language-server/vocab), not here.
 */

/** Ids of `standards/eu-mc/annex1-elements.json` (elements 1–11 mandatory, 12–16 optional). */
export type Annex1ElementId =
    | 'learnerIdentification' | 'title' | 'issuerCountryRegion' | 'awardingBody' | 'dateOfIssuing'
    | 'learningOutcomes' | 'notionalWorkload' | 'level' | 'typeOfAssessment' | 'formOfParticipation'
    | 'typeOfQualityAssurance' | 'prerequisites' | 'supervisionAndIdVerification' | 'grade'
    | 'stackability' | 'furtherInformation';

/** The five steps of the design method (seed talk, "A method to design MC underpinned by QA"). */
export const DESIGN_METHOD_STEPS = {
    1: 'Target audience definition and relevance',
    2: 'Structure of the micro-credential',
    3: 'Teaching and learning format',
    4: 'Quality assurance',
    5: 'Business model and student administration'
} as const;

export type DesignStep = keyof typeof DESIGN_METHOD_STEPS;

export interface KeywordDoc {
    /** One or two sentences: what the designer states with this keyword. */
    readonly summary: string;
    /** How it is written, when that helps (`level eqf 6`). */
    readonly syntax?: string;
    readonly annex1?: Annex1ElementId;
    readonly step?: DesignStep;
}

export interface KeywordEntry extends KeywordDoc {
    /**
     * Other meanings of the same word, keyed by the grammar rule or AST type it appears in
     * (`mode` in `Format` is a teaching mode, in `Assessment` the mode of assessment).
     */
    readonly in?: Readonly<Record<string, KeywordDoc>>;
}

export const KEYWORD_DOCS: Readonly<Record<string, KeywordEntry>> = {
    // Top-level elements
    provider: { summary: 'An organisation that awards or issues micro-credentials: its legal name, country, region, kind and homepage. Declared once and referenced by name from any file.', syntax: 'provider NAME { … }', annex1: 'awardingBody' },
    microcredential: { summary: 'A programme that leads to a micro-credential: everything the certificate states about it, and how it was designed.', syntax: 'microcredential NAME { … }' },
    pathway: { summary: 'A larger credential that stacks micro-credentials (from any file of the workspace), with its own level and workload.', syntax: 'pathway NAME { includes A, B … }', annex1: 'stackability' },
    cohort: { summary: 'An issuance of a micro-credential: the date of issuing and the learners who receive it.', syntax: 'cohort NAME of CREDENTIAL { issued YYYY-MM-DD … }', annex1: 'learnerIdentification' },

    // Provider
    name: { summary: 'The legal name of the organisation, as printed on the credential.', syntax: 'name "University of Florence"', annex1: 'awardingBody' },
    country: { summary: 'The country of the provider, as an ISO 3166-1 alpha-2 code (`IT`, `DE`).', syntax: 'country IT', annex1: 'issuerCountryRegion' },
    region: { summary: 'The region of the provider within its country.', syntax: 'region "Toscana"', annex1: 'issuerCountryRegion' },
    kind: { summary: 'The kind of organisation (university, vocational school, company, …).', syntax: 'kind university',
        in: { QaProcedure: { summary: 'Who runs the quality assurance procedure: `internal` or `external`.', annex1: 'typeOfQualityAssurance', step: 4 } } },
    identifier: { summary: 'A legal identifier of the organisation (VAT number, Erasmus code, …).', syntax: 'identifier "IT01279680480"', annex1: 'awardingBody' },
    homepage: { summary: "The organisation's web address.", syntax: 'homepage "https://…"', annex1: 'awardingBody' },
    email: { summary: 'A contact e-mail address of the organisation.', syntax: 'email "info@example.org"' },
    did: { summary: 'The decentralised identifier (`did:web:…` or `did:key:…`) of the organisation: the issuer id of signed credentials.', syntax: 'did "did:web:www.helsinki.fi"', annex1: 'awardingBody' },
    members: { summary: 'The member providers of an alliance (`kind alliance`); when the alliance awards without a country of its own, the members\' countries are the issuer\'s.', syntax: 'members HELSINKI, KUL, UNIBO', annex1: 'issuerCountryRegion' },

    // Micro-credential and pathway
    title: { summary: 'The title of the credential, as printed on the certificate.', syntax: 'title "AI & Digital Ethics"', annex1: 'title', step: 2 },
    description: { summary: 'A short description of the programme for the certificate and catalogues.', syntax: 'description "…"',
        in: { Assessment: { summary: 'What the assessment consists of.', annex1: 'typeOfAssessment', step: 2 } } },
    awardedBy: { summary: 'The awarding body or bodies (providers declared anywhere in the workspace); a joint credential names several.', syntax: 'awardedBy UNIFI, KU', annex1: 'awardingBody' },
    deliveredWith: { summary: 'Providers that contribute to delivering the programme but do not award the credential.', syntax: 'deliveredWith KUL, UNIBO' },
    module: { summary: 'A component of the micro-credential (a course or MOOC) with its own title, workload and provider, and the outcomes it covers.', syntax: 'module NAME { title "…" workload 2 ects providedBy P covers LO1 }', step: 2 },
    providedBy: { summary: 'The provider(s) that deliver this module.', syntax: 'providedBy HELSINKI' },
    weight: { summary: 'The share of the final grade this assessment carries, in percent; the weights of a credential\'s assessments sum to 100.', syntax: 'weight 30%', annex1: 'grade', step: 2 },
    language: { summary: 'The language(s) of instruction and assessment, as ISO 639-1 codes.', syntax: 'language en, it' },
    level: { summary: 'The level of the learning experience: an EQF level, a QF-EHEA cycle, or `none` with the reason it does not apply.', syntax: 'level eqf 6 · level qf-ehea first · level none "reason"', annex1: 'level', step: 2 },
    eqf: { summary: 'A level of the European Qualifications Framework, 1 to 8.', syntax: 'level eqf 6', annex1: 'level', step: 2 },
    'qf-ehea': { summary: 'A cycle of the Framework of Qualifications of the European Higher Education Area: short-cycle, first, second or third.', syntax: 'level qf-ehea first', annex1: 'level', step: 2 },
    none: { summary: 'No level applies (Annex I: "if applicable"); the reason is required.', syntax: 'level none "Continuing education outside the national framework"', annex1: 'level', step: 2 },
    field: { summary: 'The ISCED-F 2013 field of education and training, as a quoted code (`"0223"`: philosophy and ethics).', syntax: 'field "0223"' },
    workload: { summary: 'The notional workload needed to achieve the learning outcomes, in ECTS credits wherever possible (25–30 hours of learning per credit).', syntax: 'workload 5 ects', annex1: 'notionalWorkload', step: 2 },
    ects: { summary: 'European Credit Transfer and Accumulation System credits: one credit is 25–30 hours of notional learning.', syntax: 'workload 5 ects', annex1: 'notionalWorkload', step: 2 },
    hours: { summary: 'The notional learning hours; alone it states the workload, beside ECTS it must agree with them (25–30 h per credit).', syntax: 'hours 125', annex1: 'notionalWorkload', step: 2,
        in: {
            DurationUnit: { summary: 'Duration in hours.', step: 2 },
            MicroCredential: { summary: 'The notional learning hours; alone it states the workload, beside ECTS it must agree with them (25–30 h per credit).', annex1: 'notionalWorkload', step: 2 }
        } },
    hour: { summary: 'Singular of `hours`.', annex1: 'notionalWorkload', step: 2 },
    duration: { summary: 'How long the learning activity lasts, in hours, days, weeks, months or years.', syntax: 'duration 6 weeks', step: 2 },
    days: { summary: 'Duration unit: days.', step: 2 },
    day: { summary: 'Duration unit: a day.', step: 2 },
    weeks: { summary: 'Duration unit: weeks.', step: 2 },
    week: { summary: 'Duration unit: a week.', step: 2 },
    months: { summary: 'Duration or review period in months.', step: 2 },
    month: { summary: 'Duration or review period: a month.', step: 2 },
    years: { summary: 'Duration or review period in years.' },
    year: { summary: 'Duration or review period: a year.' },
    participation: { summary: 'The form of participation in the learning activity: online, onsite or blended.', syntax: 'participation blended', annex1: 'formOfParticipation', step: 3 },
    setting: { summary: 'The learning setting: formal, non-formal or informal learning.', syntax: 'setting non-formal' },
    outcome: { summary: 'A learning outcome: what the learner knows and can do afterwards, best with a measurable action verb and the ESCO skills it develops.', syntax: 'outcome LO1 "Explain …"', annex1: 'learningOutcomes', step: 2 },
    skill: { summary: 'An ESCO skill or competence the outcome develops, as a quoted ESCO URI.', syntax: 'skill "http://data.europa.eu/esco/skill/…"', annex1: 'learningOutcomes', step: 2 },
    assessment: { summary: 'How the learning outcomes are assessed: its type, the outcomes it covers, its supervision and its grading scheme.', syntax: 'assessment NAME { type project … }', annex1: 'typeOfAssessment', step: 2 },
    type: { summary: 'The type of assessment, from the Europass list (written-exam, project, portfolio, …).', syntax: 'type project', annex1: 'typeOfAssessment', step: 2 },
    covers: { summary: 'The learning outcomes this assessment assesses; every outcome should be covered by one.', syntax: 'covers LO1, LO2', annex1: 'learningOutcomes', step: 2 },
    mode: { summary: 'How the assessment takes place: online, onsite or blended.', syntax: 'mode online', annex1: 'typeOfAssessment', step: 2,
        in: { Format: { summary: 'The teaching mode: online, onsite or blended, consistent with the form of participation.', syntax: 'mode blended', annex1: 'formOfParticipation', step: 3 } } },
    supervision: { summary: 'Supervision and identity verification during the assessment.', syntax: 'supervision supervised-with-id', annex1: 'supervisionAndIdVerification', step: 2 },
    grading: { summary: 'The grading scheme, so that the certificate shows what was reached.', syntax: 'grading "pass/fail"', annex1: 'grade', step: 2 },

    // Audience (step 1)
    audience: { summary: 'Who the programme is for and why: the target group, the evidence of their needs, who co-designed it and the needs it meets.', syntax: 'audience { target "…" … }', step: 1 },
    target: { summary: 'The target group of learners.', syntax: 'target "IT professionals who deploy AI tools"', step: 1 },
    needsAnalysis: { summary: "Evidence of an analysis of the target group's needs (a survey, a study, consultations).", syntax: 'needsAnalysis "Employer survey, 2025"', step: 1 },
    coDesignedWith: { summary: 'The stakeholders included in co-designing the concept (employers, chambers, learners, …).', syntax: 'coDesignedWith "Regional chamber of commerce"', step: 1 },
    purpose: { summary: 'The upskilling or reskilling needs the programme meets.', syntax: 'purpose upskilling, reskilling', step: 1 },

    // Format (step 3)
    format: { summary: 'The teaching and learning format: modes, methodology, schedule, and whether it is sustainable.', syntax: 'format { mode blended … }', step: 3 },
    methodology: { summary: 'The teaching methodology, likely to make the training effective and reach the outcomes.', syntax: 'methodology "Case studies, flipped classroom"', step: 3 },
    schedule: { summary: 'The learning schedule: full-time, part-time (intensive or light), or a description.', syntax: 'schedule part-time-light', step: 3 },
    sustainability: { summary: 'Why the format is sustainable for the issuing bodies and for the learners.', syntax: 'sustainability "…"', step: 3,
        in: { Business: { summary: 'Sustainability of the business model in the short and medium run, and the plan for the long run.', syntax: 'sustainability short "…" medium "…" long "…"', step: 5 } } },

    // Quality assurance (Annex I element 11, step 4)
    qualityAssurance: { summary: 'The quality assurance that underpins the micro-credential: internal or external procedures, ex-ante or ex-post, the agency, stakeholders, standards and review cycle.', syntax: 'qualityAssurance { internal exAnte "…" … }', annex1: 'typeOfQualityAssurance', step: 4 },
    internal: { summary: 'A quality assurance procedure run by the provider itself.', syntax: 'internal exAnte "Design approved by the QA committee"', annex1: 'typeOfQualityAssurance', step: 4 },
    external: { summary: 'A quality assurance procedure run by an external body, e.g. an EQAR-registered agency.', syntax: 'external exPost agency "ANVUR"', annex1: 'typeOfQualityAssurance', step: 4 },
    exAnte: { summary: 'Quality assured before delivery (programme design and approval).', annex1: 'typeOfQualityAssurance', step: 4 },
    exPost: { summary: 'Quality assured after delivery (review, evaluation, accreditation).', annex1: 'typeOfQualityAssurance', step: 4 },
    agency: { summary: 'The quality assurance agency, e.g. one registered in EQAR.', syntax: 'agency "ANVUR"', annex1: 'typeOfQualityAssurance', step: 4 },
    standard: { summary: 'The QA standard this procedure follows (ESG 2015, EQAVET, ISO 21001, …).', syntax: 'standard "ESG 2015 Part 1"', annex1: 'typeOfQualityAssurance', step: 4 },
    standards: { summary: 'Existing QA tools and standards used in the definition of the QA model (ESG, EQAVET, …).', syntax: 'standards "ESG 2015", "EQAVET"', annex1: 'typeOfQualityAssurance', step: 4 },
    stakeholders: { summary: 'The stakeholders involved in defining the quality assurance methodology.', syntax: 'stakeholders "employers", "learners"', step: 4 },
    review: { summary: 'How often the programme is reviewed.', syntax: 'review every 2 years', step: 4 },
    every: { summary: 'The review period.', syntax: 'review every 2 years', step: 4 },
    feedback: { summary: 'Feedback loops (learner surveys, employer feedback) that feed the review.', syntax: 'feedback "End-of-course survey"', step: 4 },

    // Business (step 5)
    business: { summary: 'The business model and student administration: fee or funding, sustainability in the short, medium and long run, and the learner typologies served.', syntax: 'business { model "…" fee 300 EUR … }', step: 5 },
    model: { summary: 'The business model of the programme (fee-based, publicly funded, co-financed, …).', syntax: 'model "Fee-based, co-financed by industry partners"', step: 5 },
    fee: { summary: 'The fee per learner: a decimal amount and an ISO 4217 currency code.', syntax: 'fee 300 EUR', step: 5 },
    funding: { summary: 'Funding that covers the programme (public funds, grants, partners).', syntax: 'funding "Regional ESF+ programme"', step: 5 },
    short: { summary: 'Sustainability in the short run.', syntax: 'sustainability short "…"', step: 5 },
    medium: { summary: 'Sustainability in the medium run.', syntax: 'sustainability medium "…"', step: 5 },
    long: { summary: 'The plan for the long run.', syntax: 'sustainability long "…"', step: 5 },
    administration: { summary: 'How student administration (enrolment, records, certificates) works and fits the model.', syntax: 'administration "Enrolment through the university portal"', step: 5 },
    learnerTypes: { summary: 'The typologies of learners that student administration must deal with.', syntax: 'learnerTypes students, professionals', step: 5 },

    // Other programme elements
    prerequisites: { summary: 'Prerequisites needed to enrol in the learning activity.', syntax: 'prerequisites "Bachelor degree"', annex1: 'prerequisites' },
    stackable: { summary: 'The pathways or larger credentials this micro-credential stacks into.', syntax: 'stackable into AILiteracyPathway', annex1: 'stackability' },
    into: { summary: 'The credentials this one stacks into.', syntax: 'stackable into AILiteracyPathway', annex1: 'stackability' },
    standalone: { summary: 'States that the micro-credential is not part of a larger credential.', annex1: 'stackability' },
    recognition: { summary: 'How the credential is recognised (e.g. credits in a degree programme).', syntax: 'recognition "Counts as 5 ECTS elective in the MSc"', annex1: 'stackability' },
    furtherInfo: { summary: 'A web address with further information about the credential.', syntax: 'furtherInfo "https://…"', annex1: 'furtherInformation' },
    waive: { summary: 'Waives a check for this credential, with the reason (the waiver is shown in the QA report).', syntax: 'waive qa-business-model "State-funded, free to learners"' },
    includes: { summary: 'The credentials this pathway stacks (micro-credentials or other pathways, from any file of the workspace).', syntax: 'includes AIDigitalEthics, DataLiteracy', annex1: 'stackability' },

    // Cohort (issuance)
    of: { summary: 'The micro-credential this cohort issues.', syntax: 'cohort Spring2026 of AIDigitalEthics' },
    issued: { summary: 'The date of issuing, written YYYY-MM-DD.', syntax: 'issued 2026-06-30', annex1: 'dateOfIssuing' },
    roster: { summary: 'A CSV roster of learners (`name,id,grade[,issued]`), as a path relative to this file.', syntax: 'roster "learners.csv"', annex1: 'learnerIdentification' },
    learner: { summary: 'A learner who receives the credential: full name, an identifier (e-mail or DID) and the grade achieved.', syntax: 'learner "Jane Doe" id "mailto:jane@example.org" grade "pass"', annex1: 'learnerIdentification' },
    id: { summary: "The learner's identifier: a mailto: address or a DID.", syntax: 'id "mailto:jane.doe@example.org"', annex1: 'learnerIdentification' },
    grade: { summary: 'The grade the learner achieved.', syntax: 'grade "pass"', annex1: 'grade' },
    given: { summary: "The learner's given name (first name), when the credential states it apart from the full name.", syntax: 'given "Jane"', annex1: 'learnerIdentification' },
    family: { summary: "The learner's family name (surname).", syntax: 'family "Doe"', annex1: 'learnerIdentification' },
    period: { summary: 'When the teaching of this cohort runs, from one date to another (YYYY-MM-DD).', syntax: 'period 2027-02-01 to 2027-04-30' },
    to: { summary: 'The last day of the teaching period.', syntax: 'period 2027-02-01 to 2027-04-30' },
    capacity: { summary: 'The largest number of participants of this cohort (a positive whole number).', syntax: 'capacity 45' },
    for: { summary: 'The learner typology a fee applies to.', syntax: 'fee 0 EUR for students', step: 5 }
};

interface Annex1ElementData {
    readonly id: string;
    readonly n: number;
    readonly mandatory: boolean;
    readonly label: string;
}

const ANNEX1_BY_ID = new Map((annex1.elements as readonly Annex1ElementData[]).map(e => [e.id, e]));

/** The Annex I element with the given id, with its label from the official digest. */
export function annex1Element(id: Annex1ElementId): Annex1ElementData {
    const element = ANNEX1_BY_ID.get(id);
    if (!element) throw new Error(`annex1-elements.json has no element '${id}'`);
    return element;
}

/**
 * The documentation of a keyword where it appears: `context` names are tried in order (the grammar
 * rule of the keyword, then the AST type it belongs to), then the keyword's general meaning.
 */
export function keywordDoc(keyword: string, ...context: ReadonlyArray<string | undefined>): KeywordDoc | undefined {
    const entry = Object.prototype.hasOwnProperty.call(KEYWORD_DOCS, keyword) ? KEYWORD_DOCS[keyword] : undefined;
    if (!entry) return undefined;
    for (const name of context) {
        const specific = name ? entry.in?.[name] : undefined;
        if (specific) return specific;
    }
    return entry;
}

/** Markdown for a hover or completion item: the meaning, the syntax, and what it serves. */
export function keywordMarkdown(keyword: string, doc: KeywordDoc): string {
    const lines = [`**${keyword}** — ${doc.summary}`];
    if (doc.syntax) lines.push('', `\`${doc.syntax}\``);
    const serves = servesLine(doc);
    if (serves) lines.push('', serves);
    return lines.join('\n');
}

/** "Annex I element 7 (…) · Design method step 2: Structure of the micro-credential". */
export function servesLine(doc: KeywordDoc): string | undefined {
    const parts: string[] = [];
    if (doc.annex1) {
        const element = annex1Element(doc.annex1);
        parts.push(element.mandatory
            ? `Annex I element ${element.n}: *${element.label}*`
            : `Annex I optional element: *${element.label}*`);
    }
    if (doc.step) parts.push(`Design method step ${doc.step}: *${DESIGN_METHOD_STEPS[doc.step]}*`);
    return parts.length > 0 ? parts.join(' · ') : undefined;
}
