// The QA report model, section by section, from known inputs (the reference example of docs/language.md and
// edits of it). The model is pure: it reads the AST and the diagnostics the workspace build made.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { credentialContexts } from '../../language-server/model/credential-contexts.js';
import { readiness } from '../../language-server/model/readiness.js';
import { buildReport } from '../../language-server/report/build-report.js';
import type { CredentialReport, QaReport } from '../../language-server/report/report-model.js';
import { UNESCO_DEFINITION } from '../../language-server/report/unesco-definition.js';
import { isIssueCode } from '../../language-server/rules/issue-codes.js';
import { check, edit, EXAMPLE } from '../support/validate.js';

const COHORT = /cohort Spring2026[\s\S]*$/;

async function reportOf(files: string | Record<string, string>, only?: string): Promise<QaReport> {
    const { documents } = await check(files);
    const reported = only ? documents.filter(d => d.uri.path.endsWith(`/${only}`)) : documents;
    return buildReport({ documents: reported, workspace: documents });
}

async function credentialOf(text: string): Promise<CredentialReport> {
    return (await reportOf(text)).files[0].credentials[0];
}

const byCode = <T extends { code: string }>(entries: readonly T[], code: string): T => entries.find(e => e.code === code)!;

describe('the report of the §2 example', () => {
    test('summary, title and files', async () => {
        const report = await reportOf(EXAMPLE);
        expect(report).toMatchObject({
            format: 'mcred-qa-report', version: 1, title: 'QA report — programme.mcred',
            summary: { files: 1, credentials: 1, pathways: 1, issuable: 1, errors: 0, warnings: 0 }
        });
        expect(report.files.map(f => [f.file, f.uri])).toEqual([['programme.mcred', 'file:///workspace/programme.mcred']]);
    });

    test('Annex I: every element stated, with what is stated and where (file:line)', async () => {
        const c = await credentialOf(EXAMPLE);
        expect(c.annex1.map(e => [e.n, e.code, e.status, e.value, e.location.line])).toEqual([
            [1, 'eu-learner', 'stated', '2 learners (cohort Spring2026)', 74],
            [2, 'eu-title', 'stated', 'AI & Digital Ethics', 10],
            [3, 'eu-country', 'stated', 'Italy (IT)', 3],
            [4, 'eu-awarding-body', 'stated', 'University of Florence', 11],
            [5, 'eu-issue-date', 'stated', '2026-06-30', 73],
            [6, 'eu-learning-outcomes', 'stated', '2 learning outcomes', 20],
            [7, 'eu-workload', 'stated', '5 ECTS (125–150 notional hours)', 15],
            [8, 'eu-level', 'stated', 'EQF level 6', 13],
            [9, 'eu-assessment-type', 'stated', 'Project work', 25],
            [10, 'eu-participation', 'stated', 'Blended', 17],
            [11, 'eu-quality-assurance', 'stated', "Internal, ex ante: Design approved by the School's QA committee; External, ex post by ANVUR (ESG 2015 Part 1)", 45]
        ]);
        expect(c.annex1[1].location).toEqual({ file: 'programme.mcred', uri: 'file:///workspace/programme.mcred', line: 10, column: 11, endLine: 10, endColumn: 32 });
    });

    test('optional elements: all five stated', async () => {
        const c = await credentialOf(EXAMPLE);
        expect(c.optional.map(e => [e.code, e.status, e.value])).toEqual([
            ['eu-opt-prerequisites', 'stated', 'Bachelor degree, or two years of professional experience'],
            ['eu-opt-supervision', 'stated', 'Supervised with ID verification'],
            ['eu-opt-grade', 'stated', 'Recorded for 2 learners'],
            ['eu-opt-stackability', 'stated', 'Stackable into AI Literacy for Professionals'],
            ['eu-opt-further-info', 'stated', 'https://www.unifi.it/micro/ai-ethics']
        ]);
    });

    test('the 17 checks grouped by the five steps of the method, all passed', async () => {
        const c = await credentialOf(EXAMPLE);
        expect(c.steps.map(s => [s.n, s.short, s.checks.length, s.passed, s.waived, s.gaps, s.score])).toEqual([
            [1, 'Audience', 4, 4, 0, 0, 100], [2, 'Structure', 4, 4, 0, 0, 100], [3, 'Format', 3, 3, 0, 0, 100],
            [4, 'QA', 3, 3, 0, 0, 100], [5, 'Business', 3, 3, 0, 0, 100]
        ]);
        expect(c.steps[0].focus).toBe('Does the programme respond to the needs of a specific target audience?');
        expect(c.steps.flatMap(s => s.checks.map(k => k.code))).toHaveLength(17);
        expect(c.readiness).toEqual({
            issuable: true, blockers: [],
            annex1Stated: 11, annex1Pending: 0, annex1Total: 11, qaAddressed: 17, qaPassed: 17, qaWaived: 0, qaTotal: 17,
            qaScore: 100, verdict: 'issuable', verdictText: 'Issuable: yes'
        });
        // Every passed check shows the text that satisfies it, and where.
        for (const check of c.steps.flatMap(s => s.checks)) {
            expect(check.status).toBe('pass');
            expect(check.evidence!.length).toBeGreaterThan(0);
            for (const e of check.evidence!) expect(e.text.trim()).not.toBe('');
        }
        expect(c.annex1.map(e => e.evidence?.text)).toEqual([
            'learner "Jane Doe"', 'title "AI & Digital Ethics"', 'country IT', 'awardedBy UNIFI', 'issued 2026-06-30',
            expect.stringMatching(/^outcome LO1 "Explain/), 'workload 5 ects', 'level eqf 6', 'type project', 'participation blended',
            expect.stringMatching(/^internal exAnte "Design approved/)
        ]);
    });

    test('the ten Annex II principles and the four UNESCO points: supporting checks and scores', async () => {
        const c = await credentialOf(EXAMPLE);
        expect(c.principles.map(p => [p.n, p.name, p.score])).toEqual([
            [1, 'Quality', 100], [2, 'Transparency', 100], [3, 'Relevance', 100], [4, 'Valid assessment', 100],
            [5, 'Learning pathways', 100], [6, 'Recognition', 100], [7, 'Portable', 100], [8, 'Learner-centred', 100],
            [9, 'Authentic', 100], [10, 'Information and guidance', 100]
        ]);
        expect(c.principles[4].supports).toEqual([{ code: 'eu-opt-stackability', status: 'met' }]);
        expect(c.principles[0].supports.map(s => s.code)).toEqual(
            ['eu-quality-assurance', 'qa-format-sustainability', 'qa-method-defined', 'qa-method-stakeholders', 'qa-method-tools', 'qa-business-sustainability']);
        expect(c.unesco.map(u => [u.n, u.name, u.met, u.judged, u.score])).toEqual([
            [1, 'Record of learning', 8, 8, 100], [2, 'Assessed, trusted provider', 6, 6, 100],
            [3, 'Standalone and stackable', 7, 7, 100], [4, 'Quality assured', 4, 4, 100]
        ]);
        expect(c.unesco[3].text).toBe('Meets the standards required by relevant quality assurance');
    });

    test('coverage matrix, workload, cohorts and stacking', async () => {
        const c = await credentialOf(EXAMPLE);
        expect(c.coverage.outcomes.map(o => [o.name, o.covered, o.location.line])).toEqual([['LO1', true, 20], ['LO2', true, 21]]);
        expect(c.coverage.assessments.map(a => [a.name, a.type])).toEqual([['Audit', 'project']]);
        expect(c.coverage.cells).toEqual([[true], [true]]);
        expect(c.workload).toEqual({ ects: 5, notionalHours: { min: 125, max: 150 }, duration: '6 weeks' });
        expect(c.cohorts).toMatchObject([{ name: 'Spring2026', issued: '2026-06-30', learners: 2, location: { line: 72 } }]);
        expect(c.stacksInto).toEqual([{ name: 'AILiteracyPathway', title: 'AI Literacy for Professionals', kind: 'pathway', ects: 5 }]);
        expect([c.name, c.title, c.awardingBodies, c.level, c.location.line]).toEqual(['AIDigitalEthics', 'AI & Digital Ethics', ['University of Florence'], 'EQF level 6', 9]);
    });

    test('the pathway: its parts and their sums', async () => {
        const [pathway] = (await reportOf(EXAMPLE)).files[0].pathways;
        expect(pathway).toMatchObject({
            name: 'AILiteracyPathway', title: 'AI Literacy for Professionals', level: 'EQF level 6', awardingBodies: ['University of Florence'],
            parts: [{ name: 'AIDigitalEthics', title: 'AI & Digital Ethics', kind: 'microcredential', ects: 5, notionalHours: { min: 125, max: 150 }, location: { line: 9 } }],
            sum: { ects: 5, counted: 1, withoutEcts: [], cyclic: false, notionalHours: { min: 125, max: 150 } },
            ects: 5
        });
        expect(pathway.statedEcts).toBeUndefined();
        expect(pathway.sumMatches).toBeUndefined();
    });
});

describe('gaps, waivers, missing and pending elements', () => {
    test('without a cohort: the learner, the date and the grade await one; scores leave them out', async () => {
        const c = await credentialOf(EXAMPLE.replace(COHORT, ''));
        expect(c.annex1.filter(e => e.status !== 'stated').map(e => [e.code, e.status, e.detail, e.location.line]))
            .toEqual([['eu-learner', 'pending', 'comes with a cohort', 9], ['eu-issue-date', 'pending', 'comes with a cohort', 9]]);
        expect(byCode(c.optional, 'eu-opt-grade')).toMatchObject({ status: 'pending', detail: 'comes with a cohort' });
        expect(c.readiness).toMatchObject({ annex1Stated: 9, annex1Pending: 2, annex1Total: 11, verdict: 'not-issuable', verdictText: 'Issuable: no — 2 elements missing (learner, date of issuing)' });
        const portable = c.principles.find(p => p.id === 'portable')!;
        expect([portable.judged, portable.score, portable.supports]).toEqual([0, null, [{ code: 'eu-learner', status: 'pending' }]]);
        const authentic = c.principles.find(p => p.id === 'authentic')!;
        expect([authentic.met, authentic.judged, authentic.score]).toEqual([3, 3, 100]);
        expect(c.cohorts).toEqual([]);
    });

    test('a QA gap: its message and place, the step, the principles it supports and the verdict', async () => {
        const c = await credentialOf(edit(EXAMPLE, /\n {8}model "Fee-based[^\n]*/, ''));
        const model = byCode(c.steps[4].checks, 'qa-business-model');
        expect(model.status).toBe('gap');
        expect(model.gaps).toEqual([{
            message: "Define the business model of 'AIDigitalEthics': add `model \"…\"` (fee-based, publicly funded, co-financed, …)",
            code: 'qa-business-model',
            location: { file: 'programme.mcred', uri: 'file:///workspace/programme.mcred', line: 51, column: 5, endLine: 51, endColumn: 13 }
        }]);
        expect([c.steps[4].passed, c.steps[4].gaps, c.steps[4].score]).toEqual([2, 1, 67]);
        const guidance = c.principles.find(p => p.n === 10)!;
        expect([guidance.met, guidance.judged, guidance.score]).toEqual([3, 4, 75]);
        expect(c.readiness).toMatchObject({ qaAddressed: 16, qaScore: 94, issuable: true, verdict: 'issuable', verdictText: 'Issuable: yes' });
    });

    test('a waived check: addressed, with its reason and where the waiver is written', async () => {
        const text = edit(edit(EXAMPLE, /\n {8}model "Fee-based[^\n]*/, ''), '    stackable into', '    waive qa-business-model "State-funded, free to learners"\n    stackable into');
        const c = await credentialOf(text);
        const model = byCode(c.steps[4].checks, 'qa-business-model');
        expect(model).toMatchObject({ status: 'waived', waiver: { reason: 'State-funded, free to learners', location: { line: 59, column: 5 } } });
        expect(model.gaps).toHaveLength(1);
        expect([c.steps[4].passed, c.steps[4].waived, c.steps[4].gaps, c.steps[4].score]).toEqual([2, 1, 0, 100]);
        expect(c.readiness).toMatchObject({ qaAddressed: 17, qaPassed: 16, qaWaived: 1, qaScore: 100, verdict: 'issuable' });
        expect(c.principles.find(p => p.n === 10)?.supports.find(s => s.code === 'qa-business-model')).toEqual({ code: 'qa-business-model', status: 'met' });
    });

    test('a missing Annex I element points where the fix goes; the verdict says what is missing', async () => {
        const c = await credentialOf(edit(edit(EXAMPLE, /\n {4}participation blended[^\n]*/, ''), /\n {4}title "AI & Digital Ethics"/, ''));
        expect(c.annex1.filter(e => e.status === 'missing').map(e => [e.code, e.location.line, e.location.column])).toEqual([['eu-title', 9, 17], ['eu-participation', 9, 17]]);
        expect(c.readiness).toMatchObject({ annex1Stated: 9, qaAddressed: 17, verdict: 'not-issuable', verdictText: 'Issuable: no — 2 elements missing (title, participation)' });
        expect(c.title).toBe('AIDigitalEthics');
        // qa-format-modes cannot compare the mode with a participation that is not stated: no QA gap
        expect(byCode(c.steps[2].checks, 'qa-format-modes').status).toBe('pass');
    });

    test('a gap that Annex I reports says so (qa-method-defined without QA procedures)', async () => {
        const c = await credentialOf(edit(EXAMPLE, /\n {8}internal exAnte[^\n]*\n {8}external exPost[^\n]*/, ''));
        expect(byCode(c.annex1, 'eu-quality-assurance').status).toBe('missing');
        expect(byCode(c.steps[3].checks, 'qa-method-defined').gaps.map(g => g.code)).toEqual(['eu-quality-assurance']);
    });

    test('optional elements: an unsupervised assessment, a learner without a grade, a roster', async () => {
        const unsupervised = await credentialOf(edit(edit(EXAMPLE, /\n {8}supervision supervised-with-id[^\n]*/, ''), '    learner "Kim Lee" id "did:example:123" grade "pass"', '    learner "Kim Lee" id "did:example:123"'));
        expect(byCode(unsupervised.optional, 'eu-opt-supervision')).toMatchObject({ status: 'missing', detail: 'not stated for Audit', location: { line: 24 } });
        expect(byCode(unsupervised.optional, 'eu-opt-grade')).toMatchObject({ status: 'missing', detail: 'no grade for "Kim Lee"', location: { line: 74 } });
        const roster = await credentialOf(edit(EXAMPLE, /\n {4}learner "Jane Doe"[^\n]*\n {4}learner "Kim Lee"[^\n]*/, '\n    roster "learners.csv"'));
        expect(byCode(roster.optional, 'eu-opt-grade')).toMatchObject({ status: 'stated', detail: 'in the roster (read at export)' });
        expect(byCode(roster.annex1, 'eu-learner').value).toBe('roster learners.csv (cohort Spring2026)');
    });

    test('coverage: an outcome no assessment covers, a second assessment, an unnamed one', async () => {
        const text = edit(EXAMPLE, '    assessment Audit {', '    outcome LO3 "Design an AI governance checklist"\n\n    assessment Quiz {\n        type quiz\n        covers LO1\n        supervision supervised\n        grading "0-30"\n    }\n\n    assessment {\n        type oral-exam\n        covers LO2\n        supervision supervised\n        grading "pass/fail"\n    }\n\n    assessment Audit {');
        const c = await credentialOf(text);
        expect(c.coverage.assessments.map(a => [a.name, a.type])).toEqual([['Quiz', 'quiz'], ['Assessment 2', 'oral-exam'], ['Audit', 'project']]);
        expect(c.coverage.cells).toEqual([[true, false, true], [false, true, true], [false, false, false]]);
        expect(c.coverage.outcomes.map(o => o.covered)).toEqual([true, true, false]);
        expect(byCode(c.steps[1].checks, 'qa-structure-assessment-aligned').gaps.map(g => g.location.line)).toEqual([24]);
    });

    test('workload: stated hours within or outside 25–30 h per ECTS; hours only', async () => {
        expect((await credentialOf(edit(EXAMPLE, '    duration 6 weeks', '    hours 140\n    duration 6 weeks'))).workload)
            .toMatchObject({ ects: 5, hours: 140, consistent: true });
        expect((await credentialOf(edit(EXAMPLE, '    duration 6 weeks', '    hours 200\n    duration 6 weeks'))).workload)
            .toMatchObject({ ects: 5, hours: 200, consistent: false });
        const hoursOnly = await credentialOf(edit(EXAMPLE, /workload 5 ects/, 'workload 40 hours'));
        expect(hoursOnly.workload).toEqual({ hours: 40, duration: '6 weeks' });
        expect(byCode(hoursOnly.annex1, 'eu-workload').value).toBe('40 hours');
    });

    test('the summary counts the errors and warnings of the reported files', async () => {
        const report = await reportOf(edit(edit(EXAMPLE, /\n {4}participation blended[^\n]*/, ''), /\n {8}model "Fee-based[^\n]*/, ''));
        expect(report.summary).toMatchObject({ errors: 1, warnings: 1, issuable: 0 });
    });
});

describe('pathways', () => {
    const PARTS = 'provider P { country IT }\n'
        + 'microcredential A { title "A" awardedBy P workload 5 ects }\n'
        + 'microcredential B { title "B" awardedBy P workload 40 hours }\n'
        + 'pathway Inner { includes A }\n';

    test('stated ECTS that differ from the sum of the parts', async () => {
        const [, outer] = (await reportOf(PARTS + 'pathway Outer { title "Outer" includes A, Inner workload 12 ects }')).files[0].pathways;
        expect(outer).toMatchObject({ statedEcts: 12, ects: 12, sum: { ects: 10, counted: 2 }, sumMatches: false });
        expect(outer.parts.map(p => [p.name, p.kind, p.ects])).toEqual([['A', 'microcredential', 5], ['Inner', 'pathway', 5]]);
    });

    test('a part without ECTS and an unresolved part', async () => {
        const [, pathway] = (await reportOf(PARTS + 'pathway W { includes A, B, Missing }')).files[0].pathways;
        expect(pathway.parts.map(p => [p.name, p.kind, p.ects])).toEqual([['A', 'microcredential', 5], ['B', 'microcredential', undefined], ['Missing', 'unresolved', undefined]]);
        expect(pathway.sum).toMatchObject({ ects: 5, counted: 1, withoutEcts: ['B', 'Missing'], cyclic: false });
        expect(pathway.ects).toBeUndefined();
        expect(pathway.parts[2].location).toBeUndefined();
    });

    test('a pathway that contains itself', async () => {
        const pathways = (await reportOf('pathway X { includes Y }\npathway Y { includes X workload 3 ects }')).files[0].pathways;
        expect(pathways[1].sum.cyclic).toBe(true);
        expect(pathways[1].sumMatches).toBeUndefined();
    });
});

describe('across files', () => {
    test('a cohort and the provider in other files count; places name their files', async () => {
        const provider = EXAMPLE.match(/^provider UNIFI \{[\s\S]*?\n\}\n/)![0];
        const cohort = EXAMPLE.match(COHORT)![0];
        const programme = EXAMPLE.replace(provider, '').replace(COHORT, '');
        const report = await reportOf({ 'providers.mcred': provider, 'programme.mcred': programme, 'cohorts.mcred': cohort }, 'programme.mcred');
        expect(report.files.map(f => f.file)).toEqual(['programme.mcred']);
        const c = report.files[0].credentials[0];
        expect(c.readiness.verdict).toBe('issuable');
        expect(byCode(c.annex1, 'eu-country').location).toMatchObject({ file: 'providers.mcred', line: 3 });
        expect(byCode(c.annex1, 'eu-learner').location).toMatchObject({ file: 'cohorts.mcred', line: 3 });
    });

    test('a file label and a title can be given', async () => {
        const { documents } = await check(EXAMPLE);
        const report = buildReport({ documents, fileLabel: uri => `labelled${uri.path}`, title: 'Programme review' });
        expect(report.title).toBe('Programme review');
        expect(report.files[0].credentials[0].location.file).toBe('labelled/workspace/programme.mcred');
    });
});

describe('agreement with readiness() and the rule table', () => {
    test('for every example, the counts equal what the code lens shows', async () => {
        const files = Object.fromEntries(readdirSync('examples').filter(f => f.endsWith('.mcred')).map(f => [f, readFileSync(`examples/${f}`, 'utf8')]));
        const { documents } = await check(files);
        const report = buildReport({ documents });
        const contexts = credentialContexts(documents.map(d => d.parseResult.value));
        const reported = report.files.flatMap(f => f.credentials);
        expect(reported.map(c => c.name)).toEqual(contexts.map(c => c.credential.name));
        for (const [i, context] of contexts.entries()) {
            const state = readiness(context);
            expect([reported[i].readiness.annex1Stated, reported[i].readiness.qaAddressed]).toEqual([state.annex1Present, state.qaAddressed]);
        }
        expect(report.summary.errors).toBe(0);
    });

    test('every UNESCO point names judged codes; every principle is supported by some check', async () => {
        const c = await credentialOf(EXAMPLE);
        const judged = new Set([...c.annex1, ...c.optional, ...c.steps.flatMap(s => s.checks)].map(e => e.code));
        expect(UNESCO_DEFINITION).toHaveLength(4);
        for (const point of UNESCO_DEFINITION) {
            expect(point.codes.length).toBeGreaterThan(0);
            for (const code of point.codes) {
                expect(isIssueCode(code) && judged.has(code), code).toBe(true);
            }
        }
        for (const principle of c.principles) expect(principle.supports.length, principle.name).toBeGreaterThan(0);
    });

    test('docs/report.md states the UNESCO points and their supporting items as the data does', () => {
        const doc = readFileSync('docs/report.md', 'utf8').split('\n');
        for (const point of UNESCO_DEFINITION) {
            const row = doc.find(line => line.startsWith(`| ${point.n} ${point.name} |`));
            expect(row, point.name).toBeDefined();
            const cells = row!.split(' | ');
            expect(cells[1]).toBe(point.text.replace(/^(Is|Includes|Has|Meets)/, word => word.toLowerCase()));
            expect([...cells[2].matchAll(/`([a-z0-9-]+)`/g)].map(m => m[1])).toEqual(point.codes);
        }
    });
});
