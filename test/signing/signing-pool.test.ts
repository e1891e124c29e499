// The signing pool: worker threads (the built out/signing-worker.cjs: run `npm run build` first)
// sign and verify in the order of the input whatever order they finish in, a credential the key
// cannot sign is a problem named by the credential, a broken job fails naming it.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { planExport } from '../../language-server/export/export-plan.js';
import { generateKey, readKey } from '../../language-server/signing/keys.js';
import { POOL_THRESHOLD, PoolError, poolSize, runPool, type PoolSetup } from '../../language-server/signing/signing-pool.js';
import type { VerificationResult } from '../../language-server/signing/verify.js';

const SCRIPT = path.resolve('out/signing-worker.cjs');
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

let keyText: string;
let did: string;
let credentials: string[];

/** `count` unsigned OB3 credentials of the example issued by `did`, one learner each. */
async function unsignedCredentials(count: number): Promise<string[]> {
    const { documents } = await loadWorkspace([{ path: '/w/p.mcred', text: EXAMPLE.replace(/^provider UNIFI \{/m, `provider UNIFI {\n    did "${did}"`) }]);
    const roster = ['name,id,grade,issued', ...Array.from({ length: count }, (_, i) => `Learner ${i},urn:example:learner:${i},pass,2026-06-30`)].join('\n');
    const plan = await planExport({ documents, workspace: documents, readText: () => Promise.reject(new Error('no file')) },
        { format: 'ob3', credential: 'AIDigitalEthics', roster: { text: roster, source: 'learners.csv' } });
    expect(plan.problems).toEqual([]);
    return plan.documents.map(d => d.text);
}

beforeAll(async () => {
    expect(existsSync(SCRIPT), 'run `npm run build` first').toBe(true);
    const generated = await generateKey();
    keyText = generated.text;
    did = generated.did;
    credentials = await unsignedCredentials(6);
}, 60_000);

describe('poolSize', () => {
    test('one worker per core, at most one per credential, none for a few credentials', () => {
        expect(poolSize(POOL_THRESHOLD - 1, 8)).toBe(0);
        expect(poolSize(1000, 2)).toBe(2);
        expect(poolSize(1000, 1)).toBe(1);
        expect(poolSize(20, 64)).toBe(20);
    });
});

describe('runPool', () => {
    test('signs on two workers in the order of the input; the signed credentials verify on the pool', async () => {
        const sign: PoolSetup = { kind: 'sign', keyText, keySource: 'key.json' };
        const progress: number[] = [];
        const replies = await runPool(sign, credentials.map((text, i) => ({ text, label: `learner ${i}` })), 2,
            { script: SCRIPT, progress: done => progress.push(done) });
        expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
        const signed = replies.map(reply => {
            expect('text' in reply, JSON.stringify(reply)).toBe(true);
            return (reply as { text: string }).text;
        });
        signed.forEach((text, i) => {
            const json = JSON.parse(text) as Record<string, unknown>;
            expect(json['id']).toBe((JSON.parse(credentials[i]) as Record<string, unknown>)['id']);
            expect(json['proof']).toEqual([expect.objectContaining({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' })]);
            expect(text.endsWith('}\n')).toBe(true);
        });
        const verify: PoolSetup = { kind: 'verify', didDocuments: [], statusLists: [], online: false };
        const tampered = JSON.stringify({ ...JSON.parse(signed[3]) as Record<string, unknown>, name: 'Another credential' });
        const checked = await runPool(verify, [...signed, tampered].map((text, i) => ({ text, label: `file ${i}` })), 2, { script: SCRIPT });
        const results = checked.map(reply => (reply as { result: VerificationResult }).result);
        expect(results.slice(0, 6).map(r => [r.valid, r.issuer])).toEqual(signed.map(() => [true, did]));
        expect(results[6].valid).toBe(false);
        expect(results[6].problems.join(' ')).toMatch(/signature does not match the content/);
    }, 120_000);

    test('a credential the key cannot sign comes back as its own problem; the others are signed', async () => {
        const other = await readKey((await generateKey()).text, 'other');
        const foreign = credentials[1].replaceAll(did, other.controller);
        const replies = await runPool({ kind: 'sign', keyText, keySource: 'key.json' },
            [credentials[0], foreign, credentials[2]].map((text, i) => ({ text, label: `learner ${i}` })), 2, { script: SCRIPT });
        expect('text' in replies[0] && 'text' in replies[2]).toBe(true);
        expect(replies[1]).toMatchObject({ index: 1, signingError: true, error: expect.stringContaining(`the key is controlled by ${did}`) as string });
    }, 120_000);

    test('a job that fails for another reason rejects, naming the credential', async () => {
        const run = runPool({ kind: 'sign', keyText, keySource: 'key.json' },
            [{ text: credentials[0], label: 'Jane Doe' }, { text: '{ not json', label: 'Kim Lee (kim.json)' }], 2, { script: SCRIPT });
        await expect(run).rejects.toThrow(PoolError);
        await expect(run).rejects.toThrow(/^Kim Lee \(kim\.json\): /);
    }, 120_000);

    test('without its worker script it refuses with a clear message', async () => {
        await expect(runPool({ kind: 'sign', keyText, keySource: 'key.json' }, [{ text: '{}', label: 'x' }], 1, { script: undefined }))
            .rejects.toThrow(/signing-worker\.cjs.*npm run build/);
    });
});
