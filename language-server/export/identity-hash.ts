import { sha256Hex } from './content-ids.js';

/**
 * Open Badges 3.0 identity hashes (OB 3.0 §B.1.12 IdentityObject, IdentityHash): `sha256$` and
 * the hex SHA-256 of the identity followed by the salt. A verifier who knows the learner's email
 * or name checks it against the hash; anyone else reads neither. The salt is published with the
 * hash (as OB 3.0 requires), so it is there to make hashes differ between credentials, not to
 * be secret: it is derived from the credential's own seed, which keeps re-exports byte-identical.
 */
export function identityHash(identity: string, salt: string): string {
    return `sha256$${sha256Hex(identity + salt)}`;
}

/** The per-credential salt: 16 hex digits derived from the credential's seed. */
export function identitySalt(credentialSeed: string): string {
    return sha256Hex(`salt|${credentialSeed}`).slice(0, 16);
}

/** How identities are written in an OB3 credential: hashed by default, in clear when the issuer must show them. */
export interface IdentityOptions {
    /** `--reveal-identity`: the learner's name and email in clear, as the subject id and in the description. */
    readonly revealIdentity?: boolean;
}
