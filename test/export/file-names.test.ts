import { expect, test } from 'vitest';
import { credentialFileName, duplicateFileNames, safeFileNamePart, templateFileName } from '../../language-server/export/file-names.js';

test.each([
    ['../../etc/x', 'etc-x'],
    ['..\\..\\Windows\\System32', 'Windows-System32'],
    ['José Müller-Lüdenscheidt', 'Jose-Muller-Ludenscheidt'],
    ['Anna "Nina" Verdi', 'Anna-Nina-Verdi'],
    ['/', ''],
    ['..', ''],
    ['李小龍', '李小龍'],
    ['王 伟', '王-伟'],
    ['CON', 'CON_'],
    ['lpt1', 'lpt1_'],
    ['a'.repeat(200), 'a'.repeat(60)]
])('safeFileNamePart(%j) = %j (or the fallback)', (input, expected) => {
    expect(safeFileNamePart(input, '')).toBe(expected);
    expect(safeFileNamePart(input, 'learner')).toBe(expected || 'learner');
});

test('credential file names combine credential, learner and the credential id, and never contain a path', () => {
    const name = credentialFileName('AIDigitalEthics', '../../etc/x', 'urn:uuid:8df780bc-fd34-54b1-bc8f-48de4711345f', '.ob3.json');
    expect(name).toBe('AIDigitalEthics_etc-x_8df780bcfd3454b1bc8f48de4711345f.ob3.json');
    expect(credentialFileName('C', '李小龍', 'urn:uuid:00000000-0000-5000-8000-000000000000', '.elm.jsonld')).toBe('C_李小龍_00000000000050008000000000000000.elm.jsonld');
    expect(templateFileName('AIDigitalEthics', '.elm.jsonld')).toBe('AIDigitalEthics.template.elm.jsonld');
    expect(credentialFileName('C', '?', 'urn:uuid:00000000-0000-5000-8000-000000000000', '.ob3.json')).toBe('C_learner_00000000000050008000000000000000.ob3.json');
    expect(templateFileName('Con', '.ob3.json')).toBe('Con_.template.ob3.json');
});

test('a long name in any script is cut to at most 60 bytes of UTF-8, between characters', () => {
    const part = safeFileNamePart('王'.repeat(100), 'learner');
    expect(Buffer.byteLength(part)).toBeLessThanOrEqual(60);
    expect(part).toBe('王'.repeat(20));
});

test('duplicateFileNames compares names as Windows and macOS do: case-insensitive, after NFC', () => {
    const names = ['C.template.ob3.json', 'c.template.ob3.json', 'Jos\u00e9.json', 'Jose\u0301.json', 'other.json'];
    expect(duplicateFileNames(names, n => n).map(c => [c.first, c.second])).toEqual([
        ['C.template.ob3.json', 'c.template.ob3.json'],
        ['Jos\u00e9.json', 'Jose\u0301.json']
    ]);
});

test('the fast path of printable ASCII names gives what the general (Unicode) rules give', () => {
    // The general rules, as they apply to any text.
    const general = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFC')
        .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-').replace(/-{2,}/g, '-').replace(/^[-_.\p{M}]+|[-_.]+$/gu, '')
        .slice(0, 60).replace(/[-_]+$/g, '');
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ' !"#$%&\'()*+,-./0123456789:;<=>?@AZaz[\\]^_`{|}~-_.. ';
    for (let i = 0; i < 5_000; i++) {
        const length = Math.floor(random() * 80);
        const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
        const expected = general(text);
        expect(safeFileNamePart(text, 'fallback'), JSON.stringify(text)).toBe(expected === '' ? 'fallback' : /^(?:CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])$/i.test(expected) ? `${expected}_` : expected);
    }
});
