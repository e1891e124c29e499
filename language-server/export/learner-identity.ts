import type { LearnerModel } from '../model/credential-model.js';

/**
 * How a learner's identifier is carried. An identifier with a URI scheme (`mailto:…`, `did:…`,
 * `https://…`, `urn:…`) identifies the credential subject; anything else (a student number) is
 * an identifier entry. An email address without `mailto:` is read as one.
 */
const URI = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** The schemes a learner's identifier may have: it becomes `credentialSubject.id`. */
export const LEARNER_ID_SCHEMES = ['mailto', 'did', 'https', 'urn'] as const;

/**
 * One learner, one spelling: trimmed, Unicode NFC, a bare e-mail address as `mailto:`, the
 * scheme in lower case (`MAILTO:` → `mailto:`) and the domain of an e-mail address in lower case.
 * `jane@example.org`, `mailto:jane@example.org` and `MAILTO:jane@EXAMPLE.org` are one learner.
 */
export function normaliseLearnerId(identifier: string): string {
    const id = identifier.trim().normalize('NFC');
    if (EMAIL.test(id)) return `mailto:${lowerDomain(id)}`;
    if (!URI.test(id)) return id;
    const colon = id.indexOf(':');
    const scheme = id.slice(0, colon).toLowerCase();
    const rest = id.slice(colon + 1);
    return scheme === 'mailto' && EMAIL.test(rest) ? `mailto:${lowerDomain(rest)}` : `${scheme}:${rest}`;
}

function lowerDomain(email: string): string {
    const at = email.lastIndexOf('@');
    return `${email.slice(0, at)}@${email.slice(at + 1).toLowerCase()}`;
}

/**
 * Why an identifier may not identify a learner: it has a URI scheme other than `mailto:`,
 * `did:`, `https:` or `urn:` (`javascript:`, `data:`, `file:`, `http:`), which a wallet or a
 * verifier could follow. An identifier without a scheme (a student number) is not a URI and is
 * carried as an identifier entry, so it is not a problem here.
 */
export function learnerIdProblem(identifier: string): string | undefined {
    const id = normaliseLearnerId(identifier);
    if (!URI.test(id) && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(id)) return undefined;
    const scheme = id.slice(0, id.indexOf(':'));
    return (LEARNER_ID_SCHEMES as readonly string[]).includes(scheme)
        ? undefined
        : `a learner's identifier must be a mailto:, did:, https: or urn: URI, not ${scheme}:`;
}

/** The learner's identifier as a URI (normalised, `mailto:` added to a bare email address), or undefined. */
export function learnerUri(learner: LearnerModel): string | undefined {
    const id = learner.identifier;
    if (!id) return undefined;
    const normal = normaliseLearnerId(id);
    return URI.test(normal) ? normal : undefined;
}

/** The email address of a `mailto:` (or bare email) identifier. */
export function mailtoAddress(identifier: string): string | undefined {
    if (EMAIL.test(identifier)) return identifier;
    const match = /^mailto:(.+)$/i.exec(identifier);
    return match && EMAIL.test(match[1]) ? match[1] : undefined;
}

/** What identifies a learner in ids and file names: the identifier, else the name. */
export function learnerKey(learner: LearnerModel): string {
    return learner.identifier ? normaliseLearnerId(learner.identifier) : `name:${learner.fullName.trim().normalize('NFC')}`;
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
