import type {
    Assessment, Cohort, Credential, Learner, MicroCredential, Module, Pathway, Provider, QualityAssurance, Translation
} from '../generated/ast.js';
import { isMicroCredential, isPathway } from '../generated/ast.js';
import { validDid } from './did.js';
import {
    ASSESSMENT_TYPES, COUNTRIES, EQF_LEVELS, ESCO_SKILLS, ISCED_F_FIELDS, LANGUAGES, LEARNER_TYPES, LEARNING_SCHEDULES,
    LEARNING_SETTINGS, PARTICIPATION_MODES, PURPOSES, QF_EHEA_CYCLES, SUPERVISION_TYPES,
    type Concept, type Country, type EqfLevel, type IscedField, type Language, type QfEheaCycle
} from '../vocab/index.js';

/**
 * The resolved credential model: everything an exporter needs about a micro-credential, with
 * references followed and controlled values looked up in the vocabularies. Pure data, built
 * from the AST by `credentialModel`; exporters never read the AST.
 */
export interface CredentialModel {
    /** The name the credential is declared with (`AIDigitalEthics`). */
    readonly name: string;
    /** Annex I element 2; the declared name when no title is stated. */
    readonly title: string;
    readonly description?: string;
    /**
     * The language the texts of the credential are written in: the first stated one. Undefined when
     * the programme states none (an export refuses it; nothing guesses a language).
     */
    readonly language: Language | undefined;
    /** Every language of instruction stated, the text language first. */
    readonly languages: readonly Language[];
    /** Annex I elements 3 and 4. */
    readonly awardingBodies: readonly ProviderModel[];
    /** Annex I element 6. */
    readonly outcomes: readonly OutcomeModel[];
    /** Annex I element 9 and the optional supervision element. */
    readonly assessments: readonly AssessmentModel[];
    /** Annex I element 8. */
    readonly level: LevelModel;
    /** ISCED-F 2013 fields (codes that are not ISCED-F codes are left out; validation reports them). */
    readonly fields: readonly IscedField[];
    /** Annex I element 7. */
    readonly workload: WorkloadModel;
    readonly duration?: DurationModel;
    /** Annex I element 10. */
    readonly participation?: Concept;
    readonly setting?: Concept;
    /** Annex I element 11. */
    readonly qualityAssurance?: QualityAssuranceModel;
    readonly audience?: AudienceModel;
    readonly format?: FormatModel;
    readonly business?: BusinessModel;
    /** Optional Annex I elements. */
    readonly prerequisites?: string;
    /** The credentials this one stacks into: `stackable into` and every pathway that includes it. */
    readonly stacksInto: readonly StackTarget[];
    readonly standalone: boolean;
    readonly recognition?: string;
    readonly furtherInfo?: string;
    /** Translations of the texts (language code → text), other than the first language. */
    readonly titleTranslations?: Translations;
    readonly descriptionTranslations?: Translations;
    readonly prerequisitesTranslations?: Translations;
    readonly recognitionTranslations?: Translations;
    /** The component courses (`module`), in file order. */
    readonly modules?: readonly ModuleModel[];
    /** Contributing providers that do not award (`deliveredWith`). */
    readonly contributors?: readonly ProviderModel[];
    /** Fees for one typology of learners (`fee 0 EUR for students`). */
    readonly learnerFees?: ReadonlyArray<{ readonly amount: number; readonly currency: string; readonly learnerType: Concept }>;
}

/** Translations of one text: ISO 639-1 code → text. Only valid tags listed in `language`, other than the first. */
export type Translations = Readonly<Record<string, string>>;

/** A component course of a micro-credential. */
export interface ModuleModel {
    readonly name: string;
    /** The title, or the name when none is stated. */
    readonly title: string;
    readonly titleTranslations: Translations;
    readonly description?: string;
    readonly descriptionTranslations: Translations;
    readonly ects?: number;
    readonly hours?: number;
    readonly providers: readonly ProviderModel[];
    /** Names of the outcomes it covers. */
    readonly covers: readonly string[];
}

export interface ProviderModel {
    readonly name: string;
    /** The legal name (`name "…"`), or the declared name when none is stated. */
    readonly legalName: string;
    readonly country?: Country;
    readonly region?: string;
    readonly kind?: string;
    readonly legalIdentifier?: string;
    readonly homepage?: string;
    readonly email?: string;
    /** The members of an alliance (`kind alliance`, `members …`). */
    readonly members?: readonly ProviderModel[];
    /** The issuer id of signed credentials (`did "did:web:…"`), only when it is a valid DID. */
    readonly did?: string;
}

