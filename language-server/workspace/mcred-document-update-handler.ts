import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { URI, type FileSystemProvider } from 'langium';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { McredDocumentBuilder } from './mcred-document-builder.js';

/**
 * Langium's handler of editor and file-system changes, except that a change does not start a
 * build of its own: it is queued with the document builder, which builds the changes that arrive
 * together as one update (opening 2,000 files is one build, not 2,000).
 *
 * While a document is open, the editor's buffer is the document: a file deleted on disk does not
 * remove it (the builder keeps open documents). Closing it reads it again from disk when the
 * file differs from the buffer (unsaved edits dropped), and removes it when the file is gone
 * (Langium does nothing on close).
 */
export class McredDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        const text = event.document.getText();
        void this.fileSystem.readFile(uri).then(
            disk => {
                if (disk !== text) this.fireDocumentUpdate([uri], []);
            },
            () => this.fireDocumentUpdate([], [uri]));
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        if (this.documentBuilder instanceof McredDocumentBuilder) {
            this.documentBuilder.scheduleUpdate(changed, deleted);
        } else {
            super.fireDocumentUpdate(changed, deleted);
        }
    }
}
