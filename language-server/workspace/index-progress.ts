import { DocumentState, type DocumentBuilder, type LangiumDocuments, type URI } from 'langium';
import type { Connection, Disposable, WorkDoneProgressServerReporter } from 'vscode-languageserver';

/** The stages of indexing a document, in order; each counts for a quarter of the progress. */
const STAGES = ['read', 'indexed', 'linked', 'cross-referenced'] as const;
type Stage = (typeof STAGES)[number];

/** Documents reaching these states have passed the stage of the same index in {@link STAGES}. */
const STAGE_STATES: ReadonlyArray<[DocumentState, Stage]> = [
    [DocumentState.IndexedContent, 'indexed'],
    [DocumentState.Linked, 'linked'],
    [DocumentState.IndexedReferences, 'cross-referenced']
];

/**
 * The editor's progress notification while the workspace's files are indexed
 * (`window/workDoneProgress`: the server creates the token, then begin, reports and end): from
 * the moment the files are found until every one of them is read, parsed, indexed and linked
 * (their references indexed). Validation comes later and is not part of it.
 *
 * The index is complete when each file found has reached that state, whichever build took it
 * there: the first edit cancels the initial build and the update that follows finishes it.
 * Without a client that supports work-done progress, nothing is sent.
 */
export class IndexProgress {
    /** The shortest interval between two reports. */
    static readonly REPORT_INTERVAL_MS = 100;
    static readonly TITLE = 'Indexing .mcred files';

    protected readonly pending = new Map<string, URI>();
    protected readonly counts = new Map<Stage, number>(STAGES.map(stage => [stage, 0]));
    protected total = 0;
    protected reporter: Promise<WorkDoneProgressServerReporter | undefined> = Promise.resolve(undefined);
    protected lastReport = 0;
    protected listeners: Disposable[] = [];
    protected ended = false;

    constructor(
        protected readonly connection: Connection | undefined,
        protected readonly builder: DocumentBuilder,
        protected readonly documents: LangiumDocuments
    ) {}

    /** Starts the progress for the files found in the workspace folders. */
    begin(uris: readonly URI[]): void {
        if (!this.connection || uris.length === 0) {
            this.ended = true;
            return;
        }
        this.total = uris.length;
        uris.forEach(uri => this.pending.set(uri.toString(), uri));
        const message = this.message('read');
        this.reporter = this.connection.window.createWorkDoneProgress().then(reporter => {
            reporter.begin(IndexProgress.TITLE, 0, message, false);
            return reporter;
        }, () => undefined);
        for (const [state, stage] of STAGE_STATES) {
            this.listeners.push(this.builder.onDocumentPhase(state, document => this.advance(stage, document.uri.toString(), state)));
        }
        // A build that ends may have left out documents deleted meanwhile: they no longer count.
        this.listeners.push(this.builder.onBuildPhase(DocumentState.IndexedReferences, () => this.forgetRemoved()));
    }

    /** One file of the workspace has been read and parsed. */
    read(): void {
        this.step('read');
    }

    protected advance(stage: Stage, uri: string, state: DocumentState): void {
        if (this.ended || !this.pending.has(uri)) return;
        this.step(stage);
        if (state === DocumentState.IndexedReferences) {
            this.pending.delete(uri);
            if (this.pending.size === 0) this.end();
        }
    }

    protected step(stage: Stage): void {
        if (this.ended) return;
        this.counts.set(stage, Math.min(this.total, this.counts.get(stage)! + 1));
        const now = Date.now();
        if (now - this.lastReport >= IndexProgress.REPORT_INTERVAL_MS) {
            this.lastReport = now;
            const percentage = Math.floor((100 * STAGES.reduce((sum, s) => sum + this.counts.get(s)!, 0)) / (STAGES.length * this.total));
            const message = this.message(stage);
            void this.reporter.then(reporter => {
                if (!this.ended) reporter?.report(percentage, message);
            });
        }
    }

    protected message(stage: Stage): string {
        return `${this.counts.get(stage)!.toLocaleString('en')}/${this.total.toLocaleString('en')} files ${stage}`;
    }

    protected forgetRemoved(): void {
        for (const [key, uri] of this.pending) {
            const document = this.documents.getDocument(uri);
            if (!document || document.state >= DocumentState.IndexedReferences) this.pending.delete(key);
        }
        if (!this.ended && this.pending.size === 0) this.end();
    }

    /** Ends the progress (the index is built, or the workspace is given up). */
    end(): void {
        if (this.ended && this.listeners.length === 0) return;
        this.ended = true;
        this.listeners.forEach(listener => listener.dispose());
        this.listeners = [];
        void this.reporter.then(reporter => reporter?.done());
    }
}
