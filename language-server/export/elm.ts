import type { AssessmentModel, CredentialModel, Issuance, ModuleModel, ProviderModel, StackTarget, Translations } from '../model/credential-model.js';
import {
    ASSESSMENT_TYPES, COUNTRIES, ECTS_CREDIT_SYSTEM, EQF_LEVELS, ESCO_SKILLS, europassConcepts, ISCED_F_FIELDS, LANGUAGES,
    LEARNING_SETTINGS, PARTICIPATION_MODES, SUPERVISION_TYPES, type Concept, type Language
} from '../vocab/index.js';
import { displaySvgBase64 } from './display-image.js';
import { textLanguage } from './text-language.js';
import { compact, dateTime, sharedJson, type JsonObject } from './json.js';
import { learnerUri, mailtoAddress, isWebUrl } from './learner-identity.js';
import { formatAmount, lowerFirst, narrativeSections, providerText, type NarrativeKey } from './narrative.js';
import { achievementSeed, credentialId, credentialSeed } from './document-ids.js';
import { stableUrn, stableUrns } from './stable-id.js';

/**
 * Europass European Digital Credential (ELM 3.2) for one learner, or the achievement
 * specification (a `Qualification`) alone as a template. Shaped like the European Commission's
 * micro-credential sample (`standards/elm/samples/Sample-MC-Annex1-unsigned.jsonld`): VC 1.1 and
 * `edc-ap` contexts (the ELM context cannot be combined with VC 2.0, see EXPORT-NOTES.md), learner
 * as `Person`, a `LearningAchievement` awarded by an `AwardingProcess` and specified by a
 * `Qualification` with learning outcomes, ECTS credit points, volume of learning, EQF level,
 * ISCED-F thematic areas, mode, assessments and entry requirements. Texts are language maps in the
 * credential's language. Left to the Europass sealing service: `issued` and the issuer's eIDAS
 * legal identifier (see ELM_SEALING_SERVICE_PROPERTIES).
 */

export const ELM_CONTEXTS = [
    'https://www.w3.org/2018/credentials/v1',
    'http://data.europa.eu/snb/model/context/edc-ap'
] as const;

/** Properties that the EDC SHACL shapes require but only the Europass sealing service can add. */
export const ELM_SEALING_SERVICE_PROPERTIES = [
    { path: 'https://www.w3.org/2018/credentials#issued', what: 'the sealing date (`issued`)' },
    { path: 'http://data.europa.eu/snb/model/elm/eidasLegalIdentifier', what: "the issuer's eIDAS legal identifier (from the qualified electronic seal)" }
] as const;

const GENERIC_PROFILE = europassConcept('credential', 'http://data.europa.eu/snb/credential/e34929035b');
const SHORT_LEARNING_PROGRAMME = europassConcept('learning-opportunity', 'http://data.europa.eu/snb/learning-opportunity/74a4a268e8');
const BASE64 = europassConcept('encoding', 'http://data.europa.eu/snb/encoding/6146cde7dd');
const SVG = { uri: 'http://publications.europa.eu/resource/authority/file-type/SVG', label: 'SVG', scheme: 'http://publications.europa.eu/resource/authority/file-type' };
const ESCO_SCHEME = 'http://data.europa.eu/esco/concept-scheme/skills';

