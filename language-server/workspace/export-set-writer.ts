import {
    closeSync, cpSync, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync,
    renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync, writeSync
} from 'node:fs';
import * as path from 'node:path';

/*
 * Writing an export's files into an output folder, all or none, across crashes and signals
 * (Node only: the CLI and the Node language server).
 *
 *  1. Recover: a journal left by an interrupted export is finished (or its staging folder
 *     removed), stale staging folders and temporary files are removed.
 *  2. Stage: every file is written into a fresh sibling folder `.<out>.mcred-staging-<stamp>`;
 *     the files of the output folder that the previous export did not write (its manifest lists
 *     what it wrote) are carried over (hard links), so other files stay; the manifest
 *     `.mcred-export.json` is written last.
 *  3. Commit: the journal `.<out>.mcred-journal.json` (in the parent folder) is written atomically.
 *     Before it exists, an interruption leaves the old folder as it was; after, the next run (or
 *     this one) finishes the swap.
 *  4. Swap: the output folder is renamed to `.<out>.mcred-old-<stamp>`, the staging folder to the
 *     output folder, the old one is removed, then the journal.
 *
 * The output folder therefore always holds one complete set: the previous one or the new one
 * (the two renames of step 4 follow each other; the next run completes a swap cut between them).
 * SIGINT and SIGTERM during staging remove the staging folder and end the process (exit 130 /
 * 143); during the swap they wait for it to finish.
 */

/** Writing the output failed; nothing written by this call is left behind. */
export class ExportWriteError extends Error {
    override readonly name = 'ExportWriteError';
}

export interface ExportFile {
    /** A plain file name (no folder part). */
    readonly name: string;
    /** The file's text; read once, when the file is written (it may be rendered then). */
    readonly text: string;
}

export interface ExportProgress {
    (written: number, total: number): void;
}

/** The manifest of an export: the files it wrote (so that the next export replaces exactly those). */
export const MANIFEST = '.mcred-export.json';
const STAGING = '.mcred-staging-';
const OLD = '.mcred-old-';
const JOURNAL = '.mcred-journal.json';
const LOCK = '.mcred-lock';
/** Temporary files of earlier versions of mcred, written into the output folder itself. */
const LEGACY_TEMPORARY = /^\.mcred-export-.*\.tmp$/;

interface Journal {
    readonly staging: string;
    readonly old: string;
}

function names(folder: string) {
    const parent = path.dirname(folder);
    const base = path.basename(folder);
    return {
        parent,
        journal: path.join(parent, `.${base}${JOURNAL}`),
        lock: path.join(parent, `.${base}${LOCK}`),
        stagingPrefix: `.${base}${STAGING}`,
        oldPrefix: `.${base}${OLD}`
    };
}

function lstatOrUndefined(file: string) {
    try {
        return lstatSync(file);
    } catch {
        return undefined;
    }
}

