// `mcred import` as a user runs it: the built CLI in a scratch folder. Bad inputs: one line each,
// exit 1, nothing written; usage: exit 2; never an overwrite.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { exportFiles } from '../support/export-fixtures.js';

const CLI = path.resolve('bin/mcred.cjs');
const SAMPLE = path.resolve('standards/elm/samples/Sample-MC-Annex1-unsigned.jsonld');
const OB3 = path.resolve('standards/ob3/examples/basicOpenBadgeCredential.json');

let scratch: string;
beforeEach(() => { scratch = mkdtempSync(path.join(tmpdir(), 'mcred-import-')); });
afterEach(() => { rmSync(scratch, { recursive: true, force: true }); });

function mcred(...args: string[]) {
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd: scratch, encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function files(): string[] {
    return readdirSync(scratch, { recursive: true }).map(String).sort();
}

describe('mcred import', () => {
    test('writes the programme beside the credential, then a numbered name: never an overwrite', () => {
        copyFileSync(SAMPLE, path.join(scratch, 'sample.jsonld'));
        const first = mcred('import', 'sample.jsonld');
        expect(first.stderr).toBe('');
        expect(first.status).toBe(0);
        expect(first.stdout).toContain('Imported 1 Europass ELM 3.2 document into sample.mcred');
        expect(first.stdout).toMatch(/DigitalMicroCredentialCreation: not stated, written as holes \(\?\): qualityAssurance/);
        expect(first.stdout).toMatch(/\d+ facts not imported/);
        const text = readFileSync(path.join(scratch, 'sample.mcred'), 'utf8');
        expect(text).toContain('microcredential DigitalMicroCredentialCreation {');
        const second = mcred('import', 'sample.jsonld', '--format', 'json');
        expect(second.status).toBe(0);
        const report = JSON.parse(second.stdout) as { output: string; holes: Record<string, string[]>; factsLost: number };
        expect(report.output).toBe('sample-2.mcred');
        expect(report.holes['DigitalMicroCredentialCreation']).toEqual(['qualityAssurance']);
        expect(readFileSync(path.join(scratch, 'sample.mcred'), 'utf8')).toBe(text);
        expect(files()).toEqual(['sample-2.mcred', 'sample.jsonld', 'sample.mcred']);
    });

    test('a folder of exported credentials: one programme, one cohort per date, every learner', async () => {
        // Identities revealed: hashed ones stay hashed on import (comments, not learners).
        const plan = await exportFiles([path.resolve('test/fixtures/language-md-example.mcred')], { format: 'ob3', revealIdentity: true });
        mkdirSync(path.join(scratch, 'issued'));
        for (const d of plan.documents) writeFileSync(path.join(scratch, 'issued', d.fileName), d.text);
        const run = mcred('import', 'issued', '--out', 'back.mcred');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const text = readFileSync(path.join(scratch, 'back.mcred'), 'utf8');
        expect(text.match(/^microcredential /gm)).toHaveLength(1);
        expect(text.match(/^\s+learner "/gm)).toHaveLength(plan.documents.length);
    });

    test('the folder mcred export wrote imports as it is: its manifest is not taken for a credential', () => {
        writeFileSync(path.join(scratch, 'prog.mcred'), readFileSync('test/fixtures/language-md-example.mcred', 'utf8'));
        expect(mcred('export', 'prog.mcred', '--format', 'elm', '--out', 'written').status).toBe(0);
        expect(readdirSync(path.join(scratch, 'written'))).toContain('.mcred-export.json');
        const run = mcred('import', 'written', '--out', 'written.mcred');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
    });

    const bad: Array<[string, () => string[], RegExp]> = [
        ['not JSON', () => [write('a.json', '{ "type": ')], /^mcred import: a\.json: not JSON \(.*\); nothing was written\n$/],
        ['JSON that is no credential', () => [write('a.json', '[1, 2]')], /^mcred import: a\.json: not a credential/],
        ['an unknown credential type', () => [write('a.json', JSON.stringify({ type: ['VerifiableCredential', 'DiplomaCredential'] }))],
            /^mcred import: a\.json: unknown credential type DiplomaCredential/],
        ['a context not held locally', () => [write('a.json', JSON.stringify({
            '@context': ['https://www.w3.org/ns/credentials/v2', 'https://example.org/my-context.json'], type: ['VerifiableCredential', 'OpenBadgeCredential']
        }))], /^mcred import: a\.json: the context https:\/\/example\.org\/my-context\.json is not held locally/],
        ['a folder with mixed kinds', () => {
            mkdirSync(path.join(scratch, 'mixed'));
            copyFileSync(SAMPLE, path.join(scratch, 'mixed', 'a.jsonld'));
            copyFileSync(OB3, path.join(scratch, 'mixed', 'b.json'));
            return ['mixed'];
        }, /^mcred import: mixed[/\\]b\.json: is Open Badges 3\.0 while mixed[/\\]a\.jsonld is Europass ELM 3\.2: import each kind separately/],
        ['a 50 MB file', () => {
            const file = write('big.json', '');
            truncateSync(path.join(scratch, file), 50 * 1024 * 1024 + 1);
            return [file];
        }, /^mcred import: big\.json: 50 MB is larger than 50 MB, the largest credential file mcred imports/]
    ];
    test.each(bad)('%s: one line, exit 1, nothing written', (_what, setup, message) => {
        const args = setup();
        const before = files();
        const run = mcred('import', ...args);
        expect(run.status).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(message);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(files()).toEqual(before);
    });

    test('usage errors exit 2', () => {
        expect(mcred('import').status).toBe(2);
        expect(mcred('import', 'missing.json').status).toBe(2);
        expect(mcred('import', write('a.json', '{}'), '--out', 'a.txt').status).toBe(2);
        expect(mcred('import', write('b.json', '{}'), '--format', 'xml').status).toBe(2);
    });

    test('the CLI help lists import', () => {
        expect(mcred('--help').stdout).toMatch(/mcred import <file\|folder>\.\.\. \[--out file\.mcred\] \[--format text\|json\]/);
    });
});

function write(name: string, text: string): string {
    writeFileSync(path.join(scratch, name), text);
    return name;
}
