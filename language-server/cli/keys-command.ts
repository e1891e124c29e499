import * as path from 'node:path';
import { didWebDocument, didWebOf, generateKey } from '../signing/keys.js';
import { parseCommandArgs, type Command, type CommandResult } from './command.js';
import { readKeyFile, writeFileAtomically, writeSecretFile } from './signing-files.js';
import { displayPath } from './source-files.js';
import { UsageError } from './usage-error.js';

/**
 * `mcred keys new --out FILE`: a new Ed25519 issuer key (Multikey JSON, mode 0600); prints its
 * did:key. `mcred keys did-web --domain D --key FILE [--out did.json]`: the DID document to
 * publish at https://D/.well-known/did.json; the key file is rewritten so that did:web:D
 * controls the key (the provider's `did` must then be did:web:D).
 */
export const keysCommand: Command = {
    name: 'keys',
    summary: 'create an issuer key (prints its did:key) or the did.json of a did:web',
    usage: 'mcred keys new --out FILE | mcred keys did-web --domain DOMAIN --key FILE [--out did.json]',
    async run(args: string[]): Promise<CommandResult> {
        const [sub, ...rest] = args;
        if (sub === 'new') {
            const { values, positionals } = parseCommandArgs(rest, { out: { type: 'string' } });
            if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
            if (values.out === undefined) throw new UsageError('--out FILE is required (where to write the secret key)');
            const { did, text } = await generateKey();
            writeSecretFile(values.out, text);
            return {
                stdout: `${did}\n`,
                stderr: `Wrote the secret key to ${displayPath(path.resolve(values.out))} (mode 600). Keep it secret and backed up.\n`
                    + `State the issuer in the provider: did "${did}" (or publish a did:web with \`mcred keys did-web\`).\n`,
                exitCode: 0
            };
        }
        if (sub === 'did-web') {
            const { values, positionals } = parseCommandArgs(rest, { domain: { type: 'string' }, key: { type: 'string' }, out: { type: 'string' } });
            if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
            if (values.domain === undefined) throw new UsageError('--domain is required (e.g. --domain www.example.org)');
            if (values.key === undefined) throw new UsageError('--key FILE is required');
            const did = didWebOf(values.domain);
            if (!did) throw new UsageError(`'${values.domain}' is not a domain name (e.g. www.example.org, or www.example.org/issuers/ai)`);
            const key = await readKeyFile(values.key);
            const { document, keyText } = didWebDocument(did, key);
            const out = path.resolve(values.out ?? 'did.json');
            writeFileAtomically(out, JSON.stringify(document, undefined, 2) + '\n');
            writeFileAtomically(path.resolve(values.key), keyText, 0o600);
            const where = did.includes(':', 'did:web:'.length) ? `https://${did.slice(8).split(':').map(decodeURIComponent).join('/')}/did.json` : `https://${decodeURIComponent(did.slice(8))}/.well-known/did.json`;
            return {
                stdout: `${did}\n`,
                stderr: `Wrote ${displayPath(out)}: publish it at ${where}.\n`
                    + `The key in ${values.key} is now controlled by ${did}; state it in the provider: did "${did}".\n`,
                exitCode: 0
            };
        }
        throw new UsageError(sub === undefined ? 'which one: mcred keys new, or mcred keys did-web?' : `unknown keys command '${sub}' (new or did-web)`);
    }
};