export interface SkillModel {
    readonly uri: string;
    /** The ESCO preferred label when the skill is in the shipped subset. */
    readonly label?: string;
}

export interface OutcomeModel {
    readonly name: string;
    /** The statement, or the name when no statement is given. */
    readonly statement: string;
    readonly skills: readonly SkillModel[];
    readonly statementTranslations?: Translations;
}

export interface AssessmentModel {
    /** The declared name, or `Assessment N` for an unnamed one. */
    readonly name: string;
    readonly declaredName?: string;
    readonly type?: Concept;
    /** Names of the outcomes it covers. */
    readonly covers: readonly string[];
    readonly mode?: Concept;
    readonly supervision?: Concept;
    readonly grading?: string;
    readonly description?: string;
    /** What learners read (`title "Weekly quizzes"`); the name stays the reference name. */
    readonly title?: string;
    readonly titleTranslations?: Translations;
    readonly descriptionTranslations?: Translations;
    /** Share of the final grade, in percent. */
    readonly weight?: number;
}

export interface LevelModel {
    readonly eqf?: EqfLevel;
    readonly qfEhea?: QfEheaCycle;
    /** `level none "reason"`: no EQF or QF-EHEA level applies, and why. */
    readonly notApplicable?: string;
}

export interface WorkloadModel {
    readonly ects?: number;
    readonly hours?: number;
}

export interface DurationModel {
    readonly amount: number;
    /** The unit in the plural (`weeks`). */
    readonly unit: 'hours' | 'days' | 'weeks' | 'months' | 'years';
    /** As an `xsd:duration` (ISO 8601 without weeks): `P42D`, `PT6H`, `P6M`. */
    readonly iso: string;
    /** As a person would write it: `6 weeks`. */
    readonly text: string;
}

export interface QaProcedureModel {
    readonly kind: 'internal' | 'external';
    readonly timing?: 'exAnte' | 'exPost';
    readonly agency?: string;
    readonly standards: readonly string[];
    readonly description?: string;
    /** One line: `External, ex post, by ANVUR (ESG 2015 Part 1)`. */
    readonly text: string;
}

export interface QualityAssuranceModel {
    readonly procedures: readonly QaProcedureModel[];
    readonly stakeholders: readonly string[];
    readonly standards: readonly string[];
    readonly review?: { readonly every: number; readonly unit: 'years' | 'months'; readonly text: string };
    readonly feedback: readonly string[];
}

export interface AudienceModel {
    readonly target?: string;
    readonly needsAnalysis?: string;
    readonly coDesignedWith: readonly string[];
    readonly purposes: readonly Concept[];
}

export interface FormatModel {
    readonly mode?: Concept;
    readonly methodology?: string;
    readonly schedule?: Concept | { readonly label: string };
    readonly sustainability?: string;
}

export interface BusinessModel {
    readonly model?: string;
    readonly fee?: { readonly amount: number; readonly currency: string };
    readonly funding?: string;
    readonly shortRun?: string;
    readonly mediumRun?: string;
    readonly longRun?: string;
    readonly administration?: string;
    readonly learnerTypes: readonly Concept[];
}

/** A larger credential this micro-credential stacks into. */
export interface StackTarget {
    readonly name: string;
    readonly title: string;
    readonly kind: 'pathway' | 'microcredential';
    readonly ects?: number;
    readonly eqf?: EqfLevel;
}

/** A learner of an issuance (a `learner` line of a cohort or a row of a roster). */
export interface LearnerModel {
    readonly fullName: string;
    readonly identifier?: string;
    readonly grade?: string;
    /** The parts of the name, when stated (`given "Jane" family "Doe"`, roster columns `given,family`). */
    readonly givenName?: string;
    readonly familyName?: string;
    /** Date of issuing of this learner's credential when it differs from the cohort's (roster `issued` column). */
    readonly issued?: string;
    /** Where the learner is stated, for messages: `cohort Spring2026` or `learners.csv:4`. */
    readonly source?: string;
}

/** One credential to issue: to a learner on a date, or a template (no learner). */
export interface Issuance {
    readonly learner: LearnerModel;
    /** Annex I element 5, as `YYYY-MM-DD`. */
    readonly issued: string;
    readonly cohort?: string;
}

/**
 * Builds the resolved model of a micro-credential. `pathways` are the pathways of the workspace
 * (any file): those that include the credential are among the credentials it stacks into.
 * References must be linked; unresolved ones are left out (validation reports them).
 */
