import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
    createProtocolConnection,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter,
    type Diagnostic,
    type InitializeResult,
    type ProtocolConnection,
    type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';

export const SERVER_BIN = path.resolve('bin/mcred-language-server.cjs');

/**
 * A minimal LSP client over stdio, as an editor drives a server: spawn, initialize, open and
 * edit documents, wait for diagnostics, shut down. Used by the LSP tests and the benchmark.
 */
export class LspStdioClient {
    readonly connection: ProtocolConnection;
    private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
    private readonly waiters: Array<{ uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }> = [];
    readonly stderr: string[] = [];

    private constructor(readonly process: ChildProcessWithoutNullStreams) {
        this.connection = createProtocolConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
        process.stderr.on('data', chunk => this.stderr.push(String(chunk)));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params);
            for (const waiter of [...this.waiters]) {
                if (waiter.uri === params.uri && (waiter.version === undefined || params.version === undefined || params.version >= waiter.version)) {
                    this.waiters.splice(this.waiters.indexOf(waiter), 1);
                    waiter.resolve(params);
                }
            }
        });
        this.connection.listen();
    }

    static start(command: string[] = [process.execPath, SERVER_BIN, '--stdio']): LspStdioClient {
        const [executable, ...args] = command;
        return new LspStdioClient(spawn(executable, args, { stdio: 'pipe' }));
    }

    async initialize(rootUri: string | null = null, initializationOptions?: unknown): Promise<InitializeResult> {
        const result = await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri,
            workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
            capabilities: {
                textDocument: {
                    publishDiagnostics: { versionSupport: true },
                    completion: { completionItem: { snippetSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] }
                },
                workspace: { workspaceFolders: true, configuration: false }
            },
            initializationOptions
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
        return result;
    }

    /** Resolves with the next diagnostics published for `uri` (at or after `version`). */
    nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
        return new Promise(resolve => this.waiters.push({ uri, version, resolve }));
    }

    latestDiagnostics(uri: string): Diagnostic[] | undefined {
        return this.diagnostics.get(uri)?.diagnostics;
    }

    async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
        const published = this.nextDiagnostics(uri, version);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'mcred', version, text }
        });
        return published;
    }

    async change(uri: string, text: string, version: number): Promise<PublishDiagnosticsParams> {
        const published = this.nextDiagnostics(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version },
            contentChanges: [{ text }]
        });
        return published;
    }

    /** Shuts the server down politely and resolves with its exit code. */
    async shutdown(): Promise<number | null> {
        const exited = new Promise<number | null>(resolve => this.process.once('exit', code => resolve(code)));
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
        const code = await exited;
        this.connection.dispose();
        return code;
    }

    kill(): void {
        this.connection.dispose();
        this.process.kill('SIGKILL');
    }
}
