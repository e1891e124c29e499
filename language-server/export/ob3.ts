import type { CredentialModel, Issuance, ProviderModel } from '../model/credential-model.js';
import {
    ASSESSMENT_TYPES, ECTS_CREDIT_SYSTEM, EQF_LEVELS, ESCO_SKILLS, ISCED_F_FIELDS, LEARNING_SETTINGS, PARTICIPATION_MODES,
    SUPERVISION_TYPES, type Concept
} from '../vocab/index.js';
import { compact, dateTime, sharedJson, type Json, type JsonObject } from './json.js';
import { textLanguage } from './text-language.js';
import { formatAmount, narrativeMarkdown, narrativeSections, providerText } from './narrative.js';
import { achievementSeed, credentialId, credentialSeed } from './document-ids.js';
import { sha256Hex } from './content-ids.js';
import { identityHash, identitySalt, type IdentityOptions } from './identity-hash.js';
import { learnerUri, isDid, isEmail, isWebUrl, mailtoAddress } from './learner-identity.js';
import { stableUrn } from './stable-id.js';

/**
 * Open Badges 3.0: an `OpenBadgeCredential` (VC Data Model 2.0 + OB 3.0.3 context) for one learner,
 * or the `Achievement` alone as a template. Everything Annex I asks for that OB 3.0 has no property
 * for (EQF level, field, form of participation, assessment type, supervision, the ECTS unit) is an
 * `alignment` to the Europass concept; the rest is in the Markdown criteria narrative.
 * Pure: the same model and issuance always give the same document.
 */

export const OB3_CONTEXTS = [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
] as const;

/** Defines `1EdTechJsonSchemaValidator2019`, the type of `credentialSchema` (as in the official full example). */
export const OB3_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';

/** The official OB 3.0 JSON Schema, as credentials name it in `credentialSchema`. */
export const OB3_CREDENTIAL_SCHEMA = {
    id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
    type: '1EdTechJsonSchemaValidator2019'
} as const;

/**
 * Privacy by default: the learner's name and email are identity hashes (identity-hash.ts), the
 * subject `id` is the learner's identifier only when it is a DID (a key the learner holds, which
 * reveals nothing by itself), and the description does not name the learner.
 * `revealIdentity` writes them in clear, for issuers that must show them.
 */
export function ob3Credential(model: CredentialModel, issuance: Issuance, options: IdentityOptions = {}): JsonObject {
    const achievement = ob3AchievementObject(model);
    const issuer = model.awardingBodies[0];
    const { learner } = issuance;
    const reveal = options.revealIdentity === true;
    const uri = learnerUri(learner);
    const subjectId = reveal || (uri && isDid(uri)) ? uri : undefined;
    const results = resultsOf(model, issuance);
    return compact({
        '@context': [...OB3_CONTEXTS, OB3_EXTENSIONS_CONTEXT],
        'id': credentialId('ob3', model, issuance, reveal ? 'reveal-identity' : ''),
        'type': ['VerifiableCredential', 'OpenBadgeCredential'],
        'name': model.title,
        'description': reveal && learner.fullName
            ? `${model.title}, awarded to ${learner.fullName}` : model.title,
        'issuer': issuer ? profile(issuer) : undefined,
        'validFrom': dateTime(issuance.issued),
        'awardedDate': dateTime(issuance.issued),
        'credentialSubject': compact({
            id: subjectId,
            type: ['AchievementSubject'],
            identifier: identityObjects(model, issuance, reveal),
            achievement,
            creditsEarned: model.workload.ects,
            result: results
        }),
        'credentialSchema': [{ ...OB3_CREDENTIAL_SCHEMA }]
    });
}

/** The achievement template: the `Achievement` with its own `@context`, without learner or date. */
export function ob3Achievement(model: CredentialModel): JsonObject {
    return { '@context': [...OB3_CONTEXTS], ...ob3AchievementObject(model) };
}

/** The achievement is the same in every learner's credential: built once per model. */
const achievements = new WeakMap<CredentialModel, JsonObject>();

function ob3AchievementObject(model: CredentialModel): JsonObject {
    let achievement = achievements.get(model);
    if (!achievement) {
        achievement = sharedJson(buildAchievement(model));
        achievements.set(model, achievement);
    }
    return achievement;
}

/** The achievement, its id a hash of its content: a changed achievement is a new achievement. */
function buildAchievement(model: CredentialModel): JsonObject {
    const content = achievementContent(model);
    return { id: stableUrn(achievementSeed(model), sha256Hex(JSON.stringify(content))), ...content };
}

