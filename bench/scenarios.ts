import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { LspStdioClient } from '../test/support/lsp-stdio-client.js';
import { RssSampler, treeCpuMs } from './process-memory.js';
import type { EditTarget, ServerUnderTest } from './servers.js';
import type { Workspace } from './workspaces.js';

const WAIT_LIMIT_MS = 180_000;

export class BenchTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, what: string, limitMs = WAIT_LIMIT_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new BenchTimeout(`${what}: no answer within ${limitMs / 1000} s`)), limitMs);
    });
    return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

async function stop(client: LspStdioClient): Promise<void> {
    try {
        await withTimeout(client.shutdown(), 'shutdown', 10_000);
    } catch {
        client.kill();
    }
}

const now = () => performance.now();
const uriOf = (file: string) => pathToFileURL(file).href;

function editChange(target: EditTarget, current: string, replacement: string) {
    return {
        range: { start: { line: target.line, character: target.start }, end: { line: target.line, character: target.start + current.length } },
        text: replacement
    };
}

function withTitle(text: string, target: EditTarget, title: string): string {
    const lines = text.split('\n');
    const line = lines[target.line];
    lines[target.line] = line.slice(0, target.start) + title + line.slice(target.end);
    return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// One large file

export interface SingleFileRun {
    /** Process spawn → diagnostics of the file opened right after `initialize`. */
    readonly coldMs: number;
    /** Server CPU time until then. */
    readonly coldCpuMs: number;
    /** didOpen → diagnostics on a running server (the file was closed and opened again). */
    readonly openMs: number[];
    /** didChange (one line: a credential's title emptied or restored) → diagnostics. */
    readonly editMs: number[];
    readonly completionMs: number[];
    /** Completion items at the first position (a sanity check that completion works). */
    readonly completionItems: number;
    readonly diagnostics: number;
    readonly peakRssBytes: number;
}

export interface SingleFileOptions {
    readonly reopens: number;
    readonly edits: number;
    readonly completions: number;
}

/**
 * Drives a server as an editor does with one large file: open it, close and open it again,
 * edit one line back and forth (the edit adds or removes one error, so the diagnostics that
 * answer it are recognisable without versions), and ask for completions.
 */
export async function singleFileRun(server: ServerUnderTest, workspace: Workspace, options: SingleFileOptions): Promise<SingleFileRun> {
    const file = workspace[server.format][0];
    const text = readFileSync(file, 'utf8');
    const uri = uriOf(file);
    const target = server.editTarget(text);
    const emptied = withTitle(text, target, '');
    const started = now();
    const client = server.start();
    const sampler = new RssSampler(client.pid).start();
    try {
        await withTimeout(client.initialize(null), `${server.id} initialize`);
        const first = await withTimeout(client.open(uri, text, 1), `${server.id} first diagnostics`);
        const coldMs = now() - started;
        const coldCpuMs = treeCpuMs(client.pid);
        const base = first.diagnostics.length;
        // The title emptied adds an error (eu-title / minLength); restored, the count is back to `base`.
        const expected = (empty: boolean) => (params: PublishDiagnosticsParams) =>
            (empty ? params.diagnostics.length > base : params.diagnostics.length === base);
        let version = 1;
        let empty = false;
        const openMs: number[] = [];
        for (let i = 0; i < options.reopens; i++) {
            await client.sendClose(uri);
            empty = !empty;
            version++;
            const published = client.diagnosticsWhen(uri, expected(empty));
            const t = now();
            await client.sendOpen(uri, empty ? emptied : text, version);
            await withTimeout(published, `${server.id} reopen diagnostics`);
            openMs.push(now() - t);
        }
        const editMs: number[] = [];
        for (let i = 0; i < options.edits; i++) {
            const change = empty ? editChange(target, '', target.original) : editChange(target, target.original, '');
            empty = !empty;
            version++;
            const published = client.diagnosticsWhen(uri, expected(empty));
            const t = now();
            await client.sendChange(uri, version, [change]);
            await withTimeout(published, `${server.id} edit diagnostics`);
            editMs.push(now() - t);
        }
        const completionMs: number[] = [];
        let completionItems = -1;
        for (const position of server.completionPositions(text, options.completions)) {
            const t = now();
            const result = await withTimeout(client.completion(uri, position), `${server.id} completion`);
            completionMs.push(now() - t);
            if (completionItems < 0) completionItems = Array.isArray(result) ? result.length : result?.items.length ?? 0;
        }
        return { coldMs, coldCpuMs, openMs, editMs, completionMs, completionItems, diagnostics: base, peakRssBytes: sampler.stop() };
    } finally {
        sampler.stop();
        await stop(client);
    }
}

// ---------------------------------------------------------------------------------------------
// Many files

/** Expected diagnostics per file URI (from `mcred check`), to recognise final diagnostics. */
export type Oracle = ReadonlyMap<string, number>;

/**
 * Resolves when every URI has had diagnostics published that satisfy `done` (given the latest
 * publish for that URI); with an oracle, the latest count must equal the expected count.
 */
function allDiagnostics(client: LspStdioClient, uris: readonly string[], oracle: Oracle | undefined): { promise: Promise<void>; missing: () => number } {
    const pending = new Set(uris);
    let resolve!: () => void;
    const promise = new Promise<void>(r => { resolve = r; });
    const check = (params: PublishDiagnosticsParams) => {
        const expected = oracle?.get(params.uri);
        const ok = expected === undefined ? true : params.diagnostics.length === expected;
        if (ok) pending.delete(params.uri);
        else if (uris.includes(params.uri)) pending.add(params.uri);
        if (pending.size === 0) {
            dispose();
            resolve();
        }
    };
    const dispose = client.onDiagnostics(check);
    return { promise, missing: () => pending.size };
}

export interface ManyFilesRun {
    /** didOpen of every file sent back to back → every file has its final diagnostics. */
    readonly openAllMs: number;
    /** CPU time the server used meanwhile. */
    readonly openAllCpuMs: number;
    readonly peakRssBytes: number;
    /** Files that never got their expected diagnostics (0 unless diagnostics were lost). */
    readonly missing: number;
}

/** Opens every file of the workspace one after another without waiting, as an editor restoring tabs does. */
export async function openManyFilesRun(server: ServerUnderTest, workspace: Workspace, oracle: Oracle | undefined): Promise<ManyFilesRun> {
    const files = workspace[server.format];
    const texts = files.map(file => readFileSync(file, 'utf8'));
    const uris = files.map(uriOf);
    const client = server.start();
    const sampler = new RssSampler(client.pid).start();
    try {
        await withTimeout(client.initialize(null), `${server.id} initialize`);
        const all = allDiagnostics(client, uris, oracle);
        const cpuBefore = treeCpuMs(client.pid);
        const t = now();
        for (let i = 0; i < files.length; i++) {
            await client.sendOpen(uris[i], texts[i], 1);
        }
        let missing = 0;
        try {
            await withTimeout(all.promise, `${server.id} diagnostics of ${files.length} files`);
        } catch (error) {
            if (!(error instanceof BenchTimeout)) throw error;
            missing = all.missing();
        }
        const openAllMs = missing ? Number.NaN : now() - t;
        return { openAllMs, openAllCpuMs: treeCpuMs(client.pid) - cpuBefore, peakRssBytes: sampler.stop(), missing };
    } finally {
        sampler.stop();
        await stop(client);
    }
}

/** Opens `count` files one by one, each after the previous one's diagnostics arrived. */
export async function openOneByOneRun(server: ServerUnderTest, workspace: Workspace, count: number): Promise<number> {
    const files = workspace[server.format].slice(0, count);
    const client = server.start();
    try {
        await withTimeout(client.initialize(null), `${server.id} initialize`);
        const t = now();
        for (const file of files) {
            await withTimeout(client.open(uriOf(file), readFileSync(file, 'utf8'), 1), `${server.id} open one by one`);
        }
        return now() - t;
    } finally {
        await stop(client);
    }
}

export interface WorkspaceRun {
    /** Spawn with the workspace folder → diagnostics of an opened pathway file that references other files. */
    readonly firstDiagnosticsMs: number;
    /** Server CPU time until then (start-up included). */
    readonly firstDiagnosticsCpuMs: number;
    /** Spawn → diagnostics published for every file of the folder (mcred validates the folder after the first change). */
    readonly allDiagnosticsMs: number | undefined;
    /** One-line edit of an open programme file → its diagnostics. */
    readonly editProgrammeMs: number[];
    /** One-line edit of the shared providers file (referenced by every programme) → its diagnostics. */
    readonly editProvidersMs: number[];
    readonly peakRssBytes: number;
}

/** Starts the server on a workspace folder, as when a user opens the catalogue's folder in the editor. */
export async function workspaceRun(server: ServerUnderTest, workspace: Workspace, oracle: Oracle | undefined, edits: number): Promise<WorkspaceRun> {
    const files = workspace[server.format];
    const folder = path.dirname(files[0]);
    const pathwayFile = files.findLast(file => path.basename(file).startsWith('pathway-')) ?? files[files.length - 1];
    const programmeFile = files.find(file => path.basename(file).startsWith('programme-'))!;
    const providersFile = files.find(file => path.basename(file).startsWith('providers'))!;
    const started = now();
    const client = server.start();
    const sampler = new RssSampler(client.pid).start();
    try {
        const everyFile = server.id === 'mcred' ? allDiagnostics(client, files.map(uriOf), undefined) : undefined;
        await withTimeout(client.initialize(uriOf(folder)), `${server.id} initialize`);
        const pathwayUri = uriOf(pathwayFile);
        const expected = oracle?.get(pathwayUri);
        const first = client.diagnosticsWhen(pathwayUri, params => expected === undefined || params.diagnostics.length === expected);
        await client.sendOpen(pathwayUri, readFileSync(pathwayFile, 'utf8'), 1);
        await withTimeout(first, `${server.id} workspace: first diagnostics`);
        const firstDiagnosticsMs = now() - started;
        const firstDiagnosticsCpuMs = treeCpuMs(client.pid);
        let allDiagnosticsMs: number | undefined;
        if (everyFile) {
            await withTimeout(everyFile.promise, `${server.id} workspace: diagnostics of every file`);
            allDiagnosticsMs = now() - started;
        }
        const editProgrammeMs = await editBackAndForth(client, server, programmeFile, 'title', edits);
        const editProvidersMs = await editBackAndForth(client, server, providersFile, 'region', edits);
        return { firstDiagnosticsMs, firstDiagnosticsCpuMs, allDiagnosticsMs, editProgrammeMs, editProvidersMs, peakRssBytes: sampler.stop() };
    } finally {
        sampler.stop();
        await stop(client);
    }
}

/**
 * Opens `file` and edits one line back and forth. A title edit changes the error count; a region
 * edit changes nothing that is checked, so its answer is the next publish for the file (the
 * server is idle when the edit is sent).
 */
async function editBackAndForth(client: LspStdioClient, server: ServerUnderTest, file: string, what: 'title' | 'region', edits: number): Promise<number[]> {
    const text = readFileSync(file, 'utf8');
    const uri = uriOf(file);
    const opened = await withTimeout(client.open(uri, text, 1), `${server.id} open ${path.basename(file)}`);
    await settle(client, uri);
    const base = opened.diagnostics.length;
    const target = what === 'title' ? server.editTarget(text) : server.regionTarget(text);
    const replacement = what === 'title' ? '' : `${target.original} (edited)`;
    const times: number[] = [];
    let edited = false;
    for (let i = 0; i < edits; i++) {
        const change = edited ? editChange(target, replacement, target.original) : editChange(target, target.original, replacement);
        edited = !edited;
        const published = client.diagnosticsWhen(uri, params => what === 'region' || (edited ? params.diagnostics.length > base : params.diagnostics.length === base));
        const t = now();
        await client.sendChange(uri, i + 2, [change]);
        await withTimeout(published, `${server.id} edit ${path.basename(file)}`);
        times.push(now() - t);
        await settle(client, undefined);
    }
    return times;
}

/** Waits until no diagnostics have been published for 300 ms (the server is idle). */
function settle(client: LspStdioClient, _uri: string | undefined, quietMs = 300): Promise<void> {
    return new Promise(resolve => {
        let timer = setTimeout(done, quietMs);
        const dispose = client.onDiagnostics(() => {
            clearTimeout(timer);
            timer = setTimeout(done, quietMs);
        });
        function done() {
            dispose();
            resolve();
        }
    });
}

// ---------------------------------------------------------------------------------------------
// CLI and floor

export interface ProcessRun {
    readonly ms: number;
    readonly peakRssBytes: number;
    readonly exitCode: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs a command to completion, timing it and sampling its memory. */
export function runProcess(command: string[], limitMs = WAIT_LIMIT_MS): Promise<ProcessRun> {
    return new Promise((resolve, reject) => {
        const started = now();
        const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
        const sampler = new RssSampler(child.pid!).start();
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
        child.on('error', reject);
        child.on('close', exitCode => {
            clearTimeout(timer);
            const peakRssBytes = sampler.stop();
            resolve({
                ms: now() - started, peakRssBytes, exitCode,
                stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8')
            });
        });
    });
}

/** `JSON.parse` of the same content as JSON: the floor no language server can beat. */
export function jsonParseMs(files: readonly string[]): number {
    const texts = files.map(file => readFileSync(file, 'utf8'));
    const t = now();
    for (const text of texts) JSON.parse(text);
    return now() - t;
}
