import { describe, expect, test } from 'vitest';
import {
    ASSESSMENT_TYPES, COUNTRIES, CURRENCIES, ECTS_CREDIT_SYSTEM, EQF_LEVELS, ESCO_SKILLS, ISCED_F_FIELDS, LANGUAGES,
    LEARNING_SETTINGS, PARTICIPATION_MODES, SUPERVISION_TYPES, distance
} from '../../language-server/vocab/index.js';

describe('controlled vocabularies', () => {
    test('EQF has exactly levels 1 to 8 with Europass URIs and descriptors', () => {
        expect(EQF_LEVELS.concepts.map(l => l.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
        expect(EQF_LEVELS.get('6')?.uri).toBe('http://data.europa.eu/snb/eqf/6');
        expect(EQF_LEVELS.get('6')?.description).toMatch(/^Knowledge: Advanced knowledge/);
        expect(EQF_LEVELS.has('9')).toBe(false);
    });

    test('ISCED-F 2013 holds broad, narrow and detailed fields', () => {
        expect(ISCED_F_FIELDS.concepts).toHaveLength(220);
        expect(ISCED_F_FIELDS.get('0223')).toMatchObject({ label: 'Philosophy and ethics', level: 'detailed', parent: '022' });
        expect(ISCED_F_FIELDS.has('0224')).toBe(false);
    });

    test('countries, languages and currencies', () => {
        expect(COUNTRIES.get('IT')).toMatchObject({ label: 'Italy', uri: 'http://publications.europa.eu/resource/authority/country/ITA' });
        expect(LANGUAGES.get('id')?.label).toBe('Indonesian');
        expect(LANGUAGES.get('en')?.uri).toBe('http://publications.europa.eu/resource/authority/language/ENG');
        expect(CURRENCIES.has('EUR')).toBe(true);
        expect(CURRENCIES.has('EURO')).toBe(false);
    });

    test('every assessment keyword of the grammar maps to a Europass assessment concept', () => {
        expect(ASSESSMENT_TYPES.concepts).toHaveLength(17);
        for (const type of ASSESSMENT_TYPES.concepts) {
            expect(type.uri, type.code).toMatch(/^http:\/\/data\.europa\.eu\/snb\/assessment\//);
        }
        expect(PARTICIPATION_MODES.get('blended')?.uri).toBe('http://data.europa.eu/snb/learning-assessment/e92d221e4d');
        expect(LEARNING_SETTINGS.get('non-formal')?.uri).toBe('http://data.europa.eu/snb/learning-setting/e207a81fc7');
        expect(SUPERVISION_TYPES.get('supervised-with-id')?.uri).toBe('http://data.europa.eu/snb/supervision-verification/70be69aaf9');
        expect(ECTS_CREDIT_SYSTEM.uri).toBe('http://data.europa.eu/snb/education-credit/6fcec5c5af');
    });

    test('ESCO subset is keyed by URI', () => {
        const skill = ESCO_SKILLS.get('http://data.europa.eu/esco/skill/b2f925ed-3ebd-4f78-b98e-d5d4678e83b5');
        expect(skill?.label).toBeTruthy();
        expect(ESCO_SKILLS.concepts.length).toBeGreaterThan(100);
    });

    test('suggestions: case first, then near codes and labels', () => {
        expect(COUNTRIES.suggest('it')[0]?.code).toBe('IT');
        expect(COUNTRIES.suggest('Italy')[0]?.code).toBe('IT');
        expect(LANGUAGES.suggest('eng').map(l => l.code)).toContain('en');
        expect(ISCED_F_FIELDS.suggest('0224', 5).map(f => f.code)).toContain('0223');
        expect(COUNTRIES.suggest('qqqqqqqq')).toEqual([]);
        expect(distance('kitten', 'sitting')).toBe(3);
    });
});