export function credentialModel(credential: MicroCredential, pathways: Iterable<Pathway> = []): CredentialModel {
    const languages = credential.languages.map(code => LANGUAGES.get(code)).filter(isDefined);
    const language = languages[0];
    return {
        name: credential.name,
        title: text(credential.title) ?? credential.name,
        ...optional('description', text(credential.description)),
        language,
        languages,
        awardingBodies: credential.awardedBy.map(ref => ref.ref).filter(isDefined).map(providerModel),
        outcomes: credential.outcomes.map(outcome => ({
            name: outcome.name,
            statement: text(outcome.statement) ?? outcome.name,
            skills: unique(outcome.skills.map(s => s.trim()).filter(s => s.length > 0))
                .map(uri => ({ uri, ...optional('label', ESCO_SKILLS.get(uri)?.label) })),
            ...optional('statementTranslations', nonEmpty(translationsOf(outcome.statementTranslations, languages.map(l => l.code))))
        })),
        assessments: credential.assessments.map((assessment, i) => ({
            ...assessmentModel(assessment, i),
            ...optional('title', text(assessment.title)),
            ...optional('titleTranslations', nonEmpty(translationsOf(assessment.titleTranslations, languages.map(l => l.code)))),
            ...optional('descriptionTranslations', nonEmpty(translationsOf(assessment.descriptionTranslations, languages.map(l => l.code)))),
            ...optional('weight', assessment.weight)
        })),
        level: levelModel(credential),
        fields: unique(credential.fields).map(code => ISCED_F_FIELDS.get(code)).filter(isDefined),
        workload: { ...optional('ects', credential.ects), ...optional('hours', credential.hours) },
        ...optional('duration', credential.duration && durationModel(credential.duration.amount, credential.duration.unit)),
        ...optional('participation', credential.participation && PARTICIPATION_MODES.get(credential.participation)),
        ...optional('setting', credential.setting && LEARNING_SETTINGS.get(credential.setting)),
        ...optional('qualityAssurance', credential.qualityAssurance && qualityAssuranceModel(credential.qualityAssurance)),
        ...optional('audience', credential.audience && {
            ...optional('target', text(credential.audience.target)),
            ...optional('needsAnalysis', text(credential.audience.needsAnalysis)),
            coDesignedWith: texts(credential.audience.coDesignedWith),
            purposes: credential.audience.purposes.map(p => PURPOSES.get(p)).filter(isDefined)
        }),
        ...optional('format', credential.format && {
            ...optional('mode', credential.format.mode && PARTICIPATION_MODES.get(credential.format.mode)),
            ...optional('methodology', text(credential.format.methodology)),
            ...optional('schedule', credential.format.scheduleType ? LEARNING_SCHEDULES.get(credential.format.scheduleType)
                : text(credential.format.schedule) !== undefined ? { label: text(credential.format.schedule)! } : undefined),
            ...optional('sustainability', text(credential.format.sustainability))
        }),
        ...optional('business', credential.business && {
            ...optional('model', text(credential.business.model)),
            ...optional('fee', credential.business.fee !== undefined && credential.business.currency
                ? { amount: credential.business.fee, currency: credential.business.currency } : undefined),
            ...optional('funding', text(credential.business.funding)),
            ...optional('shortRun', text(credential.business.shortRun)),
            ...optional('mediumRun', text(credential.business.mediumRun)),
            ...optional('longRun', text(credential.business.longRun)),
            ...optional('administration', text(credential.business.administration)),
            learnerTypes: credential.business.learnerTypes.map(t => LEARNER_TYPES.get(t)).filter(isDefined)
        }),
        ...optional('prerequisites', text(credential.prerequisites)),
        stacksInto: stackTargets(credential, pathways),
        standalone: credential.standalone,
        ...optional('recognition', text(credential.recognition)),
        ...optional('furtherInfo', text(credential.furtherInfo)),
        ...realProgrammeParts(credential, languages.map(l => l.code))
    };
}

/**
 * What real programmes add: translations, modules, contributing providers, fees per learner type,
 * and the assessment titles and weights and outcome translations (applied to the lists built above
 * by `withTranslations`). Only translations in a valid ISO 639-1 tag listed in `language`, other
 * than the first language, are kept: an invalid value is not a stated one.
 */
