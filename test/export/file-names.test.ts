import { expect, test } from 'vitest';
import { credentialFileName, safeFileNamePart, templateFileName } from '../../language-server/export/file-names.js';

test.each([
    ['../../etc/x', 'etc-x'],
    ['..\\..\\Windows\\System32', 'Windows-System32'],
    ['José Müller-Lüdenscheidt', 'Jose-Muller-Ludenscheidt'],
    ['Anna "Nina" Verdi', 'Anna-Nina-Verdi'],
    ['/', ''],
    ['..', ''],
    ['李小龍', ''],
    ['a'.repeat(200), 'a'.repeat(60)]
])('safeFileNamePart(%j) = %j (or the fallback)', (input, expected) => {
    expect(safeFileNamePart(input, '')).toBe(expected);
    expect(safeFileNamePart(input, 'learner')).toBe(expected || 'learner');
});

test('credential file names combine credential, learner and the credential id, and never contain a path', () => {
    const name = credentialFileName('AIDigitalEthics', '../../etc/x', 'urn:uuid:8df780bc-fd34-54b1-bc8f-48de4711345f', '.ob3.json');
    expect(name).toBe('AIDigitalEthics_etc-x_8df780bc.ob3.json');
    expect(credentialFileName('C', '李小龍', 'urn:uuid:00000000-0000-5000-8000-000000000000', '.elm.jsonld')).toBe('C_learner_00000000.elm.jsonld');
    expect(templateFileName('AIDigitalEthics', '.elm.jsonld')).toBe('AIDigitalEthics.template.elm.jsonld');
});
