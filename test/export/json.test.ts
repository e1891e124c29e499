import { expect, test } from 'vitest';
import { base64Utf8, compact, sharedJson, toJsonText, type Json } from '../../language-server/export/json.js';

test('base64Utf8 agrees with Buffer on ASCII, multi-byte text and text longer than one chunk', () => {
    for (const text of ['', 'a', 'ab', 'abc', '<svg>Zoë Ångström — 東京</svg>', 'é'.repeat(5000), 'x'.repeat(0x2000 * 3 + 1)]) {
        expect(base64Utf8(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
    }
});

test('toJsonText indents by two spaces and ends with a newline; compact drops undefined and empty lists', () => {
    expect(toJsonText(compact({ a: 1, b: undefined, c: [], d: ['x'] }))).toBe('{\n  "a": 1,\n  "d": [\n    "x"\n  ]\n}\n');
});

test('toJsonText writes a shared part exactly as JSON.stringify would, at any depth, in objects and lists', () => {
    const shared = sharedJson({ id: 'urn:x', title: { en: 'Ethics "of" AI\n' }, list: [1, { deep: [] }], empty: {} });
    const documents: Json[] = [
        shared,
        { a: shared },
        { a: [shared, { b: shared }], c: 'text', d: [[shared]] },
        { nested: { deeper: { deepest: shared } }, after: null }
    ];
    for (const document of documents) {
        expect(toJsonText(document)).toBe(JSON.stringify(document, undefined, 2) + '\n');
    }
});

test('toJsonText leaves a document that looks like its placeholder alone', () => {
    const document = { text: '\u0000mcred-shared-0', other: '"\\u0000mcred-shared-1"' };
    expect(toJsonText(document)).toBe(JSON.stringify(document, undefined, 2) + '\n');
});
