/**
 * Stable identifiers for exported credentials: name-based UUIDs (version 5, RFC 9562 §5.5), so
 * that exporting the same credential for the same learner again gives byte-identical documents.
 * SHA-1 is implemented here (no `node:crypto`) so that exporters stay pure and run in a web
 * worker too; it is used only to derive names, never for security.
 */

const encoder = new TextEncoder();

/** SHA-1 of bytes, as 20 bytes. */
export function sha1(bytes: Uint8Array): Uint8Array {
    const bitLength = bytes.length * 8;
    const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[bytes.length] = 0x80;
    const view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
    view.setUint32(padded.length - 4, bitLength >>> 0);
    let h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476, h4 = 0xc3d2e1f0;
    const w = new Uint32Array(80);
    for (let offset = 0; offset < padded.length; offset += 64) {
        for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
        for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        let a = h0, b = h1, c = h2, d = h3, e = h4;
        for (let i = 0; i < 80; i++) {
            let f: number, k: number;
            if (i < 20) {
                f = (b & c) | (~b & d); k = 0x5a827999;
            } else if (i < 40) {
                f = b ^ c ^ d; k = 0x6ed9eba1;
            } else if (i < 60) {
                f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc;
            } else {
                f = b ^ c ^ d; k = 0xca62c1d6;
            }
            const t = (rotl(a, 5) + f + e + k + w[i]) >>> 0;
            e = d; d = c; c = rotl(b, 30); b = a; a = t;
        }
        h0 = (h0 + a) >>> 0; h1 = (h1 + b) >>> 0; h2 = (h2 + c) >>> 0; h3 = (h3 + d) >>> 0; h4 = (h4 + e) >>> 0;
    }
    const digest = new Uint8Array(20);
    const out = new DataView(digest.buffer);
    [h0, h1, h2, h3, h4].forEach((h, i) => out.setUint32(i * 4, h));
    return digest;
}

function rotl(x: number, n: number): number {
    return ((x << n) | (x >>> (32 - n))) >>> 0;
}

const parsedNamespaces = new Map<string, Uint8Array>();

function parseUuid(uuid: string): Uint8Array {
    const cached = parsedNamespaces.get(uuid);
    if (cached) return cached;
    const hex = uuid.replace(/-/g, '');
    if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${uuid}`);
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
    parsedNamespaces.set(uuid, bytes);
    return bytes;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function formatUuid(bytes: Uint8Array): string {
    let hex = '';
    for (const byte of bytes) hex += HEX[byte];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A version 5 (SHA-1, name-based) UUID of `name` in the `namespace` UUID. */
export function uuidV5(namespace: string, name: string): string {
    const ns = parseUuid(namespace);
    const nameBytes = encoder.encode(name);
    const input = new Uint8Array(ns.length + nameBytes.length);
    input.set(ns);
    input.set(nameBytes, ns.length);
    const bytes = sha1(input).slice(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    return formatUuid(bytes);
}

/** The RFC 9562 namespace for URLs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** mcred's own namespace: the v5 UUID of the URL `urn:mcred:export` in the URL namespace. */
export const MCRED_NAMESPACE = uuidV5(URL_NAMESPACE, 'urn:mcred:export');

/** `urn:uuid:…` derived from the parts (joined with a separator that cannot be confused with text). */
export function stableUrn(...parts: readonly string[]): string {
    return `urn:uuid:${uuidV5(MCRED_NAMESPACE, parts.join('\u001f'))}`;
}
