import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isMicroCredential, isProvider, type MicroCredential, type Provider } from '../../language-server/generated/ast.js';
import { ob3Credential } from '../../language-server/export/ob3.js';
import { parseRoster } from '../../language-server/export/roster.js';
import { credentialModel } from '../../language-server/model/credential-model.js';
import { issuerCountries } from '../../language-server/model/issuer-countries.js';
import { exportFiles } from '../support/export-fixtures.js';
import { check, edit, withCode } from '../support/validate.js';

// What real programmes need (docs/language.md: translations, modules, alliances, assessments,
// cohorts): the second-edition example, each new check firing and silent, and the exports.
const WITH_HOLE = readFileSync('test/fixtures/second-edition-example.mcred', 'utf8');
const FILLED_FILE = 'test/fixtures/export/second-edition.mcred';
const FILLED = readFileSync(FILLED_FILE, 'utf8');
type LangMap = Record<string, string>;
/** The parts of an ELM credential these tests read. */
interface ElmCredential {
    credentialSubject: {
        givenName: LangMap;
        familyName: LangMap;
        hasClaim: Array<{ title: LangMap; specifiedBy: ElmSpecification }>;
    };
}
interface ElmSpecification {
    title: LangMap;
    learningOutcome: Array<{ id: string; title: LangMap }>;
    hasPart: Array<{
        type: string; isPartialQualification: boolean; title: LangMap; creditPoint: Array<{ point: string }>; learningOutcome: Array<{ id: string }>;
    }>;
    provenBy: Array<{ title: LangMap }>;
    additionalNote: Array<{ noteLiteral: LangMap }>;
}

const errors = (checked: Awaited<ReturnType<typeof check>>) =>
    [...new Set(checked.diagnostics.filter(d => d.severity === 1).map(d => String(d.code)))].sort();

function credentialOf(checked: Awaited<ReturnType<typeof check>>, name: string): MicroCredential {
    return checked.documents.flatMap(d => d.parseResult.value.elements).find((e): e is MicroCredential => isMicroCredential(e) && e.name === name)!;
}

describe('the second-edition example (providers KUL and UNIBO added)', () => {
    test('parses without a syntax error; its only error is the hole `level ?`', async () => {
        const checked = await check(WITH_HOLE);
        expect(checked.documents[0].parseResult.parserErrors).toEqual([]);
        expect(checked.documents[0].parseResult.lexerErrors).toEqual([]);
        // `value-hole` comes with the holes check; until then the hole counts as a missing level.
        expect(errors(checked).filter(code => code !== 'value-hole' && code !== 'eu-level')).toEqual([]);
        expect(errors(checked).length).toBeGreaterThan(0);
    });

    test('the fixture with the hole filled is exactly the example with `level eqf 6`', () => {
        const body = (text: string) => text.slice(text.indexOf('provider UnaEuropa'));
        expect(body(FILLED)).toBe(body(edit(WITH_HOLE, /(?<=\n {4})level \?[^\n]*/, 'level eqf 6                         // the hole of ../second-edition-example.mcred, filled')));
    });

    test('with the hole filled it has no error', async () => {
        expect(errors(await check(FILLED))).toEqual([]);
    });

    test('its Europass export carries the Finnish title and outcome, the module as a part and the assessment title', async () => {
        const plan = await exportFiles([FILLED_FILE], { format: 'elm' });
        expect(plan.problems).toEqual([]);
        const json = JSON.parse(plan.documents[0].text) as ElmCredential;
        const spec = json.credentialSubject.hasClaim[0].specifiedBy;
        expect(spec.title).toEqual({ en: 'Micro-credential in Sustainability', fi: 'Kestävyyden mikrotutkinto' });
        expect(json.credentialSubject.hasClaim[0].title.fi).toBe('Kestävyyden mikrotutkinto');
        expect(spec.learningOutcome[0].title).toEqual({ en: 'Explain the planetary boundaries', fi: 'Selittää planeetan rajat' });
        expect(spec.hasPart).toHaveLength(1);
        expect(spec.hasPart[0]).toMatchObject({ type: 'Qualification', isPartialQualification: true, title: { en: 'Climate.now' } });
        expect(spec.hasPart[0].creditPoint[0].point).toBe('2');
        expect(spec.hasPart[0].learningOutcome[0].id).toBe(spec.learningOutcome[0].id);
        expect(spec.provenBy[0].title).toEqual({ en: 'Weekly quizzes' });
        expect(json.credentialSubject.givenName).toEqual({ en: 'Jane' });
        expect(json.credentialSubject.familyName).toEqual({ en: 'Doe' });
        const notes = spec.additionalNote.map(n => n.noteLiteral.en).join('\n');
        expect(notes).toContain('KU Leuven');
        expect(notes).toContain('contributing provider (does not award)');
    });

    test('its Open Badge uses the first language and carries the translations, modules and partners in the narrative', async () => {
        const checked = await check(FILLED);
        const model = credentialModel(credentialOf(checked, 'Sustainability'));
        const badge = ob3Credential(model, { learner: { fullName: 'Jane Doe', identifier: 'did:example:jane' }, issued: '2027-05-15' });
        const achievement = (badge['credentialSubject'] as { achievement: { name: string; criteria: { narrative: string } } }).achievement;
        expect(achievement.name).toBe('Micro-credential in Sustainability');
        expect(achievement.criteria.narrative).toContain('Finnish (fi) — title: Kestävyyden mikrotutkinto');
        expect(achievement.criteria.narrative).toContain('Finnish (fi) — LO1: Selittää planeetan rajat');
        expect(achievement.criteria.narrative).toContain('Climate.now; 2 ECTS; provided by University of Helsinki; covers LO1');
        expect(achievement.criteria.narrative).toContain('Weekly quizzes: quiz; 30% of the grade');
    });
});

