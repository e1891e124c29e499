import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

/** A subcommand of `mcred`. It returns the text to print and the exit code; it never exits. */
export interface Command {
    readonly name: string;
    readonly summary: string;
    readonly usage: string;
    run(args: string[]): Promise<CommandResult>;
}

export interface CommandResult {
    readonly stdout: string;
    /** Problems to print on standard error (e.g. why nothing was exported). */
    readonly stderr?: string;
    readonly exitCode: number;
}

/** node:util parseArgs, with its errors turned into one-line usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
    try {
        return parseArgs({ args, options, allowPositionals: true, strict: true });
    } catch (error) {
        throw new UsageError(usageMessage(error as NodeJS.ErrnoException));
    }
}

/** node:util parseArgs messages, shortened to one plain line (its unknown-option advice is about `--`). */
function usageMessage(error: NodeJS.ErrnoException): string {
    const option = /'([^']+)'/.exec(error.message)?.[1];
    switch (error.code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            return `unknown option '${option}' (try --help)`;
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
            return option?.endsWith('<value>') ? `option '${option.replace(' <value>', '')}' needs a value` : error.message.split('\n')[0];
        default:
            return error.message.split('\n')[0];
    }
}

/** Reads a `--format` option value against the formats a command supports. */
export function formatOption<F extends string>(value: string | undefined, formats: readonly F[], fallback: F): F {
    if (value === undefined) return fallback;
    if ((formats as readonly string[]).includes(value)) return value as F;
    throw new UsageError(`unknown format '${value}' (expected ${formats.join(' or ')})`);
}
