/**
 * File names for exported documents, safe on every file system: letters (any script), digits,
 * `-` and `_`, never empty, never a path, never a name Windows reserves (`CON`, `NUL`, `COM1`, …).
 * A learner called `../../etc/x` becomes `etc-x`; Latin accents are dropped (`José` → `jose`);
 * other scripts are kept as they are (`王伟` stays `王伟`). Uniqueness comes from the whole
 * credential id in the name, and `duplicateFileNames` checks it before anything is written.
 */

/** Bytes of UTF-8 one part of a name may take: two parts, the id and the extension stay far below 255. */
const MAX_PART_BYTES = 60;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Names Windows reserves for devices, with or without an extension, in any case. */
const WINDOWS_RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i;

export function safeFileNamePart(text: string, fallback: string): string {
    // Printable ASCII (most names): no normalisation to do, and the Unicode classes are their ASCII
    // parts; the same result as the general case, without its cost at 10,000 learners.
    const slug = PRINTABLE_ASCII.test(text)
        ? text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[-_.]+|[-_.]+$/g, '').slice(0, MAX_PART_BYTES).replace(/[-_]+$/g, '')
        : truncateUtf8(text
            .normalize('NFKD')
            .replace(/[\u0300-\u036f]/g, '')
            .normalize('NFC')
            .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-')
            .replace(/-{2,}/g, '-')
            .replace(/^[-_.\p{M}]+|[-_.]+$/gu, ''), MAX_PART_BYTES)
            .replace(/[-_]+$/g, '');
    if (!slug) return fallback;
    return WINDOWS_RESERVED.test(slug) ? `${slug}_` : slug;
}

/** The longest prefix of `text` of at most `max` UTF-8 bytes, cut between code points. */
function truncateUtf8(text: string, max: number): string {
    let bytes = 0;
    let end = 0;
    for (const char of text) {
        const code = char.codePointAt(0)!;
        const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
        if (bytes + size > max) break;
        bytes += size;
        end += char.length;
    }
    return text.slice(0, end);
}

/**
 * `AIDigitalEthics_jane-doe_8df780bcfd3454b1bc8f48de4711345f.ob3.json`: credential, learner and
 * the whole credential id (32 hex digits of its UUID), so that two credentials never share a name.
 */
export function credentialFileName(credentialName: string, learnerName: string, credentialId: string, extension: string): string {
    const uuid = /^urn:uuid:([0-9a-f-]{36})$/i.exec(credentialId);
    const id = uuid ? uuid[1].replace(/-/g, '').toLowerCase() : safeFileNamePart(credentialId, 'credential');
    return `${credentialPart(credentialName)}_${safeFileNamePart(learnerName, 'learner').toLowerCase()}_${id}${extension}`;
}

/** The credential's part of the name, made once for all the learners of a credential. */
let lastCredential: { readonly name: string; readonly part: string } | undefined;

function credentialPart(name: string): string {
    if (lastCredential?.name !== name) lastCredential = { name, part: safeFileNamePart(name, 'credential') };
    return lastCredential.part;
}

/** `AIDigitalEthics.template.ob3.json`. */
export function templateFileName(credentialName: string, extension: string): string {
    return `${safeFileNamePart(credentialName, 'credential')}.template${extension}`;
}

/**
 * How a file system that ignores case or normalises Unicode (Windows, macOS) sees a name: two
 * names with the same key are the same file there.
 */
export function fileNameKey(name: string): string {
    return name.normalize('NFC').toUpperCase().toLowerCase();
}

/** Two documents whose file names are the same file on some file system. */
export interface FileNameCollision<T> {
    readonly first: T;
    readonly second: T;
    readonly fileName: string;
}

/** Every pair of items whose names collide (compared with `fileNameKey`), in order. */
export function duplicateFileNames<T>(items: readonly T[], nameOf: (item: T) => string): Array<FileNameCollision<T>> {
    const seen = new Map<string, T>();
    const collisions: Array<FileNameCollision<T>> = [];
    for (const item of items) {
        const name = nameOf(item);
        const key = fileNameKey(name);
        const first = seen.get(key);
        if (first !== undefined) {
            collisions.push({ first, second: item, fileName: name });
        } else {
            seen.set(key, item);
        }
    }
    return collisions;
}
