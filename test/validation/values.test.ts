import { describe, expect, test } from 'vitest';
import { dateProblem } from '../../language-server/validation/value-checks.js';
import { checkEmailAddress, checkIdentifierUri, checkWebAddress, looksLikeLink } from '../../language-server/validation/uri-syntax.js';
import { check, edit, EXAMPLE, severityName, withCode } from '../support/validate.js';

const codesOf = async (text: string) => (await check(text)).codes;

describe('value-ects', () => {
    test('above 60 ECTS is a warning, 60 is fine, a pathway may be larger', async () => {
        const big = await check(edit(EXAMPLE, 'workload 5 ects', 'workload 61 ects'));
        expect(withCode(big, 'value-ects').map(severityName)).toEqual(['warning']);
        expect(await codesOf(edit(EXAMPLE, 'workload 5 ects', 'workload 60 ects'))).toEqual([]);
        const pathway = edit(EXAMPLE, 'workload 5 ects', 'workload 61 ects').replace('    level eqf 6                         // workload', '    workload 61 ects\n    level eqf 6 //');
        expect(withCode(await check(pathway), 'value-ects')).toHaveLength(1);
    });

    test('zero or negative ECTS and hours are errors', async () => {
        const negative = await check(edit(EXAMPLE, 'workload 5 ects', 'workload -5 ects\n    hours 0'));
        expect(withCode(negative, 'value-ects').map(severityName)).toEqual(['error', 'error']);
    });
});

describe('value-workload-consistency', () => {
    test.each([[125, false], [150, false], [124, true], [151, true]])('%i hours for 5 ECTS: fires %s', async (hours, fires) => {
        const { codes } = await check(edit(EXAMPLE, 'workload 5 ects', `workload 5 ects\n    hours ${hours}`));
        expect(codes.includes('value-workload-consistency')).toBe(fires);
    });
});

describe('value-eqf', () => {
    test('a level outside 1–8, or not a whole number', async () => {
        expect(await codesOf(edit(EXAMPLE, '    level eqf 6\n    field', '    level eqf 0\n    field'))).toEqual(['value-eqf']);
        expect(await codesOf(edit(EXAMPLE, '    level eqf 6\n    field', '    level eqf 6.5\n    field'))).toEqual(['value-eqf']);
    });

    test('two EQF levels, a contradicting QF-EHEA cycle, or a level beside `none`', async () => {
        expect(await codesOf(edit(EXAMPLE, '    level eqf 6\n    field', '    level eqf 6\n    level eqf 7\n    field'))).toEqual(['value-eqf']);
        expect(await codesOf(edit(EXAMPLE, '    level eqf 6\n    field', '    level eqf 6\n    level qf-ehea second\n    field'))).toEqual(['value-eqf']);
        expect(await codesOf(edit(EXAMPLE, '    level eqf 6\n    field', '    level eqf 6\n    level none "not applicable"\n    field'))).toEqual(['value-eqf']);
    });

    test('a matching QF-EHEA cycle beside the EQF level is fine', async () => {
        expect(await codesOf(edit(EXAMPLE, '    level eqf 6\n    field', '    level eqf 6\n    level qf-ehea first\n    field'))).toEqual([]);
    });
});

describe('controlled codes carry "did you mean" suggestions', () => {
    test.each([
        ['value-country', 'country IT', 'country it', 'IT'],
        ['value-language', 'language en', 'language EN', 'en'],
        ['value-isced-f', 'field "0223"', 'field "0224"', '0220'],
        ['value-fee', 'fee 300 EUR', 'fee 300 eur', 'EUR']
    ])('%s', async (code, from, to, suggestion) => {
        const [diagnostic] = withCode(await check(edit(EXAMPLE, from, to)), code);
        expect((diagnostic?.data as { suggestions: string[] }).suggestions[0]).toBe(suggestion);
        expect(diagnostic?.message).toContain(`did you mean ${suggestion}`);
    });

    test('several languages: each wrong one is reported at its place', async () => {
        const checked = await check(edit(EXAMPLE, 'language en', 'language en, xx, it'));
        expect(withCode(checked, 'value-language')).toHaveLength(1);
    });

    test('a negative fee', async () => {
        expect(await codesOf(edit(EXAMPLE, 'fee 300 EUR', 'fee -1 EUR'))).toEqual(['value-fee']);
        expect(await codesOf(edit(EXAMPLE, 'fee 300 EUR', 'fee 0 EUR'))).toEqual([]);
    });
});

