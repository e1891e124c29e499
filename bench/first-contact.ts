/**
 * First contact: what a user meets on a fresh server, not the steady state of a warm one. A new
 * server process is started, initialized and given the reference programme of docs/language.md
 * §2 copied (with renamed names) to about 1,000 and 10,000 lines; then the first edit deletes
 * one `participation` line and waits for the `eu-participation` error, and the first completion
 * is asked. Every run starts a new process; the medians are over those runs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { LspStdioClient } from '../test/support/lsp-stdio-client.js';
import { RssSampler, treeCpuMs } from './process-memory.js';
import type { ServerUnderTest } from './servers.js';
import type { CohortModel, CredentialModel, FileModel, PathwayModel, ProviderModel } from './workspace-model.js';
import { SCHEMA_FILE, WORKSPACES, writeWorkspace, type Workspace } from './workspaces.js';
import { YAML_SCHEMA } from './yaml-schema.js';

export const FIRST_CONTACT_SIZES = [1_000, 10_000];

/**
 * The pause between the first diagnostics and the first edit: the user looks at the file
 * before typing. A server may use idle time (it must never delay a request to do so).
 */
export const THINK_MS = 500;

const WAIT_LIMIT_MS = 120_000;

// ---------------------------------------------------------------------------------------------
// The workspace: the §2 programme, copy `i` with every declared name suffixed by `i`.

function provider(i: number): ProviderModel {
    return { name: `UNIFI${i}`, legalName: 'University of Florence', country: 'IT', region: 'Toscana', kind: 'university', homepage: 'https://www.unifi.it' };
}

function credential(i: number): CredentialModel {
    return {
        name: `AIDigitalEthics${i}`,
        title: 'AI & Digital Ethics',
        awardedBy: [`UNIFI${i}`],
        language: 'en',
        eqf: 6,
        field: '0223',
        ects: 5,
        hours: 125,
        weeks: 6,
        participation: 'blended',
        setting: 'non-formal',
        outcomes: [
            { name: 'LO1', statement: 'Explain the main ethical principles that apply to AI systems' },
            { name: 'LO2', statement: 'Evaluate an AI application against the EU AI Act risk categories', skill: 'http://data.europa.eu/esco/skill/b2f925ed-3ebd-4f78-b98e-d5d4678e83b5' }
        ],
        assessments: [{ name: 'Audit', type: 'project', covers: ['LO1', 'LO2'], supervision: 'supervised-with-id', grading: 'pass/fail' }],
        audience: {
            target: 'IT and business professionals who deploy AI tools', needsAnalysis: 'Employer survey, 2025 (120 responses)',
            coDesignedWith: 'Regional chamber of commerce', purposes: ['upskilling', 'reskilling']
        },
        format: { mode: 'blended', methodology: 'Case studies, flipped classroom', sustainability: "Reuses the university's e-learning platform" },
        qualityAssurance: {
            internal: "Design approved by the School's QA committee", agency: 'ANVUR', standard: 'ESG 2015 Part 1',
            stakeholders: ['employers', 'learners'], reviewYears: 2
        },
        business: {
            model: 'Fee-based, co-financed by industry partners', fee: 300, currency: 'EUR', shortRun: 'Break-even at 25 learners',
            mediumRun: 'Partner co-funding for three editions', longRun: 'Part of the lifelong-learning catalogue',
            administration: 'Enrolment through the university portal'
        },
        prerequisites: 'Bachelor degree, or two years of professional experience',
        stackableInto: `AILiteracyPathway${i}`,
        recognition: 'Counts as 5 ECTS elective in the MSc in Computer Science',
        furtherInfo: 'https://www.unifi.it/micro/ai-ethics'
    };
}

function pathway(i: number): PathwayModel {
    return { name: `AILiteracyPathway${i}`, title: 'AI Literacy for Professionals', awardedBy: `UNIFI${i}`, includes: [`AIDigitalEthics${i}`], eqf: 6 };
}

function cohort(i: number): CohortModel {
    return {
        name: `Spring2026x${i}`, credential: `AIDigitalEthics${i}`, issued: '2026-06-30',
        learners: [
            { name: 'Jane Doe', id: `mailto:jane.doe.${i}@example.org`, grade: 'pass' },
            { name: 'Kim Lee', id: `did:example:${i}`, grade: 'pass' }
        ]
    };
}

/** Lines of one copy as `renderMcred` writes it (provider 8, credential 57, cohort 6, pathway 7). */
const LINES_PER_COPY = 78;

/** The §2 programme copied `round(lines / 78)` times (about `lines` lines of .mcred). */
export function languageExampleCopies(lines: number): FileModel {
    const copies = Math.max(1, Math.round(lines / LINES_PER_COPY));
    const indexes = Array.from({ length: copies }, (_, i) => i + 1);
    return { providers: indexes.map(provider), credentials: indexes.map(credential), pathways: indexes.map(pathway), cohorts: indexes.map(cohort) };
}

