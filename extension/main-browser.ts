import { commands, Uri, type ExtensionContext } from 'vscode';
import { LanguageClient, type ServerOptions } from 'vscode-languageclient/browser';
import { CLIENT_ID, CLIENT_NAME, clientOptions, LANGUAGE_ID } from './client-options.js';
import { registerExportCommands } from './commands/export.js';
import { NEW_PROGRAMME_COMMAND, newProgramme } from './new-programme.js';
import { McredStatusBar } from './status-bar.js';

/** The browser's Worker constructor (the project's type library is Node's, not the DOM's). */
declare const Worker: new (url: string) => ServerOptions;

let client: LanguageClient | undefined;

/**
 * The web extension (vscode.dev, VS Code in the browser): the language server runs in a Web
 * Worker (out/browser/server.js) and serves documents of any scheme, since a web workspace is
 * not on the `file` scheme. Same commands and status bar as the desktop entry (extension/main.ts).
 */
export async function activate(context: ExtensionContext): Promise<void> {
    const serverMain = Uri.joinPath(context.extensionUri, 'out/browser/server.js');
    const worker = new Worker(serverMain.toString(true));
    client = new LanguageClient(CLIENT_ID, CLIENT_NAME, worker, {
        ...clientOptions(),
        documentSelector: [{ language: LANGUAGE_ID }]
    });
    context.subscriptions.push(client);
    registerExportCommands(context, client);
    context.subscriptions.push(commands.registerCommand(NEW_PROGRAMME_COMMAND, newProgramme));
    await client.start();
    context.subscriptions.push(new McredStatusBar(client));
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