const BASE = `provider P {
    name "P"
    country FI
}

microcredential M {
    title "Sustainability"
    title "Kestävyys"@fi
    awardedBy P
    language en, fi
    workload 4 ects
    outcome LO1 "Explain the planetary boundaries" "Selittää planeetan rajat"@fi
    module A {
        title "Climate"
        workload 2 ects
        covers LO1
    }
    module B {
        workload 2 ects
    }
    assessment Q {
        weight 40%
    }
    assessment E {
        weight 60%
    }
}

cohort C of M {
    period 2027-02-01 to 2027-04-30
    capacity 45
}
`;

describe('the checks of real programmes', () => {
    test('a complete bilingual programme raises none of them', async () => {
        const codes = (await check(BASE)).codes;
        for (const code of ['i18n-missing', 'i18n-unknown-language', 'module-ects-sum', 'assessment-weights', 'value-capacity', 'value-date', 'ref-unresolved']) {
            expect(codes).not.toContain(code);
        }
    });

    test('i18n-missing: the title or an outcome statement lacks a language of `language`', async () => {
        const checked = await check(edit(BASE, ' "Selittää planeetan rajat"@fi', ''));
        expect(withCode(checked, 'i18n-missing').map(d => d.message)).toEqual([expect.stringMatching(/^Outcome LO1 has no Finnish statement/)]);
        const title = await check(edit(BASE, '    title "Kestävyys"@fi\n', ''));
        expect(withCode(title, 'i18n-missing')[0].message).toMatch(/its title has no Finnish text: add `title "…"@fi`/);
        // One language: nothing to translate.
        expect((await check(edit(edit(BASE, 'language en, fi', 'language en'), /"Selittää[^\n]*@fi/, ''))).codes).not.toContain('i18n-missing');
    });

    test('i18n-unknown-language: not an ISO 639-1 code, or not listed in `language`', async () => {
        const bad = await check(edit(BASE, '"Kestävyys"@fi', '"Kestävyys"@fin'));
        expect(withCode(bad, 'i18n-unknown-language')[0].message).toMatch(/'@fin' is not an ISO 639-1/);
        const unlisted = await check(edit(BASE, '"Kestävyys"@fi', '"Hållbarhet"@sv'));
        expect(withCode(unlisted, 'i18n-unknown-language')[0].message).toMatch(/'@sv', which is not a language of the credential \(en, fi\)/);
        expect(withCode(unlisted, 'i18n-unknown-language')[0].severity).toBe(1);
    });

    test('an invalid or unlisted translation is not exported', async () => {
        const checked = await check(edit(BASE, '"Kestävyys"@fi', '"Hållbarhet"@sv'));
        expect(credentialModel(credentialOf(checked, 'M')).titleTranslations).toBeUndefined();
        expect(credentialModel(credentialOf(await check(BASE), 'M')).titleTranslations).toEqual({ fi: 'Kestävyys' });
    });

    test("module-ects-sum: the modules' ECTS differ from the workload; silent when a module states none", async () => {
        const checked = await check(edit(BASE, 'workload 4 ects\n    outcome', 'workload 5 ects\n    outcome'));
        expect(withCode(checked, 'module-ects-sum')[0].message).toMatch(/modules add up to 4 ECTS \(A 2 \+ B 2\), but the credential states 5/);
        expect(withCode(checked, 'module-ects-sum')[0].severity).toBe(2);
        expect((await check(edit(edit(BASE, 'workload 4 ects\n    outcome', 'workload 5 ects\n    outcome'), '        workload 2 ects\n    }\n    assessment', '    }\n    assessment'))).codes).not.toContain('module-ects-sum');
    });

    test('a module covers the outcomes of its credential, and an unknown one is unresolved', async () => {
        const checked = await check(BASE);
        expect(credentialOf(checked, 'M').modules[0].covers[0].ref?.name).toBe('LO1');
        expect((await check(edit(BASE, 'covers LO1', 'covers LO9'))).codes).toContain('ref-unresolved');
    });

    test('assessment-weights: stated weights that do not sum to 100, or a weight out of range', async () => {
        const checked = await check(edit(BASE, 'weight 60%', 'weight 50%'));
        expect(withCode(checked, 'assessment-weights')[0].message).toMatch(/add up to 90% \(Q 40% \+ E 50%\), not 100%/);
        expect((await check(edit(BASE, 'weight 60%', 'weight 160%'))).codes).toContain('assessment-weights');
    });

    test('value-date on a period that ends before it starts or is not a date; value-capacity', async () => {
        expect(withCode(await check(edit(BASE, 'period 2027-02-01 to 2027-04-30', 'period 2027-04-30 to 2027-02-01')), 'value-date')[0].message)
            .toMatch(/ends \(2027-02-01\) before it starts \(2027-04-30\)/);
        expect((await check(edit(BASE, 'to 2027-04-30', 'to 2027-04-31'))).codes).toContain('value-date');
        expect((await check(edit(BASE, 'period 2027-02-01 to 2027-04-30', 'period 2027-02-01 to 2027-02-01'))).codes).not.toContain('value-date');
        expect((await check(edit(BASE, 'capacity 45', 'capacity 0'))).codes).toContain('value-capacity');
        expect((await check(edit(BASE, 'capacity 45', 'capacity 4.5'))).codes).toContain('value-capacity');
    });
});

describe('alliances: the issuer country of Annex I element 3', () => {
    const ALLIANCE = `provider A {
    name "Alliance"
    kind alliance
    members X, Y
}

provider X {
    name "X"
    country FI
}

provider Y {
    name "Y"
    country IT
}

microcredential M {
    title "M"
    awardedBy A
}
`;
    const provider = (checked: Awaited<ReturnType<typeof check>>, name: string) =>
        checked.documents[0].parseResult.value.elements.find((e): e is Provider => isProvider(e) && e.name === name)!;

    test('an alliance without a country of its own takes its members\' countries', async () => {
        const checked = await check(ALLIANCE);
        expect(issuerCountries(provider(checked, 'A'))).toEqual(['FI', 'IT']);
        expect(checked.codes).not.toContain('eu-country');
    });

    test('when a member states no country, the alliance must state its own', async () => {
        const checked = await check(edit(ALLIANCE, '    country IT\n', ''));
        expect(issuerCountries(provider(checked, 'A'))).toEqual([]);
        expect(withCode(checked, 'eu-country')[0].message).toMatch(/Alliance 'A' awards this credential but states no country, and not every member does \(Y\)/);
        const own = await check(edit(edit(ALLIANCE, '    country IT\n', ''), '    kind alliance\n', '    kind alliance\n    country BE\n'));
        expect(issuerCountries(provider(own, 'A'))).toEqual(['BE']);
        expect(own.codes).not.toContain('eu-country');
    });

    test('a provider that is not an alliance needs its own country', async () => {
        const checked = await check(edit(ALLIANCE, '    kind alliance\n', '    kind university\n'));
        expect(issuerCountries(provider(checked, 'A'))).toEqual([]);
        expect(checked.codes).toContain('eu-country');
    });
});

describe('rosters', () => {
    test('given and family columns become the given and family names', () => {
        const roster = parseRoster('name,id,grade,given,family\nJane Doe,mailto:jane@example.org,pass,Jane,Doe\n', 'r.csv');
        expect(roster.problems).toEqual([]);
        expect(roster.learners[0]).toMatchObject({ fullName: 'Jane Doe', givenName: 'Jane', familyName: 'Doe' });
    });
});
