import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { URI, type Cancellation } from 'langium';
import type { ExecuteCommandAcceptor, LangiumSharedServices } from 'langium/lsp';
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { ExportedDocument, ExportPlan } from './export/export-plan.js';
import { toJsonText, type JsonObject } from './export/json.js';
import { exportNotes, McredExecuteCommandHandler } from './lsp/execute-command-handler.js';
import {
    EXPORT_PROGRESS_THRESHOLD, EXPORT_SIGNED_COMMAND, EXPORT_SUMMARY_FILES, VERIFY_COMMAND,
    type ExportCommandArgs, type ExportCommandResult, type ExportSignedArgs, type VerifyArgs, type VerifyCommandResult
} from './protocol.js';
import { ExportWriteError, writeExportSet } from './workspace/export-set-writer.js';

/**
 * The signing stack (JSON-LD, RDF canonicalisation, Digital Bazaar's libraries: most of the
 * server's code) is loaded when a command first needs it, not at start: validating a file
 * never needs it, and loading it would delay the first diagnostics (issue 18).
 */
const signing = {
    keys: () => import('./signing/keys.js'),
    sign: () => import('./signing/sign.js'),
    verify: async () => ({ ...(await import('./signing/verify.js')), ...(await import('./signing/document-loader.js')) })
};

/**
 * Commands of the Node language server only (not the web worker: writing files, signing with the
 * key file and Node's crypto): the export of `mcred.export` written by the server into the folder
 * the client names (`outFolder`, see `deliver`), `mcred.exportSigned` (the same export, each
 * credential signed with the key file the user names in the setting `mcred.signing.keyFile`) and
 * `mcred.verify` (a credential file, checked as `mcred verify` does, offline). The VS Code
 * extension only shows their results.
 */

export class NodeExecuteCommandHandler extends McredExecuteCommandHandler {
    /** Output folders an export of this server is writing (the writer's lock is per process). */
    private readonly writing = new Set<string>();

    constructor(shared: LangiumSharedServices) {
        super(shared);
    }

    override registerCommands(acceptor: ExecuteCommandAcceptor): void {
        super.registerCommands(acceptor);
        acceptor(EXPORT_SIGNED_COMMAND, (args, cancelToken) => this.exportSigned(args[0] as ExportSignedArgs | undefined, cancelToken));
        acceptor(VERIFY_COMMAND, args => verifyText(args[0] as VerifyArgs | undefined));
    }

