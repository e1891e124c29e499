import { DefaultWorkspaceManager, URI } from 'langium';
import { findWorkspaceFiles } from './node-files.js';

/**
 * The workspace search of the Node language server, shared with `mcred check`: symbolic links to
 * `.mcred` files are followed once (Langium's search ignores them, so a linked shared
 * `providers.mcred` gave `ref-unresolved` in the editor while the CLI read it), each real file
 * is loaded once, and devices, FIFOs and oversized files are skipped with a warning in the
 * server's log instead of being read without end.
 */
export class NodeWorkspaceManager extends DefaultWorkspaceManager {
    override async traverseFolder(folder: URI, uris: URI[]): Promise<void> {
        if (folder.scheme !== 'file') return super.traverseFolder(folder, uris);
        const files = findWorkspaceFiles(folder.fsPath, '.mcred', message => console.warn(`mcred: ${message}`));
        uris.push(...files.map(file => URI.file(file)).filter(file => this.serviceRegistry.hasServices(file)));
        return Promise.resolve();
    }
}
