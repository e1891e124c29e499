import { DefaultWorkspaceManager, isOperationCancelled, stream, URI, type LangiumDocument, type Stream, type WorkspaceFolder } from 'langium';
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

    /**
     * `filesFound` is told how many files the search found, before they are read (main.ts adapts
     * the heap's growth to it).
     */
    constructor(services: LangiumSharedServices, protected readonly filesFound: (count: number) => void = () => undefined) {
        super(services);
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

    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        const found = uris.toArray();
        this.filesFound(found.length);
        this.progress.begin(found);
        try {
            await super.loadWorkspaceDocuments(stream(found), document => {
                collector(document);
                this.progress.read();
            });
        } catch (error) {
            this.progress.end();
            throw error;
        }
    }
}
