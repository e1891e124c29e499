import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import {
    CONFIG_FILE_NAME, ConfigError, parseProfile, parseRuleConfigText, SeverityPolicy, type Profile, type RuleConfig
} from '../rules/severity-policy.js';
import { displayPath } from './source-files.js';
import { UsageError } from './usage-error.js';

export interface CliRuleConfig {
    readonly policy: SeverityPolicy;
    /** The mcred.json that was read, if any (as the user would write its path). */
    readonly file: string | undefined;
}

/**
 * The severity policy of `mcred check`: `--config FILE` if given, otherwise the nearest
 * mcred.json found by walking up from the common ancestor folder of the inputs, up to the
 * repository root (a folder with `.git`) or the file-system root; then `--profile` on top.
 * An unreadable or invalid file is a usage error (exit 2) with a one-line reason.
 */
export function readCliRuleConfig(inputs: readonly string[], configOption: string | undefined, profileOption: string | undefined): CliRuleConfig {
    const profile: Profile | undefined = profileOption === undefined ? undefined : asUsage(() => parseProfile(profileOption, '--profile'));
    const file = configOption !== undefined ? path.resolve(configOption) : findConfigFile(inputs);
    if (configOption !== undefined && !isFile(file!)) {
        throw new UsageError(`${configOption}: no such configuration file`);
    }
    const layers: RuleConfig[] = [];
    if (file) {
        let text: string;
        try {
            text = readFileSync(file, 'utf8');
        } catch (error) {
            throw new UsageError(`${displayPath(file)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        }
        layers.push(asUsage(() => parseRuleConfigText(text, displayPath(file))));
    }
    if (profile) layers.push({ profile });
    return { policy: new SeverityPolicy(layers), file: file && displayPath(file) };
}

/** The nearest mcred.json above the inputs' common ancestor, within the repository. */
export function findConfigFile(inputs: readonly string[]): string | undefined {
    let folder = commonAncestor(inputs.map(input => {
        const absolute = path.resolve(input);
        return isFile(absolute) ? path.dirname(absolute) : absolute;
    }));
    for (;;) {
        const candidate = path.join(folder, CONFIG_FILE_NAME);
        if (isFile(candidate)) return candidate;
        const parent = path.dirname(folder);
        if (parent === folder || existsSync(path.join(folder, '.git'))) return undefined;
        folder = parent;
    }
}

function commonAncestor(folders: readonly string[]): string {
    if (folders.length === 0) return process.cwd();
    let common = folders[0].split(path.sep);
    for (const folder of folders.slice(1)) {
        const parts = folder.split(path.sep);
        let i = 0;
        while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
        common = common.slice(0, i);
    }
    return common.join(path.sep) || path.sep;
}

function isFile(file: string): boolean {
    try {
        return statSync(file).isFile();
    } catch {
        return false;
    }
}

function asUsage<T>(read: () => T): T {
    try {
        return read();
    } catch (error) {
        if (error instanceof ConfigError) throw new UsageError(error.message);
        throw error;
    }
}
