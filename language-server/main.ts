import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createMcredServices } from './mcred-module.js';

/**
 * The language server for Node: `mcred-language-server --stdio` (any LSP client) or started by
 * the VS Code extension over IPC. The transport is chosen from the command line by
 * vscode-languageserver (--stdio, --node-ipc, --socket=PORT, --pipe=NAME).
 */
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

function main(): void {
    const args = process.argv.slice(2);
    if (args.includes('--help') || args.includes('-h') || !args.some(arg => TRANSPORTS.some(t => arg.startsWith(t)))) {
        process.stderr.write('Usage: mcred-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
        process.exitCode = args.includes('--help') || args.includes('-h') ? 0 : 2;
        return;
    }
    const connection = createConnection(ProposedFeatures.all);
    const { shared } = createMcredServices({ connection, ...NodeFileSystem });
    startLanguageServer(shared);
}

main();
