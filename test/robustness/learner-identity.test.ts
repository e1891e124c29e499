import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { planExport, type ExportRequest } from '../../language-server/export/export-plan.js';
import { learnerIdProblem, normaliseLearnerId } from '../../language-server/export/learner-identity.js';
import { check, edit, EXAMPLE as VALID } from '../support/validate.js';

/**
 * Finding 8: the same learner could be issued twice (`jane@…`, `mailto:jane@…`, `MAILTO:…`; a
 * name in NFC and in NFD). Finding 9: `javascript:`, `data:text/html,<script>` and `file:` ids
 * became `credentialSubject.id` with no warning.
 */
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

async function plan(request: Omit<ExportRequest, 'format'>, text = EXAMPLE) {
    const { documents } = await loadWorkspace([{ path: '/w/p.mcred', text }]);
    return planExport({ documents, workspace: documents, readText: () => Promise.reject(new Error('no file')) }, { format: 'ob3', ...request });
}

const roster = (...rows: string[]) => ({ text: ['name,id,grade', ...rows].join('\n') + '\n', source: 'learners.csv' });

describe('learner identity', () => {
    test('identifiers are normalised before they are compared', () => {
        for (const id of ['jane@Example.org', 'mailto:jane@example.org', 'MAILTO:jane@EXAMPLE.ORG', ' mailto:jane@example.org ']) {
            expect(normaliseLearnerId(id)).toBe('mailto:jane@example.org');
        }
        expect(normaliseLearnerId('DID:example:Jos\u0065\u0301')).toBe('did:example:Jos\u00e9');
        expect(normaliseLearnerId('S12345')).toBe('S12345');
    });

    test('one learner spelled three ways in a roster is refused as learner-duplicate, nothing exported', async () => {
        const result = await plan({ roster: roster('Jane,jane@example.org,pass', 'Jane,mailto:jane@example.org,pass', 'Jane,MAILTO:jane@EXAMPLE.org,pass'), issued: '2026-06-30' }, EXAMPLE.replace(/cohort Spring2026[\s\S]*$/, ''));
        expect(result.documents).toEqual([]);
        expect(result.problems.filter(p => p.code === 'learner-duplicate').map(p => p.line)).toEqual([3, 4]);
    });

    test('a name in NFC and in NFD (no identifier) is one learner', async () => {
        const result = await plan({ roster: roster('Jos\u00e9 N\u00fa\u00f1ez,,pass', 'Jose\u0301 Nu\u0301n\u0303ez,,pass'), issued: '2026-06-30' }, EXAMPLE.replace(/cohort Spring2026[\s\S]*$/, ''));
        expect(result.problems.map(p => p.code)).toEqual(['learner-duplicate']);
    });

    test('in a cohort, the same learner twice is a learner-duplicate error in the editor and mcred check', async () => {
        const twice = edit(VALID, 'id "did:example:123"', 'id "MAILTO:jane.doe@EXAMPLE.org"');
        expect((await check(twice)).codes).toEqual(['learner-duplicate']);
        expect((await check(VALID)).codes).toEqual([]);
    });

    test.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'http://example.org/jane'])(
        'the id %j is value-learner-id in a cohort and refused in a roster', async id => {
            expect(learnerIdProblem(id)).toBeDefined();
            expect((await check(edit(VALID, 'id "did:example:123"', `id "${id}"`))).codes).toEqual(['value-learner-id']);
            const result = await plan({ roster: roster(`Eve,"${id.replace(/"/g, '""')}",pass`), issued: '2026-06-30' }, EXAMPLE.replace(/cohort Spring2026[\s\S]*$/, ''));
            expect(result.documents).toEqual([]);
            expect(result.problems.map(p => p.code)).toEqual(['value-learner-id']);
        });

    test.each(['mailto:jane@example.org', 'did:example:123', 'https://id.example.org/jane', 'urn:example:jane', 'S12345'])('the id %j is accepted', id => {
        expect(learnerIdProblem(id)).toBeUndefined();
    });
});
