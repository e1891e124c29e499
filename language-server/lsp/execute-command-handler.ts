import { Cancellation, DocumentState, URI, type LangiumDocument } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor } from 'langium/lsp';
import type { LangiumSharedServices } from 'langium/lsp';
import { isCohort, isMicroCredential, type Model } from '../generated/ast.js';
import type { ExportedDocument, ExportPlan, ExportRequest } from '../export/export-plan.js';
import {
    CATALOGUE_COMMAND, EXPORT_COMMAND, IMPORT_COMMAND, REPORT_COMMAND, type CatalogueCommandArgs, type ExportCommandArgs,
    type ExportCommandCredential, type ExportCommandResult,
    type ImportCommandArgs, type ReportCommandArgs
} from '../protocol.js';
import { McredDocumentBuilder } from '../workspace/mcred-document-builder.js';
import { cohortCredential } from '../model/credential-contexts.js';
import type { McredServices } from '../mcred-services.js';
import type { RosterFiles } from '../workspace/roster-files.js';

/**
 * Runs the export in the language server, with the same pure functions as `mcred export`, so
 * that the editor and the CLI write byte-identical files. The Node server writes the files into
 * the folder the client names and answers with a summary (node-commands.ts); here (the web
 * worker) the answer holds the documents and the client writes them.
 */
export class McredExecuteCommandHandler extends AbstractExecuteCommandHandler {
    constructor(protected readonly shared: LangiumSharedServices) {
        super();
    }

    registerCommands(acceptor: ExecuteCommandAcceptor): void {
        acceptor(EXPORT_COMMAND, (args, cancelToken) => this.export(args[0] as ExportCommandArgs | undefined, cancelToken));
        // The commands' code (exporters, report, catalogue with its graph layout, import) is loaded
        // when a command first runs: validating files never needs it, and loading it at start
        // would delay the first diagnostics (issue 18).
        acceptor(IMPORT_COMMAND, async args => (await import('./import-command.js')).importCommand(this.shared, args[0] as ImportCommandArgs | undefined));
        acceptor(REPORT_COMMAND, async args => (await import('./report-command.js'))
            .reportCommand(this.shared, args[0] as ReportCommandArgs | undefined, uri => this.validatedWorkspace(uri)));
        acceptor(CATALOGUE_COMMAND, async args => (await import('./catalogue-command.js'))
            .catalogueCommand(this.shared, args[0] as CatalogueCommandArgs | undefined, () => this.validatedAll()));
    }

    async export(args: ExportCommandArgs | undefined, cancelToken?: Cancellation.CancellationToken): Promise<ExportCommandResult> {
        const planned = await this.plannedExport(args);
        if (!('plan' in planned)) return planned;
        return this.deliver(planned.plan, planned.plan.documents, planned.args, cancelToken);
    }

    /**
     * The export plan of the request (the same `planExport` as `mcred export`), or the answer when
     * there is nothing to plan: a listing, or an error.
     */
    protected async plannedExport(args: ExportCommandArgs | undefined): Promise<ExportCommandResult | PlannedExport> {
        if (!args || typeof args.uri !== 'string') {
            return { kind: 'error', message: `${EXPORT_COMMAND} expects { uri, format, credential?, cohort?, template?, outFolder? }` };
        }
        let document: LangiumDocument<Model>;
        try {
            document = await this.validatedWorkspace(URI.parse(args.uri));
        } catch (error) {
            return { kind: 'error', message: `Cannot read ${args.uri}: ${error instanceof Error ? error.message : String(error)}` };
        }
        const { LangiumDocuments } = this.shared.workspace;
        const workspace = LangiumDocuments.all.toArray() as Array<LangiumDocument<Model>>;
        if (args.list) {
            return { kind: 'credentials', credentials: credentialsOf(document, workspace) };
        }
        const request: ExportRequest = {
            format: args.format ?? '',
            ...(args.credential !== undefined ? { credential: args.credential } : {}),
            ...(args.cohort !== undefined ? { cohort: args.cohort } : {}),
            ...(args.template ? { template: true } : {}),
            today: new Date().toISOString().slice(0, 10)
        };
        const { ExportRequestError, planExport } = await import('../export/export-plan.js');
        try {
            const rosters = this.rosterFiles(document);
            const plan = await planExport({
                documents: [document], workspace,
                workspaceFolders: rosters.workspaceFolders(),
                readText: (uri, roots) => rosters.readText(uri, roots)
            }, request);
            return { plan, args };
        } catch (error) {
            if (error instanceof ExportRequestError) return { kind: 'error', message: error.message };
            throw error;
        }
    }