/** The first-contact workspaces (written once, in .mcred, YAML and JSON, like the others). */
export function firstContactWorkspaces(sizes: readonly number[] = FIRST_CONTACT_SIZES): Workspace[] {
    // yaml-language-server's schema (also written by `generateWorkspaces`, which `--scenario first-contact` skips).
    mkdirSync(WORKSPACES, { recursive: true });
    writeFileSync(SCHEMA_FILE, JSON.stringify(YAML_SCHEMA, undefined, 2));
    return sizes.map(lines => {
        const label = lines >= 1000 ? `${lines / 1000}k` : String(lines);
        return writeWorkspace(`first-contact-${label}`, 'single', [{ name: `language-example-${label}`, file: languageExampleCopies(lines) }]);
    });
}

// ---------------------------------------------------------------------------------------------
// One fresh server

export interface FirstContactRun {
    /** Process spawn → the `initialize` answer. */
    readonly initializeMs: number;
    /** Process spawn → diagnostics of the file, opened as soon as `initialize` was answered. */
    readonly coldMs: number;
    /** Server CPU time until then. */
    readonly coldCpuMs: number;
    /** didOpen → its diagnostics (the first document the server sees). */
    readonly openMs: number;
    /** The first didChange (one `participation` line deleted) → diagnostics with the new error. */
    readonly firstEditMs: number;
    /** The first completion request → its answer. */
    readonly firstCompletionMs: number;
    readonly completionItems: number;
    readonly peakRssBytes: number;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${WAIT_LIMIT_MS / 1000} s`)), WAIT_LIMIT_MS);
    });
    return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

async function stop(client: LspStdioClient): Promise<void> {
    const killed = setTimeout(() => client.kill(), 10_000);
    try {
        await client.shutdown();
    } catch {
        client.kill();
    } finally {
        clearTimeout(killed);
    }
}

/** The line (0-based) of the middle copy's `participation` property, in either format. */
export function participationLine(text: string, format: 'mcred' | 'yaml'): number {
    const pattern = format === 'mcred' ? /^ {4}participation \w/ : /^ {4}participation: "/;
    const lines = text.split('\n').flatMap((content, line) => (pattern.test(content) ? [line] : []));
    if (lines.length === 0) throw new Error('first contact: no participation line');
    return lines[Math.floor(lines.length / 2)];
}

/** Whether the diagnostics answer the deletion of a `participation` line. */
function answersEdit(server: ServerUnderTest, base: number): (params: PublishDiagnosticsParams) => boolean {
    return server.id === 'mcred'
        ? params => params.diagnostics.some(d => d.code === 'eu-participation')
        // yaml-language-server reports the missing required property (no code to recognise).
        : params => params.diagnostics.length > base;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** One fresh server: start, initialize, open, (think), first edit, first completion. */
export async function firstContactRun(server: ServerUnderTest, workspace: Workspace, thinkMs = THINK_MS): Promise<FirstContactRun> {
    const file = workspace[server.format][0];
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    const line = participationLine(text, server.format);
    const edited = text.split('\n').filter((_, i) => i !== line).join('\n');
    const completionAt = server.completionPositions(edited, 1)[0];
    const started = performance.now();
    const client = server.start();
    const sampler = new RssSampler(client.pid).start();
    try {
        await withTimeout(client.initialize(null), `${server.id} initialize`);
        const initializeMs = performance.now() - started;
        const t0 = performance.now();
        const first = await withTimeout(client.open(uri, text, 1), `${server.id} first diagnostics`);
        const done = performance.now();
        const coldCpuMs = treeCpuMs(client.pid);
        if (server.id === 'mcred' && first.diagnostics.some(d => d.code === 'eu-participation')) {
            throw new Error('first contact: eu-participation before the edit');
        }
        await sleep(thinkMs);
        const published = client.diagnosticsWhen(uri, answersEdit(server, first.diagnostics.length));
        const t1 = performance.now();
        await client.sendChange(uri, 2, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }]);
        await withTimeout(published, `${server.id} first edit diagnostics`);
        const firstEditMs = performance.now() - t1;
        const t2 = performance.now();
        const result = await withTimeout(client.completion(uri, completionAt), `${server.id} first completion`);
        const firstCompletionMs = performance.now() - t2;
        const completionItems = Array.isArray(result) ? result.length : result?.items.length ?? 0;
        return {
            initializeMs, coldMs: done - started, coldCpuMs, openMs: done - t0, firstEditMs, firstCompletionMs, completionItems,
            peakRssBytes: sampler.stop()
        };
    } finally {
        sampler.stop();
        await stop(client);
    }
}

// ---------------------------------------------------------------------------------------------
// The scenario, its targets and its table

interface Measured {
    readonly median: number;
    readonly samples: readonly number[];
}

export interface FirstContactSummary {
    readonly initializeMs: Measured;
    readonly coldMs: Measured;
    readonly coldCpuMs: Measured;
    readonly openMs: Measured;
    readonly firstEditMs: Measured;
    readonly firstCompletionMs: Measured;
    readonly completionItems: number;
    readonly peakRssMiB: number;
}

/** Results by workspace id (`first-contact-1k`, …), then by server. */
export type FirstContactResults = Record<string, { lines: number; yamlLines: number; thinkMs: number } & Partial<Record<'mcred' | 'yaml', FirstContactSummary>>>;

function median(values: readonly number[]): number {
    const sorted = values.filter(v => !Number.isNaN(v)).sort((a, b) => a - b);
    if (sorted.length === 0) return Number.NaN;
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarise(runs: FirstContactRun[]): FirstContactSummary {
    const m = (pick: (r: FirstContactRun) => number): Measured => ({ median: median(runs.map(pick)), samples: runs.map(pick) });
    return {
        initializeMs: m(r => r.initializeMs), coldMs: m(r => r.coldMs), coldCpuMs: m(r => r.coldCpuMs), openMs: m(r => r.openMs),
        firstEditMs: m(r => r.firstEditMs), firstCompletionMs: m(r => r.firstCompletionMs),
        completionItems: runs[0]?.completionItems ?? -1, peakRssMiB: median(runs.map(r => r.peakRssBytes)) / 2 ** 20
    };
}

/** Runs the scenario: `runs` fresh servers per server and size. */
export async function firstContactBench(
    servers: readonly ServerUnderTest[], options: { sizes?: readonly number[]; runs: number; log: (message: string) => void }
): Promise<FirstContactResults> {
    const results: FirstContactResults = {};
    for (const workspace of firstContactWorkspaces(options.sizes)) {
        results[workspace.id] = { lines: workspace.mcredLines, yamlLines: workspace.yamlLines, thinkMs: THINK_MS };
        for (const server of servers) {
            const runs: FirstContactRun[] = [];
            for (let i = 0; i < options.runs; i++) {
                options.log(`first contact: ${server.id} ${workspace.id} (fresh server ${i + 1}/${options.runs})`);
                try {
                    runs.push(await firstContactRun(server, workspace));
                } catch (error) {
                    options.log(`first contact: ${server.id} ${workspace.id}: FAILED: ${error instanceof Error ? error.message : String(error)}`);
                }
            }
            if (runs.length > 0) results[workspace.id][server.id] = summarise(runs);
        }
    }
    return results;
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '—' : `${Math.round(value)} ms`);

function near(results: FirstContactResults | undefined, lines: number) {
    return Object.values(results ?? {}).find(r => Math.abs(r.lines - lines) / lines < 0.15);
}

/** The first-contact targets of issue 18. */
export function firstContactTargets(results: FirstContactResults | undefined): Array<{ target: string; value: string; met: boolean | undefined }> {
    const list: Array<{ target: string; value: string; met: boolean | undefined }> = [];
    const k1 = near(results, 1_000)?.mcred;
    const k10 = near(results, 10_000)?.mcred;
    if (k1) {
        list.push({ target: 'fresh server: first edit → diagnostics, 1k lines: ≤ 25 ms', value: ms(k1.firstEditMs.median), met: k1.firstEditMs.median <= 25 });
        list.push({ target: 'fresh server: cold start → first diagnostics, 1k lines: ≤ 200 ms', value: ms(k1.coldMs.median), met: k1.coldMs.median <= 200 });
    }
    if (k10) list.push({ target: 'fresh server: open → diagnostics, 10k lines: ≤ 200 ms', value: ms(k10.openMs.median), met: k10.openMs.median <= 200 });
    return list;
}

/** The first-contact section of bench/results/latest.md. */
export function renderFirstContact(results: FirstContactResults | undefined): string[] {
    if (!results || Object.keys(results).length === 0) return [];
    const lines = ['', '## First contact (a fresh server for every run)', '',
        '| measurement | mcred | yaml-language-server | yaml-ls ÷ mcred |', '|---|---:|---:|---:|'];
    const ratio = (a: number | undefined, b: number | undefined) =>
        (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) || a <= 0 ? '—' : `${(b / a).toFixed(1)}×`);
    const rows: Array<[string, (s: FirstContactSummary) => number]> = [
        ['spawn → initialize answered', s => s.initializeMs.median],
        ['cold start → first diagnostics', s => s.coldMs.median],
        ['… of which server CPU time', s => s.coldCpuMs.median],
        ['open → diagnostics (the first document)', s => s.openMs.median],
        ['first edit → diagnostics', s => s.firstEditMs.median],
        ['first completion', s => s.firstCompletionMs.median]
    ];
    for (const r of Object.values(results)) {
        const label = `${Math.round(r.lines / 1000)}k lines`;
        for (const [what, pick] of rows) {
            const mcred = r.mcred ? pick(r.mcred) : undefined;
            const yaml = r.yaml ? pick(r.yaml) : undefined;
            lines.push(`| ${what}, ${label} | ${ms(mcred)} | ${ms(yaml)} | ${ratio(mcred, yaml)} |`);
        }
    }
    const think = Object.values(results)[0]?.thinkMs;
    lines.push('', `The reference programme of docs/language.md copied with renamed names (as .mcred, and as YAML with its JSON Schema). `
        + `Each run starts a new server, initializes it, opens the file at once, waits ${think} ms after its diagnostics (the user reads), `
        + 'then deletes one `participation` line (waiting for `eu-participation`; for YAML, for the missing required property) and asks for one completion.');
    return lines;
}
