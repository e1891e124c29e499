import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { createDocumentLoader } from '../signing/document-loader.js';
import { parseStatusList, StatusListError } from '../signing/status-list.js';
import { runPool, poolSize } from '../signing/signing-pool.js';
import { verifyCredentialDocument, type VerificationResult } from '../signing/verify.js';
import { progressBar } from './progress-bar.js';
import { formatOption, parseCommandArgs, type Command, type CommandResult } from './command.js';
import { displayPath } from './source-files.js';
import { UsageError } from './usage-error.js';

/**
 * `mcred verify FILE|FOLDER...`: checks credentials as a wallet would (signing/verify.ts).
 * Exit 0 when every credential is valid, 1 when any is not (with the reasons per file), 2 on bad
 * usage or an unreadable file. Offline unless `--online`: did:key needs nothing, a did:web needs
 * its `--did-document`, a revocation list its `--status-list` file.
 */
export const verifyCommand: Command = {
    name: 'verify',
    summary: 'verify signed credentials: proof, issuer, schema, dates and revocation',
    usage: 'mcred verify <file|folder>... [--format text|json] [--did-document FILE]... [--status-list FILE]... [--online]',
    async run(args: string[]): Promise<CommandResult> {
        const { values, positionals } = parseCommandArgs(args, {
            'format': { type: 'string' },
            'did-document': { type: 'string', multiple: true },
            'status-list': { type: 'string', multiple: true },
            'online': { type: 'boolean' }
        });
        const format = formatOption(values.format, ['text', 'json'] as const, 'text');
        if (positionals.length === 0) throw new UsageError('no credential file or folder given');
        const didDocuments = new Map<string, Record<string, unknown>>();
        for (const file of values['did-document'] ?? []) {
            const document = readJson(file);
            if (typeof document['id'] !== 'string' || !document['id'].startsWith('did:')) throw new UsageError(`${file} is not a DID document (no did: id)`);
            didDocuments.set(document['id'], document);
        }
        const statusLists = new Map<string, Record<string, unknown>>();
        for (const file of values['status-list'] ?? []) {
            try {
                const list = parseStatusList(readText(file), file);
                statusLists.set(list['id'] as string, list);
            } catch (error) {
                if (error instanceof StatusListError) throw new UsageError(error.message);
                throw error;
            }
        }
        const files = credentialFiles(positionals);
        const inputs = files.map(file => {
            const text = readText(file.path);
            return { file, text, document: parseJson(text, file.path) };
        });
        const verified = await verifyAll(inputs, didDocuments, statusLists, values.online === true);
        const results: Array<VerificationResult & { file: string }> = [];
        inputs.forEach(({ file }, i) => {
            const result = verified[i];
            // A folder may hold other JSON (a did.json, a status list's index file): only named files must be credentials.
            if (file.fromFolder && result.kind === 'not-a-credential') return;
            results.push({ file: displayPath(file.path), ...result });
        });
        const invalid = results.filter(r => !r.valid).length;
        const stdout = format === 'json'
            ? JSON.stringify({ valid: results.length - invalid, invalid, credentials: results }, undefined, 2) + '\n'
            : textReport(results);
        return { stdout, exitCode: invalid > 0 ? 1 : 0 };
    }
};

/**
 * Verifies every document, in their order: a folder of many credentials on a pool of worker
 * threads (signing/signing-pool.ts, one document loader each), a few in-process.
 */
async function verifyAll(
    inputs: ReadonlyArray<{ file: { path: string }; text: string; document: Record<string, unknown> }>,
    didDocuments: ReadonlyMap<string, Record<string, unknown>>, statusLists: ReadonlyMap<string, Record<string, unknown>>, online: boolean
): Promise<VerificationResult[]> {
    const bar = progressBar('Verifying', inputs.length);
    try {
        const workers = poolSize(inputs.length);
        if (workers === 0) {
            const documentLoader = createDocumentLoader({ didDocuments, statusLists, online });
            const results: VerificationResult[] = [];
            for (const { document } of inputs) {
                results.push(await verifyCredentialDocument(document, { documentLoader }));
                bar.update(results.length);
            }
            return results;
        }
        const replies = await runPool({ kind: 'verify', didDocuments: [...didDocuments], statusLists: [...statusLists], online },
            inputs.map(({ file, text }) => ({ text, label: displayPath(file.path) })), workers,
            { progress: done => bar.update(done), exitOnSignal: true, beforeExit: () => bar.finish() });
        return replies.map(reply => {
            if ('result' in reply) return reply.result;
            throw new Error('error' in reply ? reply.error : 'a verification worker answered without a result');
        });
    } finally {
        bar.finish();
    }
}

const KIND_LABELS: Record<VerificationResult['kind'], string> = {
    'ob3': 'Open Badges 3.0',
    'elm': 'Europass (ELM)',
    'status-list': 'status list',
    'credential': 'credential',
    'not-a-credential': 'not a credential'
};

function textReport(results: ReadonlyArray<VerificationResult & { file: string }>): string {
    const lines: string[] = [];
    for (const result of results) {
        const what = [KIND_LABELS[result.kind], result.issuer ? `issuer ${result.issuer}` : undefined].filter(Boolean).join(', ');
        lines.push(`${result.file}: ${result.valid ? 'valid' : result.revoked ? 'invalid (revoked)' : 'invalid'} (${what})`);
        lines.push(...result.problems.map(p => `  - ${p}`));
        lines.push(...result.notes.map(n => `  note: ${n}`));
    }
    const invalid = results.filter(r => !r.valid).length;
    lines.push(`${results.length} credential${results.length === 1 ? '' : 's'}: ${results.length - invalid} valid, ${invalid} invalid.`);
    return lines.join('\n') + '\n';
}

interface CredentialFile {
    readonly path: string;
    readonly fromFolder: boolean;
}

function credentialFiles(inputs: readonly string[]): CredentialFile[] {
    const files: CredentialFile[] = [];
    for (const input of inputs) {
        const absolute = path.resolve(input);
        let isFolder: boolean;
        try {
            isFolder = statSync(absolute).isDirectory();
        } catch {
            throw new UsageError(`${input}: no such file or folder`);
        }
        if (!isFolder) {
            files.push({ path: absolute, fromFolder: false });
            continue;
        }
        const found = findJsonFiles(absolute);
        if (found.length === 0) throw new UsageError(`${input}: folder contains no .json or .jsonld files`);
        files.push(...found.map(p => ({ path: p, fromFolder: true })));
    }
    return files;
}

function findJsonFiles(folder: string): string[] {
    const found: string[] = [];
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) found.push(...findJsonFiles(full));
        else if (entry.isFile() && /\.(json|jsonld)$/.test(entry.name)) found.push(full);
    }
    return found;
}

function readText(file: string): string {
    try {
        return readFileSync(file, 'utf8');
    } catch (error) {
        throw new UsageError(`${displayPath(path.resolve(file))}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
}

function readJson(file: string): Record<string, unknown> {
    return parseJson(readText(file), file);
}

function parseJson(text: string, file: string): Record<string, unknown> {
    try {
        return JSON.parse(text) as Record<string, unknown>;
    } catch {
        throw new UsageError(`${displayPath(path.resolve(file))}: not JSON`);
    }
}
