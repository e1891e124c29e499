import { firstContactTargets, renderFirstContact, type FirstContactResults } from './first-contact.js';
import type { PhaseTimes } from './in-process.js';
import { editPhasesSection, incrementalTargets, type EditPhases } from './incremental.js';
import { signingTargets, type SigningResults } from './signing.js';
import { scaleTargets, type ScaleResults } from './scale.js';

/** A measured quantity: the median of the runs and every sample. */
export interface Measured {
    readonly median: number;
    readonly samples: readonly number[];
    readonly missing?: number;
}

interface SingleSummary {
    readonly coldMs: Measured;
    readonly coldCpuMs: Measured;
    readonly openMs: Measured;
    readonly editMs: Measured;
    readonly completionP50Ms: number;
    readonly completionP95Ms: number;
    readonly completionItems: number;
    readonly diagnostics: number;
    readonly peakRssMiB: number;
}

interface FilesSummary {
    readonly openAllMs: Measured;
    readonly openAllCpuMs: Measured;
    readonly openAllPeakRssMiB: number;
    readonly workspaceFirstMs: Measured;
    readonly workspaceFirstCpuMs: Measured;
    readonly workspaceAllMs?: Measured;
    readonly editProgrammeMs: Measured;
    readonly editProvidersMs: Measured;
    readonly workspacePeakRssMiB: number;
}

type ServerId = 'mcred' | 'yaml';

export interface BenchResults {
    startedAt: string;
    finishedAt: string;
    commit: string;
    quick: boolean;
    machine: { cpu: string; memoryGiB: number; os: string; node: string; loadAverageAtStart: number[]; loadAverageAtEnd?: number[] };
    single: Record<string, { lines: number; yamlLines: number } & Partial<Record<ServerId, SingleSummary>>>;
    files: Record<string, { files: number; lines: number } & Partial<Record<ServerId, FilesSummary>>>;
    oneByOne: { files?: number } & Partial<Record<ServerId, Measured>>;
    cli: {
        check: Record<string, { ms: Measured; peakRssMiB: number; lines: number; files: number; findings: number }>;
        export: { skipped: string } | ({ learners: number } & Record<string, Measured | number>);
    };
    floor: Record<string, number>;
    /** Signing and verifying 1,000 OB3 credentials (bench/signing.ts). */
    signing?: SigningResults;
    /** In-process CPU time per build phase, with mcred's scope computation and with Langium's default one. */
    phases: Record<string, { lines: number; mcred: PhaseTimes; langiumScopes: PhaseTimes }>;
    /** In-process CPU time per phase of an edit of one large file (issue 18). */
    editPhases?: Record<string, EditPhases & { lines: number }>;
    /** A fresh server per run: open, first edit, first completion (bench/first-contact.ts). */
    firstContact?: FirstContactResults;
    /** Catalogue scale (bench/scale.ts): absent when skipped. */
    scale?: ScaleResults;
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '—' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);
const mib = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '—' : `${Math.round(value)} MiB`);
const ratio = (mcred: number | undefined, yaml: number | undefined) =>
    (mcred === undefined || yaml === undefined || Number.isNaN(mcred) || Number.isNaN(yaml) || mcred <= 0 ? '—' : `${(yaml / mcred).toFixed(1)}×`);

interface Row {
    readonly what: string;
    readonly mcred?: number;
    readonly yaml?: number;
    readonly unit: 'ms' | 'MiB';
    readonly target?: string;
    readonly met?: boolean;
}

function label(lines: number): string {
    return lines >= 1000 ? `${Math.round(lines / 1000)}k` : String(lines);
}

/**
 * The targets, evaluated on the results: those of the first performance step (issue 8), then those
 * of the second (issue 18: first contact, edits that do not grow with the file, catalogue scale,
 * signing), each from the scenario that measures it. A later, tighter target replaces an earlier one.
 */
