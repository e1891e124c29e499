import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { startClient } from './start-client.js';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from './client-options.js';

/**
 * Node flags of the server process, as in the `mcred-language-server` bin: a young generation of
 * 4 MB semi-spaces (V8's default is 16) lowers the peak memory of opening a 50,000-line file by
 * about 35 MB, for the same speed (bench/results/latest.md).
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];

let client: LanguageClient | undefined;

/** Starts the bundled language server (out/server.cjs) over IPC, the status bar, the commands and the QA report webview. */
export async function activate(context: ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath('out/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
        debug: {
            module: serverModule,
            transport: TransportKind.ipc,
            options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] }
        }
    };
    client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions());
    await startClient(context, client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