export function elmCredential(model: CredentialModel, issuance: Issuance): JsonObject {
    const ids = new Ids(credentialSeed('elm', model, issuance));
    const lang = textLanguage(model).code;
    const { learner } = issuance;
    const { organisations } = shared(model);
    const uri = learnerUri(learner);
    const email = learner.identifier ? mailtoAddress(learner.identifier) : undefined;
    const personId = uri && !email ? uri : ids.next('person');
    const awardingProcess = compact({
        id: ids.next('awardingProcess'),
        type: 'AwardingProcess',
        awardingBody: organisations,
        awardingDate: dateTime(issuance.issued)
    });
    const claim = compact({
        id: ids.next('learningAchievement'),
        type: 'LearningAchievement',
        title: langMap(lang, model.title, model.titleTranslations),
        awardedBy: awardingProcess,
        provenBy: learner.grade ? learnerAssessments(model, issuance, ids, awardingProcess, organisations) : undefined,
        creditReceived: model.workload.ects !== undefined ? [creditPoint(model.workload.ects, ids.next('creditReceived'))] : undefined,
        learningOpportunity: learningOpportunity(model, ids, organisations),
        specifiedBy: qualification(model)
    });
    return compact({
        '@context': [...ELM_CONTEXTS],
        'id': credentialId('elm', model, issuance),
        'type': ['VerifiableCredential', 'EuropeanDigitalCredential'],
        'credentialProfiles': [concept(GENERIC_PROFILE, GENERIC_PROFILE.scheme)],
        'credentialSchema': [{ id: 'http://data.europa.eu/snb/model/ap/edc-generic-full', type: 'ShaclValidator2017' }],
        'displayParameter': displayParameter(model, issuance, ids),
        'issuer': organisations[0],
        'validFrom': dateTime(issuance.issued),
        // VCDM 1.1 (the context Europass uses) requires issuanceDate; it is the date of issuing.
        'issuanceDate': dateTime(issuance.issued),
        'credentialSubject': compact({
            id: personId,
            type: 'Person',
            fullName: learner.fullName ? langMap(lang, learner.fullName) : undefined,
            givenName: learner.givenName ? langMap(lang, learner.givenName) : undefined,
            familyName: learner.familyName ? langMap(lang, learner.familyName) : undefined,
            identifier: learner.identifier && !uri
                ? [{ id: ids.next('identifier'), type: 'Identifier', schemeName: 'Learner identifier', notation: learner.identifier }]
                : undefined,
            contactPoint: email ? [{
                id: ids.next('contactPoint'),
                type: 'ContactPoint',
                emailAddress: [{ id: `mailto:${email}`, type: 'Mailbox' }]
            }] : undefined,
            hasClaim: [claim]
        })
    });
}

/**
 * The learning opportunity taken, when partners deliver the programme with the awarding bodies
 * (`deliveredWith`): ELM's place for the organisations "providing or directing" it. A partner
 * without a country cannot be an organisation node (the shapes require a location): the
 * "Delivered with" note names it.
 */
function learningOpportunity(model: CredentialModel, ids: Ids, awardingBodies: JsonObject[]): JsonObject | undefined {
    const partners = (model.contributors ?? []).filter(p => p.country);
    if (partners.length === 0) return undefined;
    const lang = textLanguage(model).code;
    return {
        id: ids.next('learningOpportunity'),
        type: 'LearningOpportunity',
        title: langMap(lang, model.title, model.titleTranslations),
        providedBy: [...awardingBodies, ...partners.map(p => organisation(p, lang))]
    };
}

/** The achievement template: the `Qualification` that specifies the achievement, with its own `@context`. */
export function elmQualification(model: CredentialModel): JsonObject {
    return { '@context': [...ELM_CONTEXTS], ...qualification(model) };
}

/** The parts that are the same in every learner's credential, built once per model. */
interface SharedParts {
    readonly qualification: JsonObject;
    readonly organisations: JsonObject[];
}

const sharedParts = new WeakMap<CredentialModel, SharedParts>();

function shared(model: CredentialModel): SharedParts {
    let parts = sharedParts.get(model);
    if (!parts) {
        parts = {
            qualification: sharedJson(buildQualification(model)),
            organisations: model.awardingBodies.map(body => sharedJson(organisation(body, textLanguage(model).code)))
        };
        sharedParts.set(model, parts);
    }
    return parts;
}

function qualification(model: CredentialModel): JsonObject {
    return shared(model).qualification;
}