function achievementContent(model: CredentialModel): JsonObject {
    const creator = model.awardingBodies[0];
    return compact({
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: model.title,
        description: achievementDescription(model),
        criteria: { narrative: narrativeMarkdown(narrativeSections(model)) },
        creator: creator ? profile(creator) : undefined,
        creditsAvailable: model.workload.ects,
        fieldOfStudy: model.fields.length > 0 ? model.fields.map(f => f.label).join(', ') : undefined,
        humanCode: model.name,
        // The source names, so that an import gives them back: the narrative names the awarding bodies,
        // partners, modules and assessments by their titles, these in the same order by their names.
        otherIdentifier: [
            sourceName(model.name),
            ...model.awardingBodies.map(body => sourceName(body.name, 'ext:mcred.awardedBy')),
            ...(model.contributors ?? []).map(p => sourceName(p.name, 'ext:mcred.deliveredWith')),
            ...(model.modules ?? []).map(m => sourceName(m.name, 'ext:mcred.module')),
            // An assessment without a name is `Assessment 2` here: an import reads no name from it.
            ...model.assessments.map(a => sourceName(a.declaredName ?? a.name, 'ext:mcred.assessment'))
        ],
        inLanguage: textLanguage(model).code,
        alignment: achievementAlignments(model),
        resultDescription: resultDescriptions(model)
    });
}

function achievementDescription(model: CredentialModel): string {
    const facts = [
        model.workload.ects !== undefined ? `${formatAmount(model.workload.ects)} ECTS credits` : undefined,
        model.workload.hours !== undefined ? `${formatAmount(model.workload.hours)} hours of notional learning` : undefined,
        model.level.eqf ? `EQF level ${model.level.eqf.code}` : undefined
    ].filter(Boolean).join(', ');
    const bodies = model.awardingBodies.map(providerText);
    const summary = `A micro-credential${facts ? ` of ${facts}` : ''}`
        + (bodies.length > 0 ? `, awarded by ${bodies.join(' and ')}` : '') + '.';
    const unit = model.workload.ects !== undefined
        ? ` Its creditsAvailable are ECTS credits (${ECTS_CREDIT_SYSTEM.label}).` : '';
    return model.description ? `${model.description}\n\n${summary}${unit}` : `${summary}${unit}`;
}

function profile(provider: ProviderModel): JsonObject {
    return compact({
        // A DID (did:web, did:key) lets a verifier find the key that signed; without one the id
        // names the provider but nobody can verify a signature by it.
        id: provider.did ?? stableUrn('provider', provider.name, provider.legalName),
        type: ['Profile'],
        name: provider.legalName,
        url: provider.homepage && isWebUrl(provider.homepage) ? provider.homepage : undefined,
        email: provider.email && isEmail(provider.email) ? provider.email : undefined,
        address: provider.country || provider.region ? compact({
            type: ['Address'],
            addressCountry: provider.country?.label,
            addressCountryCode: provider.country?.code,
            addressRegion: provider.region
        }) : undefined,
        otherIdentifier: [
            ...(provider.legalIdentifier ? [{ type: 'IdentifierEntry', identifier: provider.legalIdentifier, identifierType: 'identifier' }] : []),
            sourceName(provider.name),
            // An alliance's members, in the order the narrative's "Delivered with" section lists them.
            ...(provider.members ?? []).map(member => sourceName(member.name, 'ext:mcred.member'))
        ]
    });
}

/** The name the programme's source declares (`AIDigitalEthics`, `UNIFI`), so that an import gives it back. */
function sourceName(name: string, identifierType = 'ext:mcred'): JsonObject {
    return { type: 'IdentifierEntry', identifier: name, identifierType };
}

function alignment(concept: Concept, framework: string, code: string = concept.code, name = concept.label): JsonObject | undefined {
    if (!concept.uri) return undefined;
    return { type: ['Alignment'], targetName: name, targetUrl: concept.uri, targetFramework: framework, targetCode: code };
}

const FRAMEWORKS = {
    eqf: EQF_LEVELS.name,
    isced: ISCED_F_FIELDS.name,
    participation: `Europass ${PARTICIPATION_MODES.name.toLowerCase()}`,
    setting: `Europass ${LEARNING_SETTINGS.name.toLowerCase()}`,
    assessment: ASSESSMENT_TYPES.name,
    supervision: `Europass ${SUPERVISION_TYPES.name.toLowerCase()}`,
    credits: 'Europass education credit systems',
    esco: ESCO_SKILLS.name.replace(/ \(.*\)$/, '')
};