    /**
     * Hands the planned documents (or the plan's problems) to the client. Here, in the web worker,
     * that means in the answer: there is no disk to write to. The Node server overrides this to
     * write them into `outFolder` itself (node-commands.ts).
     */
    protected deliver(plan: ExportPlan, documents: readonly ExportedDocument[], _args: ExportCommandArgs,
        _cancelToken?: Cancellation.CancellationToken): Promise<ExportCommandResult> {
        return Promise.resolve({ kind: 'export', formatLabel: plan.format.label, documents, problems: plan.problems, notes: exportNotes(plan) });
    }

    /** The roster service of the language the document is in (the same one `roster-path` uses). */
    private rosterFiles(document: LangiumDocument): RosterFiles {
        return (this.shared.ServiceRegistry.getServices(document.uri) as McredServices).workspace.RosterFiles;
    }

    /**
     * The document, with every document of the workspace linked and validated: files that are not
     * open are not validated by Langium's initial build (TOOLCHAIN.md §6), and the export must see
     * their errors. Edits received but still being coalesced into one build are waited for, so the
     * export and the report show every edit the editor sent.
     */
    private async validatedWorkspace(uri: URI): Promise<LangiumDocument<Model>> {
        const { LangiumDocuments, DocumentBuilder, WorkspaceManager } = this.shared.workspace;
        await WorkspaceManager.ready;
        if (DocumentBuilder instanceof McredDocumentBuilder) await DocumentBuilder.settled();
        const document = await LangiumDocuments.getOrCreateDocument(uri) as LangiumDocument<Model>;
        await this.validatedAll();
        return document;
    }

    /** Resolves once every document of the workspace is linked and validated. */
    private async validatedAll(): Promise<void> {
        const { LangiumDocuments, DocumentBuilder, WorkspaceLock, WorkspaceManager } = this.shared.workspace;
        await WorkspaceManager.ready;
        if (DocumentBuilder instanceof McredDocumentBuilder) await DocumentBuilder.settled();
        const pending = LangiumDocuments.all.filter(d => d.state < DocumentState.Validated).toArray();
        if (pending.length > 0) {
            await WorkspaceLock.write(() => DocumentBuilder.build(pending, { validation: true }, Cancellation.CancellationToken.None));
        }
    }
}

/** A planned export and the request it answers. */
interface PlannedExport {
    readonly plan: ExportPlan;
    readonly args: ExportCommandArgs;
}

/** The plan's warnings and notes, one line each, as the editor shows them. */
export function exportNotes(plan: ExportPlan): string[] {
    return [...plan.warnings.map(w => `Warning: ${w}`), ...plan.notes];
}

function credentialsOf(document: LangiumDocument<Model>, workspace: ReadonlyArray<LangiumDocument<Model>>): ExportCommandCredential[] {
    const cohorts = workspace.flatMap(d => d.parseResult.value.elements.filter(isCohort));
    return document.parseResult.value.elements.filter(isMicroCredential).map(credential => ({
        name: credential.name,
        ...(credential.title ? { title: credential.title } : {}),
        cohorts: cohorts.filter(c => cohortCredential(c) === credential).map(c => ({
            name: c.name,
            learners: c.learners.length,
            ...(c.roster ? { roster: c.roster } : {})
        }))
    }));
}
