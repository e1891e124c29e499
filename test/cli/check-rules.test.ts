import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkCommand, type CheckFinding } from '../../language-server/cli/check-command.js';
import { findConfigFile } from '../../language-server/cli/rule-config-file.js';
import { UsageError } from '../../language-server/cli/usage-error.js';
import { check, edit, EXAMPLE } from '../support/validate.js';

const withoutModel = edit(EXAMPLE, /\n {8}model "Fee-based[^\n]*/, '');

let folder: string;
beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-cli-'));
    mkdirSync(path.join(folder, '.git'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, text: string): string {
    const file = path.join(folder, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
}

const json = async (...args: string[]) => {
    const result = await checkCommand.run([...args, '--format', 'json']);
    return { exitCode: result.exitCode, findings: JSON.parse(result.stdout) as CheckFinding[] };
};

describe('mcred check: severities from mcred.json and --profile', () => {
    test('the default severities: a QA gap is a warning, exit 0', async () => {
        const file = write('programmes/p.mcred', withoutModel);
        const { exitCode, findings } = await json(file);
        expect(findings.map(f => [f.code, f.severity])).toEqual([['qa-business-model', 'warning']]);
        expect(exitCode).toBe(0);
    });

    test('--profile strict turns the QA gap into an error and the exit code into 1', async () => {
        const file = write('p.mcred', withoutModel);
        const { exitCode, findings } = await json(file, '--profile', 'strict');
        expect(findings.map(f => [f.code, f.severity])).toEqual([['qa-business-model', 'error']]);
        expect(exitCode).toBe(1);
    });

    test('mcred.json found above the inputs (up to the repository root) changes output and exit code', async () => {
        write('mcred.json', '{"profile": "strict", "severity": {"qa-business-model": "off", "qa-audience-target": "hint"}}');
        const file = write('programmes/p.mcred', edit(withoutModel, /\n {8}target "[^\n]*/, ''));
        const { exitCode, findings } = await json(path.join(folder, 'programmes'));
        expect(findings.map(f => [f.code, f.severity])).toEqual([['qa-audience-target', 'hint']]);
        expect(exitCode).toBe(0);
        const text = await checkCommand.run([file]);
        expect(text.stdout).toContain(`Severities: ${path.join(folder, 'mcred.json')}, profile strict, 2 codes changed`);
    });

    test('--config names the file; --profile overrides its profile but not its explicit codes', async () => {
        const config = write('config/rules.json', '{"profile": "strict", "severity": {"qa-audience-target": "warning"}}');
        const file = write('p.mcred', edit(withoutModel, /\n {8}target "[^\n]*/, ''));
        const strict = await json(file, '--config', config);
        expect(strict.findings.map(f => [f.code, f.severity])).toEqual([['qa-audience-target', 'warning'], ['qa-business-model', 'error']]);
        const relaxed = await json(file, '--config', config, '--profile', 'default');
        expect(relaxed.findings.map(f => f.severity)).toEqual(['warning', 'warning']);
        expect(relaxed.exitCode).toBe(0);
    });

    test('the lookup stops at the repository root', () => {
        const outside = mkdtempSync(path.join(tmpdir(), 'mcred-outer-'));
        try {
            writeFileSync(path.join(outside, 'mcred.json'), '{}');
            mkdirSync(path.join(outside, 'repo', '.git'), { recursive: true });
            mkdirSync(path.join(outside, 'repo', 'src'));
            expect(findConfigFile([path.join(outside, 'repo', 'src')])).toBeUndefined();
            expect(findConfigFile([outside])).toBe(path.join(outside, 'mcred.json'));
        } finally {
            rmSync(outside, { recursive: true, force: true });
        }
    });

    test.each([
        ['{"severity": {"qa-busines-model": "off"}}', "unknown check code 'qa-busines-model'"],
        ['not json', 'not valid JSON'],
        ['{"profile": "lax"}', 'unknown profile "lax"']
    ])('an invalid mcred.json (%s) is a usage error with a one-line reason', async (text, reason) => {
        write('mcred.json', text);
        const file = write('p.mcred', EXAMPLE);
        await expect(checkCommand.run([file])).rejects.toThrow(UsageError);
        await expect(checkCommand.run([file])).rejects.toThrow(reason);
    });

    test('an unknown --profile or a missing --config file is a usage error', async () => {
        const file = write('p.mcred', EXAMPLE);
        await expect(checkCommand.run([file, '--profile', 'lax'])).rejects.toThrow('--profile: unknown profile "lax"');
        await expect(checkCommand.run([file, '--config', 'nowhere.json'])).rejects.toThrow('nowhere.json: no such configuration file');
    });
});

describe('mcred check: readiness and waivers per credential', () => {
    test('prints "Issuable: yes|no — … · Annex I n/11 · QA m/17", the gaps and the waivers with their reasons', async () => {
        const waived = edit(withoutModel, '    stackable into', '    waive qa-business-model "State-funded, free to learners"\n    waive qa-audience-target\n    stackable into');
        const file = write('p.mcred', waived);
        const { stdout, exitCode } = await checkCommand.run([file]);
        expect(stdout).toContain('AIDigitalEthics "AI & Digital Ethics" — Issuable: no — 1 error · Annex I 11/11 · QA 17/17 (1 waived) — 1 error, 0 warnings, 0 information');
        expect(stdout).toContain('waived qa-business-model: "State-funded, free to learners" (');
        expect(stdout).toContain('waived qa-audience-target: (no reason) — not in effect: a waiver needs a reason');
        expect(exitCode).toBe(1);
        const gaps = await checkCommand.run([write('q.mcred', edit(withoutModel, 'AIDigitalEthics {', 'Q {').replace(/AIDigitalEthics/g, 'Q').replace(/UNIFI/g, 'U2').replace('AILiteracyPathway {', 'P2 {').replace('into AILiteracyPathway', 'into P2'))]);
        expect(gaps.stdout).toContain('Issuable: yes · Annex I 11/11 · QA 16/17 —');
        expect(gaps.stdout).toContain('      QA gaps: qa-business-model');
    });
});

describe('mcred check --format json agrees with the editor when a line of the §2 example is removed', () => {
    const lines = EXAMPLE.split('\n');
    test.each([10, 16, 26, 46, 54, 62, 73])('line %i', async n => {
        const text = [...lines.slice(0, n - 1), ...lines.slice(n)].join('\n');
        const file = write('p.mcred', text);
        const cli = (await json(file)).findings.map(f => `${f.line}:${f.column} ${f.code}`);
        const editor = (await check(text)).diagnostics.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);
        expect(cli.length).toBeGreaterThan(0);
        expect(cli.sort()).toEqual(editor.sort());
    });
});

describe('the built CLI', () => {
    test('exits 2 with one line on stderr for an invalid mcred.json', () => {
        write('mcred.json', '{"severity": {"qa-business-model": "loud"}}');
        const file = write('p.mcred', EXAMPLE);
        const run = spawnSync(process.execPath, ['bin/mcred.cjs', 'check', file], { encoding: 'utf8' });
        expect(run.status).toBe(2);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.stderr).toContain("severity of 'qa-business-model' is \"loud\"");
    });
});