function buildQualification(model: CredentialModel): JsonObject {
    const ids = new Ids(achievementSeed(model));
    const lang = textLanguage(model).code;
    const sections = new Map(narrativeSections(model).map(s => [s.key, s]));
    const note = (key: NarrativeKey, translations?: Translations) => {
        const section = sections.get(key);
        return section ? [noteOf(ids.next(`note-${key}`), lang, `${section.title}: ${section.lines.join('; ')}`, translations)] : [];
    };
    return compact({
        id: stableUrn(achievementSeed(model), 'qualification'),
        type: 'Qualification',
        identifier: [sourceName(ids.next('identifier'), model.name)],
        title: langMap(lang, model.title, model.titleTranslations),
        description: model.description ? langMap(lang, model.description, model.descriptionTranslations) : undefined,
        dcType: [concept(SHORT_LEARNING_PROGRAMME, SHORT_LEARNING_PROGRAMME.scheme)],
        language: model.languages.map(languageConcept),
        eqfLevel: model.level.eqf ? concept(model.level.eqf, EQF_LEVELS.scheme) : undefined,
        thematicArea: model.fields.map(field => concept(field, ISCED_F_FIELDS.scheme)),
        creditPoint: model.workload.ects !== undefined ? [creditPoint(model.workload.ects, ids.next('creditPoint'))] : undefined,
        volumeOfLearning: model.workload.hours !== undefined ? `PT${model.workload.hours}H` : undefined,
        maximumDuration: model.duration?.iso,
        mode: model.participation ? [concept(model.participation, PARTICIPATION_MODES.scheme)] : undefined,
        learningSetting: model.setting?.uri ? concept(model.setting, LEARNING_SETTINGS.scheme) : undefined,
        learningOutcome: model.outcomes.map(outcome => compact({
            id: ids.next(`learningOutcome-${outcome.name}`),
            type: 'LearningOutcome',
            identifier: [sourceName(ids.next(`identifier-${outcome.name}`), outcome.name)],
            title: langMap(lang, outcome.statement, outcome.statementTranslations),
            relatedESCOSkill: outcome.skills.map(skill => conceptNode(skill.uri, ESCO_SCHEME, skill.label ?? ESCO_SKILLS.get(skill.uri)?.label))
        })),
        provenBy: model.assessments.map(assessment => assessmentSpecification(model, assessment, ids)),
        // Who awards it, also in the template (a credential names them again in its awarding process).
        awardingOpportunity: model.awardingBodies.length > 0 ? [{
            id: ids.next('awardingOpportunity'),
            type: 'AwardingOpportunity',
            awardingBody: model.awardingBodies.map(body => organisation(body, lang))
        }] : undefined,
        entryRequirement: model.prerequisites ? noteOf(ids.next('entryRequirement'), lang, model.prerequisites, model.prerequisitesTranslations) : undefined,
        hasPart: (model.modules ?? []).map(module => modulePart(model, module, ids)),
        isPartialQualification: model.stacksInto.length > 0 ? true : model.standalone ? false : undefined,
        isPartOf: model.stacksInto.map(target => stackTarget(target, lang)),
        homepage: model.furtherInfo && isWebUrl(model.furtherInfo)
            ? [{ id: ids.next('homepage'), type: 'WebResource', contentURL: model.furtherInfo }] : undefined,
        additionalNote: [
            ...note('level').filter(() => model.level.qfEhea !== undefined || model.level.notApplicable !== undefined),
            ...note('quality-assurance'),
            ...note('awarding-bodies'),
            ...note('partners'),
            ...note('stackability'),
            // The other languages of the recognition note are its translations (the text alone).
            ...note('recognition', model.recognitionTranslations),
            ...note('audience'),
            ...note('format'),
            ...note('fees'),
            ...(model.furtherInfo && !isWebUrl(model.furtherInfo) ? note('further-info') : [])
        ]
    });
}

/**
 * A module as a part of the specification (`hasPart`). The EDC shapes allow only a `Qualification`
 * as a part of a `Qualification`, so a module is a partial qualification: its title, credits, hours
 * and the outcomes it covers (the same nodes as the credential's); who provides it is a note, since
 * a provider that teaches a module does not award it.
 */
