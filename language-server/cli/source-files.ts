import { readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './usage-error.js';
import { FileAccessError, findWorkspaceFiles, MAX_SOURCE_BYTES, readRegularFile } from '../workspace/node-files.js';

export interface SourceFile {
    /** Absolute path. */
    readonly path: string;
    readonly text: string;
}

const EXTENSION = '.mcred';

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
    return uniqueByRealPath([...paths]).map(file => ({ path: file, text: readText(file) }));
}

/**
 * Each real file once, sorted: of a file named directly and through a link (or two links), its
 * own path is kept, else the first link's, as the language server does.
 */
function uniqueByRealPath(paths: readonly string[]): string[] {
    const chosen = new Map<string, string>();
    for (const file of [...paths].sort()) {
        let real: string;
        try {
            real = realpathSync.native(file);
        } catch {
            real = file;
        }
        const earlier = chosen.get(real);
        if (earlier === undefined || (earlier !== real && file === real)) chosen.set(real, file);
    }
    return [...chosen.values()].sort();
}

function statOrUndefined(file: string) {
    try {
        return statSync(file);
    } catch {
        return undefined;
    }
}

function findMcredFiles(folder: string): string[] {
    return findWorkspaceFiles(folder, EXTENSION, message => process.stderr.write(`mcred: ${displayPath(message)}\n`));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readText(file: string): string {
    let bytes: Uint8Array;
    try {
        // A regular file under the size limit: a link to /dev/zero or a FIFO is refused, not read without end.
        bytes = readRegularFile(file, undefined, MAX_SOURCE_BYTES);
    } catch (error) {
        if (error instanceof FileAccessError) throw new UsageError(`${displayPath(file)}: ${error.message}`);
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
    const realPaths = new Set(targets.map(t => realOrSelf(t.path)));
    const siblings: string[] = [];
    for (const folder of new Set(targets.map(t => path.dirname(t.path)))) {
        for (const entry of readdirSync(folder)) {
            const file = path.join(folder, entry);
            if (entry.endsWith(EXTENSION) && !entry.startsWith('.') && !paths.has(file) && !realPaths.has(realOrSelf(file)) && statOrUndefined(file)?.isFile()) {
                paths.add(file);
                realPaths.add(realOrSelf(file));
                siblings.push(file);
            }
        }
    }
    return [...targets, ...(siblings.length > 0 ? readSourceFiles(siblings) : [])];
}

/** The `.mcred` files of a workspace folder and what the summary says about it. */
export interface WorkspaceFiles {
    /** The named files first, then the other files of the workspace (context only). */
    readonly files: readonly SourceFile[];
    /** The named files (absolute paths): only their findings and credentials are reported. */
    readonly named: ReadonlySet<string>;
    /** How the summary names the workspace: `examples/`, or several folders. */
    readonly description: string;
}

/**
 * The workspace of `mcred check`: the named files, plus, as context for references, every other
 * `.mcred` file of the folder of the nearest mcred.json above them (searched recursively, as an
 * editor opens that folder) or, without one, of each named file's own folder. A context file that
 * cannot be read is left out (it is not what the user asked to check).
 */
export function workspaceOf(named: readonly SourceFile[], configFile: string | undefined): WorkspaceFiles {
    // By real path: a link to a named file (or to another context file) is read once.
    const paths = new Set(named.map(file => realOrSelf(file.path)));
    const folders = configFile
        ? [path.dirname(path.resolve(configFile))]
        : [...new Set(named.map(file => path.dirname(file.path)))];
    const context: SourceFile[] = [];
    for (const folder of folders) {
        const candidates = configFile
            ? findMcredFiles(folder)
            : readdirSync(folder).map(entry => path.join(folder, entry)).filter(file => file.endsWith(EXTENSION) && statOrUndefined(file)?.isFile());
        for (const file of candidates.sort()) {
            const real = realOrSelf(file);
            if (paths.has(real)) continue;
            paths.add(real);
            try {
                context.push({ path: file, text: readText(file) });
            } catch (error) {
                if (!(error instanceof UsageError)) throw error;
            }
        }
    }
    const shown = folders.map(folder => `${folder === process.cwd() ? '.' : displayPath(folder)}${path.sep}`);
    const total = named.length + context.length;
    return {
        files: [...named, ...context],
        named: new Set(named.map(file => file.path)),
        description: `${shown.join(', ')} (${total} ${total === 1 ? 'file' : 'files'})`
    };
}

/** The folders among the inputs (absolute): a roster may be anywhere inside a folder the user named. */
export function inputFolders(inputs: readonly string[]): string[] {
    return inputs.map(input => path.resolve(input)).filter(absolute => statOrUndefined(absolute)?.isDirectory());
}

function realOrSelf(file: string): string {
    try {
        return realpathSync.native(file);
    } catch {
        return file;
    }
}
