import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The BUILT CLI (`node bin/mcred.cjs`, the bundle out/cli.cjs) run as a user runs it. `npm test`
// builds first; when this file runs on its own (`npx vitest run test/cli`), beforeAll rebuilds
// the bundle if it is missing or older than any source it is built from.

const ROOT = path.resolve('.');
const CLI = path.join(ROOT, 'bin/mcred.cjs');
const BUNDLE = path.join(ROOT, 'out/cli.cjs');
const SOURCES = ['language-server', 'grammar', 'scripts/build.mjs', 'package.json'];

function newestMtime(file: string): number {
    const stat = statSync(file);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(0, ...readdirSync(file).map(entry => newestMtime(path.join(file, entry))));
}

function bundleIsStale(): boolean {
    try {
        return statSync(BUNDLE).mtimeMs < Math.max(...SOURCES.map(s => newestMtime(path.join(ROOT, s))));
    } catch {
        return true;
    }
}

interface Run {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

function mcred(...args: string[]): Run {
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Finding {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
    message: string;
}

const EXAMPLES = path.join(ROOT, 'examples');
const VALID_FILES = readdirSync(EXAMPLES).filter(f => f.endsWith('.mcred')).map(f => `examples/${f}`);
const FINDING_LINE = /^(\S+):(\d+):(\d+) (error|warning|information|hint) ([a-z0-9-]+) (.+)$/;

let scratch: string;
beforeAll(() => {
    if (bundleIsStale()) {
        const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
        expect(build.status, build.stderr).toBe(0);
    }
    scratch = mkdtempSync(path.join(tmpdir(), 'mcred-cli-'));
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('exit codes', () => {
    test('0 on the valid examples (files outside examples/invalid/, as one workspace)', () => {
        expect(VALID_FILES.length).toBeGreaterThanOrEqual(8);
        const run = mcred('check', ...VALID_FILES);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^Checked \d+ files, \d+ credentials: 0 errors, 0 warnings, 0 information\.$/m);
    });

    test('1 on examples/invalid and on the whole examples folder', () => {
        const invalid = mcred('check', 'examples/invalid');
        expect(invalid.status).toBe(1);
        expect(invalid.stdout).toMatch(/^examples\/invalid\/\S+:\d+:\d+ error eu-/m);
        expect(mcred('check', 'examples').status).toBe(1);
    });

    test('0 when the only findings are warnings', () => {
        const run = mcred('check', 'examples/invalid/workload-hours-only.mcred');
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/ warning eu-workload-ects /);
    });

    test('0 for --help, which prints the commands', () => {
        const run = mcred('--help');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('mcred check <file|folder>...');
    });

    test('0 for --help of a command, which prints its usage', () => {
        const run = mcred('check', '--help');
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('Usage: mcred check');
    });
});

describe('exit 2 with a one-line reason on stderr and nothing on stdout', () => {
    const cases: Array<[string, () => string[], RegExp]> = [
        ['a missing path', () => ['check', path.join(scratch, 'nowhere.mcred')], /no such file or folder/],
        ['a folder without .mcred files', () => {
            const folder = path.join(scratch, 'notes');
            mkdirSync(folder, { recursive: true });
            writeFileSync(path.join(folder, 'readme.txt'), 'no programmes here\n');
            return ['check', folder];
        }, /folder contains no \.mcred files/],
        ['a binary file', () => {
            const file = path.join(scratch, 'image.mcred');
            writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
            return ['check', file];
        }, /binary file/],
        ['a non-UTF-8 file', () => {
            const file = path.join(scratch, 'latin1.mcred');
            writeFileSync(file, Buffer.from('provider Caf\xe9 { country FR }\n', 'latin1'));
            return ['check', file];
        }, /not valid UTF-8/],
        ['a file that is not .mcred', () => ['check', 'package.json'], /not a \.mcred file/],
        ['an unknown option', () => ['check', '--colour', 'examples'], /unknown option '--colour'/],
        ['an option without its value', () => ['check', 'examples', '--format'], /'--format' needs a value/],
        ['an unknown command', () => ['validate', 'examples'], /unknown command 'validate'/],
        ['an unknown --format', () => ['check', '--format', 'xml', 'examples'], /unknown format 'xml'/],
        ['no file or folder', () => ['check'], /no file or folder given/],
        ['no command', () => [], /no command given/],
        ['a bad input among good ones (nothing is half-printed)', () => ['check', 'examples', path.join(scratch, 'nowhere')], /no such file/]
    ];

    test.each(cases)('%s', (_what, args, reason) => {
        const run = mcred(...args());
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(reason);
        expect(run.stderr.endsWith('\n')).toBe(true);
        expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(run.stderr).toMatch(/^mcred( check)?: /);
    });
});

describe('--format json', () => {
    test('prints a parseable array of {file, line, column, endLine, endColumn, severity, code, message}', () => {
        const run = mcred('check', 'examples', '--format', 'json');
        expect(run.status).toBe(1);
        const findings = JSON.parse(run.stdout) as Finding[];
        expect(Array.isArray(findings)).toBe(true);
        expect(findings.length).toBeGreaterThan(0);
        for (const finding of findings) {
            expect(Object.keys(finding).sort()).toEqual(['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
            expect(finding.file).toMatch(/^examples\/invalid\/[\w-]+\.mcred$/);
            for (const n of [finding.line, finding.column, finding.endLine, finding.endColumn]) {
                expect(Number.isInteger(n) && n >= 1).toBe(true);
            }
            expect(finding.severity).toMatch(/^(error|warning|information|hint)$/);
        }
    });

    test('positions are 1-based: eu-title underlines the name of the credential', () => {
        const file = 'examples/invalid/missing-title.mcred';
        const lines = readFileSync(file, 'utf8').split('\n');
        const index = lines.findIndex(l => l.startsWith('microcredential NoTitleProgramme '));
        const column = lines[index].indexOf('NoTitleProgramme') + 1;
        const run = mcred('check', '--format=json', file);
        expect(run.status).toBe(1);
        expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({
            file,
            line: index + 1,
            column,
            endLine: index + 1,
            endColumn: column + 'NoTitleProgramme'.length,
            severity: 'error',
            code: 'eu-title',
            message: expect.stringMatching(/no title.*Council Recommendation 2022\/C 243\/02/) as string
        })]);
    });

    test('prints [] and exits 0 for valid files', () => {
        const run = mcred('check', '--format', 'json', ...VALID_FILES);
        expect(run.status).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual([]);
    });
});

describe('text format', () => {
    test('prints `path:line:col severity code message` lines, the credentials and a summary, agreeing with the JSON', () => {
        const text = mcred('check', 'examples/invalid');
        const json = JSON.parse(mcred('check', 'examples/invalid', '--format', 'json').stdout) as Finding[];
        const [findingsPart, rest] = text.stdout.split('\n\nCredentials:\n');
        const findingLines = findingsPart.split('\n');
        for (const line of findingLines) expect(line).toMatch(FINDING_LINE);
        expect(findingLines.map(l => FINDING_LINE.exec(l)!.slice(1, 6).join(' ')))
            .toEqual(json.map(f => [f.file, f.line, f.column, f.severity, f.code].join(' ')));

        const files = readdirSync('examples/invalid').filter(f => f.endsWith('.mcred'));
        const credentialLines = rest.split('\n').filter(l => /^ {2}\S/.test(l));
        expect(credentialLines).toHaveLength(files.length);
        const credentialLine = new RegExp(String.raw`^ {2}examples\/invalid\/\S+:\d+ \w+.* — Issuable: (yes|no — .*) · Annex I \d+\/11 · QA \d+\/17.*`
            + String.raw` — \d+ errors?, \d+ warnings?, \d+ information$`);
        for (const line of credentialLines) expect(line).toMatch(credentialLine);
        const count = (severity: string, word: string) => {
            const n = json.filter(f => f.severity === severity).length;
            return `${n} ${word}${n === 1 || word === 'information' ? '' : 's'}`;
        };
        expect(text.stdout.trimEnd().split('\n').at(-1)).toBe(`Checked ${files.length} files, ${files.length} credentials: `
            + `${count('error', 'error')}, ${count('warning', 'warning')}, ${count('information', 'information')}.`);
    });

    test('a credential line names the Annex I elements that are missing', () => {
        const run = mcred('check', 'examples/invalid/draft-several-gaps.mcred');
        expect(run.stdout).toMatch(
            /DraftProgramme — Issuable: no — 3 elements missing \(title, level, assessment type\) · Annex I 8\/11 · QA \d+\/17 — 3 errors.*\n/);
        expect(run.stdout).toMatch(/\n {6}Annex I missing: 2 eu-title, 8 eu-level, 9 eu-assessment-type\n/);
    });
});

describe('cross-file references', () => {
    test('a pathway alone in its folder reports its unresolved references', () => {
        const folder = path.join(scratch, 'alone');
        mkdirSync(folder, { recursive: true });
        copyFileSync('examples/ai-higher-education-pathway.mcred', path.join(folder, 'pathway.mcred'));
        const run = mcred('check', '--format', 'json', path.join(folder, 'pathway.mcred'));
        expect(run.status).toBe(1);
        const codes = (JSON.parse(run.stdout) as Finding[]).map(f => f.code);
        expect(codes.length).toBeGreaterThanOrEqual(6); // three awarding bodies, three parts
        expect(new Set(codes)).toEqual(new Set(['ref-unresolved']));
    });

    test('resolve when the folder is checked', () => {
        const findings = JSON.parse(mcred('check', '--format', 'json', 'examples').stdout) as Finding[];
        // Only the invalid example of `ref-unresolved` names what no file declares.
        expect(findings.filter(f => f.code === 'ref-unresolved' && f.file !== 'examples/invalid/ref-unresolved.mcred')).toEqual([]);
        expect(findings.filter(f => !f.file.startsWith('examples/invalid/'))).toEqual([]);
    });

    test('resolve through a symbolic link to a shared file inside a checked folder', () => {
        const folder = path.join(scratch, 'linked');
        mkdirSync(folder, { recursive: true });
        copyFileSync('examples/ai-digital-ethics.mcred', path.join(folder, 'ai-digital-ethics.mcred'));
        symlinkSync(path.resolve('examples/providers.mcred'), path.join(folder, 'providers.mcred'));
        const run = mcred('check', folder);
        expect(run.stdout).not.toContain('ref-unresolved');
        expect(run.status).toBe(0);
    });

    test('a file named alone is checked in its folder: the flagship example stands alone', () => {
        const run = mcred('check', 'examples/ai-digital-ethics.mcred');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const files = readdirSync(EXAMPLES).filter(f => f.endsWith('.mcred')).length;
        expect(run.stdout).toContain(`Workspace: examples/ (${files} files)`);
        // Only the named file is reported, not the other programmes of its folder.
        expect(run.stdout).toMatch(/^Checked 1 file, 1 credential: 0 errors, 0 warnings, 0 information\.$/m);
        expect(run.stdout).not.toContain('examples/providers.mcred');
    });

    test('the findings of context files are not reported', () => {
        const folder = path.join(scratch, 'context');
        mkdirSync(folder, { recursive: true });
        copyFileSync('examples/ai-digital-ethics.mcred', path.join(folder, 'programme.mcred'));
        writeFileSync(path.join(folder, 'providers.mcred'), 'provider UNIFI {\n    name "University of Florence"\n    country IT\n}\n\nprovider Broken {\n    country XX\n}\n');
        const run = mcred('check', '--format', 'json', path.join(folder, 'programme.mcred'));
        expect(run.status).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual([]);
        expect(mcred('check', path.join(folder, 'providers.mcred')).status).toBe(1);
    });

    test('with an mcred.json, its folder (and below) is the workspace', () => {
        const folder = path.join(scratch, 'project');
        mkdirSync(path.join(folder, 'shared'), { recursive: true });
        mkdirSync(path.join(folder, 'programmes'), { recursive: true });
        writeFileSync(path.join(folder, 'mcred.json'), '{}');
        copyFileSync('examples/ai-digital-ethics.mcred', path.join(folder, 'programmes', 'ai.mcred'));
        writeFileSync(path.join(folder, 'shared', 'providers.mcred'), 'provider UNIFI {\n    name "University of Florence"\n    country IT\n}\n');
        const run = mcred('check', path.join(folder, 'programmes', 'ai.mcred'));
        expect(run.stdout).not.toContain('ref-unresolved');
        expect(run.stdout).toMatch(/Workspace: .*project\/ \(2 files\)/);
        expect(run.status).toBe(0);
    });

    test("the README's language snippet is docs/snippets/readme-language.mcred, and it has no error", () => {
        const readme = readFileSync('README.md', 'utf8');
        const section = readme.slice(readme.indexOf('## The language'));
        const snippet = /```\n([\s\S]*?)```/.exec(section)![1];
        expect(snippet).toBe(readFileSync('docs/snippets/readme-language.mcred', 'utf8'));
        const run = mcred('check', 'docs/snippets/readme-language.mcred');
        expect(run.stdout).toContain('Checked 1 file, 1 credential: 0 errors');
        expect(run.status).toBe(0);
    });

    test('resolve when the referenced files are named one by one', () => {
        const run = mcred('check', 'examples/ai-higher-education-pathway.mcred', 'examples/providers.mcred',
            'examples/real-life-learning.mcred', 'examples/digital-research-methods.mcred', 'examples/ai-tools-teaching-assessment.mcred');
        expect(run.status).toBe(0);
    });
});