function modulePart(model: CredentialModel, module: ModuleModel, ids: Ids): JsonObject {
    const lang = textLanguage(model).code;
    const covered = model.outcomes.filter(o => module.covers.includes(o.name));
    return compact({
        id: ids.next(`module-${module.name}`),
        type: 'Qualification',
        identifier: [sourceName(ids.next(`module-${module.name}-identifier`), module.name)],
        isPartialQualification: true,
        title: langMap(lang, module.title, module.titleTranslations),
        description: module.description ? langMap(lang, module.description, module.descriptionTranslations) : undefined,
        creditPoint: module.ects !== undefined ? [creditPoint(module.ects, ids.next(`module-${module.name}-creditPoint`))] : undefined,
        volumeOfLearning: module.hours !== undefined ? `PT${module.hours}H` : undefined,
        learningOutcome: covered.map(outcome => compact({
            id: ids.peek(`learningOutcome-${outcome.name}`),
            type: 'LearningOutcome',
            title: langMap(lang, outcome.statement, outcome.statementTranslations)
        })),
        additionalNote: module.providers.length > 0
            ? [noteOf(ids.next(`module-${module.name}-note`), lang, `Provided by ${module.providers.map(providerText).join('; ')}`)]
            : undefined
    });
}

function assessmentSpecification(model: CredentialModel, assessment: AssessmentModel, ids: Ids): JsonObject {
    const lang = textLanguage(model).code;
    const covered = model.outcomes.filter(o => assessment.covers.includes(o.name));
    const notes = [
        covered.length > 0 ? `Assesses: ${covered.map(o => `${o.name} ${o.statement}`).join('; ')}` : undefined,
        assessment.supervision ? `Supervision and identity verification: ${lowerFirst(assessment.supervision.label)}` : undefined,
        assessment.weight !== undefined ? `Weight: ${formatAmount(assessment.weight)}% of the grade` : undefined
    ].filter((n): n is string => n !== undefined);
    const outcomeIds = new Ids(achievementSeed(model));
    return compact({
        id: ids.next(`assessmentSpecification-${assessment.name}`),
        type: 'LearningAssessmentSpecification',
        identifier: assessment.declaredName ? [sourceName(ids.next(`identifier-${assessment.name}`), assessment.declaredName)] : undefined,
        title: langMap(lang, assessment.title ?? assessment.name, assessment.title ? assessment.titleTranslations : undefined),
        description: assessment.description ? langMap(lang, assessment.description, assessment.descriptionTranslations) : undefined,
        dcType: assessment.type ? concept(assessment.type, ASSESSMENT_TYPES.scheme) : undefined,
        mode: assessment.mode ? [concept(assessment.mode, PARTICIPATION_MODES.scheme)] : undefined,
        gradingScheme: assessment.grading ? {
            id: ids.next(`gradingScheme-${assessment.name}`),
            type: 'GradingScheme',
            title: langMap(lang, assessment.grading)
        } : undefined,
        additionalNote: notes.map((text, i) => noteOf(ids.next(`assessmentNote-${assessment.name}-${i}`), lang, text)),
        // The outcomes it assesses, structurally: the achievement of exactly those outcomes.
        proves: covered.length > 0 ? [{
            id: ids.next(`proves-${assessment.name}`),
            type: 'LearningAchievementSpecification',
            title: langMap(lang, `${assessment.name}: ${covered.map(o => o.name).join(', ')}`),
            // References to the outcomes of the qualification (same ids: one node each in the graph).
            learningOutcome: covered.map(o => ({ id: outcomeIds.peek(`learningOutcome-${o.name}`), type: 'LearningOutcome' }))
        }] : undefined
    });
}

/** The name the programme's source declares (`AIDigitalEthics`, `LO1`), with the scheme `mcred`, so that an import gives it back. */
function sourceName(id: string, name: string): JsonObject {
    return { id, type: 'Identifier', notation: name, schemeName: 'mcred' };
}

/**
 * The learner's result: one `LearningAssessment` carrying the grade (ELM requires a grade on every
 * assessment, so it is stated only when the learner has one). With one assessment it is that
 * assessment; with several, the overall result of all of them. Supervision is stated as
 * `idVerification` when every assessment names the same Europass supervision concept.
 */
