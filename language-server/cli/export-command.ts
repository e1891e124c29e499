import * as path from 'node:path';
import { URI } from 'langium';
import {
    ExportRequestError, planExport, type ExportedDocument, type ExportPlan, type ExportProblem, type ExportRequest
} from '../export/export-plan.js';
import { EXPORT_FORMAT_IDS } from '../export/formats.js';
import { formatOption, parseCommandArgs, type Command, type CommandResult } from './command.js';
import { displayPath, inputFolders, readSourceFiles, withSiblings } from './source-files.js';
import { decodeRoster } from '../export/roster.js';
import { MAX_ROSTER_BYTES } from '../export/roster-location.js';
import { readRegularFile } from '../workspace/node-files.js';
import { UsageError } from './usage-error.js';
import { toJsonText, type JsonObject } from '../export/json.js';
import type { IssuerKey } from '../signing/keys.js';
import { signCredential, SigningError } from '../signing/sign.js';
import { PoolError, poolSize, runPool } from '../signing/signing-pool.js';
import { progressBar } from './progress-bar.js';
import { indicesFileOf, statusEntry, StatusListError } from '../signing/status-list.js';
import { keyPermissionWarning, readKeyFile, readStatusListFiles, writeFileAtomically, type StatusListFiles } from './signing-files.js';
import { loadWorkspace } from './workspace.js';
import { ExportWriteError, writeExportSet } from '../workspace/export-set-writer.js';

/** Where `mcred export` writes without `--out`; the VS Code setting `mcred.export.outputFolder` has the same default. */
export const DEFAULT_OUTPUT_FOLDER = path.join('out', 'credentials');

