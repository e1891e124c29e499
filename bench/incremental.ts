import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DefaultLangiumDocumentFactory, DocumentState, EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMcredServices, type McredServiceOverrides } from '../language-server/mcred-module.js';
import type { McredDocumentBuilder } from '../language-server/workspace/mcred-document-builder.js';
import type { McredDocumentFactory } from '../language-server/workspace/mcred-document-factory.js';
import { cpuMs, PHASES } from './in-process.js';
import { MCRED_SERVER } from './servers.js';
import type { BenchResults } from './report.js';
import { generateWorkspaces, type Workspace } from './workspaces.js';

/**
 * Where an edit's time goes on a warm server (in-process, the editor's path: the open buffer
 * changes, the document builder updates it): one line of a large file, a credential's title
 * emptied and restored, as the single-file scenario of the benchmark does over stdio.
 */
export interface EditPhases {
    /** CPU milliseconds of the process per phase (medians over the edits; less sensitive to a busy machine than wall time). */
    readonly parse: number;
    readonly index: number;
    readonly link: number;
    readonly validate: number;
    readonly total: number;
    /** Wall-clock milliseconds from the change to the end of validation (median). */
    readonly wall: number;
    /** How many of the edits were parsed incrementally (the rest in full). */
    readonly incremental: number;
    readonly edits: number;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function editPhases(file: string, edits: number, overrides?: McredServiceOverrides): Promise<EditPhases> {
    const text = readFileSync(file, 'utf8');
    const target = MCRED_SERVER.editTarget(text);
    const lines = text.split('\n');
    const emptied = [...lines];
    emptied[target.line] = lines[target.line].slice(0, target.start) + lines[target.line].slice(target.end);
    const texts = [emptied.join('\n'), text];

    const { shared } = createMcredServices(EmptyFileSystem, overrides);
    await shared.workspace.WorkspaceManager.initialized({});
    const builder = shared.workspace.DocumentBuilder as McredDocumentBuilder;
    const factory = shared.workspace.LangiumDocumentFactory as Partial<McredDocumentFactory>;
    const uri = URI.file('/bench/edited.mcred');
    let version = 0;
    const times: Record<'parse' | 'index' | 'link' | 'validate', number> = { parse: 0, index: 0, link: 0, validate: 0 };
    let last = 0;
    const listeners = PHASES.map(([state, phase]) => builder.onBuildPhase(state, () => {
        const now = cpuMs();
        times[phase] += now - last;
        last = now;
    }));
    const set = async (content: string) => {
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'mcred', ++version, content));
        last = cpuMs();
        builder.scheduleUpdate([uri], []);
        await builder.settled();
    };
    await set(text);
    // Warm-up: a few edits before measuring.
    for (let i = 0; i < 4; i++) await set(texts[i % 2]);
    const samples: Array<Record<string, number>> = [];
    const before = factory.parses?.incremental ?? 0;
    for (let i = 0; i < edits; i++) {
        Object.assign(times, { parse: 0, index: 0, link: 0, validate: 0 });
        const start = performance.now();
        const startCpu = cpuMs();
        let validated = start;
        const done = builder.onBuildPhase(DocumentState.Validated, () => { validated = performance.now(); });
        // The scheduling delay (a couple of turns of the event loop) counts towards the parse phase.
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'mcred', ++version, texts[i % 2]));
        builder.scheduleUpdate([uri], []);
        last = startCpu;
        await builder.settled();
        done.dispose();
        samples.push({ ...times, total: times.parse + times.index + times.link + times.validate, wall: validated - start });
    }
    listeners.forEach(listener => listener.dispose());
    const pick = (key: string) => median(samples.map(sample => sample[key]));
    return {
        parse: pick('parse'), index: pick('index'), link: pick('link'), validate: pick('validate'), total: pick('total'), wall: pick('wall'),
        incremental: (factory.parses?.incremental ?? 0) - before, edits
    };
}

/**
 * `node scripts/bench.mjs --entry bench/incremental.ts [--sizes 10000,50000] [--edits 9] [--full]`:
 * the edit phases alone (`--full`: also with Langium's document factory, which parses every edit in full).
 */
