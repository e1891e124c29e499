import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ImportError, importCredentials, KIND_LABELS, MAX_IMPORT_BYTES, type ImportResult, type ImportSource } from '../import/index.js';
import { formatOption, parseCommandArgs, type Command, type CommandResult } from './command.js';
import { displayPath } from './source-files.js';
import { UsageError } from './usage-error.js';
import { WriteError, writeNewFile } from './write-files.js';

const CREDENTIAL_EXTENSIONS = ['.json', '.jsonld'];

export const importCommand: Command = {
    name: 'import',
    summary: 'import Open Badges 3.0, Europass (ELM) or EBSI credentials as a .mcred programme, with holes for what they do not state',
    usage: 'mcred import <file|folder>... [--out file.mcred] [--format text|json]',
    run(args: string[]): Promise<CommandResult> {
        return Promise.resolve().then(() => runImport(args));
    }
};

function runImport(args: string[]): CommandResult {
    const { values, positionals } = parseCommandArgs(args, {
        out: { type: 'string' },
        format: { type: 'string' }
    });
    const format = formatOption(values.format, ['text', 'json'] as const, 'text');
    if (values.out !== undefined && !values.out.endsWith('.mcred')) {
        throw new UsageError(`--out must name a .mcred file (got '${values.out}')`);
    }
    const files = credentialFiles(positionals);
    let sources: ImportSource[];
    let result: ImportResult;
    try {
        sources = files.map(readCredential);
        result = importCredentials(sources);
    } catch (error) {
        if (error instanceof ImportError) {
            return { stdout: '', stderr: `mcred import: ${error.message}; nothing was written\n`, exitCode: 1 };
        }
        throw error;
    }
    const target = path.resolve(values.out ?? defaultOutput(positionals[0]));
    let written: string;
    try {
        written = writeNewFile(target, result.text);
    } catch (error) {
        if (error instanceof WriteError) throw new UsageError(error.message);
        throw error;
    }
    return { stdout: format === 'json' ? jsonReport(result, written) : textReport(result, written), exitCode: 0 };
}

/** The credential files named: files as given, folders searched recursively for .json and .jsonld files. */
function credentialFiles(inputs: readonly string[]): string[] {
    if (inputs.length === 0) throw new UsageError('no file or folder given');
    const files = new Set<string>();
    for (const input of inputs) {
        const absolute = path.resolve(input);
        const stat = statOrUndefined(absolute);
        if (!stat) throw new UsageError(`${input}: no such file or folder`);
        if (stat.isDirectory()) {
            const found = findCredentialFiles(absolute);
            if (found.length === 0) throw new UsageError(`${input}: folder contains no ${CREDENTIAL_EXTENSIONS.join(' or ')} files`);
            found.forEach(f => files.add(f));
        } else {
            files.add(absolute);
        }
    }
    return [...files].sort();
}

function findCredentialFiles(folder: string): string[] {
    const found: string[] = [];
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) found.push(...findCredentialFiles(full));
        // Hidden files are not credentials (e.g. the manifest `.mcred-export.json` of an export folder).
        else if (entry.isFile() && !entry.name.startsWith('.') && CREDENTIAL_EXTENSIONS.some(ext => entry.name.endsWith(ext))) found.push(full);
    }
    return found;
}

function readCredential(file: string): ImportSource {
    const name = displayPath(file);
    const size = statSync(file).size;
    if (size > MAX_IMPORT_BYTES) {
        throw new ImportError(name, `${(size / 1024 / 1024).toFixed(0)} MB is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the largest credential file mcred imports`);
    }
    let bytes: Buffer;
    try {
        bytes = readFileSync(file);
    } catch (error) {
        throw new UsageError(`${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    let text: string;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        throw new ImportError(name, 'not JSON (not UTF-8 text)');
    }
    return { name, text };
}

/** Beside the input: `credential.json` → `credential.mcred`; a folder `issued/` → `issued.mcred` beside it. */
export function defaultOutput(input: string): string {
    const absolute = path.resolve(input);
    if (statOrUndefined(absolute)?.isDirectory()) return `${absolute.replace(/[\\/]+$/, '')}.mcred`;
    const ext = CREDENTIAL_EXTENSIONS.find(e => absolute.endsWith(e)) ?? path.extname(absolute);
    return `${absolute.slice(0, absolute.length - ext.length)}.mcred`;
}

function statOrUndefined(file: string) {
    try {
        return statSync(file);
    } catch {
        return undefined;
    }
}

/** The summary people read: what was written, what is missing (holes), how many facts were not imported. */
export function importSummaryLines(result: ImportResult): string[] {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const lines = [
        `${plural(result.programmeNames.length, 'programme')} (${result.programmeNames.join(', ')}), ${plural(result.providerNames.length, 'provider')}, `
        + `${plural(result.cohorts, 'cohort')}, ${plural(result.learners, 'learner')}`
    ];
    for (const [name, holes] of Object.entries(result.holes)) {
        lines.push(holes.length > 0 ? `${name}: not stated, written as holes (?): ${holes.join(', ')}` : `${name}: every Annex I programme element stated`);
    }
    lines.push(result.factsLost > 0
        ? `${plural(result.factsLost, 'fact')} not imported (listed at the end of the file with their JSON paths)`
        : 'every fact of the credentials imported');
    lines.push('Design-time blocks (audience, format, business, waivers) are not carried by credentials: write them in the programme.');
    return lines;
}

function textReport(result: ImportResult, written: string): string {
    return [
        `Imported ${result.credentials} ${KIND_LABELS[result.kind]} document${result.credentials === 1 ? '' : 's'} into ${displayPath(written)}:`,
        ...importSummaryLines(result).map(l => `  ${l}`)
    ].join('\n') + '\n';
}

function jsonReport(result: ImportResult, written: string): string {
    return JSON.stringify({
        output: displayPath(written),
        kind: result.kind,
        credentials: result.credentials,
        programmes: result.programmeNames,
        providers: result.providerNames,
        cohorts: result.cohorts,
        learners: result.learners,
        holes: result.holes,
        factsLost: result.factsLost,
        notImported: result.lost.map(l => ({ source: l.source, path: l.path, value: l.value, facts: l.facts }))
    }, null, 2) + '\n';
}
