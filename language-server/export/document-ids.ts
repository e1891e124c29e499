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
    return remembered(seeds, format, model, issuance, '',
        () => `${format}|credential|${achievementSeed(model)}|${learnerKey(issuance.learner)}|${issuance.issued}`);
}

/**
 * The `id` of the credential a format issues to one learner, known without building the
 * credential. It follows content (content-ids.ts): the same programme, learner, date and options
 * give the same id; a change to any of them (an ECTS figure, an outcome, a grade) gives a new one.
 * `variant` names export options that change the document (e.g. `reveal-identity`).
 */
export function credentialId(format: string, model: CredentialModel, issuance: Issuance, variant = ''): string {
    return remembered(ids, format, model, issuance, variant,
        () => stableUrn(credentialSeed(format, model, issuance), modelDigest(model), issuanceDigest(issuance), variant));
}

/*
 * The export plan names each file by its credential's id and the exporter writes the id into the
 * document: both ask for the same issuance, one after the other. The last answer per issuance is
 * kept (an issuance is not changed once made), so that 10,000 learners are hashed once, not twice.
 */
interface Remembered {
    readonly format: string;
    readonly model: CredentialModel;
    readonly variant: string;
    readonly value: string;
}

const seeds = new WeakMap<Issuance, Remembered>();
const ids = new WeakMap<Issuance, Remembered>();

function remembered(
    cache: WeakMap<Issuance, Remembered>, format: string, model: CredentialModel, issuance: Issuance, variant: string, compute: () => string
): string {
    const known = cache.get(issuance);
    if (known && known.format === format && known.model === model && known.variant === variant) return known.value;
    const value = compute();
    cache.set(issuance, { format, model, variant, value });
    return value;
}
