import { expect, test } from 'vitest';
import { ResyncingFrames } from '../../language-server/lsp/stdio-resync.js';
import { prng } from '../support/prng.js';

// The stdio framing guard (language-server/lsp/stdio-resync.ts): good frames pass unchanged however
// stdin cuts them; a bad frame is dropped and reading resumes at the next header.

function frame(message: object, wrongBy = 0, header = 'Content-Length'): Buffer {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    return Buffer.concat([Buffer.from(`${header}: ${body.length + wrongBy}\r\n\r\n`), body]);
}

function run(chunks: readonly Buffer[]): { output: string; logs: string[] } {
    const logs: string[] = [];
    const frames = new ResyncingFrames(message => logs.push(message));
    const output: Buffer[] = [];
    frames.on('data', (chunk: Buffer) => output.push(chunk));
    for (const chunk of chunks) frames.write(chunk);
    return { output: Buffer.concat(output).toString('utf8'), logs };
}

function cut(bytes: Buffer, sizes: () => number): Buffer[] {
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length;) {
        const size = Math.max(1, sizes());
        chunks.push(bytes.subarray(at, at + size));
        at += size;
    }
    return chunks;
}

const GOOD = Buffer.concat([
    frame({ id: 1, method: 'initialize', params: { text: 'Content-Length: 12\r\n\r\n{}' } }),
    frame({ method: 'initialized', params: {} }, 0, 'content-length'),
    Buffer.concat([Buffer.from('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n'), frame({ id: 2, method: 'x', params: { é: 'ü'.repeat(1000) } })])
]);

test('good frames pass unchanged, whole, byte by byte or in random pieces, with nothing logged', () => {
    const random = prng(7);
    for (const chunks of [[GOOD], cut(GOOD, () => 1), cut(GOOD, () => Math.floor(random() * 40))]) {
        const { output, logs } = run(chunks);
        expect(output).toBe(GOOD.toString('utf8'));
        expect(logs).toEqual([]);
    }
});

test('a frame with a too-short, too-long or missing Content-Length is dropped; the next good frame passes', () => {
    const next = frame({ id: 9, method: 'shutdown' });
    for (const bad of [frame({ id: 3, method: 'x' }, -4), frame({ id: 3, method: 'x' }, 25), Buffer.from('Content-Length: abc\r\n\r\n{}'), Buffer.from('garbage\r\n')]) {
        const bytes = Buffer.concat([bad, next, next]);
        for (const chunks of [[bytes], cut(bytes, () => 3)]) {
            const { output, logs } = run(chunks);
            expect(output.endsWith(next.toString('utf8'))).toBe(true);
            expect(output).not.toContain('"id":3');
            expect(logs.length).toBeGreaterThan(0);
            expect(logs[0]).toMatch(/^mcred: dropped \d+ bytes of input: /);
        }
    }
});

test('a 5 MB message in 64 KB pieces passes whole, joined once (not at every piece)', () => {
    const big = frame({ method: 'textDocument/didOpen', params: { text: 'x'.repeat(5 * 2 ** 20) } });
    const started = performance.now();
    const { output, logs } = run(cut(big, () => 64 * 1024));
    expect(output.length).toBe(big.length);
    expect(logs).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000); // about 50 ms; joining at every piece took seconds
});
