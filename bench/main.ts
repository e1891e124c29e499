import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { firstContactBench } from './first-contact.js';
import { LANGIUM_DEFAULT_SCOPES, medianPhases } from './in-process.js';
import { measureEditPhases } from './incremental.js';
import { renderMarkdown, renderReadmeSection, type BenchResults, type Measured } from './report.js';
import {
    jsonParseMs, openManyFilesRun, openOneByOneRun, runProcess, singleFileRun, workspaceRun,
    type ManyFilesRun, type Oracle, type SingleFileRun, type WorkspaceRun
} from './scenarios.js';
import { scaleBench } from './scale.js';
import { SERVERS } from './servers.js';
import { signingBench, signingTargets } from './signing.js';
import { FILE_COUNTS, generateWorkspaces, SINGLE_SIZES, writeExportWorkspace, type Workspace } from './workspaces.js';

const CLI = path.resolve('bin/mcred.cjs');
const RESULTS = path.resolve('bench/results');

export function median(values: readonly number[]): number {
    const sorted = values.filter(v => !Number.isNaN(v)).sort((a, b) => a - b);
    if (sorted.length === 0) return Number.NaN;
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: readonly number[], p: number): number {
    const sorted = values.filter(v => !Number.isNaN(v)).sort((a, b) => a - b);
    if (sorted.length === 0) return Number.NaN;
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function log(message: string): void {
    process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function machine(): BenchResults['machine'] {
    const cpus = os.cpus();
    return {
        cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        loadAverageAtStart: os.loadavg().map(l => Math.round(l * 100) / 100)
    };
}

function gitCommit(): string {
    try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
            + (execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() ? ' (modified)' : '');
    } catch {
        return 'unknown';
    }
}

/** `mcred check --format json` over a workspace: its time and the expected diagnostics per file. */
async function check(workspace: Workspace): Promise<{ ms: number; peakRssBytes: number; oracle: Map<string, number>; findings: number }> {
    const folder = path.dirname(workspace.mcred[0]);
    const run = await runProcess([process.execPath, CLI, 'check', folder, '--format', 'json']);
    if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`mcred check failed (${run.exitCode}): ${run.stderr}`);
    const findings = JSON.parse(run.stdout) as Array<{ file: string }>;
    const oracle = new Map(workspace.mcred.map(file => [pathToUri(file), 0]));
    for (const finding of findings) {
        const uri = pathToUri(path.resolve(finding.file));
        oracle.set(uri, (oracle.get(uri) ?? 0) + 1);
    }
    return { ms: run.ms, peakRssBytes: run.peakRssBytes, oracle, findings: findings.length };
}

function pathToUri(file: string): string {
    return new URL(`file://${file}`).href;
}

function hasExportCommand(): boolean {
    try {
        return /^\s+export\s/m.test(execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }));
    } catch {
        return false;
    }
}