export const exportCommand: Command = {
    name: 'export',
    summary: 'export credentials as Open Badges 3.0 or Europass (ELM) JSON-LD, per learner or as a template',
    usage: 'mcred export <file|folder>... --format ob3|elm [--cohort NAME | --roster file.csv | --template]'
        + ' [--credential NAME] [--issued YYYY-MM-DD] [--roster-encoding windows-1252] [--out dir] [--reveal-identity] [--sign KEY [--status-list FILE]]',
    async run(args: string[]): Promise<CommandResult> {
        const { values, positionals } = parseCommandArgs(args, {
            format: { type: 'string' },
            cohort: { type: 'string' },
            roster: { type: 'string' },
            template: { type: 'boolean' },
            credential: { type: 'string' },
            issued: { type: 'string' },
            'roster-encoding': { type: 'string' },
            out: { type: 'string' },
            'reveal-identity': { type: 'boolean' },
            'sign': { type: 'string' },
            'status-list': { type: 'string' }
        });
        const encoding = values['roster-encoding'];
        if (values.format === undefined) {
            throw new UsageError(`--format is required (${EXPORT_FORMAT_IDS.join(' or ')})`);
        }
        const format = formatOption(values.format, EXPORT_FORMAT_IDS, EXPORT_FORMAT_IDS[0]);
        if (values.sign !== undefined && format !== 'ob3') {
            throw new UsageError('--sign signs Open Badges 3.0 (--format ob3); Europass credentials are sealed by the Europass issuing service');
        }
        if (values.sign !== undefined && values.template) {
            throw new UsageError('--sign signs credentials issued to learners, not the achievement template');
        }
        if (values['status-list'] !== undefined && values.sign === undefined) {
            throw new UsageError('--status-list needs --sign KEY (a status entry is only meaningful in a signed credential)');
        }
        const signing = values.sign !== undefined ? await readKeyFile(values.sign) : undefined;
        const statusList = values['status-list'] !== undefined ? readStatusListFiles(values['status-list'], true) : undefined;
        const targets = readSourceFiles(positionals);
        const roster = values.roster !== undefined ? readRoster(values.roster, encoding) : undefined;
        const outFolder = path.resolve(values.out ?? DEFAULT_OUTPUT_FOLDER);

        const folders = inputFolders(positionals);
        const { documents } = await loadWorkspace(withSiblings(targets), undefined, { disk: true, folders });
        const targetPaths = new Set(targets.map(t => t.path));
        const request: ExportRequest = {
            format,
            ...(values.credential !== undefined ? { credential: values.credential } : {}),
            ...(values.cohort !== undefined ? { cohort: values.cohort } : {}),
            ...(roster ? { roster } : {}),
            ...(values.template ? { template: true } : {}),
            ...(values.issued !== undefined ? { issued: values.issued } : {}),
            ...(values['reveal-identity'] ? { revealIdentity: true } : {}),
            today: new Date().toISOString().slice(0, 10)
        };
        let plan: ExportPlan;
        try {
            plan = await planExport({
                documents: documents.filter(d => targetPaths.has(d.uri.fsPath)),
                workspace: documents,
                workspaceFolders: folders.map(folder => URI.file(folder)),
                readText: (uri, roots) => new Promise<string>(resolve => resolve(readRosterFile(uri.fsPath, roots.map(root => root.fsPath), encoding)))
            }, request);
        } catch (error) {
            if (error instanceof ExportRequestError) throw new UsageError(error.message);
            throw error;
        }
        if (plan.problems.length > 0) {
            return {
                stdout: '',
                stderr: plan.problems.map(problemLine).join('\n') + '\nNothing was exported.\n',
                exitCode: 1
            };
        }
        let files: Array<{ name: string; readonly text: string }> = plan.documents.map(d => ({ name: d.fileName, get text() { return d.text; } }));
        if (signing) {
            const signed = await signDocuments(plan, signing, values.sign!, statusList);
            if ('problems' in signed) {
                return { stdout: '', stderr: signed.problems.map(p => `error ${p}`).join('\n') + '\nNothing was exported.\n', exitCode: 1 };
            }
            files = signed.files;
        }
        const bar = progressBar('Writing', files.length);
        // On Ctrl-C the writer says what it did and ends the process: the bar's line is erased first.
        const erase = () => bar.finish();
        process.prependListener('SIGINT', erase);
        process.prependListener('SIGTERM', erase);
        try {
            await writeExportSet(outFolder, files, { exitOnSignal: true, progress: done => bar.update(done) });
            if (statusList) writeFileAtomically(indicesFileOf(statusList.file), JSON.stringify(statusList.indices, undefined, 2) + '\n');
        } catch (error) {
            if (error instanceof ExportWriteError) throw new UsageError(error.message);
            throw error;
        } finally {
            process.off('SIGINT', erase);
            process.off('SIGTERM', erase);
            bar.finish();
        }
        const warnings = [signing && values.sign ? keyPermissionWarning(values.sign) : undefined, warningsOf(plan).stderr].filter(Boolean).join('');
        return { stdout: report(plan, outFolder, signing?.controller), ...(warnings ? { stderr: warnings } : {}), exitCode: 0 };
    }
};

function warningsOf(plan: ExportPlan): { stderr?: string } {
    return plan.warnings.length > 0 ? { stderr: plan.warnings.map(w => `warning: ${w}\n`).join('') } : {};
}

function readRoster(file: string, encoding: string | undefined): { text: string; source: string } {
    try {
        // Named on the command line: anywhere, but a regular file under the size limit.
        return { text: readRosterFile(file, undefined, encoding), source: displayPath(path.resolve(file)) };
    } catch (error) {
        throw new UsageError(`${file}: cannot read the roster (${error instanceof Error ? error.message : String(error)})`);
    }
}

/** A roster's text: a regular file of at most 50 MB (inside `roots` when given), UTF-8 or `encoding`. */
function readRosterFile(file: string, roots: readonly string[] | undefined, encoding: string | undefined): string {
    return decodeRoster(readRegularFile(file, roots, MAX_ROSTER_BYTES), encoding);
}

function problemLine(problem: ExportProblem): string {
    const file = problem.uri ? displayPath(URI.parse(problem.uri).fsPath) : problem.source;
    const where = file ? `${file}${problem.line !== undefined ? `:${problem.line}` : ''}${problem.column !== undefined ? `:${problem.column}` : ''}` : '';
    const code = problem.code ? `${problem.code} ` : '';
    return problem.code === undefined && problem.line !== undefined && problem.uri
        ? `${where} ${problem.message}`
        : `${where ? `${where} ` : ''}error ${code}${problem.message}`;
}

