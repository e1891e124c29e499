import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { URI } from 'langium';
import { McredDocumentBuilder } from './mcred-document-builder.js';

/**
 * Langium's handler of editor and file-system changes, except that a change does not start a
 * build of its own: it is queued with the document builder, which builds the changes that arrive
 * together as one update (opening 2,000 files is one build, not 2,000).
 */
export class McredDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        if (this.documentBuilder instanceof McredDocumentBuilder) {
            this.documentBuilder.scheduleUpdate(changed, deleted);
        } else {
            super.fireDocumentUpdate(changed, deleted);
        }
    }
}