function achievementAlignments(model: CredentialModel): JsonObject[] {
    const list: Array<JsonObject | undefined> = [
        model.level.eqf && alignment(model.level.eqf, FRAMEWORKS.eqf, model.level.eqf.code, `EQF level ${model.level.eqf.code}`),
        ...model.fields.map(field => alignment(field, FRAMEWORKS.isced)),
        model.workload.ects !== undefined ? {
            type: ['Alignment'],
            targetName: `${formatAmount(model.workload.ects)} ECTS credits`,
            targetUrl: ECTS_CREDIT_SYSTEM.uri,
            targetFramework: FRAMEWORKS.credits,
            targetCode: formatAmount(model.workload.ects),
            targetDescription: `creditsAvailable is stated in ECTS credits (${ECTS_CREDIT_SYSTEM.label}).`
        } : undefined,
        model.participation && alignment(model.participation, FRAMEWORKS.participation),
        model.setting && alignment(model.setting, FRAMEWORKS.setting),
        ...uniqueBy(model.assessments.map(a => a.type).filter(isDefined), c => c.code).map(type => alignment(type, FRAMEWORKS.assessment)),
        ...uniqueBy(model.assessments.map(a => a.supervision).filter(isDefined), c => c.code).map(s => alignment(s, FRAMEWORKS.supervision)),
        ...skillAlignments(model.outcomes.flatMap(o => o.skills.map(skill => ({ skill, statement: o.statement }))))
    ];
    return uniqueBy(list.filter(isDefined), a => JSON.stringify([a['targetUrl'], a['targetCode']]));
}

function skillAlignments(skills: ReadonlyArray<{ skill: { uri: string; label?: string }; statement: string }>): JsonObject[] {
    return uniqueBy(skills, s => s.skill.uri).map(({ skill, statement }) => ({
        type: ['Alignment'],
        targetName: skill.label ?? statement,
        targetUrl: skill.uri,
        targetFramework: FRAMEWORKS.esco
    }));
}

/** The ids of the result descriptions of a model, hashed once per model (every learner's results name them). */
const descriptionIds = new WeakMap<CredentialModel, Map<string, string>>();

function descriptionId(model: CredentialModel, ...parts: string[]): string {
    let ids = descriptionIds.get(model);
    if (!ids) descriptionIds.set(model, ids = new Map<string, string>());
    const key = parts.join('\u001f');
    let id = ids.get(key);
    if (id === undefined) ids.set(key, id = stableUrn(achievementSeed(model), 'result', ...parts));
    return id;
}

function gradeDescriptionId(model: CredentialModel): string {
    return descriptionId(model, 'grade');
}

function outcomeDescriptionId(model: CredentialModel, outcome: string): string {
    return descriptionId(model, 'outcome', outcome);
}

function resultDescriptions(model: CredentialModel): JsonObject[] {
    const gradings = [...new Set(model.assessments.map(a => a.grading).filter(isDefined))];
    return [
        {
            id: gradeDescriptionId(model),
            type: ['ResultDescription'],
            name: gradings.length > 0 ? `Grade (${gradings.join('; ')})` : 'Grade',
            resultType: 'Result'
        },
        ...model.outcomes.map(outcome => compact({
            id: outcomeDescriptionId(model, outcome.name),
            type: ['ResultDescription'],
            name: `${outcome.name}: ${outcome.statement}`,
            resultType: 'Status',
            alignment: skillAlignments(outcome.skills.map(skill => ({ skill, statement: outcome.statement })))
        }))
    ];
}

function resultsOf(model: CredentialModel, issuance: Issuance): JsonObject[] {
    const grade = issuance.learner.grade;
    return [
        ...(grade ? [{ type: ['Result'], resultDescription: gradeDescriptionId(model), value: grade }] : []),
        ...model.outcomes.map(outcome => ({
            type: ['Result'],
            resultDescription: outcomeDescriptionId(model, outcome.name),
            status: 'Completed'
        }))
    ];
}

/**
 * The learner's identities: the name, the email (lower case) and any other identifier that is not
 * the subject id. Hashed with a per-credential salt unless `reveal`.
 */
function identityObjects(model: CredentialModel, issuance: Issuance, reveal: boolean): Json[] {
    const { learner } = issuance;
    const salt = reveal ? '' : identitySalt(credentialSeed('ob3', model, issuance));
    const identity = (value: string, identityType: string): JsonObject => reveal
        ? { type: 'IdentityObject', identityHash: value, identityType, hashed: false }
        : { type: 'IdentityObject', identityHash: identityHash(value, salt), identityType, hashed: true, salt };
    const identities: JsonObject[] = [];
    if (learner.fullName) {
        identities.push(identity(learner.fullName, 'name'));
    }
    // OB 3.0 has no given and family name of the subject: extension identity types, hashed like the name.
    if (learner.givenName) identities.push(identity(learner.givenName, 'ext:givenName'));
    if (learner.familyName) identities.push(identity(learner.familyName, 'ext:familyName'));
    const email = learner.identifier && mailtoAddress(learner.identifier);
    const uri = learnerUri(learner);
    if (email) {
        identities.push(identity(reveal ? email : email.toLowerCase(), 'emailAddress'));
    } else if (learner.identifier && (!uri || (!reveal && !isDid(uri)))) {
        identities.push(identity(learner.identifier, 'identifier'));
    }
    return identities;
}

function uniqueBy<T>(values: readonly T[], key: (value: T) => string): T[] {
    const seen = new Set<string>();
    return values.filter(value => {
        const k = key(value);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
    });
}

function isDefined<T>(value: T | undefined | null | false | ''): value is T {
    return value !== undefined && value !== null && value !== false && value !== '';
}