function learnerAssessments(model: CredentialModel, issuance: Issuance, ids: Ids, awardedBy: JsonObject, assessors: JsonObject[]): JsonObject[] {
    const { lang, title, idVerification, specifiedBy } = assessmentParts(model);
    return [compact({
        id: ids.next('learningAssessment'),
        type: 'LearningAssessment',
        title,
        grade: noteOf(ids.next('grade'), lang, issuance.learner.grade!),
        idVerification,
        awardedBy,
        assessedBy: assessors,
        specifiedBy
    })];
}

/** The parts of a learner's assessment that are the same for every learner, built once per model. */
interface AssessmentParts {
    readonly lang: string;
    readonly title: JsonObject;
    readonly idVerification?: JsonObject;
    readonly specifiedBy?: JsonObject;
}

const assessmentPartsOf = new WeakMap<CredentialModel, AssessmentParts>();

function assessmentParts(model: CredentialModel): AssessmentParts {
    let parts = assessmentPartsOf.get(model);
    if (!parts) {
        const lang = textLanguage(model).code;
        const single = model.assessments.length === 1 ? model.assessments[0] : undefined;
        const supervisions = [...new Set(model.assessments.map(a => a.supervision?.uri))];
        const supervision = supervisions.length === 1 && supervisions[0]
            ? model.assessments[0].supervision : undefined;
        const specs = new Ids(achievementSeed(model));
        parts = {
            lang,
            title: langMap(lang, single ? single.title ?? single.name : `Assessment of ${model.title}`),
            ...(supervision ? { idVerification: concept(supervision, SUPERVISION_TYPES.scheme) } : {}),
            ...(single ? {
                specifiedBy: { id: specs.peek(`assessmentSpecification-${single.name}`), type: 'LearningAssessmentSpecification', title: langMap(lang, single.title ?? single.name, single.title ? single.titleTranslations : undefined) }
            } : {})
        };
        assessmentPartsOf.set(model, parts);
    }
    return parts;
}

function displayParameter(model: CredentialModel, issuance: Issuance, ids: Ids): JsonObject {
    const lang = textLanguage(model).code;
    const language = languageConcept(textLanguage(model));
    return {
        id: ids.next('displayParameter'),
        type: 'DisplayParameter',
        title: langMap(lang, model.title),
        primaryLanguage: language,
        language: [language],
        individualDisplay: [{
            id: ids.next('individualDisplay'),
            type: 'IndividualDisplay',
            language,
            displayDetail: [{
                id: ids.next('displayDetail'),
                type: 'DisplayDetail',
                image: {
                    id: ids.next('displayImage'),
                    type: 'MediaObject',
                    content: displaySvgBase64(model, issuance),
                    contentEncoding: concept(BASE64, BASE64.scheme),
                    contentType: conceptNode(SVG.uri, SVG.scheme, SVG.label)
                },
                page: 1
            }]
        }]
    };
}

function organisation(provider: ProviderModel, lang: string): JsonObject {
    const seed = `provider|${provider.name}|${provider.legalName}`;
    const ids = new Ids(seed);
    const country = provider.country;
    return compact({
        id: stableUrn(seed),
        type: 'Organisation',
        legalName: langMap(lang, provider.legalName),
        altLabel: provider.name !== provider.legalName ? langMap(lang, provider.name) : undefined,
        // A DID names the provider's key; ELM has no property for it but an identifier.
        identifier: provider.did ? [{ id: ids.next('did'), type: 'Identifier', notation: provider.did, schemeName: 'DID' }] : undefined,
        location: !country && provider.members ? memberLocations(provider, ids) : country ? [compact({
            id: ids.next('location'),
            type: 'Location',
            geographicName: provider.region ? langMap(lang, provider.region) : undefined,
            address: [{
                id: ids.next('address'),
                type: 'Address',
                countryCode: concept(country, COUNTRIES.scheme)
            }]
        })] : undefined,
        registration: provider.legalIdentifier && country ? {
            id: ids.next('registration'),
            type: 'LegalIdentifier',
            notation: provider.legalIdentifier,
            spatial: concept(country, COUNTRIES.scheme)
        } : undefined,
        homepage: provider.homepage && isWebUrl(provider.homepage)
            ? [{ id: ids.next('homepage'), type: 'WebResource', contentURL: provider.homepage }] : undefined,
        contactPoint: provider.email ? [{
            id: ids.next('contactPoint'),
            type: 'ContactPoint',
            emailAddress: [{ id: `mailto:${provider.email}`, type: 'Mailbox' }]
        }] : undefined,
        // The members of an alliance, each an organisation of its own (ELM's only organisation-to-organisation
        // link). The shapes require an organisation's location: a member without a country is only named in
        // the "Delivered with" note.
        hasSubOrganization: (provider.members ?? []).filter(member => member.country).map(member => organisation(member, lang))
    });
}

