import { setFlagsFromString } from 'node:v8';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createMcredServices } from './mcred-module.js';
import { NodeExecuteCommandHandler } from './node-commands.js';
import { NodeRosterFiles } from './workspace/node-roster-files.js';
import { adaptHeapGrowth, type HeapGrowth } from './workspace/heap-growth.js';
import { NodeWorkspaceManager } from './workspace/node-workspace-manager.js';

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
    // Created with the services below; the workspace search tells it how many files it found.
    const heap: { growth?: HeapGrowth } = {};
    // Signing and verification run only here, in Node (node-commands.ts), never in the web worker.
    // Rosters are read from disk: checked as files (regular, size, real path), not only as paths.
    // The workspace search follows links to files once and skips devices and FIFOs, as `mcred check` does.
    const { shared } = createMcredServices({ connection, ...NodeFileSystem }, {
        shared: {
            lsp: { ExecuteCommandHandler: services => new NodeExecuteCommandHandler(services) },
            workspace: { WorkspaceManager: services => new NodeWorkspaceManager(services, count => heap.growth?.expect(count)) }
        },
        mcred: { workspace: { RosterFiles: services => new NodeRosterFiles(services.shared) } }
    });
    // The heap's growth is limited while the workspace is small (heap-growth.ts).
    heap.growth = adaptHeapGrowth(setFlagsFromString, shared.workspace.DocumentBuilder, shared.workspace.LangiumDocuments);
    startLanguageServer(shared);
}

main();
