// `mcred export` as a user runs it: the built CLI (npm test builds first) in a scratch folder.
import { spawnSync } from 'node:child_process';
import { MANIFEST } from '../../language-server/workspace/export-set-writer.js';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { exportFiles } from '../support/export-fixtures.js';

const CLI = path.resolve('bin/mcred.cjs');
const EXAMPLE = path.resolve('test/fixtures/language-md-example.mcred');
const JOINT = path.resolve('test/fixtures/export/joint-programme.mcred');

let scratch: string;

beforeEach(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'mcred-export-'));
});

afterEach(() => {
    rmSync(scratch, { recursive: true, force: true });
});

function mcred(...args: string[]) {
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd: scratch, encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under `folder`, relative, sorted. */
function filesUnder(folder: string): string[] {
    if (!existsSync(folder)) return [];
    return readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile() && entry.name !== MANIFEST)
        .map(entry => path.relative(folder, path.join(entry.parentPath, entry.name)))
        .sort();
}

function copyExample(text = readFileSync(EXAMPLE, 'utf8')): string {
    const file = path.join(scratch, 'programme.mcred');
    writeFileSync(file, text);
    return file;
}

describe('mcred export', () => {
    test('writes one credential per learner into --out, prints what it wrote, and matches the in-process export byte for byte', async () => {
        const run = mcred('export', JOINT, '--format', 'elm', '--out', 'credentials');
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const written = filesUnder(path.join(scratch, 'credentials'));
        expect(written).toHaveLength(4);
        expect(run.stdout).toContain('Wrote 4 Europass credential (ELM 3.2) documents to credentials:');
        for (const file of written) expect(run.stdout).toContain(file);
        expect(run.stdout).toContain('Note: Europass: the credentials are unsigned');
        const plan = await exportFiles([JOINT], { format: 'elm' });
        for (const document of plan.documents) {
            expect(readFileSync(path.join(scratch, 'credentials', document.fileName), 'utf8')).toBe(document.text);
        }
    });

    test('writes to out/credentials by default; a second run rewrites the same bytes', () => {
        expect(mcred('export', EXAMPLE, '--format', 'ob3').status).toBe(0);
        const folder = path.join(scratch, 'out', 'credentials');
        const first = filesUnder(folder).map(f => readFileSync(path.join(folder, f), 'utf8'));
        expect(first).toHaveLength(2);
        expect(mcred('export', EXAMPLE, '--format', 'ob3').status).toBe(0);
        expect(filesUnder(folder).map(f => readFileSync(path.join(folder, f), 'utf8'))).toEqual(first);
    });

    test('--template writes the achievement template; --cohort selects a cohort', () => {
        expect(mcred('export', EXAMPLE, '--format', 'ob3', '--template', '--out', 't').status).toBe(0);
        expect(filesUnder(path.join(scratch, 't'))).toEqual(['AIDigitalEthics.template.ob3.json']);
        const run = mcred('export', EXAMPLE, '--format', 'elm', '--cohort', 'Spring2026', '--out', 'c');
        expect(run.status).toBe(0);
        expect(filesUnder(path.join(scratch, 'c'))).toHaveLength(2);
    });

    test('--roster issues one credential per row', () => {
        writeFileSync(path.join(scratch, 'learners.csv'), 'name,id,grade,issued\n"Doe, Jane",mailto:jane@example.org,A,2026-07-01\nKim Lee,S-42,B,2026-07-01\n');
        const run = mcred('export', EXAMPLE, '--format', 'ob3', '--roster', 'learners.csv', '--out', 'r');
        expect(run.stderr).toBe('');
        expect(filesUnder(path.join(scratch, 'r')).map(f => f.replace(/_[0-9a-f]{32}\./, '_#.'))).toEqual([
            'AIDigitalEthics_doe-jane_#.ob3.json', 'AIDigitalEthics_kim-lee_#.ob3.json'
        ]);
    });
});