function realProgrammeParts(credential: MicroCredential, languages: readonly string[]): Partial<CredentialModel> {
    const tr = (translations: readonly Translation[]) => translationsOf(translations, languages);
    const contributors = credential.deliveredWith.map(ref => ref.ref).filter(isDefined).map(providerModel);
    const fees = credential.business?.learnerFees ?? [];
    const learnerFees = fees.flatMap(fee => {
        const learnerType = LEARNER_TYPES.get(fee.learnerType);
        return learnerType && fee.currency && fee.amount !== undefined ? [{ amount: fee.amount, currency: fee.currency, learnerType }] : [];
    });
    // Only what is stated: an empty list or map is left out, as every other optional element.
    return {
        ...optional('titleTranslations', nonEmpty(tr(credential.titleTranslations))),
        ...optional('descriptionTranslations', nonEmpty(tr(credential.descriptionTranslations))),
        ...optional('prerequisitesTranslations', nonEmpty(tr(credential.prerequisitesTranslations))),
        ...optional('recognitionTranslations', nonEmpty(tr(credential.recognitionTranslations))),
        ...optional('modules', credential.modules.length > 0 ? credential.modules.map(module => moduleModel(module, languages)) : undefined),
        ...optional('contributors', contributors.length > 0 ? contributors : undefined),
        ...optional('learnerFees', learnerFees.length > 0 ? learnerFees : undefined)
    };
}

/** The translations of a text that count: valid ISO 639-1 tags listed in `language`, not the first. */
export function translationsOf(translations: readonly Translation[], languages: readonly string[]): Translations {
    const result: Record<string, string> = {};
    for (const translation of translations) {
        const code = translation.language;
        const value = text(translation.text);
        if (!value || !LANGUAGES.has(code) || !languages.includes(code) || code === languages[0] || code in result) continue;
        result[code] = value;
    }
    return result;
}

function nonEmpty(translations: Translations): Translations | undefined {
    return Object.keys(translations).length > 0 ? translations : undefined;
}

function moduleModel(module: Module, languages: readonly string[]): ModuleModel {
    return {
        name: module.name,
        title: text(module.title) ?? module.name,
        titleTranslations: translationsOf(module.titleTranslations, languages),
        ...optional('description', text(module.description)),
        descriptionTranslations: translationsOf(module.descriptionTranslations, languages),
        ...optional('ects', module.ects),
        ...optional('hours', module.hours),
        providers: module.providedBy.map(ref => ref.ref).filter(isDefined).map(providerModel),
        covers: module.covers.map(ref => ref.ref?.name ?? ref.$refText)
    };
}

/** The learners a cohort lists in the file (a roster file is read by the caller). */
export function cohortLearners(cohort: Cohort): LearnerModel[] {
    return cohort.learners.map(learner => learnerModel(learner, `cohort ${cohort.name}`));
}

function learnerModel(learner: Learner, source: string): LearnerModel {
    return {
        fullName: learner.fullName.trim().normalize('NFC'),
        ...optional('identifier', text(learner.identifier)?.normalize('NFC')),
        ...optional('grade', text(learner.grade)),
        ...optional('givenName', text(learner.given)),
        ...optional('familyName', text(learner.family)),
        source
    };
}

export function providerModel(provider: Provider): ProviderModel {
    return providerModelOf(provider, true);
}

function providerModelOf(provider: Provider, withMembers: boolean): ProviderModel {
    return {
        name: provider.name,
        legalName: text(provider.legalName) ?? provider.name,
        ...optional('country', provider.country ? COUNTRIES.get(provider.country) : undefined),
        ...optional('region', text(provider.region)),
        ...optional('kind', text(provider.kind)),
        ...optional('legalIdentifier', text(provider.legalIdentifier)),
        ...optional('homepage', text(provider.homepage)),
        ...optional('email', text(provider.email)),
        ...optional('members', withMembers && provider.members.length > 0
            ? provider.members.map(ref => ref.ref).filter(isDefined).filter(member => member !== provider).map(member => providerModelOf(member, false))
            : undefined),
        ...optional('did', validDid(text(provider.did)))
    };
}

function assessmentModel(assessment: Assessment, index: number): AssessmentModel {
    return {
        name: assessment.name ?? `Assessment ${index + 1}`,
        ...optional('declaredName', assessment.name),
        ...optional('type', assessment.type && ASSESSMENT_TYPES.get(assessment.type)),
        covers: assessment.covers.map(ref => ref.ref?.name ?? ref.$refText),
        ...optional('mode', assessment.mode && PARTICIPATION_MODES.get(assessment.mode)),
        ...optional('supervision', assessment.supervision && SUPERVISION_TYPES.get(assessment.supervision)),
        ...optional('grading', text(assessment.grading)),
        ...optional('description', text(assessment.description))
    };
}

function levelModel(credential: MicroCredential | Pathway): LevelModel {
    const eqf = credential.levels.find(l => l.eqf !== undefined)?.eqf;
    const cycle = credential.levels.find(l => l.cycle !== undefined)?.cycle;
    const none = credential.levels.find(l => l.notApplicable);
    return {
        ...optional('eqf', eqf !== undefined ? EQF_LEVELS.get(String(eqf)) : undefined),
        ...optional('qfEhea', cycle && QF_EHEA_CYCLES.get(cycle)),
        ...optional('notApplicable', none ? text(none.reason) ?? '' : undefined)
    };
}

