import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { planExport } from '../../language-server/export/export-plan.js';
import { fileNameKey } from '../../language-server/export/file-names.js';

/**
 * Finding 1: a learner's credential could be silently overwritten. File names kept 8 hex digits
 * of the credential id (about 69 % chance of a collision at 100,000 learners) and every
 * non-Latin name became `learner`; nothing checked for duplicate names.
 */
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
const NAMES = ['王伟', '王偉', '李娜', 'Ван Вэй', 'وانغ وي'];
const CLI = path.resolve('bin/mcred.cjs');
const folder = mkdtempSync(path.join(tmpdir(), 'mcred-overwrite-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function roster(count: number): string {
    const rows = ['name,id,grade'];
    for (let i = 0; i < count; i++) rows.push(`${NAMES[i % NAMES.length]},urn:example:learner:${i},pass`);
    return rows.join('\n') + '\n';
}

test('100,000 learners with a handful of identical non-Latin names: 100,000 distinct file names, names kept', async () => {
    const { documents } = await loadWorkspace([{ path: '/w/p.mcred', text: EXAMPLE }]);
    const plan = await planExport({ documents, workspace: documents, readText: () => Promise.reject(new Error('no file')) },
        { format: 'ob3', roster: { text: roster(100_000), source: 'learners.csv' }, issued: '2026-06-30' });
    expect(plan.problems).toEqual([]);
    expect(plan.documents).toHaveLength(100_000);
    const keys = new Set(plan.documents.map(d => fileNameKey(d.fileName)));
    expect(keys.size).toBe(100_000);
    expect(plan.documents.filter(d => d.fileName.includes('_learner_'))).toEqual([]);
    expect(plan.documents[0].fileName).toMatch(/^AIDigitalEthics_王伟_[0-9a-f]{32}\.ob3\.json$/);
}, 120_000);

test('mcred export writes exactly one file per learner', () => {
    const file = path.join(folder, 'p.mcred');
    writeFileSync(file, EXAMPLE);
    writeFileSync(path.join(folder, 'learners.csv'), roster(2_000));
    const out = path.join(folder, 'out');
    const run = spawnSync(process.execPath, [CLI, 'export', file, '--format', 'ob3', '--roster', path.join(folder, 'learners.csv'),
        '--issued', '2026-06-30', '--out', out], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Wrote 2000 /);
    expect(readdirSync(out).filter(n => n.endsWith('.ob3.json'))).toHaveLength(2_000);
}, 120_000);

test('two credentials whose names differ only in case (C and c) are refused, naming both, before anything is written', async () => {
    const credential = (name: string) => EXAMPLE.replace(/cohort Spring2026[\s\S]*$/, '')
        .replace(/\bAIDigitalEthics\b/g, name).replace(/\bUNIFI\b/g, `UNIFI${name}`).replace(/\bAILiteracyPathway\b/g, `Path${name}`);
    const { documents } = await loadWorkspace([{ path: '/w/a.mcred', text: credential('C') }, { path: '/w/b.mcred', text: credential('c') }]);
    const plan = await planExport({ documents, workspace: documents, readText: () => Promise.reject(new Error('no file')) }, { format: 'ob3' });
    expect(plan.documents).toEqual([]);
    const collision = plan.problems.find(p => p.code === 'file-name-collision');
    expect(collision?.message).toContain("the template of 'C' and the template of 'c' would both be written to 'c.template.ob3.json'");
});