export function targets(results: BenchResults): Array<{ target: string; value: string; met: boolean | undefined }> {
    const single = (lines: number) => Object.values(results.single).find(s => Math.abs(s.lines - lines) / lines < 0.1);
    const list: Array<{ target: string; value: string; met: boolean | undefined }> = [];
    const s1 = single(1_000);
    if (s1?.mcred) {
        const edit = s1.mcred.editMs.median;
        const speedup = s1.yaml ? s1.yaml.editMs.median / edit : Number.NaN;
        list.push({ target: 'edit → diagnostics, 1,000 lines: ≤ 30 ms', value: ms(edit), met: edit <= 30 });
        list.push({ target: 'edit → diagnostics, 1,000 lines: ≥ 5× faster than yaml-language-server', value: Number.isNaN(speedup) ? '—' : `${speedup.toFixed(1)}×`, met: Number.isNaN(speedup) ? undefined : speedup >= 5 });
    }
    const s10 = single(10_000);
    if (s10?.mcred) {
        list.push({ target: 'open → diagnostics, 10k lines: ≤ 250 ms', value: ms(s10.mcred.openMs.median), met: s10.mcred.openMs.median <= 250 });
        list.push({ target: 'completion p95, 10k lines: ≤ 20 ms', value: ms(s10.mcred.completionP95Ms), met: s10.mcred.completionP95Ms <= 20 });
    }
    const s50 = single(50_000);
    if (s50?.mcred) {
        list.push({ target: 'open → diagnostics, 50k lines: ≤ 1 s', value: ms(s50.mcred.openMs.median), met: s50.mcred.openMs.median <= 1000 });
    }
    const perLine = Object.values(results.single).filter(s => s.mcred).map(s => ({ lines: s.lines, us: (s.mcred!.openMs.median * 1000) / s.lines }));
    if (perLine.length >= 2) {
        const base = perLine[0];
        const worst = Math.max(...perLine.map(p => p.us / base.us));
        list.push({
            target: `open cost per line within 1.5× from ${label(base.lines)} to ${label(perLine[perLine.length - 1].lines)} lines`,
            value: perLine.map(p => `${label(p.lines)}: ${p.us.toFixed(1)} µs`).join(', ') + ` (worst ${worst.toFixed(2)}×)`,
            met: worst <= 1.5
        });
    }
    list.push(...firstContactTargets(results.firstContact));
    const exported = results.cli.export;
    if ('learners' in exported) {
        for (const format of ['ob3', 'elm']) {
            for (const [suffix, where] of [['', 'to disk'], ['-memory', 'to /dev/shm (memory, no disk)']]) {
                const m = exported[format + suffix] as Measured | undefined;
                if (m) list.push({ target: `mcred export --format ${format}, ${exported.learners} learners, ${where}: ≤ 2 s`, value: ms(m.median), met: m.median <= 2000 });
            }
        }
    } else {
        list.push({ target: 'mcred export of 10,000 learners: ≤ 2 s', value: `not measured: ${exported.skipped}`, met: undefined });
    }
    list.push(...incrementalTargets(results));
    list.push(...signingTargets(results.signing));
    list.push(...scaleTargets(results.scale));
    return list;
}

function machineLine(results: BenchResults): string {
    const m = results.machine;
    return `Machine: ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; load average ${m.loadAverageAtStart.join(' / ')} at start`
        + (m.loadAverageAtEnd ? `, ${m.loadAverageAtEnd.join(' / ')} at end` : '') + `. Commit ${results.commit}, ${results.startedAt} → ${results.finishedAt}`;
}

function targetsTable(results: BenchResults): string[] {
    return ['| target | measured | met |', '|---|---|:---:|',
        ...targets(results).map(t => `| ${t.target} | ${t.value} | ${t.met === undefined ? '—' : t.met ? 'yes' : '**no**'} |`)];
}

function singleFileRows(results: BenchResults, options: { brief?: boolean } = {}): Row[] {
    const rows: Row[] = [];
    for (const s of Object.values(results.single)) {
        const l = label(s.lines);
        if (!options.brief) {
            rows.push({ what: `cold start → first diagnostics, ${l} lines`, mcred: s.mcred?.coldMs.median, yaml: s.yaml?.coldMs.median, unit: 'ms' });
            rows.push({ what: `… of which server CPU time`, mcred: s.mcred?.coldCpuMs.median, yaml: s.yaml?.coldCpuMs.median, unit: 'ms' });
        }
        rows.push({ what: `open → diagnostics, ${l} lines`, mcred: s.mcred?.openMs.median, yaml: s.yaml?.openMs.median, unit: 'ms' });
        rows.push({ what: `edit → diagnostics (one line), ${l} lines`, mcred: s.mcred?.editMs.median, yaml: s.yaml?.editMs.median, unit: 'ms' });
        if (!options.brief) {
            rows.push({ what: `completion p50, ${l} lines`, mcred: s.mcred?.completionP50Ms, yaml: s.yaml?.completionP50Ms, unit: 'ms' });
        }
        rows.push({ what: `completion p95, ${l} lines`, mcred: s.mcred?.completionP95Ms, yaml: s.yaml?.completionP95Ms, unit: 'ms' });
        rows.push({ what: `peak RSS (server process tree), ${l} lines`, mcred: s.mcred?.peakRssMiB, yaml: s.yaml?.peakRssMiB, unit: 'MiB' });
    }
    return rows;
}

