import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeRoster, RosterEncodingError } from '../../language-server/export/roster.js';
import { parseRuleConfigText } from '../../language-server/rules/severity-policy.js';

/**
 * Finding 6: a roster saved in a spreadsheet's default encoding (Windows-1252) issued a
 * credential to "Jos\uFFFD N\uFFFD\uFFFDez" with exit 0. And (point 14) an mcred.json with a
 * byte order mark was rejected.
 */
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8').replace(/cohort Spring2026[\s\S]*$/, '');
const CLI = path.resolve('bin/mcred.cjs');
const WINDOWS_1252 = Buffer.from('name,id,grade\nAda Lovelace,mailto:ada@example.org,pass\nJos\xe9 N\xfa\xf1ez,mailto:jose@example.org,pass\n', 'latin1');
let folder: string;

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-encoding-'));
    writeFileSync(path.join(folder, 'p.mcred'), EXAMPLE);
    writeFileSync(path.join(folder, 'cp1252.csv'), WINDOWS_1252);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function exportRoster(roster: string, ...extra: string[]) {
    const out = path.join(folder, `out-${Math.random().toString(36).slice(2)}`);
    const run = spawnSync(process.execPath, [CLI, 'export', path.join(folder, 'p.mcred'), '--format', 'ob3', '--roster', path.join(folder, roster),
        '--issued', '2026-06-30', '--out', out, ...extra], { encoding: 'utf8', timeout: 60_000 });
    return { ...run, out };
}

describe('roster encodings', () => {
    test('a Windows-1252 roster is refused with its line and a hint, nothing written', () => {
        const run = exportRoster('cp1252.csv');
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/line 3 is not UTF-8 text .*save the roster as "CSV UTF-8"/);
        expect(run.stderr).toContain('or name its encoding (mcred export --roster-encoding windows-1252)');
        expect(run.stdout).toBe('');
        expect(() => readdirSync(run.out)).toThrow();
    });

    test('--roster-encoding windows-1252 decodes it: the name is José Núñez', () => {
        // Identities revealed, so that the name is in the credential (Open Badges hash it by default).
        const run = exportRoster('cp1252.csv', '--roster-encoding', 'windows-1252', '--reveal-identity');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const names = readdirSync(run.out).filter(n => n.endsWith('.json') && !n.startsWith('.'));
        const texts = names.map(n => readFileSync(path.join(run.out, n), 'utf8'));
        expect(texts.some(t => t.includes('José Núñez'))).toBe(true);
        expect(texts.some(t => t.includes('\uFFFD'))).toBe(false);
    });

    test('an unknown encoding name is a usage error', () => {
        const run = exportRoster('cp1252.csv', '--roster-encoding', 'klingon');
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/'klingon' is not an encoding name/);
    });

    test('a UTF-8 roster with a byte order mark is read, the mark dropped', () => {
        expect(decodeRoster(Buffer.from('\uFEFFname,id\nA,urn:x:1\n', 'utf8'))).toBe('name,id\nA,urn:x:1\n');
        expect(() => decodeRoster(WINDOWS_1252)).toThrow(RosterEncodingError);
    });

    test('a cohort roster in Windows-1252 is refused by the export with its line', () => {
        const cohortFolder = mkdtempSync(path.join(folder, 'cohort-'));
        writeFileSync(path.join(cohortFolder, 'learners.csv'), WINDOWS_1252);
        writeFileSync(path.join(cohortFolder, 'p.mcred'), readFileSync('test/fixtures/language-md-example.mcred', 'utf8')
            .replace('    issued 2026-06-30\n', '    issued 2026-06-30\n    roster "learners.csv"\n'));
        const run = spawnSync(process.execPath, [CLI, 'export', path.join(cohortFolder, 'p.mcred'), '--format', 'ob3', '--out', path.join(cohortFolder, 'out')],
            { encoding: 'utf8', timeout: 60_000 });
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/error roster cohort 'Spring2026': cannot read roster 'learners.csv' \(line 3 is not UTF-8 text/);
    });

    test('an mcred.json with a byte order mark is read', () => {
        expect(parseRuleConfigText('\uFEFF{"profile": "strict"}', 'mcred.json')).toEqual({ profile: 'strict' });
        const configFolder = mkdtempSync(path.join(folder, 'config-'));
        writeFileSync(path.join(configFolder, 'p.mcred'), EXAMPLE);
        writeFileSync(path.join(configFolder, 'mcred.json'), '\uFEFF{"severity": {"qa-business-model": "off"}}\n');
        const run = spawnSync(process.execPath, [CLI, 'check', configFolder], { encoding: 'utf8', timeout: 60_000 });
        expect(run.stderr).toBe('');
        expect(run.stdout).toMatch(/Severities: .*mcred\.json, profile default, 1 code changed/);
    });
});
