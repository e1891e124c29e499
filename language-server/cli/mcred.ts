import { catalogueCommand } from './catalogue-command.js';
import { checkCommand } from './check-command.js';
import type { Command } from './command.js';
import { exportCommand } from './export-command.js';
import { keysCommand } from './keys-command.js';
import { importCommand } from './import-command.js';
import { reportCommand } from './report-command.js';
import { revokeCommand } from './revoke-command.js';
import { statusListCommand } from './status-list-command.js';
import { verifyCommand } from './verify-command.js';
import { UsageError } from './usage-error.js';

const COMMANDS: readonly Command[] = [
    checkCommand, exportCommand, importCommand, reportCommand, catalogueCommand, keysCommand, verifyCommand, statusListCommand, revokeCommand
];

const VERSION = process.env['MCRED_VERSION'] ?? 'development';

function help(): string {
    const width = Math.max(...COMMANDS.map(c => c.name.length));
    return [
        'mcred — micro-credential programmes as text',
        '',
        'Usage:',
        ...COMMANDS.map(c => `  ${c.usage}`),
        '',
        'Commands:',
        ...COMMANDS.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
        'Exit codes: 0 no errors, 1 errors found (export: nothing exported; import: a bad credential, nothing written; report: written all the same; verify: a credential is not valid), 2 bad usage, unreadable input or unwritable output.'
    ].join('\n') + '\n';
}

/** Runs the CLI with the given arguments and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
    const [name, ...args] = argv;
    if (name === undefined) {
        // Bad usage: like every exit 2, one line on stderr and nothing on stdout.
        process.stderr.write('mcred: no command given (try: mcred --help)\n');
        return 2;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
        process.stdout.write(help());
        return 0;
    }
    if (name === '--version' || name === '-v') {
        process.stdout.write(`${VERSION}\n`);
        return 0;
    }
    const command = COMMANDS.find(c => c.name === name);
    try {
        if (!command) {
            throw new UsageError(`unknown command '${name}' (try: mcred --help)`);
        }
        if (args.includes('--help') || args.includes('-h')) {
            process.stdout.write(`Usage: ${command.usage}\n`);
            return 0;
        }
        const result = await command.run(args);
        if (result.stderr) process.stderr.write(result.stderr);
        await write(result.stdout);
        return result.exitCode;
    } catch (error) {
        if (error instanceof UsageError) {
            process.stderr.write(`mcred${command ? ' ' + command.name : ''}: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
}

/**
 * Prints the result. A reader that went away (`mcred export … | head`, a closed terminal) is not
 * an error of the command: the work is done, so the exit code stays the command's.
 */
function write(text: string): Promise<void> {
    return new Promise((resolve, reject) => process.stdout.write(text, error => {
        if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') reject(error);
        else resolve();
    }));
}

// Without a listener, a write to a closed pipe throws an 'error' event: a stack trace after a successful export.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    (error: unknown) => {
        process.stderr.write(`mcred: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
        process.exitCode = 3;
    }
);
