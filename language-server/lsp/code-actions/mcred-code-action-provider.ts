import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import type { McredServices } from '../../mcred-module.js';

export class McredCodeActionProvider implements CodeActionProvider {
    constructor(_services: McredServices) {}

    getCodeActions(_document: LangiumDocument, _params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        return [];
    }
}
