import { DefaultWorkspaceManager, isOperationCancelled, URI, type LangiumDocument, type LangiumDocumentFactory, type Stream, type WorkspaceFolder } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CancellationToken } from 'vscode-languageserver';
import { IndexProgress } from './index-progress.js';
import { findWorkspaceFiles } from './node-files.js';

/**
 * The workspace search of the Node language server, shared with `mcred check`: symbolic links to
 * `.mcred` files are followed once (Langium's search ignores them, so a linked shared
 * `providers.mcred` gave `ref-unresolved` in the editor while the CLI read it), each real file
 * is loaded once, and devices, FIFOs and oversized files are skipped with a warning in the
 * server's log instead of being read without end.
 *
 * While the workspace is indexed, the editor shows a progress notification ({@link IndexProgress}).
 */
export class NodeWorkspaceManager extends DefaultWorkspaceManager {
    protected readonly progress: IndexProgress;
    protected readonly documentFactory: LangiumDocumentFactory;

    /**
     * `filesFound` is told how many files the search found, before they are read (main.ts adapts
     * the heap's growth to it).
     */
    constructor(services: LangiumSharedServices, protected readonly filesFound: (count: number) => void = () => undefined) {
        super(services);
        this.documentFactory = services.workspace.LangiumDocumentFactory;
        this.progress = new IndexProgress(services.lsp.Connection, services.workspace.DocumentBuilder, services.workspace.LangiumDocuments);
    }

    override async traverseFolder(folder: URI, uris: URI[]): Promise<void> {
        if (folder.scheme !== 'file') return super.traverseFolder(folder, uris);
        const files = findWorkspaceFiles(folder.fsPath, '.mcred', message => console.warn(`mcred: ${message}`));
        uris.push(...files.map(file => URI.file(file)).filter(file => this.serviceRegistry.hasServices(file)));
        return Promise.resolve();
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken = CancellationToken.None): Promise<void> {
        try {
            await super.initializeWorkspace(folders, cancelToken);
        } catch (error) {
            // Cancelled by the first change, the update that cancelled it finishes the index (and the
            // progress); after a failure, the progress must not stay on screen.
            if (!isOperationCancelled(error)) this.progress.end();
            throw error;
        }
    }

    /**
     * Reads the files found one after another, synchronously, letting other messages through every
     * {@link NodeWorkspaceManager.READ_BATCH} files, instead of Langium's one promise per file (a
     * folder of 10,000 files: 2 s and 1 s of CPU time to read them that way, 0.1 s like this). A
     * file that cannot be read (deleted meanwhile) is left out with a warning in the server's log,
     * instead of leaving the workspace never ready.
     */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        const found = uris.toArray();
        this.filesFound(found.length);
        this.progress.begin(found);
        try {
            for (let i = 0; i < found.length; i++) {
                if (i > 0 && i % NodeWorkspaceManager.READ_BATCH === 0) await nextTurn();
                const document = this.langiumDocuments.getDocument(found[i]) ?? this.readDocument(found[i]);
                if (document) collector(document);
                this.progress.read();
            }
        } catch (error) {
            this.progress.end();
            throw error;
        }
    }

    /** Files read (and parsed) between two turns of the event loop while the workspace is loaded. */
    static readonly READ_BATCH = 50;

    protected readDocument(uri: URI): LangiumDocument | undefined {
        let text: string;
        try {
            text = this.fileSystemProvider.readFileSync(uri);
        } catch (error) {
            console.warn(`mcred: ${uri.fsPath} could not be read (${error instanceof Error ? error.message : String(error)}): it is left out of the workspace.`);
            return undefined;
        }
        return this.documentFactory.fromString(text, uri);
    }
}

function nextTurn(): Promise<void> {
    return new Promise(resolve => setImmediate(resolve));
}
