import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { isMicroCredential, isPathway } from '../../language-server/generated/ast.js';
import { credentialModel, durationModel } from '../../language-server/model/credential-model.js';

async function modelOf(text: string, name?: string) {
    const { documents } = await loadWorkspace([{ path: '/virtual/programme.mcred', text }]);
    const elements = documents.flatMap(d => d.parseResult.value.elements);
    const credential = elements.filter(isMicroCredential).find(c => name === undefined || c.name === name)!;
    return credentialModel(credential, elements.filter(isPathway));
}

describe('credentialModel', () => {
    test('resolves the reference example of docs/language.md against the vocabularies', async () => {
        const model = await modelOf(readFileSync('test/fixtures/language-md-example.mcred', 'utf8'));
        expect(model).toMatchObject({
            name: 'AIDigitalEthics',
            title: 'AI & Digital Ethics',
            language: { code: 'en', uri: 'http://publications.europa.eu/resource/authority/language/ENG' },
            awardingBodies: [{ name: 'UNIFI', legalName: 'University of Florence', country: { code: 'IT', alpha3: 'ITA' }, region: 'Toscana' }],
            level: { eqf: { code: '6', uri: 'http://data.europa.eu/snb/eqf/6' } },
            fields: [{ code: '0223', uri: 'http://data.europa.eu/snb/isced-f/0223' }],
            workload: { ects: 5 },
            duration: { amount: 6, unit: 'weeks', iso: 'P42D', text: '6 weeks' },
            participation: { code: 'blended', uri: 'http://data.europa.eu/snb/learning-assessment/e92d221e4d' },
            setting: { code: 'non-formal' },
            prerequisites: 'Bachelor degree, or two years of professional experience',
            stacksInto: [{ name: 'AILiteracyPathway', title: 'AI Literacy for Professionals', kind: 'pathway', ects: 5 }]
        });
        expect(model.outcomes[1]).toEqual({
            name: 'LO2',
            statement: 'Evaluate an AI application against the EU AI Act risk categories',
            skills: [{ uri: 'http://data.europa.eu/esco/skill/b2f925ed-3ebd-4f78-b98e-d5d4678e83b5', label: 'follow ethical code of conduct' }]
        });
        expect(model.assessments[0]).toMatchObject({
            name: 'Audit', type: { code: 'project' }, covers: ['LO1', 'LO2'], supervision: { code: 'supervised-with-id' }, grading: 'pass/fail'
        });
        expect(model.qualityAssurance?.procedures.map(p => p.text)).toEqual([
            "Internal, ex ante: Design approved by the School's QA committee",
            'External, ex post by ANVUR (ESG 2015 Part 1)'
        ]);
        expect(model.qualityAssurance?.review?.text).toBe('every 2 years');
        expect(model.business?.fee).toEqual({ amount: 300, currency: 'EUR' });
    });

    test('defaults: title from the name, no language guessed, no optional property present when not stated', async () => {
        const model = await modelOf('microcredential Bare { }');
        expect(model.title).toBe('Bare');
        expect(model.language).toBeUndefined();
        expect(model.languages).toEqual([]);
        expect(model.workload).toEqual({});
        for (const key of ['description', 'duration', 'participation', 'qualityAssurance', 'audience', 'format', 'business', 'prerequisites']) {
            expect(model, key).not.toHaveProperty(key);
        }
        expect(model.stacksInto).toEqual([]);
    });

    test('a level that does not apply keeps its reason; a pathway without ECTS sums its parts', async () => {
        const model = await modelOf(`
            microcredential A { level none "Workplace learning outside any framework" workload 3 ects stackable into P }
            microcredential B { workload 2 ects }
            pathway P { title "Pathway" includes A, B level eqf 5 }
        `, 'A');
        expect(model.level).toEqual({ notApplicable: 'Workplace learning outside any framework' });
        expect(model.stacksInto).toMatchObject([{ name: 'P', ects: 5, eqf: { code: '5' } }]);
    });
});

test.each([
    [3, 'hours', 'PT3H', '3 hours'],
    [1, 'day', 'P1D', '1 day'],
    [2, 'weeks', 'P14D', '2 weeks'],
    [6, 'months', 'P6M', '6 months'],
    [1, 'year', 'P1Y', '1 year']
] as const)('durationModel(%d %s) is %s', (amount, unit, iso, text) => {
    expect(durationModel(amount, unit)).toMatchObject({ iso, text });
});
