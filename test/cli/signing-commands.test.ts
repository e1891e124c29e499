// The signing commands as a user runs them (the built CLI, in a scratch folder): keys, a did:web,
// signed export, verify, a revocation list and revoke. Nothing touches the network.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

const CLI = path.resolve('bin/mcred.cjs');
const EXAMPLE = path.resolve('test/fixtures/language-md-example.mcred');

let scratch: string;

beforeEach(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'mcred-sign-'));
});

afterEach(() => {
    rmSync(scratch, { recursive: true, force: true });
});

function mcred(...args: string[]) {
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd: scratch, encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function git(...args: string[]) {
    return spawnSync('git', args, { cwd: scratch, encoding: 'utf8' });
}

/** The example with `did` on its provider. */
function programme(did: string): string {
    const file = path.join(scratch, 'programme.mcred');
    writeFileSync(file, readFileSync(EXAMPLE, 'utf8').replace(/^provider UNIFI \{/m, `provider UNIFI {\n    did "${did}"`));
    return file;
}

function newKey(file = 'key.json'): string {
    const run = mcred('keys', 'new', '--out', file);
    expect(run.stderr).toContain('mode 600');
    expect(run.status).toBe(0);
    return run.stdout.trim();
}

describe('mcred keys', () => {
    test('keys new writes a Multikey file readable only by its owner and prints its did:key, never the secret', () => {
        const did = newKey();
        expect(did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/);
        const key = JSON.parse(readFileSync(path.join(scratch, 'key.json'), 'utf8')) as Record<string, string>;
        expect(key).toMatchObject({ type: 'Multikey', controller: did, id: `${did}#${did.slice(8)}` });
        expect(statSync(path.join(scratch, 'key.json')).mode & 0o777).toBe(0o600);
        const again = mcred('keys', 'new', '--out', 'key.json');
        expect(again.status).toBe(2);
        expect(again.stderr).toContain('already exists');
        const signed = mcred('export', programme(did), '--format', 'ob3', '--sign', 'key.json', '--out', 'out');
        expect(signed.stdout + signed.stderr).not.toContain(key['secretKeyMultibase']);
        expect(readdirSync(path.join(scratch, 'out')).map(f => readFileSync(path.join(scratch, 'out', f), 'utf8')).join('')).not.toContain(key['secretKeyMultibase']);
    });

    test('keys new refuses to write inside a git work tree unless the path is ignored', () => {
        if (git('init', '-q').status !== 0) return; // no git on this machine: nothing to refuse
        const refused = mcred('keys', 'new', '--out', 'key.json');
        expect(refused.status).toBe(2);
        expect(refused.stderr).toMatch(/inside the git work tree .* not git-ignored/);
        writeFileSync(path.join(scratch, '.gitignore'), 'key.json\n');
        expect(mcred('keys', 'new', '--out', 'key.json').status).toBe(0);
    });

    test('keys did-web writes the did.json to publish and makes did:web the key\'s controller', () => {
        newKey();
        const run = mcred('keys', 'did-web', '--domain', 'www.unifi.it', '--key', 'key.json');
        expect(run.status).toBe(0);
        expect(run.stdout.trim()).toBe('did:web:www.unifi.it');
        expect(run.stderr).toContain('https://www.unifi.it/.well-known/did.json');
        const document = JSON.parse(readFileSync(path.join(scratch, 'did.json'), 'utf8')) as { id: string; assertionMethod: string[] };
        expect(document.id).toBe('did:web:www.unifi.it');
        expect(JSON.stringify(document)).not.toContain('secretKey');
        expect(statSync(path.join(scratch, 'key.json')).mode & 0o777).toBe(0o600);

        programme('did:web:www.unifi.it');
        expect(mcred('export', 'programme.mcred', '--format', 'ob3', '--sign', 'key.json', '--out', 'out').status).toBe(0);
        const offline = mcred('verify', 'out');
        expect(offline.status).toBe(1);
        expect(offline.stdout).toContain('--did-document');
        const verified = mcred('verify', 'out', '--did-document', 'did.json');
        expect(verified.stdout).toContain('2 valid, 0 invalid');
        expect(verified.status).toBe(0);
    });
});

describe('mcred export --sign and mcred verify', () => {
    test('signed credentials verify; a changed character, an unsigned file and a wrong issuer do not', () => {
        const did = newKey();
        expect(mcred('export', programme(did), '--format', 'ob3', '--sign', 'key.json', '--out', 'out').status).toBe(0);
        const ok = mcred('verify', 'out', '--format', 'json');
        expect(ok.status).toBe(0);
        const report = JSON.parse(ok.stdout) as { valid: number; invalid: number };
        expect(report).toMatchObject({ valid: 2, invalid: 0 });

        // The export's manifest (.mcred-export.json) is not a credential.
        const [first] = readdirSync(path.join(scratch, 'out')).filter(f => !f.startsWith('.'));
        const text = readFileSync(path.join(scratch, 'out', first), 'utf8');
        writeFileSync(path.join(scratch, 'tampered.json'), text.replace('"validFrom": "2026-06-30', '"validFrom": "2026-06-29'));
        const tampered = mcred('verify', 'tampered.json');
        expect(tampered.status).toBe(1);
        expect(tampered.stdout).toContain('the signature does not match the content');

        expect(mcred('export', 'programme.mcred', '--format', 'ob3', '--out', 'unsigned').status).toBe(0);
        const unsigned = mcred('verify', 'unsigned');
        expect(unsigned.status).toBe(1);
        expect(unsigned.stdout).toContain('unsigned');

        newKey('other.json');
        const wrong = mcred('export', 'programme.mcred', '--format', 'ob3', '--sign', 'other.json', '--out', 'wrong');
        expect(wrong.status).toBe(1);
        expect(wrong.stderr).toMatch(/is issued by did:key:.*but the key is controlled by did:key:/);
    });

    test('a provider without did cannot be signed, with the reason; bad usage exits 2', () => {
        newKey();
        const file = path.join(scratch, 'plain.mcred');
        writeFileSync(file, readFileSync(EXAMPLE, 'utf8'));
        const run = mcred('export', file, '--format', 'ob3', '--sign', 'key.json', '--out', 'out');
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('states no `did`');
        expect(mcred('export', file, '--format', 'elm', '--sign', 'key.json').status).toBe(2);
        expect(mcred('verify').status).toBe(2);
        expect(mcred('verify', 'missing.json').status).toBe(2);
        writeFileSync(path.join(scratch, 'broken.json'), '{');
        expect(mcred('verify', 'broken.json').status).toBe(2);
    });

    test('OB3 exports carry no email or name in clear unless --reveal-identity', () => {
        programme('did:web:www.unifi.it');
        expect(mcred('export', 'programme.mcred', '--format', 'ob3', '--out', 'private').status).toBe(0);
        const text = readdirSync(path.join(scratch, 'private')).map(f => readFileSync(path.join(scratch, 'private', f), 'utf8')).join('\n');
        expect(text).not.toMatch(/jane\.doe@example\.org|Jane Doe|Kim Lee/);
        expect(text).toContain('"did:example:123"');
        expect(mcred('export', 'programme.mcred', '--format', 'ob3', '--out', 'public', '--reveal-identity').status).toBe(0);
        const revealed = readdirSync(path.join(scratch, 'public')).map(f => readFileSync(path.join(scratch, 'public', f), 'utf8')).join('\n');
        expect(revealed).toContain('jane.doe@example.org');
        expect(revealed).toContain('Jane Doe');
    });
});

describe('revocation', () => {
    test('status-list new, export with status, revoke one: verify reports it revoked and the other valid; re-export keeps indices', () => {
        const did = newKey();
        programme(did);
        const url = 'https://www.unifi.it/status/1';
        const list = mcred('status-list', 'new', '--out', 'status.json', '--key', 'key.json', '--url', url, '--size', '1024');
        expect(list.status).toBe(0);
        expect(mcred('export', 'programme.mcred', '--format', 'ob3', '--sign', 'key.json', '--status-list', 'status.json', '--out', 'out').status).toBe(0);
        const files = readdirSync(path.join(scratch, 'out')).filter(f => !f.startsWith('.')).sort();
        const indexes = files.map(f => (JSON.parse(readFileSync(path.join(scratch, 'out', f), 'utf8')) as { credentialStatus: { statusListIndex: string } }).credentialStatus.statusListIndex);
        expect([...indexes].sort()).toEqual(['0', '1']);

        const notGiven = mcred('verify', 'out');
        expect(notGiven.status).toBe(1);
        expect(notGiven.stdout).toContain('--status-list');
        expect(mcred('verify', 'out', '--status-list', 'status.json').status).toBe(0);

        const revoked = mcred('revoke', path.join('out', files[0]), '--status-list', 'status.json', '--key', 'key.json');
        expect(revoked.status).toBe(0);
        const after = mcred('verify', 'out', '--status-list', 'status.json');
        expect(after.status).toBe(1);
        expect(after.stdout).toContain(`${files[0]}: invalid (revoked)`);
        expect(after.stdout).toContain(`${files[1]}: valid`);
        expect(after.stdout).toContain('1 valid, 1 invalid');

        // A re-export keeps each learner's index.
        expect(mcred('export', 'programme.mcred', '--format', 'ob3', '--sign', 'key.json', '--status-list', 'status.json', '--out', 'again').status).toBe(0);
        const again = files.map(f => (JSON.parse(readFileSync(path.join(scratch, 'again', f), 'utf8')) as { credentialStatus: { statusListIndex: string } }).credentialStatus.statusListIndex);
        expect(again).toEqual(indexes);
    });
});
