import { EmptyFileSystem } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createMcredServices } from './mcred-module.js';

/** The worker's global scope (the project's type library is Node's, not the web worker's). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

/**
 * The language server in a Web Worker, for the web extension (extension/main-browser.ts). It
 * sees the documents the editor opens (EmptyFileSystem: no workspace scan in the browser).
 */
const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const { shared } = createMcredServices({ connection, ...EmptyFileSystem });
startLanguageServer(shared);
