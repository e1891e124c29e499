/**
 * File names for exported documents, safe on every file system: only ASCII letters, digits, `-`
 * and `_`, never empty, never a path. A learner called `../../etc/x` becomes `etc-x`; accents are
 * dropped (`José` → `jose`). Uniqueness comes from the stable credential id, not from the name.
 */
const MAX_PART = 60;

export function safeFileNamePart(text: string, fallback: string): string {
    const slug = text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[-_.]+|[-_.]+$/g, '')
        .slice(0, MAX_PART)
        .replace(/[-_]+$/g, '');
    return slug || fallback;
}

/** `AIDigitalEthics_jane-doe_1b2c3d4e.ob3.json`: credential, learner, 8 hex digits of the credential id. */
export function credentialFileName(credentialName: string, learnerName: string, credentialId: string, extension: string): string {
    const hash = credentialId.replace(/^urn:uuid:/, '').replace(/-/g, '').slice(0, 8);
    return `${safeFileNamePart(credentialName, 'credential')}_${safeFileNamePart(learnerName, 'learner').toLowerCase()}_${hash}${extension}`;
}

/** `AIDigitalEthics.template.ob3.json`. */
export function templateFileName(credentialName: string, extension: string): string {
    return `${safeFileNamePart(credentialName, 'credential')}.template${extension}`;
}
