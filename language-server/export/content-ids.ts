import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { CredentialModel, Issuance } from '../model/credential-model.js';
import { stableUrn } from './stable-id.js';

/*
 * Ids that follow content. A wallet tells two versions of a credential apart by their ids, so an
 * id is derived from what the document says: the achievement id from the achievement's content,
 * the credential id from everything the credential is built from (the programme, the learner, the
 * date of issuing and the export options). The same content always gives the same id, so
 * re-exporting an unchanged programme stays byte-identical; any change gives a new id.
 * SHA-256 from @noble/hashes (pure, synchronous, runs in a web worker too).
 */

const encoder = new TextEncoder();

/** SHA-256 of a UTF-8 text, in lowercase hex. */
export function sha256Hex(text: string): string {
    return bytesToHex(sha256(encoder.encode(text)));
}

/** A name-based UUID URN that changes with `content` (any JSON value). */
export function contentUrn(kind: string, content: unknown): string {
    return stableUrn(kind, sha256Hex(JSON.stringify(content)));
}

/** The digest of everything a credential model states, computed once per model. */
const modelDigests = new WeakMap<CredentialModel, string>();

export function modelDigest(model: CredentialModel): string {
    let digest = modelDigests.get(model);
    if (digest === undefined) {
        digest = sha256Hex(JSON.stringify(model));
        modelDigests.set(model, digest);
    }
    return digest;
}

/** The digest of one issuance: the learner as stated (name, identifier, grade) and the date. */
export function issuanceDigest(issuance: Issuance): string {
    const { learner } = issuance;
    return sha256Hex(JSON.stringify([learner.fullName, learner.identifier ?? null, learner.grade ?? null, issuance.issued]));
}