export async function main(args: string[]): Promise<number> {
    const { values } = parseArgs({ args, options: { sizes: { type: 'string' }, edits: { type: 'string' }, full: { type: 'boolean' } } });
    const sizes = (values.sizes ?? '10000,50000').split(',').map(Number);
    const edits = Number(values.edits ?? 9);
    for (const workspace of generateWorkspaces({ sizes, counts: [] })) {
        if (values.full) {
            const langium: McredServiceOverrides = { shared: { workspace: { LangiumDocumentFactory: s => new DefaultLangiumDocumentFactory(s) } } };
            const full = await editPhases(workspace.mcred[0], edits, langium);
            process.stdout.write(`${workspace.id} full parse:  ${formatPhases(full)}\n`);
        }
        process.stdout.write(`${workspace.id} incremental: ${formatPhases(await editPhases(workspace.mcred[0], edits))}\n`);
    }
    return 0;
}

export function formatPhases(phases: EditPhases): string {
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    return `wall ${ms(phases.wall)}, CPU ${ms(phases.total)} (parse ${ms(phases.parse)}, index ${ms(phases.index)}, link ${ms(phases.link)}, validate ${ms(phases.validate)}); `
        + `${phases.incremental}/${phases.edits} edits parsed incrementally`;
}

/** The edit phases of each single-file workspace (the benchmark's `editPhases` section; `--skip edit-phases` leaves it out). */
export async function measureEditPhases(workspaces: readonly Workspace[], edits: number): Promise<Record<string, EditPhases & { lines: number }>> {
    const measuredPhases: Record<string, EditPhases & { lines: number }> = {};
    for (const workspace of workspaces.filter(w => w.kind === 'single')) {
        measuredPhases[workspace.id] = { lines: workspace.mcredLines, ...await editPhases(workspace.mcred[0], edits) };
    }
    return measuredPhases;
}

const MiB_PER_MB = 1 / 1.048576;

/** The targets of issue 18 for edits of one large file (steady state) and its memory. */
export function incrementalTargets(results: BenchResults): Array<{ target: string; value: string; met: boolean | undefined }> {
    const single = (lines: number) => Object.values(results.single).find(s => Math.abs(s.lines - lines) / lines < 0.1);
    const list: Array<{ target: string; value: string; met: boolean | undefined }> = [];
    for (const [lines, limit] of [[10_000, 40], [50_000, 120]] as const) {
        const edit = single(lines)?.mcred?.editMs.median;
        if (edit !== undefined) list.push({ target: `edit → diagnostics, ${lines / 1000}k lines: ≤ ${limit} ms`, value: `${Math.round(edit)} ms`, met: edit <= limit });
    }
    const rss = single(50_000)?.mcred?.peakRssMiB;
    if (rss !== undefined) list.push({ target: 'peak RSS, 50k lines: ≤ 200 MiB', value: `${Math.round(rss)} MiB (${Math.round(rss / MiB_PER_MB)} MB)`, met: rss <= 200 });
    return list;
}

/** The in-process table of an edit's phases (Markdown lines; none when not measured). */
export function editPhasesSection(results: BenchResults): string[] {
    const measuredPhases = results.editPhases;
    if (!measuredPhases || Object.keys(measuredPhases).length === 0) return [];
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    return ['', '## Where an edit\'s time goes (in-process, CPU time per phase, one line of one file edited)', '',
        '| lines | parse | index + scopes | link | validate | total CPU | wall | parsed incrementally |', '|---:|---:|---:|---:|---:|---:|---:|---:|',
        ...Object.values(measuredPhases).map(p => `| ${p.lines.toLocaleString('en')} | ${ms(p.parse)} | ${ms(p.index)} | ${ms(p.link)} | ${ms(p.validate)} | ${ms(p.total)} | ${ms(p.wall)} | ${p.incremental}/${p.edits} |`),
        '', 'An edit inside one top-level block re-parses that block alone (parser/incremental-parse.ts), and validation reuses the findings of the '
        + 'blocks whose text and dependencies did not change (validation/element-diagnostics.ts).'];
}
