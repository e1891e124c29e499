import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { sha1, stableUrn, stableUrns, uuidV5 } from '../../language-server/export/stable-id.js';

test('sha1 agrees with node:crypto across block boundaries and multi-byte text', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'é'.repeat(1000), 'Jane Doe\u001fmailto:jane@example.org']) {
        const ours = Buffer.from(sha1(new TextEncoder().encode(text))).toString('hex');
        expect(ours).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
    }
});

test('uuidV5 gives the RFC 9562 test vector', () => {
    // RFC 9562 Appendix A.4: DNS namespace, name "www.example.com".
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
});

test('stableUrn is a version 5 URN UUID that depends on every part and on their boundaries', () => {
    const urn = stableUrn('credential', 'AIDigitalEthics', 'mailto:jane@example.org');
    expect(urn).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUrn('credential', 'AIDigitalEthics', 'mailto:jane@example.org')).toBe(urn);
    expect(stableUrn('credential', 'AIDigitalEthics', 'mailto:kim@example.org')).not.toBe(urn);
    expect(stableUrn('ab', 'c')).not.toBe(stableUrn('a', 'bc'));
});

test('stableUrns gives the ids stableUrn gives, whatever the length of the shared prefix', () => {
    for (let length = 0; length < 140; length += 7) {
        const seed = 'é'.repeat(length % 5) + 's'.repeat(length);
        const urns = stableUrns(seed, 'credential');
        for (const key of ['', 'person', 'x'.repeat(60), 'learningOutcome-LO1 ✓']) {
            expect(urns(key, '1')).toBe(stableUrn(seed, 'credential', key, '1'));
        }
    }
});
