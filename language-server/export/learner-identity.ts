import type { LearnerModel } from '../model/credential-model.js';

/**
 * How a learner's identifier is carried. An identifier with a URI scheme (`mailto:…`, `did:…`,
 * `https://…`, `urn:…`) identifies the credential subject; anything else (a student number) is
 * an identifier entry. An email address without `mailto:` is read as one.
 */
const URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** The learner's identifier as a URI (`mailto:` added to a bare email address), or undefined. */
export function learnerUri(learner: LearnerModel): string | undefined {
    const id = learner.identifier;
    if (!id) return undefined;
    if (EMAIL.test(id)) return `mailto:${id}`;
    return URI.test(id) ? id : undefined;
}

/** The email address of a `mailto:` (or bare email) identifier. */
export function mailtoAddress(identifier: string): string | undefined {
    if (EMAIL.test(identifier)) return identifier;
    const match = /^mailto:(.+)$/i.exec(identifier);
    return match && EMAIL.test(match[1]) ? match[1] : undefined;
}

/** What identifies a learner in ids and file names: the identifier, else the name. */
export function learnerKey(learner: LearnerModel): string {
    return learner.identifier ?? `name:${learner.fullName}`;
}

/** A decentralized identifier (`did:method:…`): the subject id of a privacy-preserving credential. */
export function isDid(value: string): boolean {
    return /^did:[a-z0-9]+:\S+$/.test(value);
}

export function isEmail(value: string): boolean {
    return EMAIL.test(value);
}

export function isWebUrl(value: string): boolean {
    return /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value);
}
