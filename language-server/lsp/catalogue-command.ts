import { UriUtils, type URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { buildCatalogue, CATALOGUE_FORMATS, renderCatalogue, type CatalogueFormat } from '../catalogue/index.js';
import type { Model } from '../generated/ast.js';
import { Clock } from '../validation/clock.js';
import { CATALOGUE_COMMAND, type CatalogueCommandArgs, type CatalogueCommandResult } from '../protocol.js';

/**
 * The catalogue of the whole workspace, with the same pure functions as `mcred catalogue`.
 * `validated` resolves once every document of the workspace is linked and validated.
 */
export async function catalogueCommand(
    shared: LangiumSharedServices,
    args: CatalogueCommandArgs | undefined,
    validated: () => Promise<void>
): Promise<CatalogueCommandResult> {
    const format = args?.format ?? 'html';
    if (!(CATALOGUE_FORMATS as readonly string[]).includes(format)) {
        return { kind: 'error', message: `Unknown catalogue format '${format}' (expected ${CATALOGUE_FORMATS.join(', ')})` };
    }
    if (format === 'html' && args?.target === 'vscode' && !args.nonce) {
        return { kind: 'error', message: `${CATALOGUE_COMMAND}: a webview page needs a nonce` };
    }
    await validated();
    const { LangiumDocuments, WorkspaceLock } = shared.workspace;
    // Build under the workspace lock (an edit that arrives meanwhile is built first); render after.
    const started = performance.now();
    const catalogue = await WorkspaceLock.read(() => {
        const documents = (LangiumDocuments.all.toArray() as Array<LangiumDocument<Model>>)
            .filter(d => d.uri.path.endsWith('.mcred'))
            .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
        const root = commonFolder(documents.map(d => d.uri));
        return buildCatalogue({
            documents,
            fileLabel: uri => root ? UriUtils.relative(root, uri) : UriUtils.basename(uri),
            today: new Clock().today()
        });
    });
    const content = await renderCatalogue(catalogue, format as CatalogueFormat, {
        target: args?.target ?? 'standalone',
        ...(args?.nonce ? { nonce: args.nonce } : {})
    });
    return { kind: 'catalogue', format: format as CatalogueFormat, title: catalogue.title, content, millis: Math.round(performance.now() - started) };
}

/** The deepest folder that contains every URI (same scheme and authority), if any. */
function commonFolder(uris: readonly URI[]): URI | undefined {
    if (uris.length === 0) return undefined;
    let folder = UriUtils.dirname(uris[0]);
    for (const uri of uris) {
        while (uri.scheme !== folder.scheme || uri.authority !== folder.authority || !uri.path.startsWith(folder.path.endsWith('/') ? folder.path : folder.path + '/')) {
            const parent = UriUtils.dirname(folder);
            if (parent.path === folder.path) return undefined;
            folder = parent;
        }
    }
    return folder;
}
