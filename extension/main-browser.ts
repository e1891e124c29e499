import { Uri, type ExtensionContext } from 'vscode';
import { LanguageClient, type ServerOptions } from 'vscode-languageclient/browser';
import { startClient } from './start-client.js';
import { CLIENT_ID, CLIENT_NAME, clientOptions, LANGUAGE_ID } from './client-options.js';

/** The browser's Worker constructor (the project's type library is Node's, not the DOM's). */
declare const Worker: new (url: string) => ServerOptions;

let client: LanguageClient | undefined;

/**
 * The web extension (vscode.dev, VS Code in the browser): the language server runs in a Web
 * Worker (out/browser/server.js) and serves documents of any scheme, since a web workspace is
 * not on the `file` scheme. Same commands, QA report and status bar as the desktop entry (extension/main.ts).
 */
export async function activate(context: ExtensionContext): Promise<void> {
    const serverMain = Uri.joinPath(context.extensionUri, 'out/browser/server.js');
    const worker = new Worker(serverMain.toString(true));
    client = new LanguageClient(CLIENT_ID, CLIENT_NAME, worker, {
        ...clientOptions(),
        documentSelector: [{ language: LANGUAGE_ID }]
    });
    await startClient(context, client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