    async exportSigned(args: ExportSignedArgs | undefined, cancelToken?: Cancellation.CancellationToken): Promise<ExportCommandResult> {
        if (!args || typeof args.keyFile !== 'string' || args.keyFile === '') {
            return { kind: 'error', message: 'No signing key: set mcred.signing.keyFile to a key file made with `mcred keys new --out FILE`.' };
        }
        if (args.format !== 'ob3' || args.template) {
            return { kind: 'error', message: 'Only Open Badges 3.0 credentials issued to learners are signed (Europass seals its own).' };
        }
        const { KeyFileError, readKey } = await signing.keys();
        let key;
        try {
            key = await readKey(await readFile(args.keyFile, 'utf8'), args.keyFile);
        } catch (error) {
            return { kind: 'error', message: error instanceof KeyFileError ? error.message : `Cannot read the key file ${args.keyFile} (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
        }
        const planned = await this.plannedExport(args);
        if (!('plan' in planned)) return planned;
        const { plan } = planned;
        if (plan.problems.length > 0) return this.deliver(plan, [], args, cancelToken);
        const { signCredential, SigningError } = await signing.sign();
        const documents: ExportedDocument[] = [];
        for (const document of plan.documents) {
            try {
                const signed = await signCredential(JSON.parse(document.text) as Record<string, unknown>, key);
                documents.push({ ...document, text: toJsonText(signed as JsonObject) });
            } catch (error) {
                if (error instanceof SigningError) return { kind: 'error', message: `'${document.credential}' cannot be signed: ${error.message}.` };
                throw error;
            }
        }
        const signedPlan: ExportPlan = {
            ...plan,
            format: { ...plan.format, label: `signed ${plan.format.label}` },
            notes: plan.notes.filter(n => !n.startsWith('Open Badges 3.0: the credentials are unsigned') && !n.includes('cannot be signed'))
        };
        return this.deliver(signedPlan, documents, args, cancelToken);
    }

    /**
     * Writes the documents into `outFolder` (a `file:` URI) with the writer of `mcred export --out`:
     * all or none, the same refusals (a folder that is a link or a file, a FIFO or device among the
     * files). Each text is rendered when it is written and the answer is a summary, so memory stays
     * bounded whatever the number of learners. More than EXPORT_PROGRESS_THRESHOLD credentials show
     * their progress (`window/workDoneProgress`), which the user can cancel: nothing is then written.
     * Without `outFolder`, or for a folder not on disk, the documents are answered as the web worker does.
     */
    protected override async deliver(plan: ExportPlan, documents: readonly ExportedDocument[], args: ExportCommandArgs,
        cancelToken?: Cancellation.CancellationToken): Promise<ExportCommandResult> {
        const outFolder = typeof args.outFolder === 'string' ? args.outFolder : '';
        const folderUri = outFolder !== '' ? URI.parse(outFolder) : undefined;
        if (plan.problems.length > 0 || folderUri?.scheme !== 'file') return super.deliver(plan, documents, args, cancelToken);
        const folder = path.resolve(folderUri.fsPath);
        if (this.writing.has(folder)) {
            return { kind: 'error', message: `An export to ${folder} is already running: wait for it to finish.` };
        }
        this.writing.add(folder);
        const progress = documents.length > EXPORT_PROGRESS_THRESHOLD ? await this.progressReporter() : undefined;
        try {
            progress?.begin(`Exporting ${documents.length} ${plan.format.label} credentials`, 0, `0 of ${documents.length}`, true);
            let reported = 0;
            await writeExportSet(folder, documents.map(d => ({ name: d.fileName, get text() { return d.text; } })), {
                progress: progress && ((written, total) => {
                    const percentage = Math.floor(written * 100 / total);
                    if (percentage > reported || written === total) {
                        reported = percentage;
                        progress.report(percentage, `${written} of ${total}`);
                    }
                }),
                cancelled: () => cancelToken?.isCancellationRequested === true || progress?.token.isCancellationRequested === true
            });
        } catch (error) {
            if (error instanceof ExportWriteError) return { kind: 'error', message: `Cannot export: ${error.message}.` };
            throw error;
        } finally {
            progress?.done();
            this.writing.delete(folder);
        }
        return {
            kind: 'written',
            formatLabel: plan.format.label,
            folder: outFolder,
            count: documents.length,
            files: documents.slice(0, EXPORT_SUMMARY_FILES).map(d => d.fileName),
            notes: exportNotes(plan)
        };
    }

    /** A server-initiated progress (`window/workDoneProgress/create`); a silent one when the client has none. */
    private async progressReporter(): Promise<WorkDoneProgressServerReporter | undefined> {
        try {
            return await this.shared.lsp.Connection?.window.createWorkDoneProgress();
        } catch {
            return undefined; // the client refused the token: export without progress
        }
    }
}

async function verifyText(args: VerifyArgs | undefined): Promise<VerifyCommandResult> {
    if (!args || typeof args.text !== 'string') return { kind: 'error', message: `${VERIFY_COMMAND} expects { text }` };
    let document: unknown;
    try {
        document = JSON.parse(args.text);
    } catch {
        return { kind: 'error', message: 'This file is not JSON: it cannot be a credential.' };
    }
    const { verifyCredentialDocument, createDocumentLoader } = await signing.verify();
    return { kind: 'verified', result: await verifyCredentialDocument(document, { documentLoader: createDocumentLoader() }) };
}