/**
 * An alliance without a country of its own is located where its members are (Annex I element 3:
 * the members' countries are the issuer's), one location per member country.
 */
function memberLocations(provider: ProviderModel, ids: Ids): JsonObject[] | undefined {
    const countries = [...new Map((provider.members ?? []).flatMap(m => m.country ? [[m.country.code, m.country] as const] : [])).values()];
    if (countries.length === 0) return undefined;
    return countries.map(country => ({
        id: ids.next('location'),
        type: 'Location',
        address: [{ id: ids.next('address'), type: 'Address', countryCode: concept(country, COUNTRIES.scheme) }]
    }));
}

function stackTarget(target: StackTarget, lang: string): JsonObject {
    const seed = `stack-target|${target.kind}|${target.name}`;
    return compact({
        id: stableUrn(seed),
        type: 'Qualification',
        title: langMap(lang, target.title),
        eqfLevel: target.eqf ? concept(target.eqf, EQF_LEVELS.scheme) : undefined,
        creditPoint: target.ects !== undefined ? [creditPoint(target.ects, stableUrn(seed, 'creditPoint'))] : undefined
    });
}

function creditPoint(ects: number, id: string): JsonObject {
    return {
        id,
        type: 'CreditPoint',
        framework: concept(ECTS_CREDIT_SYSTEM, ECTS_CREDIT_SYSTEM.scheme),
        point: String(ects)
    };
}

function noteOf(id: string, lang: string, text: string, translations?: Translations): JsonObject {
    return { id, type: 'Note', noteLiteral: langMap(lang, text, translations) };
}

/** A language map: the text in the credential's language, then every translation in its own. */
function langMap(lang: string, text: string, translations?: Translations): JsonObject {
    return { [lang]: text, ...translations };
}

function languageConcept(language: Language): JsonObject {
    return concept(language, LANGUAGES.scheme);
}

/** A controlled value as ELM writes it: `{id, type: Concept, inScheme, prefLabel}` (labels in English). */
function concept(value: Pick<Concept, 'label'> & { uri?: string }, scheme: string | undefined): JsonObject {
    return conceptNode(value.uri!, scheme, value.label);
}

function conceptNode(uri: string, scheme: string | undefined, label: string | undefined): JsonObject {
    return compact({
        id: uri,
        type: 'Concept',
        inScheme: scheme ? { id: scheme, type: 'ConceptScheme' } : undefined,
        prefLabel: label ? { en: label } : undefined
    });
}

function europassConcept(list: string, uri: string): { uri: string; label: string; scheme: string } {
    const found = europassConcepts(list).find(c => c.uri === uri);
    if (!found) throw new Error(`Europass concept ${uri} missing from list ${list}`);
    return { uri, label: found.prefLabel, scheme: uri.replace(/\/[^/]+$/, '/25831c2') };
}

/** Stable ids for the nodes of one document: `urn:uuid` of the document seed and the node's key. */
class Ids {
    private readonly counts = new Map<string, number>();
    private readonly urn: (...rest: string[]) => string;

    constructor(seed: string) {
        this.urn = stableUrns(seed);
    }

    next(key: string): string {
        const n = (this.counts.get(key) ?? 0) + 1;
        this.counts.set(key, n);
        return this.urn(key, String(n));
    }

    /** The id `next(key)` returned (or will return) first for this seed. */
    peek(key: string): string {
        return this.urn(key, '1');
    }
}
