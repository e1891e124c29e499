import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './usage-error.js';

export interface SourceFile {
    /** Absolute path. */
    readonly path: string;
    readonly text: string;
}

const EXTENSION = '.mcred';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/**
 * Reads every `.mcred` file named by `inputs` (files, or folders searched recursively), each
 * once, in a stable order. Fails with a UsageError, before anything is printed, on a missing
 * path, a folder without `.mcred` files, or a file that is not UTF-8 text.
 */
export function readSourceFiles(inputs: readonly string[]): SourceFile[] {
    if (inputs.length === 0) {
        throw new UsageError('no file or folder given');
    }
    const paths = new Set<string>();
    for (const input of inputs) {
        const absolute = path.resolve(input);
        const stat = statOrUndefined(absolute);
        if (!stat) {
            throw new UsageError(`${input}: no such file or folder`);
        }
        if (stat.isDirectory()) {
            const found = findMcredFiles(absolute);
            if (found.length === 0) {
                throw new UsageError(`${input}: folder contains no ${EXTENSION} files`);
            }
            found.forEach(file => paths.add(file));
        } else if (!absolute.endsWith(EXTENSION)) {
            throw new UsageError(`${input}: not a ${EXTENSION} file`);
        } else {
            paths.add(absolute);
        }
    }
    return [...paths].sort().map(file => ({ path: file, text: readText(file) }));
}

function statOrUndefined(file: string) {
    try {
        return statSync(file);
    } catch {
        return undefined;
    }
}

function findMcredFiles(folder: string): string[] {
    const found: string[] = [];
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (!SKIPPED_FOLDERS.has(entry.name)) found.push(...findMcredFiles(full));
        } else if (entry.name.endsWith(EXTENSION) && (entry.isFile() || (entry.isSymbolicLink() && statOrUndefined(full)?.isFile()))) {
            // A symbolic link to a file counts (e.g. a shared providers file); links to folders
            // are not followed, so that a link cycle cannot make the search endless.
            found.push(full);
        }
    }
    return found;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readText(file: string): string {
    let bytes: Buffer;
    try {
        bytes = readFileSync(file);
    } catch (error) {
        throw new UsageError(`${displayPath(file)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (bytes.includes(0)) {
        throw new UsageError(`${displayPath(file)}: is a binary file, not a .mcred text file`);
    }
    try {
        return utf8.decode(bytes);
    } catch {
        throw new UsageError(`${displayPath(file)}: is not valid UTF-8 text`);
    }
}

/** A path as the user would write it: relative to the working folder when inside it. */
export function displayPath(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * The given files and, as context, the other `.mcred` files of their folders (shared providers,
 * pathways and cohorts usually live beside the programme). Used by `export` and `report`.
 */
export function withSiblings(targets: readonly SourceFile[]): SourceFile[] {
    const paths = new Set(targets.map(t => t.path));
    const siblings: string[] = [];
    for (const folder of new Set(targets.map(t => path.dirname(t.path)))) {
        for (const entry of readdirSync(folder)) {
            const file = path.join(folder, entry);
            if (entry.endsWith(EXTENSION) && !paths.has(file) && statOrUndefined(file)?.isFile()) {
                paths.add(file);
                siblings.push(file);
            }
        }
    }
    return [...targets, ...(siblings.length > 0 ? readSourceFiles(siblings) : [])];
}

/** The folders among the inputs (absolute): a roster may be anywhere inside a folder the user named. */
export function inputFolders(inputs: readonly string[]): string[] {
    return inputs.map(input => path.resolve(input)).filter(absolute => statOrUndefined(absolute)?.isDirectory());
}
