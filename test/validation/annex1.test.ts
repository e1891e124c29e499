import { readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { expectError, expectNoIssues, expectWarning, validationHelper, type ValidationResult } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { createMcredServices } from '../../language-server/mcred-module.js';
import { ISSUE_CODES, RULES, type IssueCode } from '../../language-server/rules/issue-codes.js';

// The eleven Annex I checks of docs/rules.md (plus the eu-workload-ects warning): each fires on
// a minimal input and stays silent on the complete §2 example; deleting any one line of the §2
// example that states an Annex I element raises that element's code and no other §3.1 code.

const { mcred } = createMcredServices(EmptyFileSystem);
const validate = validationHelper(mcred);

const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
const ANNEX1_CODES = ISSUE_CODES.filter(code => RULES[code].family === 'annex1-mandatory');

let results: Array<ValidationResult> = [];
async function check(text: string): Promise<ValidationResult> {
    const result = await validate(text);
    results.push(result);
    return result;
}
afterEach(async () => {
    await Promise.all(results.map(r => r.dispose()));
    results = [];
});

function annex1CodesOf(result: ValidationResult): IssueCode[] {
    const codes = new Set(result.diagnostics.map(d => String(d.code)));
    return ANNEX1_CODES.filter(code => codes.has(code));
}

function codesOf(result: ValidationResult): string[] {
    return [...new Set(result.diagnostics.map(d => String(d.code)))].sort();
}

// A provider and a micro-credential that state every programme element, to which each minimal
// input below adds or removes exactly one thing.
const PROVIDER = 'provider P { name "Provider" country IT }';
const COMPLETE = (body: string) => `${PROVIDER}
microcredential M {
    ${body}
}`;
const ELEMENTS = {
    title: 'title "T"',
    awardedBy: 'awardedBy P',
    outcome: 'outcome LO1 "Explain X"',
    workload: 'workload 5 ects',
    level: 'level eqf 6',
    assessment: 'assessment A { type project covers LO1 }',
    participation: 'participation online',
    qualityAssurance: 'qualityAssurance { internal exAnte "Approved" }'
};
const allBut = (...left: Array<keyof typeof ELEMENTS>) =>
    COMPLETE(Object.entries(ELEMENTS).filter(([key]) => !left.includes(key as keyof typeof ELEMENTS)).map(([, v]) => v).join('\n    '));
const COHORT = (body: string) => `${allBut()}\ncohort C of M {\n    ${body}\n}`;

interface MinimalCase {
    readonly code: IssueCode;
    readonly input: string;
    readonly message: RegExp;
    /** Where the diagnostic is expected: the text of the first capture group of this pattern. */
    readonly at: RegExp;
}

const MINIMAL: readonly MinimalCase[] = [
    { code: 'eu-title', input: allBut('title'), message: /no title/, at: /microcredential (M)/ },
    { code: 'eu-country', input: allBut().replace(' country IT', ''), message: /Awarding body 'P' does not state the country/, at: /awardedBy (P)/ },
    { code: 'eu-awarding-body', input: allBut('awardedBy'), message: /names no awarding body/, at: /microcredential (M)/ },
    { code: 'eu-learning-outcomes', input: allBut('outcome', 'assessment').replace('title "T"', 'title "T"\n    assessment A { type project }'), message: /states no learning outcome/, at: /microcredential (M)/ },
    { code: 'eu-workload', input: allBut('workload'), message: /states no notional workload/, at: /microcredential (M)/ },
    { code: 'eu-workload-ects', input: allBut('workload').replace('title "T"', 'title "T"\n    hours 125'), message: /hours only/, at: /hours (125)/ },
    { code: 'eu-level', input: allBut('level'), message: /states no level/, at: /microcredential (M)/ },
    { code: 'eu-level', input: allBut('level').replace('title "T"', 'title "T"\n    level none'), message: /needs the reason/, at: /level (none)/ },
    { code: 'eu-assessment-type', input: allBut('assessment'), message: /states no assessment/, at: /microcredential (M)/ },
    {
        code: 'eu-assessment-type', input: allBut().replace('type project ', ''),
        message: /No assessment of 'M' states its type/, at: /(assessment) A/
    },
    { code: 'eu-participation', input: allBut('participation'), message: /no form of participation/, at: /microcredential (M)/ },
    { code: 'eu-quality-assurance', input: allBut('qualityAssurance'), message: /no type of quality assurance/, at: /microcredential (M)/ },
    {
        code: 'eu-quality-assurance', input: allBut().replace('internal exAnte "Approved"', 'review every 2 years'),
        message: /states no type of quality assurance/, at: /(qualityAssurance) \{/
    },
    { code: 'eu-learner', input: COHORT('issued 2026-06-30'), message: /identifies no learner/, at: /cohort (C)/ },
    { code: 'eu-issue-date', input: COHORT('learner "Jane Doe" id "mailto:jane@example.org"'), message: /no date of issuing/, at: /cohort (C)/ }
];

describe('each Annex I check fires on a minimal input', () => {
    test('the base of the minimal inputs raises no Annex I code', async () => {
        expect(annex1CodesOf(await check(COHORT('issued 2026-06-30\n    learner "Jane Doe"')))).toEqual([]);
    });

    test.each(MINIMAL.map(c => [c.code, c.message.source, c] as const))('%s (%s)', async (_code, _message, c) => {
        const result = await check(c.input);
        const severity = RULES[c.code].severity;
        const match = c.at.exec(c.input)!;
        const where = { code: c.code, offset: match.index + match[0].indexOf(match[1]), length: match[1].length };
        if (severity === 'error') expectError(result, c.message, where);
        else expectWarning(result, c.message, where);
        // The message names the rule it enforces.
        const diagnostic = result.diagnostics.find(d => d.code === c.code)!;
        expect(diagnostic.message).toContain('Council Recommendation 2022/C 243/02');
        // And no other Annex I element is reported missing.
        expect(annex1CodesOf(result)).toEqual([c.code]);
    });

    test('every Annex I code has a minimal case', () => {
        expect(new Set(MINIMAL.map(c => c.code))).toEqual(new Set(ANNEX1_CODES));
    });
});

describe('each Annex I check stays silent when its element is stated', () => {
    test('the complete reference example of docs/language.md raises no diagnostic at all', async () => {
        const result = await check(EXAMPLE);
        expectNoIssues(result);
    });

    test.each(ANNEX1_CODES)('%s is silent on the §2 example', async code => {
        expectNoIssues(await check(EXAMPLE), { code });
    });

    test.each([
        ['eu-level', 'level none with a reason', allBut('level').replace('title "T"', 'title "T"\n    level none "Not part of a national framework"'), []],
        ['eu-level', 'level qf-ehea alone', allBut('level').replace('title "T"', 'title "T"\n    level qf-ehea second'), []],
        ['eu-workload', 'hours alone satisfy the workload (and ask for ECTS)', allBut('workload').replace('title "T"', 'title "T"\n    hours 125'),
            ['eu-workload-ects']],
        ['eu-workload-ects', 'hours next to ECTS', allBut().replace('title "T"', 'title "T"\n    hours 125'), []],
        ['eu-assessment-type', 'one typed assessment among untyped ones', allBut().replace('title "T"', 'title "T"\n    assessment B { covers LO1 }'), []],
        ['eu-learner', 'a roster instead of learner lines', COHORT('issued 2026-06-30\n    roster "learners.csv"'), []],
        ['eu-learner', 'a learner identified by name only', COHORT('issued 2026-06-30\n    learner "Jane Doe"'), []],
        ['eu-issue-date', 'a micro-credential without cohort (a template)', allBut(), []],
        ['eu-country', 'joint awarding bodies that all state a country', allBut().replace('awardedBy P', 'awardedBy P, Q') + '\nprovider Q { country SG }', []]
    ] as const)('%s: %s', async (code, _why, input, others) => {
        const result = await check(input);
        expectNoIssues(result, { code });
        expect(annex1CodesOf(result)).toEqual(others);
    });

    test('a joint credential reports the one awarding body without a country', async () => {
        const input = allBut().replace('awardedBy P', 'awardedBy P, Q') + '\nprovider Q { name "Q" }';
        const result = await check(input);
        expectError(result, /'Q' does not state the country/, { code: 'eu-country', offset: input.indexOf('P, Q') + 3, length: 1 });
        expect(result.diagnostics.filter(d => d.code === 'eu-country')).toHaveLength(1);
    });
});

// ------------------------------------------------------------------------------------------------
// The line-deletion property (issue 2, "Done when"): deleting any one line of the §2 example that
// states an Annex I element raises that element's code and nothing else of §3.1.

/** Which Annex I code a statement line owns, by the block it is in and its first keyword. */
const OWNED_BY: Record<string, IssueCode> = {
    'provider/country': 'eu-country',
    'microcredential/title': 'eu-title',
    'microcredential/awardedBy': 'eu-awarding-body',
    'microcredential/outcome': 'eu-learning-outcomes',
    'microcredential/workload': 'eu-workload',
    'microcredential/hours': 'eu-workload',
    'microcredential/level': 'eu-level',
    'assessment/type': 'eu-assessment-type',
    'microcredential/participation': 'eu-participation',
    'qualityAssurance/internal': 'eu-quality-assurance',
    'qualityAssurance/external': 'eu-quality-assurance',
    'cohort/learner': 'eu-learner',
    'cohort/roster': 'eu-learner',
    'cohort/issued': 'eu-issue-date'
};

interface SourceLine {
    readonly index: number;
    readonly text: string;
    /** A line that opens or closes a block: deleting it is a syntax error. */
    readonly structural: boolean;
    /** `block/keyword`, e.g. `microcredential/title`; undefined for blank and comment lines. */
    readonly key: string | undefined;
}

function classifyLines(text: string): SourceLine[] {
    const blocks: string[] = [];
    return text.split('\n').map((line, index) => {
        const code = line.replace(/\/\/.*$/, '').trim();
        const keyword = /^[A-Za-z-]+/.exec(code)?.[0];
        const structural = code.endsWith('{') || code === '}';
        const key = keyword && !structural ? `${blocks.at(-1) ?? 'top'}/${keyword}` : undefined;
        if (code.endsWith('{')) blocks.push(keyword!);
        if (code.startsWith('}')) blocks.pop();
        return { index, text: line, structural, key };
    });
}

const LINES = classifyLines(EXAMPLE);

/**
 * The §3.1 codes that deleting this line must raise: the code of the element the line states,
 * when no other line of the example states the same element (the example has two outcomes, two
 * QA procedures and two learners: deleting one of them leaves the element stated).
 */
function expectedAfterDeleting(line: SourceLine): IssueCode[] {
    const code = line.key ? OWNED_BY[line.key] : undefined;
    if (!code) return [];
    const statedElsewhere = LINES.some(other => other !== line && other.key !== undefined && OWNED_BY[other.key] === code);
    return statedElsewhere ? [] : [code];
}

function withoutLines(...indices: number[]): string {
    return EXAMPLE.split('\n').filter((_, i) => !indices.includes(i)).join('\n');
}

describe('deleting one line of the §2 example', () => {
    const statements = LINES.filter(l => !l.structural);

    test('the classification finds every element line of the example', () => {
        const owned = statements.filter(l => expectedAfterDeleting(l).length > 0).map(l => l.text.trim().split(/\s+/)[0]);
        expect(owned).toEqual(['country', 'title', 'awardedBy', 'level', 'workload', 'participation', 'type', 'issued']);
    });

    test.each(statements.map(l => [l.index + 1, l.text.trim() || '(blank)', l] as const))(
        'line %i `%s` → exactly the §3.1 codes of its element', async (_n, _text, line) => {
            const result = await check(withoutLines(line.index));
            expect(codesOf(result)).not.toContain('syntax-error');
            expect(annex1CodesOf(result)).toEqual(expectedAfterDeleting(line));
        });

    test.each(LINES.filter(l => l.structural).map(l => [l.index + 1, l.text.trim()] as const))(
        'line %i `%s` opens or closes a block: deleting it is a syntax error, not a missing element', async (n, _text) => {
            expect(codesOf(await check(withoutLines(n - 1)))).toContain('syntax-error');
        });
});

/** The lines of the block that the line matching `opening` opens, up to its closing brace. */
function blockAt(opening: RegExp): number[] {
    const start = LINES.find(l => opening.test(l.text))!;
    const indent = start.text.search(/\S/);
    const end = LINES.find(l => l.index > start.index && l.text.trim() === '}' && l.text.indexOf('}') === indent)!;
    return LINES.slice(start.index, end.index + 1).map(l => l.index);
}

describe('deleting a whole block or every statement of an element of the §2 example', () => {
    const indicesOf = (predicate: (line: SourceLine) => boolean) => LINES.filter(predicate).map(l => l.index);

    test.each([
        // One cause, one diagnostic: the QA gaps a missing block causes (step 4, the alignment of
        // outcomes with assessments) are related information of the Annex I diagnostic, not warnings.
        ['the qualityAssurance block', () => blockAt(/^\s*qualityAssurance \{/), ['eu-quality-assurance'], []],
        ['both QA procedures', () => indicesOf(l => l.key === 'qualityAssurance/internal' || l.key === 'qualityAssurance/external'),
            ['eu-quality-assurance'], []],
        ['both learners', () => indicesOf(l => l.key === 'cohort/learner'), ['eu-learner'], []],
        ['the assessment block', () => blockAt(/^\s*assessment Audit \{/), ['eu-assessment-type'], []],
        ['both outcomes (their skill line too)', () => indicesOf(l => l.key === 'microcredential/outcome' || l.key === 'microcredential/skill'),
            ['eu-learning-outcomes'], ['ref-unresolved']],
        ['the cohort', () => blockAt(/^cohort /), [], []],
        ['the provider (the awarding body no longer resolves)', () => blockAt(/^provider /), [], ['ref-unresolved']]
    ] as const)('%s → %j', async (_what, lines, expected, others) => {
        const result = await check(withoutLines(...lines()));
        expect(annex1CodesOf(result)).toEqual(expected);
        expect(codesOf(result).filter(c => !(ANNEX1_CODES as string[]).includes(c))).toEqual(others);
    });
});

describe('one cause, one diagnostic', () => {
    test('a missing QA block carries the step-4 gaps it causes as related information', async () => {
        const result = await check(withoutLines(...blockAt(/^\s*qualityAssurance \{/)));
        const qa = result.diagnostics.filter(d => d.code === 'eu-quality-assurance');
        expect(qa).toHaveLength(1);
        const related = (qa[0].relatedInformation ?? []).map(r => r.message.split(':')[0]);
        expect(related).toEqual(expect.arrayContaining(['qa-method-defined', 'qa-method-stakeholders', 'qa-method-tools']));
    });

    test('a missing assessment carries the unassessed outcomes as related information', async () => {
        const result = await check(withoutLines(...blockAt(/^\s*assessment Audit \{/)));
        const assessment = result.diagnostics.filter(d => d.code === 'eu-assessment-type');
        expect(assessment).toHaveLength(1);
        expect((assessment[0].relatedInformation ?? []).filter(r => r.message.startsWith('qa-structure-assessment-aligned'))).toHaveLength(2);
    });
});
