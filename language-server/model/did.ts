/**
 * Decentralized identifiers an issuer may state (`did "…"` on a provider): `did:web` and
 * `did:key`, the two methods a verifier can resolve without a ledger. Syntax only (W3C DID Core
 * §3.1, did:web method §3.1, did:key method §3.1); whether the key or the `did.json` exists is for
 * `mcred verify` to find out. Pure: used by the `value-did` check and the exporters.
 */

export type DidProblem = { readonly problem: string; readonly suggestion?: string };

/** did:web: a host name (optionally `%3A` + port) and `:`-separated path segments. */
const DID_WEB = /^did:web:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?:%3A\d{1,5})?(?::[A-Za-z0-9._~%-]+)*$/;
/** did:key: a base58btc multibase (`z`) Ed25519 multikey (`z6Mk…`, 48 characters). */
const DID_KEY = /^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/;
const DID_ANY = /^did:[a-z0-9]+:[A-Za-z0-9._%:-]+$/;

/** The problem with a provider's `did`, or undefined when it is a did:web or an Ed25519 did:key. */
export function didProblem(value: string): DidProblem | undefined {
    const text = value.trim();
    if (text !== value) return { problem: 'has spaces around it', suggestion: text };
    if (/\s/.test(text)) return { problem: 'contains spaces' };
    if (/^https:\/\/[^/\s]+\/?$/i.test(text)) {
        const host = text.replace(/^https:\/\//i, '').replace(/\/$/, '').toLowerCase();
        return { problem: 'is a web address, not a DID', suggestion: `did:web:${host.replace(':', '%3A')}` };
    }
    if (!text.startsWith('did:')) return { problem: 'is not a DID (it must start with `did:web:` or `did:key:`)' };
    if (text.startsWith('did:web:')) {
        if (text !== text.toLowerCase() && DID_WEB.test(text.toLowerCase())) {
            return { problem: 'has capital letters in its host name', suggestion: text.toLowerCase() };
        }
        return DID_WEB.test(text) ? undefined : { problem: 'is not a did:web (did:web:<host name>[:<path>], e.g. did:web:www.example.org)' };
    }
    if (text.startsWith('did:key:')) {
        return DID_KEY.test(text) ? undefined : { problem: 'is not an Ed25519 did:key (did:key:z6Mk… as `mcred keys new` prints it)' };
    }
    return DID_ANY.test(text)
        ? { problem: `uses the method '${text.split(':')[1]}', which mcred cannot sign or verify offline (use did:web or did:key)` }
        : { problem: 'is not a DID' };
}

/** The DID when it is valid, else undefined (an invalid value is not a stated one). */
export function validDid(value: string | undefined): string | undefined {
    return value !== undefined && didProblem(value) === undefined ? value : undefined;
}
