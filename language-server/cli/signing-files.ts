import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { KeyFileError, readKey, type IssuerKey } from '../signing/keys.js';
import { indicesFileOf, parseIndices, parseStatusList, StatusListError, type StatusIndices } from '../signing/status-list.js';
import { displayPath } from './source-files.js';
import { UsageError } from './usage-error.js';

/*
 * Files of signing: key files (secret, mode 0600, never inside a git work tree unless ignored),
 * status lists and their index files. Every write is atomic (a temporary file renamed into place).
 */

/** Writes `text` to `file` atomically; `mode` for a new file (0o600 for secrets). */
export function writeFileAtomically(file: string, text: string, mode = 0o644): void {
    const temporary = path.join(path.dirname(file), `.mcred-${process.pid}-${Date.now().toString(36)}-${path.basename(file)}.tmp`);
    try {
        writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx', mode });
        renameSync(temporary, file);
    } catch (error) {
        rmSync(temporary, { force: true });
        throw new UsageError(`cannot write ${displayPath(file)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
}

/**
 * Why a secret key may not be written at `file`: inside a git work tree and not git-ignored, it
 * would be one `git add .` away from being published. Undefined when it may (outside any work
 * tree, git-ignored, or git is not installed).
 */
export function gitRefusal(file: string): string | undefined {
    const folder = path.dirname(file);
    let top: string;
    try {
        top = execFileSync('git', ['-C', folder, 'rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
        return undefined; // not in a work tree, or no git
    }
    try {
        execFileSync('git', ['-C', folder, 'check-ignore', '-q', '--no-index', file], { stdio: 'ignore' });
        return undefined;
    } catch {
        return `${displayPath(file)} is inside the git work tree ${displayPath(top)} and not git-ignored: a secret key must never be committed. Write it outside the repository, or add its name to .gitignore first`;
    }
}

/** Writes a new secret key file (mode 0600); refuses to overwrite one or to write it where git would pick it up. */
export function writeSecretFile(file: string, text: string): void {
    const absolute = path.resolve(file);
    if (!existsSync(path.dirname(absolute))) throw new UsageError(`${file}: the folder ${displayPath(path.dirname(absolute))} does not exist`);
    if (existsSync(absolute)) throw new UsageError(`${file} already exists: mcred never overwrites a key (an old key may still be needed to verify)`);
    const refusal = gitRefusal(absolute);
    if (refusal) throw new UsageError(refusal);
    writeFileAtomically(absolute, text, 0o600);
}

/** Reads the signing key named by `--sign` / `--key`; the messages never quote the file. */
export async function readKeyFile(file: string): Promise<IssuerKey & { json: Record<string, unknown> }> {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        throw new UsageError(`${file}: cannot read the key (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    try {
        return await readKey(text, file);
    } catch (error) {
        if (error instanceof KeyFileError) throw new UsageError(error.message);
        throw error;
    }
}

/** A key file that others can read is reported (not refused): the owner decides. */
export function keyPermissionWarning(file: string): string | undefined {
    try {
        const mode = statSync(file).mode & 0o777;
        return process.platform !== 'win32' && (mode & 0o077) !== 0
            ? `warning: ${file} can be read by other users (mode ${mode.toString(8)}); run: chmod 600 ${file}\n` : undefined;
    } catch {
        return undefined;
    }
}

export interface StatusListFiles {
    readonly file: string;
    readonly list: Record<string, unknown>;
    readonly indices: StatusIndices;
}

export function readStatusListFiles(file: string, withIndices: boolean): StatusListFiles {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        throw new UsageError(`${file}: cannot read the status list (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    try {
        const list = parseStatusList(text, file);
        if (!withIndices) return { file, list, indices: { statusListCredential: list['id'] as string, size: 0, assigned: {} } };
        const indicesFile = indicesFileOf(file);
        const indicesText = existsSync(indicesFile) ? readFileSync(indicesFile, 'utf8') : undefined;
        return { file, list, indices: parseIndices(indicesText, list, indicesFile) };
    } catch (error) {
        if (error instanceof StatusListError || error instanceof SyntaxError) throw new UsageError(error.message);
        throw error;
    }
}