describe('value-date and value-duration', () => {
    test.each([
        ['2026-06-30', undefined], ['2024-02-29', undefined], ['2026-02-29', 'is not a calendar date (2026-02 has no day 29)'],
        ['2026-13-01', 'is not a calendar date (there is no month 13)'], ['2026-6-30', 'is not written YYYY-MM-DD: write 2026-06-30']
    ])('%s', (value, problem) => {
        expect(dateProblem(value)?.problem).toBe(problem);
    });

    test('a one-digit month gets the padded date as the fix', async () => {
        const [diagnostic] = withCode(await check(edit(EXAMPLE, 'issued 2026-06-30', 'issued 2026-6-30')), 'value-date');
        expect(diagnostic?.data).toMatchObject({ suggestion: '2026-06-30' });
    });

    test('a review cycle of zero years', async () => {
        expect(await codesOf(edit(EXAMPLE, 'review every 2 years', 'review every 0 years'))).toEqual(['value-duration']);
    });
});

describe('value-url', () => {
    test.each([
        ['https://www.unifi.it', undefined], ['http://localhost/x', undefined], ['www.unifi.it', 'https://www.unifi.it'],
        ['ftp://files.unifi.it', null], ['https://', null], ['unifi', null]
    ])('web address %s', (value, expected) => {
        const problem = checkWebAddress(value);
        if (expected === undefined) expect(problem).toBeUndefined();
        else expect(problem?.suggestion ?? null).toBe(expected);
    });

    test.each([
        ['mailto:jane.doe@example.org', true], ['did:example:123', true], ['urn:uuid:1234', true], ['https://orcid.org/0000-0001', true],
        ['http://data.europa.eu/esco/skill/abc', true], ['jane.doe@example.org', false], ['did:', false], ['mailto:jane', false], ['Jane Doe', false]
    ])('identifier %s valid: %s', (value, valid) => {
        expect(checkIdentifierUri(value) === undefined).toBe(valid);
    });

    test('a bare e-mail address as learner id gets `mailto:` as the fix', async () => {
        const [diagnostic] = withCode(await check(edit(EXAMPLE, '"mailto:jane.doe@example.org"', '"jane.doe@example.org"')), 'value-url');
        expect(diagnostic?.data).toMatchObject({ suggestion: 'mailto:jane.doe@example.org' });
    });

    test('furtherInfo is checked only when it is meant as a link', async () => {
        expect(looksLikeLink('See the programme handbook')).toBe(false);
        expect(looksLikeLink('www.unifi.it/micro')).toBe(true);
        expect(await codesOf(edit(EXAMPLE, '"https://www.unifi.it/micro/ai-ethics"', '"Ask the School office"'))).toEqual([]);
        expect(await codesOf(edit(EXAMPLE, '"https://www.unifi.it/micro/ai-ethics"', '"www.unifi.it/micro/ai-ethics"'))).toEqual(['value-url']);
    });

    test('skill URIs and provider e-mail', async () => {
        expect(await codesOf(edit(EXAMPLE, 'skill "http://data.europa.eu', 'skill "data.europa.eu'))).toEqual(['value-url']);
        expect(await codesOf(edit(EXAMPLE, '    region "Toscana"', '    region "Toscana"\n    email "info@unifi.it"'))).toEqual([]);
        expect(await codesOf(edit(EXAMPLE, '    region "Toscana"', '    region "Toscana"\n    email "info at unifi"'))).toEqual(['value-url']);
        expect(checkEmailAddress('mailto:info@unifi.it')).toBeUndefined();
    });
});

describe('suggestions know other spellings of a code', () => {
    test.each([
        ['value-country', 'country IT', 'country DEU', 'DE'],
        ['value-country', 'country IT', 'country Italy', 'IT'],
        ['value-country', 'country IT', 'country GER', 'DE'],
        ['value-language', 'language en', 'language eng', 'en'],
        ['value-language', 'language en', 'language German', 'de']
    ])('%s: %s ← %s suggests %s first', async (code, from, to, first) => {
        const [diagnostic] = withCode(await check(edit(EXAMPLE, from, to)), code);
        expect((diagnostic?.data as { suggestions: string[] }).suggestions[0]).toBe(first);
    });
});

describe('value-did', () => {
    const KEY = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    test.each([
        ['did:web:www.unifi.it', false],
        ['did:web:example.org%3A8443:issuers:ai', false],
        [KEY, false],
        ['https://www.unifi.it', true],
        ['did:web:WWW.UNIFI.IT', true],
        ['did:key:z6Mk123', true],
        ['did:ethr:0xb9c5714089478a327f09197987f16f9e5d936e8a', true],
        ['unifi', true]
    ])('%s: fires %s', async (did, fires) => {
        const { codes } = await check(edit(EXAMPLE, '    region "Toscana"', `    region "Toscana"\n    did "${did}"`));
        expect(codes).toEqual(fires ? ['value-did'] : []);
    });

    test('a web address gets its did:web as the suggestion', async () => {
        const [diagnostic] = withCode(await check(edit(EXAMPLE, '    region "Toscana"', '    region "Toscana"\n    did "https://www.unifi.it/"')), 'value-did');
        expect(diagnostic.message).toContain('is a web address, not a DID');
        expect((diagnostic.data as { facts?: { suggestion?: string } }).facts?.suggestion ?? JSON.stringify(diagnostic.data)).toContain('did:web:www.unifi.it');
    });
});
