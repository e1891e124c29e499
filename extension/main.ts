import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { registerSigningCommands } from './commands/sign-verify.js';
import { startClient } from './start-client.js';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from './client-options.js';

let client: LanguageClient | undefined;

/** Starts the bundled language server (out/server.cjs) over IPC, the status bar, the commands and the QA report webview. */
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
    // Signing and verification need the Node language server: desktop VS Code only.
    registerSigningCommands(context, client);
    await startClient(context, client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