const DURATION_UNITS = {
    hour: 'hours', hours: 'hours', day: 'days', days: 'days', week: 'weeks', weeks: 'weeks',
    month: 'months', months: 'months', year: 'years', years: 'years'
} as const;

/** A duration in the model's terms; xsd:duration has no weeks, so weeks are written as days. */
export function durationModel(amount: number, unit: keyof typeof DURATION_UNITS): DurationModel {
    const plural = DURATION_UNITS[unit];
    const iso = plural === 'hours' ? `PT${amount}H`
        : plural === 'days' ? `P${amount}D`
            : plural === 'weeks' ? `P${amount * 7}D`
                : plural === 'months' ? `P${amount}M` : `P${amount}Y`;
    return { amount, unit: plural, iso, text: `${amount} ${amount === 1 ? plural.slice(0, -1) : plural}` };
}

const QA_TIMING_TEXT = { exAnte: 'ex ante', exPost: 'ex post' } as const;

function qualityAssuranceModel(qa: QualityAssurance): QualityAssuranceModel {
    const review = qa.reviewEvery !== undefined && qa.reviewUnit
        ? { every: qa.reviewEvery, unit: qa.reviewUnit.startsWith('year') ? 'years' as const : 'months' as const }
        : undefined;
    return {
        procedures: qa.procedures.map(procedure => {
            const standards = texts(procedure.standards);
            const agency = text(procedure.agency);
            const description = text(procedure.description);
            const parts = [
                procedure.kind === 'internal' ? 'Internal' : 'External',
                procedure.timing && QA_TIMING_TEXT[procedure.timing]
            ].filter(isDefined).join(', ');
            const line = parts
                + (agency ? ` by ${agency}` : '')
                + (standards.length > 0 ? ` (${standards.join('; ')})` : '')
                + (description ? `: ${description}` : '');
            return {
                kind: procedure.kind,
                ...optional('timing', procedure.timing),
                ...optional('agency', agency),
                standards,
                ...optional('description', description),
                text: line
            };
        }),
        stakeholders: texts(qa.stakeholders),
        standards: texts(qa.standards),
        ...optional('review', review && {
            ...review,
            text: `every ${review.every} ${review.every === 1 ? review.unit.slice(0, -1) : review.unit}`
        }),
        feedback: texts(qa.feedback)
    };
}

function stackTargets(credential: MicroCredential, pathways: Iterable<Pathway>): StackTarget[] {
    const targets: Credential[] = credential.stackableInto.map(ref => ref.ref).filter(isDefined);
    for (const pathway of pathways) {
        if (pathway.includes.some(ref => ref.ref === credential)) targets.push(pathway);
    }
    return unique(targets).map(target => {
        const eqf = levelModel(target).eqf;
        return {
            name: target.name,
            title: text(target.title) ?? target.name,
            kind: isMicroCredential(target) ? 'microcredential' as const : 'pathway' as const,
            ...optional('ects', isPathway(target) ? target.ects ?? sumOfParts(target) : target.ects),
            ...optional('eqf', eqf)
        };
    });
}

/** A pathway's workload is the sum of its parts unless stated (docs/language.md). */
function sumOfParts(pathway: Pathway, seen = new Set<Pathway>()): number | undefined {
    if (seen.has(pathway)) return undefined;
    seen.add(pathway);
    let sum = 0;
    for (const part of pathway.includes.map(ref => ref.ref)) {
        const ects = part === undefined ? undefined
            : isPathway(part) ? part.ects ?? sumOfParts(part, seen) : part.ects;
        if (ects === undefined) return undefined;
        sum += ects;
    }
    return pathway.includes.length > 0 ? sum : undefined;
}

function text(value: string | undefined): string | undefined {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
}

function texts(values: readonly string[]): string[] {
    return values.map(v => v.trim()).filter(v => v.length > 0);
}

function unique<T>(values: readonly T[]): T[] {
    return [...new Set(values)];
}

function isDefined<T>(value: T | undefined | null | false | ''): value is T {
    return value !== undefined && value !== null && value !== false && value !== '';
}

/** `{ key: value }` when the value is defined, `{}` otherwise: keeps optional properties absent, not undefined. */
function optional<K extends string, V>(key: K, value: V | undefined | null | false | ''): { [P in K]?: V } {
    return (value === undefined || value === null || value === false || value === '' ? {} : { [key]: value }) as { [P in K]?: V };
}