describe('mcred export refuses, with a clear message, a non-zero exit and no file', () => {
    test('a roster with a bad row: the row is named by its line', () => {
        writeFileSync(path.join(scratch, 'learners.csv'), 'name,id,grade,issued\nAda,S1,pass,2026-07-01\n"Bo,S2,pass,2026-07-01\n');
        const run = mcred('export', EXAMPLE, '--format', 'ob3', '--roster', 'learners.csv', '--out', 'out');
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('learners.csv:3 error roster a quoted field is not closed');
        expect(run.stderr).toContain('Nothing was exported.');
        expect(filesUnder(path.join(scratch, 'out'))).toEqual([]);
        expect(existsSync(path.join(scratch, 'out'))).toBe(false);
    });

    test('a learner named ../../etc/x, in the file or in a roster: named with its line, nothing written anywhere', () => {
        const file = copyExample(readFileSync(EXAMPLE, 'utf8').replace('learner "Kim Lee"', 'learner "../../etc/x"'));
        const run = mcred('export', file, '--format', 'ob3', '--out', 'a/b');
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/programme\.mcred:\d+:5 error learner-name learner name '\.\.\/\.\.\/etc\/x' contains '\/', which reads as a file path/);
        expect(run.stderr).toContain('Nothing was exported.');
        expect(filesUnder(scratch)).toEqual(['programme.mcred']);

        writeFileSync(path.join(scratch, 'learners.csv'), 'name,id,grade,issued\nAda,S1,pass,2026-07-01\n../../etc/x,S2,pass,2026-07-01\n');
        const roster = mcred('export', EXAMPLE, '--format', 'elm', '--roster', 'learners.csv', '--out', 'out');
        expect(roster.status).toBe(1);
        expect(roster.stderr).toContain("learners.csv:3 error learner-name learner name '../../etc/x'");
        expect(existsSync(path.join(scratch, 'out'))).toBe(false);
        expect(existsSync(path.join(scratch, 'etc'))).toBe(false);
    });

    test('a credential with errors: every error is listed with its place', () => {
        const file = copyExample(readFileSync(EXAMPLE, 'utf8').replace('    participation blended             // online | onsite | blended\n', ''));
        const run = mcred('export', file, '--format', 'elm', '--out', 'out');
        expect(run.status).toBe(1);
        expect(run.stderr).toContain("programme.mcred:9:1 'AIDigitalEthics' is not issuable and is not exported; fix this problem first:");
        expect(run.stderr).toMatch(/programme\.mcred:9:17 error eu-participation Micro-credential 'AIDigitalEthics' states no form of participation/);
        expect(existsSync(path.join(scratch, 'out'))).toBe(false);
    });

    test('an output folder that cannot be created or written (exit 2)', () => {
        writeFileSync(path.join(scratch, 'occupied'), 'a file, not a folder');
        const inside = mcred('export', EXAMPLE, '--format', 'ob3', '--out', 'occupied/credentials');
        expect(inside.status).toBe(2);
        expect(inside.stderr).toMatch(/^mcred export: cannot create the output folder .*occupied\/credentials \(ENOTDIR\)/);
        const itself = mcred('export', EXAMPLE, '--format', 'ob3', '--out', 'occupied');
        expect(itself.status).toBe(2);
        expect(itself.stderr).toMatch(/^mcred export: the output folder .*occupied is a file, not a folder\n$/);
        expect(filesUnder(scratch)).toEqual(['occupied']);
    });

    test('a write that fails half-way leaves nothing behind (no temporary file, no partial output)', async () => {
        const plan = await exportFiles([EXAMPLE], { format: 'ob3' });
        const out = path.join(scratch, 'out');
        mkdirSync(path.join(out, plan.documents[1].fileName), { recursive: true }); // the second file's name is taken by a folder
        const run = mcred('export', EXAMPLE, '--format', 'ob3', '--out', 'out');
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/is not a regular file .*; nothing was written/);
        expect(readdirSync(out)).toEqual([plan.documents[1].fileName]);
    });

    test.each([
        [['export', EXAMPLE], '--format is required (ob3 or elm)'],
        [['export', EXAMPLE, '--format', 'pdf'], "unknown format 'pdf' (expected ob3 or elm)"],
        [['export', EXAMPLE, '--format', 'ob3', '--cohort', 'Autumn'], "no cohort named 'Autumn'"],
        [['export', EXAMPLE, '--format', 'ob3', '--roster', 'missing.csv'], 'missing.csv: cannot read the roster (no such file)'],
        [['export', 'missing.mcred', '--format', 'ob3'], 'missing.mcred: no such file or folder']
    ])('bad usage %j (exit 2)', (args, message) => {
        const run = mcred(...args);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe(`mcred export: ${message}\n`);
        expect(filesUnder(scratch)).toEqual([]);
    });
});

test('folders: sibling files provide shared providers, and a CSV roster next to the file is found', () => {
    const folder = path.join(scratch, 'programmes');
    mkdirSync(folder);
    const example = readFileSync(EXAMPLE, 'utf8');
    const provider = /provider UNIFI \{[\s\S]*?\n\}\n/.exec(example)![0];
    writeFileSync(path.join(folder, 'providers.mcred'), provider);
    writeFileSync(path.join(folder, 'programme.mcred'), example.replace(provider, '')
        .replace('    learner "Kim Lee" id "did:example:123" grade "pass"\n', '    roster "learners.csv"\n'));
    copyFileSync(path.resolve('test/fixtures/export/joint-learners.csv'), path.join(folder, 'learners.csv'));
    const run = mcred('export', path.join(folder, 'programme.mcred'), '--format', 'ob3', '--out', 'out');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(filesUnder(path.join(scratch, 'out'))).toHaveLength(3);
});
