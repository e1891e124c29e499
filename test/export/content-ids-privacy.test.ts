// Ids that follow content, privacy by default in Open Badges, ELM issuanceDate, future-dated
// cohorts and NFC-normalised learners.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   the tests read deep paths of exported JSON documents */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { planExport, type ExportRequest } from '../../language-server/export/export-plan.js';
import { identityHash } from '../../language-server/export/identity-hash.js';

const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

async function plan(text: string, request: ExportRequest) {
    const { documents } = await loadWorkspace([{ path: '/w/p.mcred', text }]);
    return planExport({ documents, workspace: documents, readText: () => Promise.reject(new Error('no roster')) }, request);
}

async function credentials(text: string, request: ExportRequest = { format: 'ob3' }) {
    const result = await plan(text, request);
    expect(result.problems).toEqual([]);
    return result.documents.map(d => ({ fileName: d.fileName, text: d.text, json: JSON.parse(d.text) as Record<string, any> }));
}

describe('ids that follow content', () => {
    test('an unchanged programme re-exports byte-identical; a changed ECTS or outcome changes credential, achievement and file name', async () => {
        const before = await credentials(EXAMPLE);
        const again = await credentials(EXAMPLE);
        expect(again.map(c => [c.fileName, c.text])).toEqual(before.map(c => [c.fileName, c.text]));

        const edited = await credentials(EXAMPLE.replace('workload 5 ects', 'workload 6 ects').replace(/(outcome \w+ ")/, '$1Critically '));
        for (let i = 0; i < before.length; i++) {
            expect(edited[i].json['id']).not.toBe(before[i].json['id']);
            expect(edited[i].fileName).not.toBe(before[i].fileName);
            expect(edited[i].json['credentialSubject'].achievement.id).not.toBe(before[i].json['credentialSubject'].achievement.id);
        }
        const elmBefore = await credentials(EXAMPLE, { format: 'elm' });
        const elmEdited = await credentials(EXAMPLE.replace('workload 5 ects', 'workload 6 ects'), { format: 'elm' });
        expect(elmEdited[0].json['id']).not.toBe(elmBefore[0].json['id']);
    });

    test('a changed grade changes only that learner\'s credential id; the achievement stays', async () => {
        const before = await credentials(EXAMPLE);
        const after = await credentials(EXAMPLE.replace('"Jane Doe" id "mailto:jane.doe@example.org" grade "pass"', '"Jane Doe" id "mailto:jane.doe@example.org" grade "merit"'));
        expect(after[0].json['id']).not.toBe(before[0].json['id']);
        expect(after[1].json['id']).toBe(before[1].json['id']);
        expect(after[0].json['credentialSubject'].achievement.id).toBe(before[0].json['credentialSubject'].achievement.id);
    });
});

describe('privacy by default (Open Badges 3.0)', () => {
    test('name and email are salted SHA-256 identity hashes; the subject id is set only for a DID', async () => {
        const [jane, kim] = await credentials(EXAMPLE);
        expect(jane.text).not.toMatch(/jane\.doe|Jane Doe/);
        expect(jane.json['description']).toBe(jane.json['name']);
        expect(jane.json['credentialSubject'].id).toBeUndefined();
        const identities = jane.json['credentialSubject'].identifier as Array<Record<string, string | boolean>>;
        expect(identities.map(i => i['identityType'])).toEqual(['name', 'emailAddress']);
        for (const identity of identities) {
            expect(identity).toMatchObject({ hashed: true, identityHash: expect.stringMatching(/^sha256\$[0-9a-f]{64}$/) as string });
        }
        // A verifier who knows the learner checks the hash with the published salt.
        expect(identities[1]['identityHash']).toBe(identityHash('jane.doe@example.org', identities[1]['salt'] as string));
        expect(identities[0]['identityHash']).toBe(identityHash('Jane Doe', identities[0]['salt'] as string));
        expect(kim.json['credentialSubject'].id).toBe('did:example:123');
        // Salts differ between credentials, so hashes cannot be matched across them.
        expect((kim.json['credentialSubject'].identifier as Array<Record<string, string>>)[0]['salt']).not.toBe(identities[0]['salt']);
    });

    test('--reveal-identity writes them in clear, under another credential id', async () => {
        const [hidden] = await credentials(EXAMPLE);
        const [jane] = await credentials(EXAMPLE, { format: 'ob3', revealIdentity: true });
        expect(jane.json['credentialSubject'].id).toBe('mailto:jane.doe@example.org');
        expect(jane.json['description']).toContain('Jane Doe');
        expect(jane.json['id']).not.toBe(hidden.json['id']);
    });

    test('Europass keeps the name, and the email only in contactPoint', async () => {
        const [jane] = await credentials(EXAMPLE, { format: 'elm' });
        const subject = jane.json['credentialSubject'];
        expect(subject.fullName).toEqual({ en: 'Jane Doe' });
        expect(subject.id).not.toContain('mailto:');
        expect(subject.contactPoint[0].emailAddress[0].id).toBe('mailto:jane.doe@example.org');
        expect(jane.json['issuanceDate']).toBe(jane.json['validFrom']);
    });
});

describe('issuer DID', () => {
    test('a valid provider did is the issuer and creator id; a missing one is a note that signing needs it', async () => {
        const [jane] = await credentials(EXAMPLE.replace(/^provider UNIFI \{/m, 'provider UNIFI {\n    did "did:web:www.unifi.it"'));
        expect(jane.json['issuer'].id).toBe('did:web:www.unifi.it');
        expect(jane.json['credentialSubject'].achievement.creator.id).toBe('did:web:www.unifi.it');
        const result = await plan(EXAMPLE, { format: 'ob3' });
        expect(result.notes.join('\n')).toContain("'AIDigitalEthics' cannot be signed: its awarding body 'UNIFI' states no `did`");
        expect(result.issuerDids).toEqual({ AIDigitalEthics: undefined });
    });
});

describe('dates and names', () => {
    test('a cohort issued after today is exported with a warning', async () => {
        const future = await plan(EXAMPLE, { format: 'ob3', today: '2026-06-01' });
        expect(future.documents).toHaveLength(2);
        expect(future.warnings).toEqual([expect.stringContaining("'AIDigitalEthics': 2 credentials are issued in the future (2026-06-30; today is 2026-06-01)") as string]);
        expect((await plan(EXAMPLE, { format: 'ob3', today: '2026-06-30' })).warnings).toEqual([]);
    });

    test('two spellings of one name (NFC and NFD) are the same learner: a duplicate', async () => {
        const nfc = 'Zo\u00eb Martin';
        const nfd = 'Zoe\u0308 Martin';
        const text = EXAMPLE.replace(/(\n {4}learner "Kim Lee"[^\n]*)/, `$1\n    learner "${nfc}" grade "pass"\n    learner "${nfd}" grade "pass"`);
        const result = await plan(text, { format: 'ob3' });
        expect(result.problems.map(p => p.code)).toContain('learner-duplicate');
    });
});
