// The offline validators must be able to fail: each is shown a broken document and the official
// samples, so a green export test means something.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportFiles } from '../support/export-fixtures.js';
import {
    expandSafely, localDocumentLoader, validateElmShacl, validateOb3Achievement, validateOb3Credential
} from '../support/offline-validators.js';

const EXAMPLE = 'test/fixtures/language-md-example.mcred';
const readJson = (file: string) => JSON.parse(readFileSync(path.join('standards', file), 'utf8')) as Record<string, unknown>;

async function firstDocument(format: 'ob3' | 'elm'): Promise<Record<string, unknown>> {
    const plan = await exportFiles([EXAMPLE], { format });
    return JSON.parse(plan.documents[0].text) as Record<string, unknown>;
}

describe('JSON-LD document loader', () => {
    test('serves the local copy of a known context', async () => {
        const loaded = await localDocumentLoader('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json');
        expect(loaded.document).toHaveProperty('@context');
    });

    test('refuses any other URL instead of fetching it', async () => {
        await expect(localDocumentLoader('https://example.org/context.json')).rejects.toThrow(/refusing to fetch/);
        await expect(expandSafely({ '@context': 'https://example.org/context.json', 'name': 'x' })).rejects.toThrow();
    });
});

describe('OB 3.0 validators', () => {
    test('the official micro-credential example passes', async () => {
        const example = readJson('ob3/examples-thirdparty/mynextid-open-badge-mc-example.json');
        expect(validateOb3Credential(example).errors).toEqual([]);
        await expect(expandSafely(example)).resolves.toBeDefined();
    });

    test('a credential without validFrom or an achievement without criteria fails the schema', async () => {
        const document = await firstDocument('ob3');
        const { validFrom: _validFrom, ...withoutDate } = document;
        expect(validateOb3Credential(withoutDate).valid).toBe(false);
        const subject = document['credentialSubject'] as { achievement: Record<string, unknown> };
        const { criteria: _criteria, ...achievement } = subject.achievement;
        expect(validateOb3Achievement(achievement).errors.join('\n')).toMatch(/criteria/);
    });

    test('a term no context defines is rejected by safe-mode expansion', async () => {
        const document = await firstDocument('ob3');
        await expect(expandSafely({ ...document, ectsCredits: 5 })).rejects.toThrow(/Safe mode/);
    });
});

describe('EDC SHACL validator', () => {
    test('the EC micro-credential sample fails only on what the sealing service adds', async () => {
        const violations = await validateElmShacl(readJson('elm/samples/Sample-MC-Annex1-unsigned.jsonld'), 'no-cv');
        expect(violations.map(v => v.path).sort()).toEqual([
            'https://www.w3.org/2018/credentials#issued',
            'https://www.w3.org/2018/credentials#issuer'
        ]);
    });

    test('a learning outcome without title and a claim without awarding process are violations', async () => {
        const document = await firstDocument('elm');
        const broken = JSON.parse(JSON.stringify(document)) as {
            credentialSubject: { hasClaim: Array<Record<string, unknown> & { specifiedBy: { learningOutcome: Array<Record<string, unknown>> } }> };
        };
        const claim = broken.credentialSubject.hasClaim[0];
        delete claim['awardedBy'];
        delete claim.specifiedBy.learningOutcome[0]['title'];
        const paths = (await validateElmShacl(broken, 'no-cv')).map(v => v.path);
        expect(paths).toContain('http://data.europa.eu/snb/model/elm/awardedBy');
        expect(paths).toContain('http://purl.org/dc/terms/title');
    });

    test('a concept outside its controlled vocabulary is a violation of the full profile', async () => {
        const document = await firstDocument('elm');
        const text = JSON.stringify(document).replaceAll('http://data.europa.eu/snb/eqf/25831c2', 'http://example.org/not-eqf');
        expect(text).not.toBe(JSON.stringify(document));
        const full = await validateElmShacl(JSON.parse(text), 'full');
        const noCv = await validateElmShacl(JSON.parse(text), 'no-cv');
        expect(full.length).toBeGreaterThan(noCv.length);
    });
});
