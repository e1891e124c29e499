import { existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Writing the output failed; nothing written by this call is left behind. */
export class WriteError extends Error {
    override readonly name = 'WriteError';
}

export interface OutputFile {
    /** A plain file name (no folder part). */
    readonly name: string;
    /** The file's text; read once, when the file is written (it may be rendered then). */
    readonly text: string;
}

/**
 * Writes every file into `folder` or none: each file goes to a temporary file in the same folder
 * first, and only when all are written are they renamed into place (a rename within a folder is
 * atomic). On any failure the temporary files and the files this call already renamed are
 * removed, so no partial or half-written output remains.
 */
export function writeFilesAtomically(folder: string, files: readonly OutputFile[]): void {
    for (const file of files) {
        if (file.name !== path.basename(file.name) || file.name === '.' || file.name === '..') {
            throw new WriteError(`refusing to write '${file.name}': not a plain file name`);
        }
    }
    if (existsSync(folder) && !statSync(folder).isDirectory()) {
        throw new WriteError(`the output folder ${folder} is a file, not a folder`);
    }
    let created: string | undefined;
    let existing: Set<string>;
    try {
        created = mkdirSync(folder, { recursive: true });
        existing = new Set(readdirSync(folder));
    } catch (error) {
        throw new WriteError(`cannot create the output folder ${folder} (${reason(error)})`);
    }
    const stamp = `${process.pid}-${Date.now().toString(36)}`;
    const temporary: string[] = [];
    const renamed: string[] = [];
    try {
        files.forEach((file, i) => {
            const temp = path.join(folder, `.mcred-export-${stamp}-${i}.tmp`);
            temporary.push(temp);
            writeFileSync(temp, file.text, { encoding: 'utf8', flag: 'wx' });
        });
        files.forEach((file, i) => {
            const target = path.join(folder, file.name);
            renameSync(temporary[i], target);
            if (!existing.has(file.name)) renamed.push(target);
        });
    } catch (error) {
        for (const file of [...temporary, ...renamed]) {
            rmSync(file, { force: true });
        }
        if (created) rmSync(created, { recursive: true, force: true });
        // A file's text is rendered as it is written: an error that is not the file system's is not a write error.
        if ((error as NodeJS.ErrnoException).code === undefined) throw error;
        throw new WriteError(`cannot write to the output folder ${folder} (${reason(error)}); nothing was written`);
    }
}

function reason(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    return code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * The first free name of `file`, `file-2`, `file-3`, … (before the extension), in its folder.
 * Used to write an import beside its source without overwriting anything.
 */
export function numberedPath(file: string, exists: (candidate: string) => boolean = existsSync): string {
    const ext = path.extname(file);
    const base = file.slice(0, file.length - ext.length);
    let candidate = file;
    for (let n = 2; exists(candidate); n++) candidate = `${base}-${n}${ext}`;
    return candidate;
}

/**
 * Writes `text` to `file`, or to the first numbered name that is free, never overwriting and
 * never leaving a half-written file: the text goes to a temporary file first, which is then
 * hard-linked to the target name (a link fails if the name is taken, so a file created meanwhile
 * is not overwritten either). Returns the path written.
 */
export function writeNewFile(file: string, text: string): string {
    const folder = path.dirname(file);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
        throw new WriteError(`the folder ${folder} does not exist`);
    }
    const temp = path.join(folder, `.mcred-import-${process.pid}-${Date.now().toString(36)}.tmp`);
    try {
        writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
    } catch (error) {
        rmSync(temp, { force: true });
        throw new WriteError(`cannot write to ${folder} (${reason(error)}); nothing was written`);
    }
    try {
        for (let attempt = 0; ; attempt++) {
            const target = numberedPath(file);
            try {
                linkSync(temp, target);
                return target;
            } catch (error) {
                if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 100) {
                    throw new WriteError(`cannot write ${target} (${reason(error)}); nothing was written`);
                }
            }
        }
    } finally {
        rmSync(temp, { force: true });
    }
}
