import { readFileSync } from 'node:fs';
import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { ExportRequestError, planExport, type ExportRequest } from '../../language-server/export/export-plan.js';

const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

async function plan(files: Record<string, string>, request: ExportRequest, disk: Record<string, string> = {}) {
    const { documents } = await loadWorkspace(Object.entries(files).map(([path, text]) => ({ path, text })));
    return planExport({
        documents: documents.filter(d => d.uri.fsPath === Object.keys(files)[0]),
        workspace: documents,
        readText: uri => uri.fsPath in disk ? Promise.resolve(disk[uri.fsPath]) : Promise.reject(Object.assign(new Error('missing'), { code: 'ENOENT' }))
    }, request);
}

describe('planExport', () => {
    test('exports every learner of every cohort, one file each', async () => {
        const result = await plan({ '/w/p.mcred': EXAMPLE }, { format: 'ob3' });
        expect(result.problems).toEqual([]);
        expect(result.documents.map(d => [d.credential, d.learner, d.cohort])).toEqual([
            ['AIDigitalEthics', 'Jane Doe', 'Spring2026'],
            ['AIDigitalEthics', 'Kim Lee', 'Spring2026']
        ]);
        expect(result.documents[0].fileName).toMatch(/^AIDigitalEthics_jane-doe_[0-9a-f]{32}\.ob3\.json$/);
        expect(result.documents[0].text.endsWith('}\n')).toBe(true);
    });

    test('a credential without cohort gives its achievement template', async () => {
        const withoutCohort = EXAMPLE.replace(/cohort Spring2026[\s\S]*$/, '');
        const result = await plan({ '/w/p.mcred': withoutCohort }, { format: 'elm' });
        expect(result.documents.map(d => d.fileName)).toEqual(['AIDigitalEthics.template.elm.jsonld']);
    });

    test('refuses a credential with errors, listing each error with its place, and exports nothing', async () => {
        const broken = EXAMPLE.replace('    participation blended             // online | onsite | blended\n', '')
            .replace('    title "AI & Digital Ethics"\n', '');
        const result = await plan({ '/w/p.mcred': broken }, { format: 'ob3' });
        expect(result.documents).toEqual([]);
        expect(result.problems[0].message).toBe("'AIDigitalEthics' is not issuable and is not exported; fix these 2 problems first:");
        expect(result.problems.slice(1).map(p => p.code).sort()).toEqual(['eu-participation', 'eu-title']);
        expect(result.problems[1]).toMatchObject({ uri: URI.file('/w/p.mcred').toString(), line: expect.any(Number) as number });
    });

    test('errors of the cohort being exported block it; a syntax error anywhere in the file blocks it', async () => {
        const noDate = EXAMPLE.replace('    issued 2026-06-30\n', '');
        expect((await plan({ '/w/p.mcred': noDate }, { format: 'ob3' })).problems.map(p => p.code)).toContain('eu-issue-date');
        const syntax = EXAMPLE + '\nprovider {\n';
        const result = await plan({ '/w/p.mcred': syntax }, { format: 'ob3' });
        expect(result.documents).toEqual([]);
        expect(result.problems.map(p => p.code)).toContain('syntax-error');
    });

    test('errors of another credential do not block this one', async () => {
        const other = 'microcredential Other { title "Other" }';
        const result = await plan({ '/w/p.mcred': EXAMPLE, '/w/other.mcred': other }, { format: 'ob3' });
        expect(result.problems).toEqual([]);
        expect(result.documents).toHaveLength(2);
    });

    test('a cohort roster is read relative to the file; a bad row is reported with its line and nothing is exported', async () => {
        const withRoster = EXAMPLE.replace('    issued 2026-06-30\n', '    issued 2026-06-30\n    roster "more/learners.csv"\n');
        const good = await plan({ '/w/p.mcred': withRoster }, { format: 'ob3' }, { '/w/more/learners.csv': 'name,id,grade\nAda,mailto:ada@example.org,pass\n' });
        expect(good.problems).toEqual([]);
        expect(good.documents.map(d => d.learner)).toEqual(['Jane Doe', 'Kim Lee', 'Ada']);
        const bad = await plan({ '/w/p.mcred': withRoster }, { format: 'ob3' }, { '/w/more/learners.csv': 'name,id,grade\nAda,mailto:ada@example.org,pass\nBo,x\n' });
        expect(bad.documents).toEqual([]);
        expect(bad.problems).toEqual([{ source: 'more/learners.csv', line: 3, code: 'roster', message: 'expected 3 fields (name,id,grade), found 2' }]);
        const missing = await plan({ '/w/p.mcred': withRoster }, { format: 'ob3' });
        expect(missing.documents).toEqual([]);
        expect(missing.problems[0].message).toBe("cohort 'Spring2026': cannot read roster 'more/learners.csv' (ENOENT)");
    });

    test('a roster given by the user needs a date of issuing per row or --issued', async () => {
        const roster = { text: 'name,id,grade,issued\nAda,S1,pass,2026-07-01\nBo,S2,pass,\n', source: 'r.csv' };
        const undated = await plan({ '/w/p.mcred': EXAMPLE }, { format: 'elm', roster });
        expect(undated.documents).toEqual([]);
        expect(undated.problems).toEqual([{ source: 'r.csv', line: 3, code: 'eu-issue-date', message: expect.stringContaining('no date of issuing') as string }]);
        const dated = await plan({ '/w/p.mcred': EXAMPLE }, { format: 'elm', roster, issued: '2026-07-02' });
        expect(dated.problems).toEqual([]);
        expect(dated.documents.map(d => JSON.parse(d.text) as { validFrom: string }).map(d => d.validFrom)).toEqual(['2026-07-01T00:00:00Z', '2026-07-02T00:00:00Z']);
    });

    test('the same learner twice on the same date is reported, not silently overwritten', async () => {
        const twice = EXAMPLE.replace('    learner "Kim Lee"', '    learner "Jane Doe" id "mailto:jane.doe@example.org" grade "pass"\n    learner "Kim Lee"');
        const result = await plan({ '/w/p.mcred': twice }, { format: 'ob3' });
        expect(result.documents).toEqual([]);
        expect(result.problems.find(p => p.code === 'learner-duplicate')?.message).toContain('the same learner would be issued the credential twice');
    });

    test.each([
        [{ format: 'pdf' }, "unknown format 'pdf' (expected ob3 or elm)"],
        [{ format: 'ob3', credential: 'Nope' }, "no micro-credential named 'Nope' in the files given"],
        [{ format: 'ob3', cohort: 'Nope' }, "no cohort named 'Nope'"],
        [{ format: 'ob3', cohort: 'Spring2026', template: true }, 'choose one of a cohort, a roster or the template'],
        [{ format: 'ob3', issued: '2026-13-01' }, "'2026-13-01' is not a date of issuing as YYYY-MM-DD"]
    ] as Array<[ExportRequest, string]>)('request %j is refused: %s', async (request, message) => {
        await expect(plan({ '/w/p.mcred': EXAMPLE }, request)).rejects.toThrow(new ExportRequestError(message));
    });
});