/**
 * The performance section of the README: the machine, the targets and the main side-by-side
 * measurements (`npm run bench` replaces it between its markers).
 */
export function renderReadmeSection(results: BenchResults): string {
    const lines = [`Measured by \`npm run bench\` (${results.quick ? 'quick run, indicative only' : 'medians over several runs'}). ${machineLine(results)}.`, ''];
    lines.push(...targetsTable(results), '');
    const rows = singleFileRows(results, { brief: true });
    for (const f of Object.values(results.files)) {
        const n = f.files.toLocaleString('en');
        rows.push({ what: `open ${n} files one after another → all diagnostics`, mcred: f.mcred?.openAllMs.median, yaml: f.yaml?.openAllMs.median, unit: 'ms' });
        rows.push({ what: `edit → diagnostics, the providers file every programme of ${n} references`, mcred: f.mcred?.editProvidersMs.median, yaml: f.yaml?.editProvidersMs.median, unit: 'ms' });
    }
    lines.push(...table(rows), '', 'All measurements, the command line, the floor (`JSON.parse`) and how each is measured: '
        + '[bench/results/latest.md](bench/results/latest.md).');
    return lines.join('\n');
}

function table(rows: Row[]): string[] {
    const lines = ['| measurement | mcred | yaml-language-server | yaml-ls ÷ mcred |', '|---|---:|---:|---:|'];
    for (const row of rows) {
        const format = row.unit === 'ms' ? ms : mib;
        lines.push(`| ${row.what} | ${format(row.mcred)} | ${format(row.yaml)} | ${ratio(row.mcred, row.yaml)} |`);
    }
    return lines;
}

