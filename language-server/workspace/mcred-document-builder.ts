import { CancellationToken } from 'vscode-languageserver';
import {
    DefaultDocumentBuilder, DocumentState, interruptAndCheck, isOperationCancelled, OperationCancelled, type URI,
    type LangiumDocument, type LangiumSharedCoreServices, type WorkspaceLock
} from 'langium';
import { McredIndexManager } from './mcred-index-manager.js';

/**
 * Langium's document builder with three changes that keep the server fast and correct with
 * thousands of files (TOOLCHAIN.md pitfalls 7 and 8):
 *
 * 1. Diagnostics are never lost. Langium skips the per-document listeners (which publish the
 *    diagnostics) when a build is cancelled right after a document was validated; that document is
 *    then complete and never published. Here a document that reached a state always notifies.
 * 2. Updates are coalesced. Each `didOpen`/`didChange` used to start its own build, and each build
 *    scans every document: opening N files one by one cost O(N²). {@link scheduleUpdate} waits until
 *    the changes stop coming (a couple of turns of the event loop) and builds them as one update;
 *    a change that arrives during an update cancels it, so that the rest of a burst is taken in
 *    quickly, and the next update goes on from where it stopped.
 * 3. Only what a change affects is rebuilt, found by lookup in {@link McredIndexManager}: the
 *    changed documents; the documents with a reference into them (relinked); the documents with an
 *    unresolved reference to a name they declared before or declare now (relinked, as the name
 *    may now resolve); the documents declaring one of those names too (revalidated: duplicates).
 *    Langium also relinks every document that has any unresolved reference, on every change.
 *    The open documents that changed are built first, so their diagnostics do not wait for the
 *    documents that depend on them.
 */
export class McredDocumentBuilder extends DefaultDocumentBuilder {
    /**
     * A build starts once the changes have stopped coming: after this many turns of the event loop
     * without a new one. The connection handles one incoming message per turn, so a burst (an
     * editor opening 2,000 files) is drained into one build, and a lone keystroke waits for about
     * a millisecond.
     */
    static readonly QUIET_TURNS = 2;
    /** A build starts at the latest this long after the first change it includes. */
    static readonly COALESCE_MAX_MS = 500;

