/**
 * Stable identifiers for exported credentials: name-based UUIDs (version 5, RFC 9562 §5.5), so
 * that exporting the same credential for the same learner again gives byte-identical documents.
 * SHA-1 is implemented here (no `node:crypto`) so that exporters stay pure and run in a web
 * worker too; it is used only to derive names, never for security.
 */

const encoder = new TextEncoder();

/** The message schedule, reused by every call (SHA-1 runs synchronously, one call at a time). */
const schedule = new Int32Array(80);
/** The hash state, reused likewise. */
const state = new Int32Array(5);
/** The padded message, reused likewise and grown when a longer one comes. */
let message = new Uint8Array(512);
const INITIAL_STATE = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0);

/** SHA-1 of bytes, as 20 bytes. */
export function sha1(bytes: Uint8Array): Uint8Array {
    const buffer = messageBuffer(bytes.length);
    buffer.set(bytes);
    state.set(INITIAL_STATE);
    compress(state, buffer, pad(buffer, bytes.length, bytes.length));
    const digest = new Uint8Array(20);
    const out = new DataView(digest.buffer);
    state.forEach((h, i) => out.setInt32(i * 4, h));
    return digest;
}

/** A buffer that holds a message of `length` bytes and its padding. */
function messageBuffer(length: number): Uint8Array {
    if (message.length < length + 72) message = new Uint8Array(2 * (length + 72));
    return message;
}

/**
 * Pads in place the last `length` bytes of a message of `total` bytes, which start `buffer`;
 * returns the padded length (a multiple of 64).
 */
function pad(buffer: Uint8Array, length: number, total: number): number {
    const padded = ((length + 9 + 63) >> 6) << 6;
    buffer.fill(0, length, padded);
    buffer[length] = 0x80;
    const high = Math.floor(total / 0x20000000), low = (total * 8) >>> 0;
    for (let i = 0; i < 4; i++) {
        buffer[padded - 8 + i] = (high >>> (24 - 8 * i)) & 0xff;
        buffer[padded - 4 + i] = (low >>> (24 - 8 * i)) & 0xff;
    }
    return padded;
}

/** Runs the SHA-1 compression over the 64-byte blocks of `buffer[0, end)`, updating `h`. */
function compress(h: Int32Array, buffer: Uint8Array, end: number): void {
    let h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4];
    const w = schedule;
    for (let offset = 0; offset < end; offset += 64) {
        for (let i = 0; i < 16; i++) {
            const j = offset + i * 4;
            w[i] = (buffer[j] << 24) | (buffer[j + 1] << 16) | (buffer[j + 2] << 8) | buffer[j + 3];
        }
        for (let i = 16; i < 80; i++) {
            const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
            w[i] = (x << 1) | (x >>> 31);
        }
        let a = h0, b = h1, c = h2, d = h3, e = h4;
        for (let i = 0; i < 80; i++) {
            const f = i < 20 ? ((b & c) | (~b & d)) + 0x5a827999
                : i < 40 ? (b ^ c ^ d) + 0x6ed9eba1
                    : i < 60 ? ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc
                        : (b ^ c ^ d) + 0xca62c1d6;
            const t = (((a << 5) | (a >>> 27)) + f + e + w[i]) | 0;
            e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
        }
        h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0; h4 = (h4 + e) | 0;
    }
    h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4;
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

function hex32(word: number): string {
    return HEX[(word >>> 24) & 0xff] + HEX[(word >>> 16) & 0xff] + HEX[(word >>> 8) & 0xff] + HEX[word & 0xff];
}

/** A version 5 (SHA-1, name-based) UUID of `name` in the `namespace` UUID. */
export function uuidV5(namespace: string, name: string): string {
    let start = namespaces.get(namespace);
    if (!start) namespaces.set(namespace, start = new NamePrefix(namespace, ''));
    return start.uuid(name);
}

const namespaces = new Map<string, NamePrefix>();

/**
 * The start of names hashed in one namespace: the 64-byte blocks it fills are hashed once, so that
 * hashing many names that share it (every node of one learner's credential) costs only their ends.
 */
class NamePrefix {
    private readonly midstate = new Int32Array(INITIAL_STATE);
    /** The bytes of the prefix after its last full block. */
    private readonly tail: Uint8Array;
    private readonly hashed: number;

    constructor(namespace: string, prefix: string) {
        const bytes = new Uint8Array(16 + prefix.length * 3);
        bytes.set(parseUuid(namespace));
        const length = 16 + encoder.encodeInto(prefix, bytes.subarray(16)).written;
        this.hashed = length - (length % 64);
        compress(this.midstate, bytes, this.hashed);
        this.tail = bytes.slice(this.hashed, length);
    }

    /** The UUID of the prefix followed by `rest`. */
    uuid(rest: string): string {
        const buffer = messageBuffer(this.tail.length + rest.length * 3);
        buffer.set(this.tail);
        const length = this.tail.length + encoder.encodeInto(rest, buffer.subarray(this.tail.length)).written;
        state.set(this.midstate);
        compress(state, buffer, pad(buffer, length, this.hashed + length));
        // The first 16 bytes of the digest, with the version (5) and the variant (RFC 9562) set.
        const time = hex32(state[1] & 0xffff0fff | 0x5000);
        const clock = hex32(state[2] & 0x3fffffff | 0x80000000);
        return `${hex32(state[0])}-${time.slice(0, 4)}-${time.slice(4)}-${clock.slice(0, 4)}-${clock.slice(4)}${hex32(state[3])}`;
    }
}

/** The RFC 9562 namespace for URLs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** mcred's own namespace: the v5 UUID of the URL `urn:mcred:export` in the URL namespace. */
export const MCRED_NAMESPACE = uuidV5(URL_NAMESPACE, 'urn:mcred:export');

/** Parts are joined with a separator that cannot be confused with text. */
const SEPARATOR = '\u001f';

/** `urn:uuid:…` derived from the parts. */
export function stableUrn(...parts: readonly string[]): string {
    return `urn:uuid:${uuidV5(MCRED_NAMESPACE, parts.join(SEPARATOR))}`;
}

/**
 * `(...rest) => stableUrn(...prefix, ...rest)`, for the many ids of one document: the prefix is
 * hashed once.
 */
export function stableUrns(...prefix: readonly string[]): (...rest: readonly string[]) => string {
    const start = new NamePrefix(MCRED_NAMESPACE, prefix.map(part => part + SEPARATOR).join(''));
    return (...rest) => `urn:uuid:${start.uuid(rest.join(SEPARATOR))}`;
}