/** Writes `text` to `file` so that it is either absent or complete: a temporary file, flushed, renamed. */
function writeDurably(file: string, text: string): void {
    const temporary = `${file}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
        writeSync(fd, text);
        fsyncSync(fd);
    } finally {
        closeSync(fd);
    }
    renameSync(temporary, file);
}

/**
 * Finishes or undoes what an interrupted export left beside `folder`: completes a committed swap
 * (journal present), removes staging and old folders, journal and lock temporaries, and the
 * temporary files earlier versions left inside the folder. Safe to call at any time when no
 * other export to the same folder runs.
 */
export function recoverExportFolder(folder: string): void {
    const { parent, journal, stagingPrefix, oldPrefix } = names(path.resolve(folder));
    if (!existsSync(parent)) return;
    if (existsSync(journal)) {
        let entry: Journal | undefined;
        try {
            entry = JSON.parse(readFileSync(journal, 'utf8')) as Journal;
        } catch {
            entry = undefined; // a journal is written atomically: unreadable means foreign; drop it
        }
        if (entry && typeof entry.staging === 'string' && typeof entry.old === 'string'
            && path.dirname(entry.staging) === parent && path.dirname(entry.old) === parent) {
            if (existsSync(entry.staging)) {
                if (lstatOrUndefined(folder)) renameSync(folder, entry.old);
                renameSync(entry.staging, folder);
            }
            rmSync(entry.old, { recursive: true, force: true });
        }
        rmSync(journal, { force: true });
    }
    for (const entry of readdirSync(parent)) {
        if (entry.startsWith(stagingPrefix) || entry.startsWith(oldPrefix) || (entry.startsWith(path.basename(journal)) && entry.endsWith('.tmp'))) {
            rmSync(path.join(parent, entry), { recursive: true, force: true });
        }
    }
    if (lstatOrUndefined(folder)?.isDirectory()) {
        for (const entry of readdirSync(folder)) {
            if (LEGACY_TEMPORARY.test(entry) || (entry.startsWith(MANIFEST) && entry.endsWith('.tmp'))) rmSync(path.join(folder, entry), { force: true });
        }
    }
}

function acquireLock(lock: string): () => void {
    for (let attempt = 0; attempt < 2; attempt++) {
        try {
            writeFileSync(lock, String(process.pid), { flag: 'wx' });
            return () => rmSync(lock, { force: true });
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
            const owner = Number(readFileSync(lock, 'utf8'));
            if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
                throw new ExportWriteError(`another export to this folder is running (process ${owner}); wait for it to finish`);
            }
            rmSync(lock, { force: true }); // left by a process that no longer runs
        }
    }
    throw new ExportWriteError('cannot lock the output folder');
}

function isRunning(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}

/** The files the previous export wrote into `folder`, from its manifest (none without one). */
function previousExport(folder: string): Set<string> {
    try {
        const manifest = JSON.parse(readFileSync(path.join(folder, MANIFEST), 'utf8')) as { files?: unknown };
        return new Set(Array.isArray(manifest.files) ? manifest.files.filter((f): f is string => typeof f === 'string') : []);
    } catch {
        return new Set();
    }
}

/**
 * Carries the entries of the old folder that this export does not replace into the staging
 * folder: files as hard links (a copy when the file system has none), links as links, folders
 * copied. A FIFO, device or socket in the output folder is refused.
 */
function carryOver(folder: string, staging: string, replaced: ReadonlySet<string>): void {
    const stat = lstatOrUndefined(folder);
    if (!stat) return;
    for (const entry of readdirSync(folder)) {
        if (replaced.has(entry) || entry === MANIFEST) continue;
        const from = path.join(folder, entry);
        const to = path.join(staging, entry);
        const kind = lstatSync(from);
        if (kind.isFile()) {
            try {
                linkSync(from, to);
            } catch {
                cpSync(from, to);
            }
        } else if (kind.isSymbolicLink()) {
            symlinkSync(readlinkSync(from), to);
        } else if (kind.isDirectory()) {
            cpSync(from, to, { recursive: true, verbatimSymlinks: true });
        } else {
            throw new ExportWriteError(`${from} is not a regular file (a FIFO, device or socket): remove it or choose another output folder`);
        }
    }
}

/**
 * Refuses an output folder that is not a plain folder: a file, a symbolic link (the export
 * would replace the link, or write outside the folder it names), or a file of the new set that
 * already exists as something other than a regular file.
 */
function checkOutputFolder(folder: string, files: readonly ExportFile[]): void {
    const stat = lstatOrUndefined(folder);
    if (!stat) return;
    if (stat.isSymbolicLink()) {
        throw new ExportWriteError(`the output folder ${folder} is a symbolic link: give the folder it points to`);
    }
    if (!stat.isDirectory()) {
        throw new ExportWriteError(`the output folder ${folder} is a file, not a folder`);
    }
    for (const file of files) {
        const existing = lstatOrUndefined(path.join(folder, file.name));
        if (existing && !existing.isFile()) {
            throw new ExportWriteError(`${path.join(folder, file.name)} exists and is not a regular file (a folder, link, FIFO or device): `
                + 'remove it or choose another output folder; nothing was written');
        }
    }
}

/**
 * Writes the files as the new content of the export in `folder`, all or none (see above). Other
 * files of the folder, not written by the previous export, are kept.
 */
export async function writeExportSet(folder: string, files: readonly ExportFile[], options: ExportWriteOptions = {}): Promise<void> {
    const target = path.resolve(folder);
    for (const file of files) {
        if (file.name !== path.basename(file.name) || file.name === '.' || file.name === '..' || file.name.startsWith('.mcred')) {
            throw new ExportWriteError(`refusing to write '${file.name}': not a plain file name`);
        }
    }
    const { parent, journal, lock, stagingPrefix, oldPrefix } = names(target);
    try {
        mkdirSync(parent, { recursive: true });
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'ENOTDIR' : reason(error);
        throw new ExportWriteError(`cannot create the output folder ${target} (${code})`);
    }
    const release = acquireLock(lock);
    const stamp = `${process.pid}-${Date.now().toString(36)}`;
    const staging = path.join(parent, `${stagingPrefix}${stamp}`);
    const old = path.join(parent, `${oldPrefix}${stamp}`);
    let interrupted: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
        interrupted = signal;
    };
    if (options.exitOnSignal) {
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
    }
    let committed = false;
    try {
        recoverExportFolder(target);
        checkOutputFolder(target, files);
        mkdirSync(staging);
        await stageFiles(staging, files, options, () => interrupted !== undefined);
        if (interrupted || options.cancelled?.()) {
            rmSync(staging, { recursive: true, force: true });
            if (!interrupted) throw new ExportWriteError('the export was cancelled; nothing was written');
        } else {
            const newNames = new Set(files.map(f => f.name));
            carryOver(target, staging, new Set([...previousExport(target), ...newNames]));
            writeDurably(path.join(staging, MANIFEST), JSON.stringify({ files: files.map(f => f.name) }, undefined, 2) + '\n');
            writeDurably(journal, JSON.stringify({ staging, old } satisfies Journal) + '\n');
            committed = true;
            if (lstatOrUndefined(target)) renameSync(target, old);
            renameSync(staging, target);
            rmSync(old, { recursive: true, force: true });
            unlinkSync(journal);
        }
    } catch (error) {
        if (!committed) rmSync(staging, { recursive: true, force: true });
        else recoverExportFolder(target);
        if (error instanceof ExportWriteError) throw error;
        if ((error as NodeJS.ErrnoException).code === undefined) throw error;
        throw new ExportWriteError(`cannot write to the output folder ${target} (${reason(error)}); nothing was written`);
    } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        release();
    }
    if (interrupted) {
        process.stderr.write(`Interrupted (${interrupted}): ${committed ? 'the export was completed first' : 'nothing was written'}.\n`);
        process.exit(interrupted === 'SIGINT' ? 130 : 143);
    }
}

/** How long the files are written without giving the event loop a turn (signals, progress, cancellation). */
const TURN_MS = 25;

/**
 * Writes the files into the staging folder, one after the other, with synchronous calls: each
 * file is rendered (its text read) and written at once, so that a large export costs its
 * rendering and its bytes, not a thread-pool round trip per open, write and close (an asynchronous
 * write per file spent a third of a 10,000-credential export waiting). Every `TURN_MS` the event
 * loop gets a turn, so that a signal, a progress report or a cancellation is seen between files.
 */
async function stageFiles(staging: string, files: readonly ExportFile[], options: ExportWriteOptions, interrupted: () => boolean): Promise<void> {
    let turn = performance.now();
    for (let i = 0; i < files.length; i++) {
        if (performance.now() - turn >= TURN_MS) {
            await new Promise(resolve => setImmediate(resolve));
            turn = performance.now();
        }
        if (interrupted() || options.cancelled?.()) return;
        const file = files[i];
        writeFileSync(path.join(staging, file.name), file.text, { encoding: 'utf8', flag: 'wx' });
        options.progress?.(i + 1, files.length);
    }
}

export interface ExportWriteOptions {
    /** Called after each file is written. */
    readonly progress?: ExportProgress;
    /** Polled between files: true stops the export, which then writes nothing. */
    readonly cancelled?: () => boolean;
    /** CLI: on SIGINT / SIGTERM, roll back (or finish a committed swap) and end the process. */
    readonly exitOnSignal?: boolean;
}

function reason(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    return code ?? (error instanceof Error ? error.message : String(error));
}
