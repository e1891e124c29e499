import { inspect } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures, type Connection, type RemoteConsole } from 'vscode-languageserver/node';
import { ResyncingFrames } from './lsp/stdio-resync.js';
import { McredLanguageMetaData } from './generated/module.js';
import { warmUp } from './lsp/warm-up.js';
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
    const connection = args.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
    // Created with the services below; the workspace search tells it how many files it found.
    const heap: { growth?: HeapGrowth } = {};
    // Signing and verification run only here, in Node (node-commands.ts), never in the web worker.
    // Rosters are read from disk: checked as files (regular, size, real path), not only as paths.
    // The workspace search follows links to files once and skips devices and FIFOs, as `mcred check` does.
    const { shared, mcred } = createMcredServices({ connection, ...NodeFileSystem }, {
        shared: {
            lsp: { ExecuteCommandHandler: services => new NodeExecuteCommandHandler(services) },
            workspace: { WorkspaceManager: services => new NodeWorkspaceManager(services, count => heap.growth?.expect(count)) }
        },
        mcred: {
            workspace: { RosterFiles: services => new NodeRosterFiles(services.shared) },
            // Chevrotain checks the grammar for ambiguities each time the parser is built unless the
            // language runs in production mode: a fifth of the parser's construction at start-up. The
            // tests build the parser in development mode (the generated default), so they still check.
            LanguageMetaData: () => ({ ...McredLanguageMetaData, mode: 'production' })
        }
    });
    // The heap's growth is limited while the workspace is small (heap-growth.ts).
    heap.growth = adaptHeapGrowth(setFlagsFromString, shared.workspace.DocumentBuilder, shared.workspace.LangiumDocuments);
    startLanguageServer(shared);
    // Once `initialize` is answered, the parser and the checks warm up while the server is idle.
    shared.lsp.LanguageServer.onInitialized(() => void warmUp(mcred));
}

/**
 * The `--stdio` connection, reading through ResyncingFrames: a frame with a wrong Content-Length
 * is dropped (and logged on stderr) instead of leaving the server deaf. vscode-languageserver
 * redirects `console` to the client only for its own `--stdio`; done here the same way, so that
 * nothing but messages is written to stdout.
 */
function stdioConnection(): Connection {
    const input = process.stdin.pipe(new ResyncingFrames(message => process.stderr.write(`${message}\n`)));
    const connection = createConnection(ProposedFeatures.all, input, process.stdout);
    redirectConsole(connection.console);
    return connection;
}

function redirectConsole(remote: RemoteConsole): void {
    const text = (args: unknown[]) => args.map(arg => typeof arg === 'string' ? arg : inspect(arg)).join(' ');
    console.log = (...args: unknown[]) => remote.log(text(args));
    console.debug = (...args: unknown[]) => remote.log(text(args));
    console.info = (...args: unknown[]) => remote.info(text(args));
    console.warn = (...args: unknown[]) => remote.warn(text(args));
    console.error = (...args: unknown[]) => remote.error(text(args));
    console.trace = (...args: unknown[]) => remote.log(`Trace: ${text(args)}\n${new Error().stack ?? ''}`);
    console.dir = (arg: unknown) => remote.log(inspect(arg));
}

main();
