import { commands, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from './client-options.js';
import { registerExportCommands } from './commands/export.js';
import { NEW_PROGRAMME_COMMAND, newProgramme } from './new-programme.js';
import { McredStatusBar } from './status-bar.js';

let client: LanguageClient | undefined;

/** Starts the bundled language server (out/server.cjs) over IPC, the status bar and the commands. */
export async function activate(context: ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath('out/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: {
            module: serverModule,
            transport: TransportKind.ipc,
            options: { execArgv: ['--nolazy', '--inspect=6009'] }
        }
    };
    client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions());
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
