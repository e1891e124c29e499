// Signing and verification of every example with the libraries real wallets use
// (@digitalbazaar/vc, eddsa-rdfc-2022) and an offline document loader, plus a second path: the
// official OB 3.0 JSON Schema and JSON-LD safe-mode expansion of the signed document. A tampered
// copy, a wrong key, an expired and a not-yet-valid credential each fail for their stated reason.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { planExport } from '../../language-server/export/export-plan.js';
import { createDocumentLoader } from '../../language-server/signing/document-loader.js';
import { generateKey, readKey, type IssuerKey } from '../../language-server/signing/keys.js';
import { signCredential } from '../../language-server/signing/sign.js';
import { verifyCredentialDocument } from '../../language-server/signing/verify.js';
import { EXAMPLES_DIR, validMcredFiles } from '../support/export-fixtures.js';
import { expandSafely, validateOb3Credential } from '../support/offline-validators.js';

const loader = createDocumentLoader();

/** Every provider of the files gets `did`; the OB3 credentials of every cohort, unsigned. */
async function exportWithDid(files: readonly string[], did: string): Promise<Array<{ fileName: string; json: Record<string, unknown> }>> {
    const { documents } = await loadWorkspace(files.map(file => ({
        path: path.resolve(file),
        text: readFileSync(file, 'utf8').replace(/^(provider\s+\S+\s*\{)[^\n]*$/gm, `$1\n    did "${did}"`)
    })));
    const plan = await planExport({ documents, workspace: documents, readText: uri => readFile(uri.fsPath, 'utf8') }, { format: 'ob3' });
    expect(plan.problems).toEqual([]);
    return plan.documents.filter(d => d.learner !== undefined).map(d => ({ fileName: d.fileName, json: JSON.parse(d.text) as Record<string, unknown> }));
}

async function independentlyVerified(credential: unknown, now?: Date): Promise<boolean> {
    const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
    const result = await vc.verifyCredential({ credential, suite, documentLoader: loader, ...(now ? { now } : {}) });
    return result.verified;
}

let key: IssuerKey;
let otherKey: IssuerKey;
let signed: Array<{ fileName: string; json: Record<string, unknown> }> = [];

beforeAll(async () => {
    key = await readKey((await generateKey()).text, 'key');
    otherKey = await readKey((await generateKey()).text, 'other key');
    const exported = await exportWithDid(validMcredFiles(EXAMPLES_DIR), key.controller);
    expect(exported.length).toBeGreaterThan(10);
    signed = await Promise.all(exported.map(async e => ({ fileName: e.fileName, json: await signCredential(e.json, key) })));
}, 120_000);

describe('every example, signed with eddsa-rdfc-2022', () => {
    test('verifies with @digitalbazaar/vc, mcred verify, the official OB 3.0 schema and JSON-LD safe mode', async () => {
        for (const { fileName, json } of signed) {
            // An example cohort may be issued later than today: verify it as of its date of issuing.
            const now = new Date(Math.max(Date.now(), Date.parse(json['validFrom'] as string) + 86_400_000));
            expect(Array.isArray(json['proof']), fileName).toBe(true);
            expect((json['proof'] as Array<Record<string, unknown>>)[0]).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' });
            expect(await independentlyVerified(json, now), fileName).toBe(true);
            expect(validateOb3Credential(json).errors, fileName).toEqual([]);
            await expect(expandSafely(json), fileName).resolves.toBeDefined();
            const result = await verifyCredentialDocument(json, { documentLoader: loader, now });
            expect(result.problems, fileName).toEqual([]);
            expect(result.valid).toBe(true);
        }
    });

    test('a copy with one character changed fails both verifications', async () => {
        const { json } = signed[0];
        const text = JSON.stringify(json);
        const tampered = JSON.parse(text.replace(/"name":"(.)/, (_m, c: string) => `"name":"${c === 'X' ? 'Y' : 'X'}`)) as Record<string, unknown>;
        expect(JSON.stringify(tampered)).not.toEqual(text);
        expect(await independentlyVerified(tampered)).toBe(false);
        const result = await verifyCredentialDocument(tampered, { documentLoader: loader });
        expect(result.valid).toBe(false);
        expect(result.problems.join('\n')).toContain('the signature does not match the content');
    });

    test('a credential signed with another key fails: the issuer does not control it', async () => {
        const { json } = signed[0];
        const forged = await signCredential({ ...json, issuer: { ...(json['issuer'] as object), id: otherKey.controller } }, otherKey);
        const claimed = { ...forged, issuer: json['issuer'] };
        expect(await independentlyVerified(claimed)).toBe(false);
        const result = await verifyCredentialDocument(claimed, { documentLoader: loader });
        expect(result.problems.join('\n')).toMatch(/signature does not match|not the controller/);
    });

    test('signing refuses a key whose controller is not the issuer', async () => {
        await expect(signCredential(signed[0].json, otherKey)).rejects.toThrow(/controlled by did:key:.*but the credential's issuer is did:key:/);
    });

    test('an expired credential and one not yet valid fail for that reason', async () => {
        const { json } = signed[0];
        const expired = await signCredential({ ...json, validUntil: '2020-01-01T00:00:00Z', validFrom: '2019-01-01T00:00:00Z' }, key);
        const result = await verifyCredentialDocument(expired, { documentLoader: loader });
        expect(result.valid).toBe(false);
        expect(result.problems.join('\n')).toMatch(/^expired/m);
        const future = await verifyCredentialDocument(json, { documentLoader: loader, now: new Date('2000-01-01T00:00:00Z') });
        expect(future.problems.join('\n')).toMatch(/^not yet valid/m);
    });

    test('an unsigned credential is not valid', async () => {
        const { proof: _proof, ...unsigned } = signed[0].json;
        void _proof;
        const result = await verifyCredentialDocument(unsigned, { documentLoader: loader });
        expect(result.valid).toBe(false);
        expect(result.problems[0]).toMatch(/^unsigned/);
    });
});

describe('Europass (ELM) credentials', () => {
    test('verify checks the EDC SHACL shapes and issuanceDate, reports them unsigned and sets the sealing-only properties apart', async () => {
        const { documents } = await loadWorkspace([{ path: path.resolve('test/fixtures/language-md-example.mcred'), text: readFileSync('test/fixtures/language-md-example.mcred', 'utf8') }]);
        const plan = await planExport({ documents, workspace: documents, readText: () => Promise.reject(new Error('no roster')) }, { format: 'elm' });
        const credential = JSON.parse(plan.documents[0].text) as Record<string, unknown>;
        const result = await verifyCredentialDocument(credential, { documentLoader: loader, now: new Date('2027-01-01T00:00:00Z') });
        expect(result.problems).toEqual([]);
        expect(result.valid).toBe(true);
        expect(result.notes.join('\n')).toMatch(/unsigned: a Europass credential is sealed/);
        expect(result.notes.join('\n')).toContain("left to the Europass sealing service: the sealing date (issued) and the issuer's eIDAS legal identifier");

        const { issuanceDate: _date, ...withoutDate } = credential;
        void _date;
        const subject = credential['credentialSubject'] as Record<string, unknown>;
        const broken = { ...withoutDate, credentialSubject: { ...subject, hasClaim: undefined } };
        const failed = await verifyCredentialDocument(broken, { documentLoader: loader, now: new Date('2027-01-01T00:00:00Z') });
        expect(failed.valid).toBe(false);
        expect(failed.problems).toContain('has no issuanceDate, which VC Data Model 1.1 requires');
        expect(failed.problems.some(p => p.startsWith('does not pass the EDC SHACL shapes: '))).toBe(true);
    }, 60_000);
});
