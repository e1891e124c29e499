import { Transform, type TransformCallback } from 'node:stream';

/*
 * The stdio transport's framing, made to recover from a bad frame (Node server, `--stdio`).
 *
 * vscode-jsonrpc reads `Content-Length: N\r\n\r\n` then N bytes. A Content-Length that is too
 * short leaves the rest of that body in front of the next header; from then on every header is
 * read as garbage and the server, alive, never answers again. This stream sits between stdin and
 * the reader: it passes well-formed frames through unchanged and, when a frame is bad (its body
 * is not a JSON object, or bytes come where a header should start), drops it, says so on stderr,
 * and resynchronises on the next `Content-Length:` header. Only the bad message is lost.
 */

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
const HEADER_STARTS = ['Content-Length:', 'Content-Type:'].map(h => h.toLowerCase());
const CONTENT_LENGTH = [Buffer.from('Content-Length:', 'latin1'), Buffer.from('content-length:', 'latin1')];
/** A header block longer than this is not one. */
const MAX_HEADER_BYTES = 8 * 1024;
/** Bodies up to this size are checked to be JSON (bigger ones only to start with `{` and end with `}`). */
const FULL_CHECK_BYTES = 256 * 1024;

export class ResyncingFrames extends Transform {
    private buffer: Buffer = Buffer.alloc(0);
    /** Chunks received while a long body arrives, joined once it is complete (not at every chunk). */
    private waiting: Buffer[] = [];
    private waitingBytes = 0;
    /** The buffer length the current frame needs before it is looked at again. */
    private needed = 0;

    constructor(private readonly log: (message: string) => void) {
        super();
    }

    override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
        this.waiting.push(chunk);
        this.waitingBytes += chunk.length;
        if (this.buffer.length + this.waitingBytes >= this.needed) {
            this.buffer = Buffer.concat([this.buffer, ...this.waiting]);
            this.waiting = [];
            this.waitingBytes = 0;
            this.needed = 0;
            this.drain();
        }
        done();
    }

    private drain(): void {
        for (;;) {
            if (this.buffer.length === 0) return;
            const start = this.buffer.subarray(0, 16).toString('latin1').toLowerCase();
            if (!HEADER_STARTS.some(h => start.startsWith(h))) {
                if (HEADER_STARTS.some(h => h.startsWith(start))) return; // a header arriving in pieces
                if (!this.skipToHeader(0, 'bytes that do not start a message')) return;
                continue;
            }
            const end = this.buffer.indexOf(HEADER_END);
            if (end < 0) {
                // The header is still arriving, unless it is already longer than any header.
                if (this.buffer.length <= MAX_HEADER_BYTES || !this.skipToHeader(1, 'a header without end')) return;
                continue;
            }
            const length = contentLength(this.buffer.subarray(0, end).toString('latin1'));
            if (length === undefined) {
                if (!this.skipToHeader(1, 'a header without a valid Content-Length')) return;
                continue;
            }
            const total = end + HEADER_END.length + length;
            if (this.buffer.length < total) {
                this.needed = total; // the body is still arriving
                return;
            }
            const body = this.buffer.subarray(end + HEADER_END.length, total);
            if (!isJsonObject(body)) {
                if (!this.skipToHeader(1, `a message whose body (Content-Length ${length}) is not a JSON object (a wrong Content-Length?)`)) return;
                continue;
            }
            this.push(this.buffer.subarray(0, total));
            this.buffer = this.buffer.subarray(total);
        }
    }

    /**
     * Drops the bytes before the next `Content-Length:` found from `from` on, and logs why. When
     * there is none yet, keeps only a tail that may be the start of one; returns false (wait).
     */
    private skipToHeader(from: number, why: string): boolean {
        const next = Math.min(...CONTENT_LENGTH.map(h => this.buffer.indexOf(h, from)).filter(i => i >= 0), Number.POSITIVE_INFINITY);
        const dropped = Number.isFinite(next) ? next : Math.max(0, this.buffer.length - CONTENT_LENGTH[0].length);
        if (dropped > 0) this.log(`mcred: dropped ${dropped} bytes of input: ${why}; reading on from the next Content-Length header.`);
        this.buffer = this.buffer.subarray(dropped);
        return Number.isFinite(next);
    }
}

function contentLength(header: string): number | undefined {
    for (const line of header.split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === 'content-length') {
            const value = line.slice(colon + 1).trim();
            return /^\d{1,10}$/.test(value) ? Number(value) : undefined;
        }
    }
    return undefined;
}

function isJsonObject(body: Buffer): boolean {
    if (body.length <= FULL_CHECK_BYTES) {
        try {
            const value: unknown = JSON.parse(body.toString('utf8'));
            return typeof value === 'object' && value !== null;
        } catch {
            return false;
        }
    }
    const text = body.toString('latin1').trim();
    return text.startsWith('{') && text.endsWith('}');
}