    protected readonly workspaceLock: WorkspaceLock;
    protected readonly queuedChanged = new Map<string, URI>();
    protected readonly queuedDeleted = new Map<string, URI>();
    /** Documents whose change was received but not yet applied (their state is stale). */
    protected readonly awaitingReset = new Set<string>();
    protected resetListeners: Array<() => void> = [];
    /** A flush is scheduled (waiting for the changes to stop coming). */
    protected flushScheduled = false;
    protected firstQueuedAt = 0;
    /** Counts the changes received, to see whether a turn of the event loop brought one. */
    protected received = 0;
    /** Names (exported by changed or deleted documents) whose dependents are still to be invalidated. */
    protected readonly pendingNames = new Set<string>();
    /** Changed documents whose newly exported names are still to be added to `pendingNames`. */
    protected readonly pendingSources = new Set<string>();
    protected updating = false;
    protected updateDoneListeners: Array<() => void> = [];
    protected lastUpdateOptions = this.updateBuildOptions;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.workspaceLock = services.workspace.WorkspaceLock;
    }

    protected get index(): McredIndexManager | undefined {
        return this.indexManager instanceof McredIndexManager ? this.indexManager : undefined;
    }

    // -----------------------------------------------------------------------------------------
    // 2. Coalescing

    /**
     * Queues a change (from the editor or the file system) and builds it, with the changes that
     * arrive close to it, as one update under the workspace lock.
     */
    scheduleUpdate(changed: URI[], deleted: URI[]): void {
        if (this.queuedChanged.size === 0 && this.queuedDeleted.size === 0) {
            this.firstQueuedAt = Date.now();
        }
        this.received++;
        for (const uri of changed) {
            const key = uri.toString();
            this.queuedChanged.set(key, uri);
            this.queuedDeleted.delete(key);
            this.awaitingReset.add(key);
        }
        for (const uri of deleted) {
            const key = uri.toString();
            this.queuedDeleted.set(key, uri);
            this.queuedChanged.delete(key);
            this.awaitingReset.add(key);
        }
        if (this.updating) {
            // The running update is out of date: stop it at its next check (it keeps what it built),
            // so that the event loop is free to take in the rest of the changes quickly. A running
            // build lets only one message through every 10 ms.
            this.workspaceLock.cancelWrite();
        }
        this.scheduleFlush();
    }

    /** Flushes once a few turns of the event loop have brought no new change (or after COALESCE_MAX_MS). */
    protected scheduleFlush(): void {
        if (this.flushScheduled) {
            return;
        }
        this.flushScheduled = true;
        let seen = this.received;
        let quiet = 0;
        const turn = () => {
            if (this.received !== seen) {
                seen = this.received;
                quiet = 0;
            } else {
                quiet++;
            }
            if (quiet >= McredDocumentBuilder.QUIET_TURNS || Date.now() - this.firstQueuedAt >= McredDocumentBuilder.COALESCE_MAX_MS) {
                this.flushScheduled = false;
                this.flush();
            } else {
                nextTurn(turn);
            }
        };
        nextTurn(turn);
    }

    /** Resolves once no change is queued and no update runs (for tests and tools). */
    async settled(): Promise<void> {
        while (this.flushScheduled || this.updating || this.awaitingReset.size > 0) {
            await new Promise(resolve => setTimeout(resolve, 1));
            await this.workspaceLock.read(() => undefined);
        }
    }

    protected flush(): void {
        const changed = [...this.queuedChanged.values()];
        const deleted = [...this.queuedDeleted.values()];
        this.queuedChanged.clear();
        this.queuedDeleted.clear();
        if (changed.length === 0 && deleted.length === 0) {
            return;
        }
        // As Langium does: wait for the initial workspace build, then run under the write lock (which
        // cancels the build in progress; its documents are picked up again by this update).
        this.workspaceManager().ready
            .then(() => this.workspaceLock.write(token => this.update(changed, deleted, token)))
            .catch(error => console.error('mcred: a document update failed.', error));
    }

    // -----------------------------------------------------------------------------------------
    // 3. Targeted rebuilds

    override async update(changed: URI[], deleted: URI[], cancelToken = CancellationToken.None): Promise<void> {
        this.updating = true;
        try {
            await this.doUpdate(changed, deleted, cancelToken);
        } finally {
            this.updating = false;
            if (this.queuedChanged.size > 0 || this.queuedDeleted.size > 0) {
                this.scheduleFlush();
            }
            const listeners = this.updateDoneListeners;
            this.updateDoneListeners = [];
            listeners.forEach(listener => listener());
        }
    }

    protected async doUpdate(changed: URI[], deleted: URI[], cancelToken: CancellationToken): Promise<void> {
        const index = this.index;
        if (!index) {
            // Without mcred's index (a custom module), fall back to Langium's update.
            this.markReset([...changed, ...deleted]);
            return super.update(changed, deleted, cancelToken);
        }
        this.currentState = DocumentState.Changed;
        const deletedUris: URI[] = [];
        const keptOpen: URI[] = [];
        for (const deletedUri of deleted) {
            // A deleted URI may be a folder: every document within is deleted, except those open in
            // the editor: while open, the buffer is the document (a file deleted on disk stays in
            // the workspace until its editor is closed, see McredDocumentUpdateHandler).
            for (const document of this.langiumDocuments.deleteDocuments(deletedUri)) {
                if (this.textDocuments?.get(document.uri)) {
                    // Rebuilt as a changed document: its links into files deleted with it are undone.
                    this.langiumDocuments.addDocument(document);
                    keptOpen.push(document.uri);
                    continue;
                }
                deletedUris.push(document.uri);
                index.exportedNames(document.uri.toString()).forEach(name => this.pendingNames.add(name));
                this.cleanUpDeleted(document);
            }
        }
        // A changed URI may be a folder (from the file watcher): every document within changed.
        const changedUris = [...(await Promise.all(changed.map(uri => this.findChangedUris(uri)))).flat(), ...keptOpen];
        for (const uri of changedUris) {
            const key = uri.toString();
            let document = this.langiumDocuments.getDocument(uri);
            if (document) {
                index.exportedNames(key).forEach(name => this.pendingNames.add(name));
            } else {
                // Unparsed until the first build phase, as Langium does, so that parsing can be cancelled.
                document = this.langiumDocumentFactory.fromModel({ $type: 'INVALID' }, uri);
                document.state = DocumentState.Changed;
                this.langiumDocuments.addDocument(document);
            }
            this.pendingSources.add(key);
            this.resetToState(document, DocumentState.Changed);
        }
        const changedKeys = new Set([...changedUris, ...deletedUris].map(uri => uri.toString()));
        const byKey = new Map(this.langiumDocuments.all.map(document => [document.uri.toString(), document] as const));
        for (const key of index.referringDocuments(changedKeys)) {
            if (!changedKeys.has(key)) {
                this.resetDocument(byKey.get(key), DocumentState.ComputedScopes);
            }
        }
        this.markReset([...changed, ...deleted]);
        await this.emitUpdate(changedUris, deletedUris);
        // As in Langium, cancellation is only checked once every state change above is done.
        await interruptAndCheck(cancelToken);

        // Parse and index every document to be built (the changed ones, and those a cancelled build
        // left behind): the names the changed documents declare now are then known, and linking
        // any of them sees every exported name.
        const unfinished = this.documentsToBuild();
        this.prepareBuild(unfinished, this.updateBuildOptions);
        await this.runCancelable(unfinished, DocumentState.Parsed, cancelToken, document => this.parseOrDiscard(document, cancelToken));
        await this.runCancelable(unfinished, DocumentState.IndexedContent, cancelToken, document => this.indexManager.updateContent(document, cancelToken));
        for (const key of this.pendingSources) {
            index.exportedNames(key).forEach(name => this.pendingNames.add(name));
        }
        this.pendingSources.clear();
        if (this.pendingNames.size > 0) {
            for (const key of index.documentsWithUnresolved(this.pendingNames)) {
                this.resetDocument(byKey.get(key), DocumentState.ComputedScopes);
            }
            for (const key of index.documentsDeclaring(this.pendingNames)) {
                if (!changedKeys.has(key)) {
                    this.resetDocument(byKey.get(key), DocumentState.IndexedReferences);
                }
            }
            this.pendingNames.clear();
        }

        const rebuild = this.documentsToBuild();
        this.lastUpdateOptions = this.updateBuildOptions;
        const first = rebuild.filter(document => changedKeys.has(document.uri.toString()) && this.textDocuments?.get(document.uri));
        if (first.length > 0 && first.length < rebuild.length) {
            await this.buildDocuments(first, this.updateBuildOptions, cancelToken);
            const firstKeys = new Set(first.map(document => document.uri.toString()));
            this.currentState = DocumentState.Changed;
            const rest = rebuild.filter(document => !firstKeys.has(document.uri.toString()));
            await this.buildDocuments(this.sortDocuments(rest), this.updateBuildOptions, cancelToken);
        } else {
            await this.buildDocuments(this.sortDocuments(rebuild), this.updateBuildOptions, cancelToken);
        }
    }

    /**
     * Parses a document from the editor's buffer or, when it is not open, from its file. A document
     * that can be read from neither (an unsaved buffer closed, a file deleted, before the update
     * ran) is removed from the workspace instead: left unparsed, it would fail every later build.
     */
    protected async parseOrDiscard(document: LangiumDocument, cancelToken: CancellationToken): Promise<void> {
        try {
            await this.langiumDocumentFactory.update(document, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            console.warn(`mcred: ${document.uri.toString()} can be read neither from the editor nor from disk `
                + `(${error instanceof Error ? error.message : String(error)}): it is removed from the workspace.`);
            this.scheduleUpdate([], [document.uri]);
            // Ends this update as a cancellation does; the update just scheduled goes on without it.
            // eslint-disable-next-line @typescript-eslint/only-throw-error
            throw OperationCancelled;
        }
    }

    /** The documents not yet (or no longer) built with the update options. */
    protected documentsToBuild(): LangiumDocument[] {
        const optionsChanged = this.lastUpdateOptions !== this.updateBuildOptions;
        return this.langiumDocuments.all
            .filter(document => document.state < DocumentState.Validated
                || !this.buildState.get(document.uri.toString())?.completed
                || (optionsChanged && this.resultsAreIncomplete(document, this.updateBuildOptions)))
            .toArray();
    }

    protected resetDocument(document: LangiumDocument | undefined, state: DocumentState): void {
        if (document && document.state > state) {
            this.resetToState(document, state);
        }
    }

    protected markReset(uris: URI[]): void {
        uris.forEach(uri => this.awaitingReset.delete(uri.toString()));
        const listeners = this.resetListeners;
        this.resetListeners = [];
        listeners.forEach(listener => listener());
    }

    // -----------------------------------------------------------------------------------------
    // Waiting for a document: requests (completion, hover, …) wait until the document is built.

    protected override awaitDocumentState(state: DocumentState, uri: URI, cancelToken: CancellationToken): Promise<URI> {
        if (this.awaitingReset.has(uri.toString()) && !cancelToken.isCancellationRequested) {
            // A change of this document is queued: its current state is stale until the update applies it.
            return new Promise<void>(resolve => this.resetListeners.push(resolve))
                .then(() => this.awaitDocumentState(state, uri, cancelToken));
        }
        const document = this.langiumDocuments.getDocument(uri);
        if (this.updating && document && document.state < state && !cancelToken.isCancellationRequested) {
            // The running update builds the document; Langium would reject the request when the
            // update's first stage (the changed documents) has already gone past `state`.
            return new Promise((resolve, reject) => {
                const built = this.onDocumentPhase(state, doc => {
                    if (doc.uri.toString() === uri.toString()) {
                        built.dispose();
                        cancelled.dispose();
                        resolve(doc.uri);
                    }
                });
                const cancelled = cancelToken.onCancellationRequested(() => {
                    built.dispose();
                    cancelled.dispose();
                    // Langium's requests recognise cancellation by this symbol.
                    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
                    reject(OperationCancelled);
                });
            });
        }
        return super.awaitDocumentState(state, uri, cancelToken);
    }

    protected override awaitBuilderState(state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        if (this.updating && !cancelToken.isCancellationRequested) {
            // The first stage of an update (the changed documents) reaches every state before the
            // documents that depend on them are rebuilt: wait for the whole update.
            return new Promise<void>(resolve => this.updateDoneListeners.push(resolve))
                .then(() => this.awaitBuilderState(state, cancelToken));
        }
        return super.awaitBuilderState(state, cancelToken);
    }

    // -----------------------------------------------------------------------------------------
    // 1. No lost diagnostics

    /**
     * Notifies the per-document listeners (among them the one that publishes diagnostics) even when
     * the build was cancelled meanwhile: the document has reached `state` and will not be built
     * again, so a skipped listener would never run for it.
     */
    protected override async notifyDocumentPhase(document: LangiumDocument, state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        for (const listener of this.documentPhaseListeners.get(state).slice()) {
            try {
                await listener(document, cancelToken);
            } catch (error) {
                if (!isOperationCancelled(error)) {
                    throw error;
                }
            }
        }
    }
}

/** Runs `callback` on the next turn of the event loop (after the I/O and messages of this one). */
function nextTurn(callback: () => void): void {
    if (typeof setImmediate === 'function') {
        setImmediate(callback);
    } else {
        setTimeout(callback, 0);
    }
}
