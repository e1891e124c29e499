import { NormalizedTextDocuments } from 'langium/lsp';
import type { Connection, DidChangeTextDocumentParams, DidCloseTextDocumentParams, Disposable } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Langium's text documents (the editor's open buffers), telling the client's log about the
 * notifications that a well-behaved client never sends and that are otherwise dropped or applied
 * silently: an edit of a document that is not open, an edit older than the text it applies to,
 * closing a document that is not open. They are handled as before (ignored, or applied in the
 * order received); the log makes a misbehaving client visible.
 */
export class McredTextDocuments extends NormalizedTextDocuments<TextDocument> {
    constructor() {
        super(TextDocument);
    }

    override listen(connection: Connection): Disposable {
        const guarded: Connection = Object.create(connection, {
            onDidChangeTextDocument: {
                value: (handler: (params: DidChangeTextDocumentParams) => void) =>
                    connection.onDidChangeTextDocument(params => {
                        this.checkChange(params, connection);
                        handler(params);
                    })
            },
            onDidCloseTextDocument: {
                value: (handler: (params: DidCloseTextDocumentParams) => void) =>
                    connection.onDidCloseTextDocument(params => {
                        if (!this.get(params.textDocument.uri)) {
                            connection.console.warn(`mcred: ignored closing ${params.textDocument.uri}: it is not open.`);
                        }
                        handler(params);
                    })
            }
        }) as Connection;
        const disposable = super.listen(guarded);
        // Langium's documents mark the connection as incrementally synced; keep that on the real one.
        Object.assign(connection, { __textDocumentSync: (guarded as unknown as { __textDocumentSync: unknown }).__textDocumentSync });
        return disposable;
    }

    protected checkChange(params: DidChangeTextDocumentParams, connection: Connection): void {
        const { uri, version } = params.textDocument;
        const open = this.get(uri);
        if (!open) {
            connection.console.warn(`mcred: ignored an edit of ${uri}: it is not open (send didOpen first).`);
        } else if (version <= open.version) {
            connection.console.warn(`mcred: received version ${version} of ${uri} after version ${open.version}: `
                + 'the changes are applied in the order received.');
        }
    }
}
