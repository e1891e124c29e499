import type { CancellationToken } from 'vscode-languageserver';
import { DefaultLangiumDocumentFactory, DocumentState, type AstNode, type LangiumDocument, type Mutable, type ParseResult } from 'langium';
import { reparseBlock } from '../parser/incremental-parse.js';
import { McredParser } from '../parser/mcred-parser.js';

/**
 * Langium's document factory, with an incremental update: when an open document is edited, only
 * the top-level block the edit falls in is parsed again and spliced into the existing tree
 * (parser/incremental-parse.ts); whenever that is not certain to give what a full parse gives,
 * the whole text is parsed as before.
 *
 * Before a full parse, the outdated tree is let go (the document holds an empty placeholder
 * while the new text is parsed), so that a large file needs memory for one tree, not two.
 */
export class McredDocumentFactory extends DefaultLangiumDocumentFactory {
    /** Counts the updates parsed incrementally and in full (for tests and the benchmark). */
    readonly parses = { incremental: 0, full: 0 };

    override async update<T extends AstNode = AstNode>(
        document: Mutable<LangiumDocument<T>>, cancellationToken: CancellationToken
    ): Promise<LangiumDocument<T>> {
        const oldText = document.parseResult.value.$cstNode?.root.fullText;
        const textDocument = this.textDocuments?.get(document.uri.toString());
        const text = await this.getUpdatedText(document, textDocument, cancellationToken);
        if (textDocument) {
            Object.defineProperty(document, 'textDocument', { value: textDocument });
        } else {
            Object.defineProperty(document, 'textDocument', { get: this.createTextDocumentGetter(document.uri, text) });
        }
        // As in Langium: a text that did not change is not parsed again.
        if (oldText !== text) {
            const parser = this.serviceRegistry.getServices(document.uri).parser.LangiumParser;
            const incremental = oldText === undefined || !(parser instanceof McredParser) ? undefined
                : reparseBlock(document.parseResult, oldText, text, block => parser.parseLookingAhead(block));
            if (incremental) {
                this.parses.incremental++;
                document.parseResult = incremental as ParseResult<T>;
            } else {
                this.parses.full++;
                const placeholder = { $type: 'Model', elements: [], $document: document } as unknown as T;
                document.parseResult = { value: placeholder, lexerErrors: [], parserErrors: [] };
                document.parseResult = await this.parseAsync<T>(document.uri, text, cancellationToken);
            }
            (document.parseResult.value as Mutable<AstNode>).$document = document;
        }
        document.state = DocumentState.Parsed;
        return document;
    }
}
