import type { CredentialModel, Issuance } from '../model/credential-model.js';
import { issuanceDigest, modelDigest } from './content-ids.js';
import { learnerKey } from './learner-identity.js';
import { stableUrn } from './stable-id.js';

/*
 * The seeds of the stable ids of exported documents, shared by every format: the same credential,
 * learner and date of issuing always give the same ids, whichever file or batch they are exported in.
 */

/** The ids of a credential's parts, derived from names so that re-exports are byte-identical. */
export function achievementSeed(model: CredentialModel): string {
    return `achievement|${model.awardingBodies.map(b => b.name).join(',')}|${model.name}`;
}

export function credentialSeed(format: string, model: CredentialModel, issuance: Issuance): string {
    return `${format}|credential|${achievementSeed(model)}|${learnerKey(issuance.learner)}|${issuance.issued}`;
}

/**
 * The `id` of the credential a format issues to one learner, known without building the
 * credential. It follows content (content-ids.ts): the same programme, learner, date and options
 * give the same id; a change to any of them (an ECTS figure, an outcome, a grade) gives a new one.
 * `variant` names export options that change the document (e.g. `reveal-identity`).
 */
export function credentialId(format: string, model: CredentialModel, issuance: Issuance, variant = ''): string {
    return stableUrn(credentialSeed(format, model, issuance), modelDigest(model), issuanceDigest(issuance), variant);
}