async function repeat<T>(runs: number, what: string, run: (i: number) => Promise<T>): Promise<T[]> {
    const results: T[] = [];
    for (let i = 0; i < runs; i++) {
        log(`${what} (run ${i + 1}/${runs})`);
        try {
            results.push(await run(i));
        } catch (error) {
            log(`${what}: FAILED: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
    return results;
}

function measured(values: number[], extra: Partial<Measured> = {}): Measured {
    return { median: median(values), samples: values, ...extra };
}

export async function main(args: string[]): Promise<number> {
    const { values } = parseArgs({
        args,
        options: {
            runs: { type: 'string' },
            quick: { type: 'boolean' },
            only: { type: 'string' },
            sizes: { type: 'string' },
            counts: { type: 'string' },
            skip: { type: 'string' },
            out: { type: 'string' },
            render: { type: 'boolean' },
            // Only one scenario: `--scenario signing` (printed, nothing written) or `--scenario first-contact`.
            scenario: { type: 'string' }
        }
    });
    if (values.render) {
        // Renders latest.md and the README's section again from latest.json, without measuring.
        const results = JSON.parse(readFileSync(path.join(RESULTS, 'latest.json'), 'utf8')) as BenchResults;
        writeFileSync(path.join(RESULTS, 'latest.md'), renderMarkdown(results));
        updateReadme(results);
        return 0;
    }
    const quick = values.quick ?? false;
    const runsOverride = values.runs ? Number(values.runs) : undefined;
    const runsFor = (heavy: boolean) => runsOverride ?? (quick ? 1 : heavy ? 3 : 5);
    const SCENARIOS = ['signing', 'first-contact'];
    if (values.scenario !== undefined && !SCENARIOS.includes(values.scenario)) {
        process.stderr.write(`bench: unknown scenario '${values.scenario}' (one of: ${SCENARIOS.join(', ')})\n`);
        return 2;
    }
    if (values.scenario === 'signing') {
        const signing = await signingBench(runsFor(true), log);
        process.stdout.write(signingTargets(signing).map(t => `${t.target}: ${t.value}${t.met === undefined ? '' : t.met ? ' (met)' : ' (missed)'}\n`).join(''));
        return 0;
    }
    const servers = SERVERS.filter(s => !values.only || s.id === values.only);
    const list = (value: string | undefined) => value?.split(',').filter(Boolean).map(Number);
    const sizes = list(values.sizes) ?? (quick ? [1_000, 10_000] : SINGLE_SIZES);
    const counts = list(values.counts) ?? (quick ? [250] : FILE_COUNTS);
    const skip = new Set(values.skip?.split(',') ?? []);

    const startedAt = new Date().toISOString();
    const firstContactOnly = values.scenario === 'first-contact';
    log('generating workspaces');
    const workspaces = firstContactOnly ? [] : generateWorkspaces({ sizes, counts });
    const results: BenchResults = {
        startedAt, finishedAt: '', commit: gitCommit(), machine: machine(), quick,
        single: {}, files: {}, oneByOne: {}, phases: {}, cli: { check: {}, export: { skipped: 'not run' } }, floor: {}
    };
    if (!skip.has('first-contact')) {
        results.firstContact = await firstContactBench(servers, { runs: runsOverride ?? (quick ? 3 : 7), log });
    }

    for (const workspace of workspaces) {
        results.floor[workspace.id] = median(Array.from({ length: 5 }, () => jsonParseMs(workspace.json)));
    }

    if (!skip.has('phases')) {
        for (const workspace of workspaces.filter(w => w.kind === 'single')) {
            log(`in-process build phases ${workspace.id}`);
            const file = workspace.mcred[0];
            results.phases[workspace.id] = {
                lines: workspace.mcredLines,
                mcred: await medianPhases(file, runsFor(workspace.mcredLines >= 50_000)),
                langiumScopes: await medianPhases(file, 1, LANGIUM_DEFAULT_SCOPES)
            };
        }
    }

    if (!skip.has('edit-phases')) {
        log('in-process edit phases');
        results.editPhases = await measureEditPhases(workspaces, quick ? 5 : 15);
    }

    const oracles = new Map<string, Oracle>();
    for (const workspace of workspaces) {
        const heavy = workspace.kind === 'files' || workspace.mcredLines >= 50_000;
        const runs = await repeat(skip.has('check') ? 1 : runsFor(heavy), `mcred check ${workspace.id}`, () => check(workspace));
        if (runs.length > 0) {
            oracles.set(workspace.id, runs[0].oracle);
            results.cli.check[workspace.id] = {
                ms: measured(runs.map(r => r.ms)), peakRssMiB: median(runs.map(r => r.peakRssBytes)) / 2 ** 20,
                lines: workspace.mcredLines, files: workspace.mcred.length, findings: runs[0].findings
            };
        }
    }

    for (const workspace of workspaces.filter(w => w.kind === 'single' && !skip.has('single'))) {
        const heavy = workspace.mcredLines >= 50_000;
        results.single[workspace.id] = { lines: workspace.mcredLines, yamlLines: workspace.yamlLines };
        for (const server of servers) {
            const options = heavy ? { reopens: 2, edits: 6, completions: 20 } : { reopens: 4, edits: 10, completions: 40 };
            const runs = await repeat(runsFor(heavy), `${server.id} ${workspace.id}`, () => singleFileRun(server, workspace, options));
            results.single[workspace.id][server.id] = summariseSingle(runs);
        }
    }

    for (const workspace of workspaces.filter(w => w.kind === 'files')) {
        const count = workspace.mcred.length;
        results.files[workspace.id] = { files: count, lines: workspace.mcredLines };
        for (const server of servers) {
            const oracle = server.id === 'mcred' ? oracles.get(workspace.id) : undefined;
            const open = skip.has('open') ? [] : await repeat(runsFor(true), `${server.id} open ${count} files`, () => openManyFilesRun(server, workspace, oracle));
            const folder = skip.has('workspace') ? []
                : await repeat(runsFor(true), `${server.id} workspace folder of ${count} files`, () => workspaceRun(server, workspace, oracle, 6));
            results.files[workspace.id][server.id] = summariseFiles(open, folder);
        }
    }

    const sequential = skip.has('onebyone') ? undefined : workspaces.find(w => w.kind === 'files');
    if (sequential) {
        const count = Math.min(100, sequential.mcred.length);
        results.oneByOne = { files: count };
        for (const server of servers) {
            const runs = await repeat(runsFor(true), `${server.id} open ${count} files one by one, waiting`, () => openOneByOneRun(server, sequential, count));
            results.oneByOne[server.id] = measured(runs);
        }
    }

    results.cli.export = skip.has('export') || firstContactOnly ? { skipped: 'skipped (--skip export)' } : await exportBench(runsFor(true));
    results.signing = skip.has('signing') || firstContactOnly ? { skipped: 'skipped (--skip signing)' } : await signingBench(runsFor(true), log);
    if (!skip.has('scale') && !firstContactOnly) results.scale = await scaleBench(runsFor(true));
    results.finishedAt = new Date().toISOString();
    results.machine.loadAverageAtEnd = os.loadavg().map(l => Math.round(l * 100) / 100);

    if (firstContactOnly && !values.out) {
        // One scenario is not a benchmark: printed, never written over the published results.
        process.stdout.write(renderMarkdown(results));
        return 0;
    }
    const out = values.out ? path.resolve(values.out) : RESULTS;
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'latest.json'), JSON.stringify(results, undefined, 2) + '\n');
    writeFileSync(path.join(out, 'latest.md'), renderMarkdown(results));
    log(`wrote ${path.relative(process.cwd(), path.join(out, 'latest.md'))}`);
    if (out === RESULTS) updateReadme(results);
    process.stdout.write(renderMarkdown(results));
    return 0;
}

function summariseSingle(runs: SingleFileRun[]) {
    return {
        coldMs: measured(runs.map(r => r.coldMs)),
        coldCpuMs: measured(runs.map(r => r.coldCpuMs)),
        openMs: measured(runs.map(r => median(r.openMs))),
        editMs: measured(runs.map(r => median(r.editMs))),
        completionP50Ms: percentile(runs.flatMap(r => r.completionMs), 50),
        completionP95Ms: percentile(runs.flatMap(r => r.completionMs), 95),
        completionItems: runs[0]?.completionItems ?? -1,
        diagnostics: runs[0]?.diagnostics ?? -1,
        peakRssMiB: median(runs.map(r => r.peakRssBytes)) / 2 ** 20,
        runs
    };
}

function summariseFiles(open: ManyFilesRun[], folder: WorkspaceRun[]) {
    return {
        openAllMs: measured(open.map(r => r.openAllMs), { missing: Math.max(0, ...open.map(r => r.missing)) }),
        openAllCpuMs: measured(open.map(r => r.openAllCpuMs)),
        openAllPeakRssMiB: median(open.map(r => r.peakRssBytes)) / 2 ** 20,
        workspaceFirstMs: measured(folder.map(r => r.firstDiagnosticsMs)),
        workspaceFirstCpuMs: measured(folder.map(r => r.firstDiagnosticsCpuMs)),
        workspaceAllMs: folder.some(r => r.allDiagnosticsMs !== undefined) ? measured(folder.map(r => r.allDiagnosticsMs ?? Number.NaN)) : undefined,
        editProgrammeMs: measured(folder.map(r => median(r.editProgrammeMs))),
        editProvidersMs: measured(folder.map(r => median(r.editProvidersMs))),
        workspacePeakRssMiB: median(folder.map(r => r.peakRssBytes)) / 2 ** 20,
        runs: { open, folder }
    };
}

async function exportBench(runs: number): Promise<BenchResults['cli']['export']> {
    if (!hasExportCommand()) {
        log('mcred export: not available in this build; skipped');
        return { skipped: '`mcred export` is not in this build yet' };
    }
    const learners = 10_000;
    const { roster, out } = writeExportWorkspace(learners);
    // The reference programme of docs/language.md: valid, so the export goes through (it refuses a credential with errors).
    const programme = path.resolve('test/fixtures/language-md-example.mcred');
    // The disk of a shared machine is the noisiest part (10,000 files, 75-220 MB): the export is
    // also written to a memory file system, when there is one, to see what the command itself costs.
    const outputs: Array<[suffix: string, folder: string]> = [['', out]];
    if (isWritableFolder('/dev/shm')) outputs.push(['-memory', path.join('/dev/shm', `mcred-bench-export-${process.pid}`)]);
    const result: Record<string, Measured> = {};
    for (const format of ['ob3', 'elm']) {
        for (const [suffix, folder] of outputs) {
            const times = await repeat(runs, `mcred export --format ${format} (${learners} learners) to ${folder}`, async () => {
                rmSync(folder, { recursive: true, force: true });
                const run = await runProcess([process.execPath, CLI, 'export', programme, '--format', format, '--roster', roster,
                    '--credential', 'AIDigitalEthics', '--out', folder]);
                if (run.exitCode !== 0) throw new Error(`exit ${run.exitCode}: ${(run.stderr || run.stdout).slice(0, 500)}`);
                return run.ms;
            });
            result[format + suffix] = measured(times);
            rmSync(folder, { recursive: true, force: true });
        }
    }
    return { learners, ...result };
}

function isWritableFolder(folder: string): boolean {
    try {
        accessSync(folder, constants.W_OK);
        return statSync(folder).isDirectory();
    } catch {
        return false;
    }
}

const README = 'README.md';
const README_BEGIN = '<!-- bench:begin (written by npm run bench) -->';
const README_END = '<!-- bench:end -->';

/** Replaces the README's performance tables (between its markers) by these results. */
function updateReadme(results: BenchResults): void {
    const text = readFileSync(README, 'utf8');
    const begin = text.indexOf(README_BEGIN);
    const end = text.indexOf(README_END);
    if (begin < 0 || end < begin) {
        log(`${README}: no ${README_BEGIN} … ${README_END} markers; not updated`);
        return;
    }
    writeFileSync(README, text.slice(0, begin + README_BEGIN.length) + '\n' + renderReadmeSection(results) + '\n' + text.slice(end));
    log(`updated the performance section of ${README}`);
}
