import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

/**
 * Issuer keys: Ed25519 key pairs stored as Multikey JSON (W3C Controlled Identifiers §2.2.2), the
 * form @digitalbazaar/ed25519-multikey reads and writes. A new key is controlled by its own
 * `did:key`; `mcred keys did-web` makes a `did:web` its controller. The secret key never leaves
 * the key file: no message, log or document quotes it.
 */
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';
export const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';

export interface IssuerKey {
    /** The verification method id (`did:…#z6Mk…`). */
    readonly id: string;
    /** The DID that controls the key: the issuer id of the credentials it signs. */
    readonly controller: string;
    readonly publicKeyMultibase: string;
    readonly keyPair: Ed25519Multikey.KeyPair;
}

export class KeyFileError extends Error {
    override readonly name = 'KeyFileError';
}

/** A new Ed25519 key controlled by its did:key, and the text of its key file. */
export async function generateKey(): Promise<{ did: string; text: string }> {
    const generated = await Ed25519Multikey.generate();
    const did = `did:key:${generated.publicKeyMultibase}`;
    const exported = await generated.export({ publicKey: true, secretKey: true, includeContext: true });
    const withId = { ...exported, id: `${did}#${generated.publicKeyMultibase}`, controller: did };
    return { did, text: keyFileText(withId) };
}

export function keyFileText(key: Record<string, unknown>): string {
    const { '@context': _context, id, type, controller, publicKeyMultibase, secretKeyMultibase } = key;
    void _context;
    return JSON.stringify({ '@context': MULTIKEY_CONTEXT, id, type, controller, publicKeyMultibase, secretKeyMultibase }, undefined, 2) + '\n';
}

/** Reads a key file's text; the error never quotes the file. */
export async function readKey(text: string, source: string): Promise<IssuerKey & { json: Record<string, unknown> }> {
    let json: Record<string, unknown>;
    try {
        json = JSON.parse(text) as Record<string, unknown>;
    } catch {
        throw new KeyFileError(`${source} is not a key file (not JSON); create one with \`mcred keys new --out FILE\``);
    }
    if (json === null || typeof json !== 'object' || json['type'] !== 'Multikey') {
        throw new KeyFileError(`${source} is not a Multikey key file; create one with \`mcred keys new --out FILE\``);
    }
    const { id, controller, publicKeyMultibase, secretKeyMultibase } = json;
    if (typeof publicKeyMultibase !== 'string' || !publicKeyMultibase.startsWith('z6Mk')) {
        throw new KeyFileError(`${source} holds no Ed25519 public key (publicKeyMultibase z6Mk…)`);
    }
    if (typeof secretKeyMultibase !== 'string') {
        throw new KeyFileError(`${source} holds no secret key (secretKeyMultibase): it cannot sign`);
    }
    if (typeof id !== 'string' || typeof controller !== 'string' || !id.startsWith(`${controller}#`)) {
        throw new KeyFileError(`${source}: the key's id must be its controller's DID followed by #…`);
    }
    let keyPair: Ed25519Multikey.KeyPair;
    try {
        keyPair = await Ed25519Multikey.from(json);
    } catch {
        throw new KeyFileError(`${source}: the key cannot be read (its public and secret keys do not form an Ed25519 key pair)`);
    }
    return { id, controller, publicKeyMultibase, keyPair, json };
}

/** `example.org`, `example.org:8443` or `example.org/issuers/a` → its did:web. */
export function didWebOf(domain: string): string | undefined {
    const match = /^(?:https:\/\/)?([a-z0-9.-]+\.[a-z]{2,63})(?::(\d{1,5}))?((?:\/[A-Za-z0-9._~-]+)*)\/?$/i.exec(domain.trim());
    if (!match) return undefined;
    const [, host, port, path] = match;
    return `did:web:${host.toLowerCase()}${port ? `%3A${port}` : ''}${path ? path.split('/').filter(Boolean).map(p => `:${p}`).join('') : ''}`;
}

/**
 * The DID document to publish for a did:web (at `https://<domain>/.well-known/did.json`, or
 * `https://<domain>/<path>/did.json`), with the key as its assertion method, and the key file's
 * new text (the same key, now controlled by the did:web).
 */
export function didWebDocument(
    did: string, key: { publicKeyMultibase: string; json: Record<string, unknown> }
): { document: Record<string, unknown>; keyText: string } {
    const methodId = `${did}#${key.publicKeyMultibase}`;
    const document = {
        '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
        'id': did,
        'verificationMethod': [{ id: methodId, type: 'Multikey', controller: did, publicKeyMultibase: key.publicKeyMultibase }],
        'assertionMethod': [methodId],
        'authentication': [methodId]
    };
    return { document, keyText: keyFileText({ ...key.json, id: methodId, controller: did }) };
}
