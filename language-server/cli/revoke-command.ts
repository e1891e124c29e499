import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { revocationIndex, revoke, StatusListError } from '../signing/status-list.js';
import { parseCommandArgs, type Command, type CommandResult } from './command.js';
import { readKeyFile, readStatusListFiles, writeFileAtomically } from './signing-files.js';
import { displayPath } from './source-files.js';
import { UsageError } from './usage-error.js';

/**
 * `mcred revoke CREDENTIAL... --status-list FILE --key KEY`: sets the revocation bit of each
 * credential in the list and signs the list again. Publish the list file again afterwards.
 */
export const revokeCommand: Command = {
    name: 'revoke',
    summary: 'revoke signed credentials in their status list (and sign the list again)',
    usage: 'mcred revoke <credential.json>... --status-list FILE --key KEY',
    async run(args: string[]): Promise<CommandResult> {
        const { values, positionals } = parseCommandArgs(args, { 'status-list': { type: 'string' }, 'key': { type: 'string' } });
        if (positionals.length === 0) throw new UsageError('no credential file given');
        if (values['status-list'] === undefined || values.key === undefined) throw new UsageError('--status-list FILE and --key KEY are required');
        const { list, file } = readStatusListFiles(values['status-list'], false);
        const key = await readKeyFile(values.key);
        const indexes: number[] = [];
        const lines: string[] = [];
        for (const credentialFile of positionals) {
            let credential: Record<string, unknown>;
            try {
                credential = JSON.parse(readFileSync(credentialFile, 'utf8')) as Record<string, unknown>;
            } catch (error) {
                throw new UsageError(`${credentialFile}: cannot read a credential (${(error as NodeJS.ErrnoException).code ?? 'not JSON'})`);
            }
            const index = revocationIndex(credential, list['id'] as string);
            if (typeof index === 'string') throw new UsageError(`${credentialFile}: cannot be revoked in this list: ${index}`);
            indexes.push(index);
            lines.push(`revoked ${credentialFile} (entry ${index})`);
        }
        let updated: Record<string, unknown>;
        try {
            updated = await revoke(list, indexes, key);
        } catch (error) {
            if (error instanceof StatusListError) throw new UsageError(error.message);
            throw error;
        }
        writeFileAtomically(path.resolve(file), JSON.stringify(updated, undefined, 2) + '\n');
        lines.push(`Signed ${displayPath(path.resolve(file))} again: publish it at ${String(list['id'])} for verifiers to see the revocation.`);
        return { stdout: lines.join('\n') + '\n', exitCode: 0 };
    }
};
