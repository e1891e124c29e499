import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';

/*
 * Reading a file named by a programme (a roster) or found in a workspace, on Node: only a regular
 * file, only under a size limit, only inside the folders it may be in once symbolic links are
 * resolved, and never blocking (a FIFO) or streaming without end (/dev/zero). Used by the CLI and
 * the Node language server; never imported by code that runs in a browser.
 */

/** Why a file may not be read; the message says what the file is, never what it contains. */
export class FileAccessError extends Error {
    override readonly name = 'FileAccessError';
}

/** The real path of `folder`, or the folder as given when it does not exist. */
function realFolder(folder: string): string {
    try {
        return realpathSync.native(folder);
    } catch {
        return path.resolve(folder);
    }
}

function inside(file: string, folder: string): boolean {
    const relative = path.relative(folder, file);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** What a file is, in a message: `a folder`, `a FIFO (named pipe)`, `a device`. */
function kindOf(stat: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
    if (stat.isDirectory()) return 'a folder';
    if (stat.isFIFO()) return 'a FIFO (named pipe)';
    if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
    if (stat.isSocket()) return 'a socket';
    return 'not a regular file';
}

export function megabytes(bytes: number): string {
    return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Checks that `file` may be read: it exists, its real path (links resolved) is inside one of
 * `roots` (when roots are given), it is a regular file (not a folder, FIFO, device or socket) and
 * not larger than `maxBytes`. Returns the real path; throws FileAccessError otherwise.
 */
export function checkRegularFile(file: string, roots: readonly string[] | undefined, maxBytes: number): string {
    let real: string;
    try {
        lstatSync(file);
        real = realpathSync.native(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new FileAccessError(code === 'ENOENT' ? 'no such file' : code === 'ELOOP' ? 'a loop of symbolic links' : `cannot be read (${code ?? String(error)})`);
    }
    if (roots !== undefined && !roots.some(root => inside(real, realFolder(root)))) {
        throw new FileAccessError('a symbolic link to a file outside the programme\'s folder and the workspace');
    }
    const stat = statSync(real);
    if (!stat.isFile()) throw new FileAccessError(`${kindOf(stat)}, not a regular file`);
    if (stat.size > maxBytes) throw new FileAccessError(`${megabytes(stat.size)}, more than the limit of ${megabytes(maxBytes)}`);
    return real;
}

/**
 * Reads a file checked by `checkRegularFile`. The file is opened without following a last link
 * and without blocking, and checked again on the open descriptor, so that a file swapped for a
 * FIFO or a device between the check and the read is refused too; at most `maxBytes` are read.
 */
export function readRegularFile(file: string, roots: readonly string[] | undefined, maxBytes: number): Uint8Array {
    const real = checkRegularFile(file, roots, maxBytes);
    let fd: number;
    try {
        fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    } catch (error) {
        throw new FileAccessError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    try {
        const stat = fstatSync(fd);
        if (!stat.isFile()) throw new FileAccessError(`${kindOf(stat)}, not a regular file`);
        if (stat.size > maxBytes) throw new FileAccessError(`${megabytes(stat.size)}, more than the limit of ${megabytes(maxBytes)}`);
        const buffer = Buffer.alloc(Math.min(stat.size + 1, maxBytes + 1));
        let length = 0;
        for (;;) {
            const read = readSync(fd, buffer, length, buffer.length - length, null);
            if (read === 0) break;
            length += read;
            if (length > maxBytes) throw new FileAccessError(`more than the limit of ${megabytes(maxBytes)}`);
            if (length === buffer.length) break;
        }
        if (length !== stat.size) throw new FileAccessError('changed while it was being read; try again');
        return buffer.subarray(0, length);
    } finally {
        closeSync(fd);
    }
}

/** The largest `.mcred` file read from a workspace folder (the checker refuses 5 million characters anyway). */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/** Folders a workspace search never enters (the language server's and the CLI's rule alike). */
function skippedFolder(name: string): boolean {
    return name.startsWith('.') || name === 'node_modules' || name === 'out';
}

/**
 * The `.mcred` files under `folder`, as the language server and the CLI both find them: folders
 * recursively (not `.hidden`, `node_modules` or `out`; links to folders are not followed, so a
 * link cycle cannot make the search endless), symbolic links to regular files followed once, each
 * real file once (a file reached directly and through a link, or through two links, is the
 * file's own path, or else the first link's, in sorted order), files over `MAX_SOURCE_BYTES`,
 * devices, FIFOs and sockets skipped with a warning. Sorted.
 */
export function findWorkspaceFiles(folder: string, extension: string, warn: (message: string) => void): string[] {
    const candidates: Array<{ file: string; real: string; link: boolean }> = [];
    const walk = (current: string) => {
        let entries;
        try {
            entries = readdirSync(current, { withFileTypes: true });
        } catch (error) {
            warn(`${current}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); skipped`);
            return;
        }
        for (const entry of entries) {
            const full = path.join(current, entry.name);
            if (entry.isDirectory()) {
                if (!skippedFolder(entry.name)) walk(full);
                continue;
            }
            if (!entry.name.endsWith(extension) || entry.name.startsWith('.')) continue;
            const link = entry.isSymbolicLink();
            let real: string;
            let stat;
            try {
                real = link ? realpathSync.native(full) : full;
                stat = statSync(real);
            } catch {
                warn(`${full}: a symbolic link to nothing (or a loop of links); skipped`);
                continue;
            }
            if (stat.isDirectory()) continue;
            if (!stat.isFile()) {
                warn(`${full}: ${kindOf(stat)}, not a regular file; skipped`);
                continue;
            }
            if (stat.size > MAX_SOURCE_BYTES) {
                warn(`${full}: ${megabytes(stat.size)}, more than the limit of ${megabytes(MAX_SOURCE_BYTES)} for a .mcred file; skipped (split the catalogue into several files)`);
                continue;
            }
            candidates.push({ file: full, real, link });
        }
    };
    walk(folder);
    const chosen = new Map<string, { file: string; link: boolean }>();
    for (const candidate of candidates.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
        const key = realFolder(candidate.real);
        const earlier = chosen.get(key);
        if (!earlier || (earlier.link && !candidate.link)) chosen.set(key, candidate);
    }
    return [...chosen.values()].map(c => c.file).sort();
}