/**
 * Signs every credential of the plan (issuer = the key's controller, else a problem per
 * credential), with a revocation entry from the status list when one is given. A cohort is
 * signed on a pool of worker threads (signing/signing-pool.ts), a few credentials in-process;
 * either way the files keep the order of the plan.
 */
type SignedFiles = { files: Array<{ name: string; text: string }> } | { problems: string[] };

async function signDocuments(
    plan: ExportPlan, key: IssuerKey & { json: Record<string, unknown> }, keySource: string, statusList: StatusListFiles | undefined
): Promise<SignedFiles> {
    const problems = new Set<string>();
    const unsigned: Array<{ document: ExportedDocument; credential: Record<string, unknown> }> = [];
    for (const document of plan.documents) {
        const did = plan.issuerDids[document.credential];
        if (!did) {
            problems.add(`sign '${document.credential}' cannot be signed: its awarding body states no \`did\` (add did "${key.controller}" to the provider, or its did:web)`);
            continue;
        }
        if (did !== key.controller) {
            problems.add(`sign '${document.credential}' is issued by ${did}, but the key is controlled by ${key.controller}: sign with the issuer's key${did.startsWith('did:web:') && key.controller.startsWith('did:key:') ? ` (or run \`mcred keys did-web --domain … --key …\` to make ${did} its controller)` : ''}`);
            continue;
        }
        const credential = JSON.parse(document.text) as Record<string, unknown>;
        if (statusList && document.issuanceKey) {
            try {
                credential['credentialStatus'] = statusEntry(statusList.indices, document.issuanceKey);
            } catch (error) {
                if (error instanceof StatusListError) return { problems: [`status-list ${error.message}`] };
                throw error;
            }
        }
        unsigned.push({ document, credential });
    }
    if (problems.size > 0) return { problems: [...problems] };
    const bar = progressBar('Signing', unsigned.length);
    try {
        const workers = poolSize(unsigned.length);
        const texts: Array<string | undefined> = [];
        if (workers > 0) {
            const replies = await runPool({ kind: 'sign', keyText: JSON.stringify(key.json), keySource }, unsigned.map(({ document, credential }) => ({
                text: JSON.stringify(credential), label: `${document.fileName} (${document.learner ?? document.credential})`
            })), workers, { progress: done => bar.update(done), exitOnSignal: true, beforeExit: () => bar.finish() });
            replies.forEach((reply, i) => {
                if ('text' in reply) texts.push(reply.text);
                else if ('error' in reply) problems.add(`sign ${unsigned[i].document.fileName}: ${reply.error}`);
            });
        } else {
            for (const [i, { document, credential }] of unsigned.entries()) {
                try {
                    texts.push(toJsonText(await signCredential(credential, key) as JsonObject));
                } catch (error) {
                    if (error instanceof SigningError) problems.add(`sign ${document.fileName}: ${error.message}`);
                    else throw error;
                }
                bar.update(i + 1);
            }
        }
        if (problems.size > 0) return { problems: [...problems] };
        return { files: unsigned.map(({ document }, i) => ({ name: document.fileName, text: texts[i]! })) };
    } catch (error) {
        if (error instanceof PoolError) return { problems: [`sign ${error.message}`] };
        throw error;
    } finally {
        bar.finish();
    }
}

function report(plan: ExportPlan, outFolder: string, signedBy?: string): string {
    const lines = [`Wrote ${plan.documents.length} ${signedBy ? 'signed ' : ''}${plan.format.label} document${plan.documents.length === 1 ? '' : 's'} to ${displayPath(outFolder)}${signedBy ? ` (issuer ${signedBy})` : ''}:`];
    for (const document of plan.documents) {
        const what = document.learner
            ? `${document.credential}, ${document.learner}${document.cohort ? `, cohort ${document.cohort}` : ''}`
            : `${document.credential}, achievement template (no learner)`;
        lines.push(`  ${document.fileName}  (${what})`);
    }
    lines.push(...(signedBy ? plan.notes.filter(n => !n.startsWith('Open Badges 3.0: the credentials are unsigned')) : plan.notes).map(note => `Note: ${note}`));
    return lines.join('\n') + '\n';
}
