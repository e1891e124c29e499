import { setFlagsFromString } from 'node:v8';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { McredLanguageMetaData } from './generated/module.js';
import { warmUp } from './lsp/warm-up.js';
import { createMcredServices } from './mcred-module.js';
import { NodeExecuteCommandHandler } from './node-commands.js';
import { NodeRosterFiles } from './workspace/node-roster-files.js';
import { NodeWorkspaceManager } from './workspace/node-workspace-manager.js';

/**
 * The language server for Node: `mcred-language-server --stdio` (any LSP client) or started by
 * the VS Code extension over IPC. The transport is chosen from the command line by
 * vscode-languageserver (--stdio, --node-ipc, --socket=PORT, --pipe=NAME).
 */
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

/**
 * V8 lets the heap grow to up to 4× what survived the last full collection before collecting
 * again: editing a 50,000-line file then peaked at about 400 MiB of RSS for 75 MiB of live data.
 * Growing by 1.5× instead keeps that peak near 220 MiB for about 10% more CPU time in parsing
 * (bench/results). Unlike a heap limit, it never makes a large workspace run out of memory.
 */
const HEAP_GROWING_PERCENT = 50;

function main(): void {
    const args = process.argv.slice(2);
    if (args.includes('--help') || args.includes('-h') || !args.some(arg => TRANSPORTS.some(t => arg.startsWith(t)))) {
        process.stderr.write('Usage: mcred-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
        process.exitCode = args.includes('--help') || args.includes('-h') ? 0 : 2;
        return;
    }
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    const connection = createConnection(ProposedFeatures.all);
    // Signing and verification run only here, in Node (node-commands.ts), never in the web worker.
    // Rosters are read from disk: checked as files (regular, size, real path), not only as paths.
    // The workspace search follows links to files once and skips devices and FIFOs, as `mcred check` does.
    const { shared, mcred } = createMcredServices({ connection, ...NodeFileSystem }, {
        shared: {
            lsp: { ExecuteCommandHandler: services => new NodeExecuteCommandHandler(services) },
            workspace: { WorkspaceManager: services => new NodeWorkspaceManager(services) }
        },
        mcred: {
            workspace: { RosterFiles: services => new NodeRosterFiles(services.shared) },
            // Chevrotain checks the grammar for ambiguities each time the parser is built unless the
            // language runs in production mode: a fifth of the parser's construction at start-up. The
            // tests build the parser in development mode (the generated default), so they still check.
            LanguageMetaData: () => ({ ...McredLanguageMetaData, mode: 'production' })
        }
    });
    startLanguageServer(shared);
    // Once `initialize` is answered, the parser and the checks warm up while the server is idle.
    shared.lsp.LanguageServer.onInitialized(() => void warmUp(mcred));
}

main();
