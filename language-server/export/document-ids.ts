import type { CredentialModel, Issuance } from '../model/credential-model.js';
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

/** The `id` of the credential a format issues to one learner, known without building the credential. */
export function credentialId(format: string, model: CredentialModel, issuance: Issuance): string {
    return stableUrn(credentialSeed(format, model, issuance));
}