export function renderMarkdown(results: BenchResults): string {
    const lines: string[] = [];
    lines.push('# mcred benchmark', '');
    lines.push(`${results.quick ? 'Quick run (`--quick`, 1 run each): indicative only. ' : ''}Medians over several runs; `
        + `the ratio column is how many times longer (or more memory) yaml-language-server takes on the same content written as YAML with an equivalent JSON Schema.`);
    lines.push('', `${machineLine(results)}.`, '');

    lines.push('## Targets (issues 8 and 18)', '', ...targetsTable(results));

    lines.push('', '## One large file', '');
    lines.push(...table(singleFileRows(results)));

    lines.push(...renderFirstContact(results.firstContact));

    lines.push('', '## Many files', '');
    const fileRows: Row[] = [];
    for (const f of Object.values(results.files)) {
        const n = f.files.toLocaleString('en');
        fileRows.push({ what: `open ${n} files one after another (back to back) → all diagnostics`, mcred: f.mcred?.openAllMs.median, yaml: f.yaml?.openAllMs.median, unit: 'ms' });
        fileRows.push({ what: '… of which server CPU time', mcred: f.mcred?.openAllCpuMs.median, yaml: f.yaml?.openAllCpuMs.median, unit: 'ms' });
        fileRows.push({ what: `workspace folder of ${n} files: start → diagnostics of an opened pathway file`, mcred: f.mcred?.workspaceFirstMs.median, yaml: f.yaml?.workspaceFirstMs.median, unit: 'ms' });
        fileRows.push({ what: '… of which server CPU time', mcred: f.mcred?.workspaceFirstCpuMs.median, yaml: f.yaml?.workspaceFirstCpuMs.median, unit: 'ms' });
        fileRows.push({ what: `workspace folder of ${n} files: start → diagnostics of every file`, mcred: f.mcred?.workspaceAllMs?.median, yaml: undefined, unit: 'ms' });
        fileRows.push({ what: `edit → diagnostics, a programme file among ${n}`, mcred: f.mcred?.editProgrammeMs.median, yaml: f.yaml?.editProgrammeMs.median, unit: 'ms' });
        fileRows.push({ what: `edit → diagnostics, the providers file every programme of ${n} references`, mcred: f.mcred?.editProvidersMs.median, yaml: f.yaml?.editProvidersMs.median, unit: 'ms' });
        fileRows.push({ what: `peak RSS, workspace folder of ${n} files`, mcred: f.mcred?.workspacePeakRssMiB, yaml: f.yaml?.workspacePeakRssMiB, unit: 'MiB' });
        const missing = f.mcred?.openAllMs.missing;
        if (missing) fileRows.push({ what: `**files left without their final diagnostics (${n} files)**: ${missing}`, unit: 'ms' });
    }
    if (results.oneByOne.files) {
        fileRows.push({ what: `open ${results.oneByOne.files} files one by one, each after the previous one's diagnostics`, mcred: results.oneByOne.mcred?.median, yaml: results.oneByOne.yaml?.median, unit: 'ms' });
    }
    lines.push(...table(fileRows));

    if (Object.keys(results.phases).length > 0) {
        lines.push('', '## Where the time goes (in-process, CPU time per build phase, one file)', '',
            '| lines | parse | index + scopes | link | validate | total | link with Langium\'s default scopes |', '|---:|---:|---:|---:|---:|---:|---:|');
        for (const p of Object.values(results.phases)) {
            const t = p.mcred;
            lines.push(`| ${p.lines.toLocaleString('en')} | ${ms(t.parse)} | ${ms(t.index)} | ${ms(t.link)} | ${ms(t.validate)} | ${ms(t.total)} | ${ms(p.langiumScopes.link)} |`);
        }
        lines.push('', 'Langium\'s default scope computation also lists every top-level declaration as a local symbol of the file, '
            + 'so each reference searches the file first and linking grows with the square of the file size (TOOLCHAIN.md pitfall 9); '
            + 'mcred resolves top-level names from the global index only.');
    }

    lines.push(...editPhasesSection(results));

    lines.push('', '## Command line and floor', '', '| workspace | lines | files | `mcred check` | peak RSS | `JSON.parse` of the same content |', '|---|---:|---:|---:|---:|---:|');
    for (const [id, c] of Object.entries(results.cli.check)) {
        lines.push(`| ${id} | ${c.lines.toLocaleString('en')} | ${c.files.toLocaleString('en')} | ${ms(c.ms.median)} | ${mib(c.peakRssMiB)} | ${ms(results.floor[id])} |`);
    }
    const exported = results.cli.export;
    lines.push('', 'learners' in exported
        ? `\`mcred export\` of ${exported.learners.toLocaleString('en')} learners (written to disk; to /dev/shm): ${['ob3', 'elm'].map(f => `${f} ${ms((exported[f] as Measured | undefined)?.median)}; ${ms((exported[`${f}-memory`] as Measured | undefined)?.median)}`).join(', ')}.`
        : `\`mcred export\`: ${exported.skipped}.`);

    lines.push('', '## How it is measured', '',
        '- `npm run bench` generates the workspaces into `bench/workspaces/` (git-ignored): one file of about 1k, 10k, 50k and 100k lines, '
        + 'and folders of 250, 1,000 and 2,000 files (a shared providers file, one programme per file, pathways stacking programmes from other files), '
        + 'with a defect in about one programme in ten. The same content is written as YAML (with a JSON Schema) and as JSON.',
        '- Both servers are driven over stdio by the same client (`test/support/lsp-stdio-client.ts`). An edit empties or restores a title '
        + '(one line, incremental change); it adds or removes one error, so the answer is recognised by its diagnostics. '
        + 'yaml-language-server waits a fixed 200 ms before validating; that delay is part of what its users see and is included.',
        '- "Open → diagnostics" is measured on a running server (the file is closed and opened again); "cold start" includes spawning Node.',
        '- Back-to-back opening waits until every file has its final diagnostics (for mcred: the count `mcred check` reports for that file).',
        '- Peak RSS is the sum over the server process tree, sampled from /proc every 25 ms.',
        '- yaml-language-server does not index a workspace folder: its "workspace" rows measure opening the file in it.', '');
    return lines.join('\n');
}
