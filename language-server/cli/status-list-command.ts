import * as path from 'node:path';
import { DEFAULT_LIST_SIZE, indicesFileOf, newStatusList, StatusListError } from '../signing/status-list.js';
import { parseCommandArgs, type Command, type CommandResult } from './command.js';
import { readKeyFile, writeFileAtomically } from './signing-files.js';
import { displayPath } from './source-files.js';
import { existsSync } from 'node:fs';
import { UsageError } from './usage-error.js';

/** `mcred status-list new --out FILE --key KEY --url URL [--size N]`: a signed, empty revocation list. */
export const statusListCommand: Command = {
    name: 'status-list',
    summary: 'create a signed revocation list (Bitstring Status List) to publish at a URL',
    usage: 'mcred status-list new --out FILE --key KEY --url URL [--size N]',
    async run(args: string[]): Promise<CommandResult> {
        const [sub, ...rest] = args;
        if (sub !== 'new') throw new UsageError(sub === undefined ? 'which one: mcred status-list new?' : `unknown status-list command '${sub}' (new)`);
        const { values, positionals } = parseCommandArgs(rest, { out: { type: 'string' }, key: { type: 'string' }, url: { type: 'string' }, size: { type: 'string' } });
        if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
        if (values.out === undefined || values.key === undefined || values.url === undefined) {
            throw new UsageError('--out FILE, --key KEY and --url URL are required');
        }
        const size = values.size === undefined ? DEFAULT_LIST_SIZE : Number(values.size);
        const out = path.resolve(values.out);
        if (existsSync(out)) throw new UsageError(`${values.out} already exists: mcred never replaces a status list (the credentials that point to it would lose their status)`);
        const key = await readKeyFile(values.key);
        let created: Awaited<ReturnType<typeof newStatusList>>;
        try {
            created = await newStatusList(values.url, size, key);
        } catch (error) {
            if (error instanceof StatusListError) throw new UsageError(error.message);
            throw error;
        }
        writeFileAtomically(out, JSON.stringify(created.list, undefined, 2) + '\n');
        writeFileAtomically(indicesFileOf(out), JSON.stringify(created.indices, undefined, 2) + '\n');
        return {
            stdout: `${values.url}\n`,
            stderr: `Wrote ${displayPath(out)} (${size} entries, issuer ${key.controller}): publish it at ${values.url}.\n`
                + `Keep ${displayPath(indicesFileOf(out))} beside it (not published): it records which credential holds which entry.\n`,
            exitCode: 0
        };
    }
};
