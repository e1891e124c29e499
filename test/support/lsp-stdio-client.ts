import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
    CancellationTokenSource,
    CompletionRequest,
    ConfigurationRequest,
    createProtocolConnection,
    DidChangeConfigurationNotification,
    DidChangeTextDocumentNotification,
    DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    RegistrationRequest,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter,
    UnregistrationRequest,
    WorkDoneProgress,
    WorkDoneProgressCreateRequest,
    type CompletionItem,
    type CompletionList,
    type Diagnostic,
    type InitializeResult,
    type Position,
    type ProtocolConnection,
    type PublishDiagnosticsParams,
    type Range,
    type WorkDoneProgressBegin,
    type WorkDoneProgressEnd,
    type WorkDoneProgressReport
} from 'vscode-languageserver-protocol/node';

export const SERVER_BIN = path.resolve('bin/mcred-language-server.cjs');

export interface LspStdioClientOptions {
    /** The `languageId` sent with `didOpen` (default `mcred`). */
    readonly languageId?: string;
    /** Settings answered to `workspace/configuration`, by section (`yaml`, `mcred`, …). */
    readonly settings?: Record<string, unknown>;
    /** Declare `window.workDoneProgress` (server-initiated progress) in the client capabilities. */
    readonly workDoneProgress?: boolean;
}

/** A work-done progress event: its creation by the server, or a begin / report / end (with the time it arrived). */
export type ProgressEvent = { readonly token: string | number; readonly at: number }
    & ({ readonly kind: 'create' } | WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd);

/** Waits for published diagnostics that satisfy a condition. */
export type DiagnosticsCondition = (params: PublishDiagnosticsParams) => boolean;

/**
 * A minimal LSP client over stdio, as an editor drives a server: spawn, initialize, open and
 * edit documents, wait for diagnostics, ask for completions, shut down. Used by the LSP tests
 * and by the benchmark (which drives both mcred-language-server and yaml-language-server).
 */
export class LspStdioClient {
    readonly connection: ProtocolConnection;
    private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
    private readonly waiters: Array<{ uri: string; condition: DiagnosticsCondition; resolve: (p: PublishDiagnosticsParams) => void }> = [];
    private readonly diagnosticsListeners: Array<(params: PublishDiagnosticsParams) => void> = [];
    readonly stderr: string[] = [];
    /** Messages the server sent with `window/logMessage` (type 1 error … 4 log). */
    readonly logMessages: Array<{ type: number; message: string }> = [];
    /** Work-done progress the server created (`window/workDoneProgress/create`) and reported, in order of arrival. */
    readonly progress: ProgressEvent[] = [];
    private readonly progressListeners: Array<(event: ProgressEvent) => void> = [];
    private exitCode: number | null | undefined;
    private readonly languageId: string;
    private readonly settings: Record<string, unknown>;
    private readonly workDoneProgress: boolean;

    private constructor(readonly process: ChildProcessWithoutNullStreams, options: LspStdioClientOptions) {
        this.languageId = options.languageId ?? 'mcred';
        this.settings = options.settings ?? {};
        this.workDoneProgress = options.workDoneProgress ?? false;
        this.connection = createProtocolConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
        process.stderr.on('data', chunk => this.stderr.push(String(chunk)));
        process.once('exit', code => { this.exitCode = code; });
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params);
            this.diagnosticsListeners.forEach(listener => listener(params));
            for (const waiter of [...this.waiters]) {
                if (waiter.uri === params.uri && waiter.condition(params)) {
                    this.waiters.splice(this.waiters.indexOf(waiter), 1);
                    waiter.resolve(params);
                }
            }
        });
        this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
            this.logMessages.push(params);
        });
        this.connection.onRequest(ConfigurationRequest.type, params =>
            params.items.map(item => (item.section === undefined ? this.settings : this.settings[item.section]) ?? null));
        this.connection.onRequest(RegistrationRequest.type, () => undefined);
        this.connection.onRequest(UnregistrationRequest.type, () => undefined);
        this.connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
            this.recordProgress({ token, kind: 'create', at: performance.now() });
            this.connection.onProgress(WorkDoneProgress.type, token, value => this.recordProgress({ token, ...value, at: performance.now() }));
        });
        this.connection.listen();
    }

    static start(command: string[] = [process.execPath, SERVER_BIN, '--stdio'], options: LspStdioClientOptions = {}): LspStdioClient {
        const [executable, ...args] = command;
        return new LspStdioClient(spawn(executable, args, { stdio: 'pipe' }), options);
    }

    get pid(): number {
        return this.process.pid!;
    }

    /** The exit code once the server process has exited, `undefined` while it runs. */
    get exited(): number | null | undefined {
        return this.exitCode;
    }

    async initialize(rootUri: string | null = null, initializationOptions?: unknown): Promise<InitializeResult> {
        const result = await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri,
            workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
            capabilities: {
                textDocument: {
                    synchronization: { didSave: false, dynamicRegistration: false },
                    publishDiagnostics: { versionSupport: true },
                    completion: { completionItem: { snippetSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] }
                },
                workspace: { workspaceFolders: true, configuration: true },
                ...(this.workDoneProgress ? { window: { workDoneProgress: true } } : {})
            },
            initializationOptions
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
        if (Object.keys(this.settings).length > 0) {
            await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: this.settings });
        }
        return result;
    }

    /** Resolves with the next diagnostics published for `uri` (at or after `version`). */
    nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
        return this.diagnosticsWhen(uri, params =>
            version === undefined || params.version === undefined || params.version === null || params.version >= version);
    }

    /** Resolves with the next diagnostics published for `uri` that satisfy `condition`. */
    diagnosticsWhen(uri: string, condition: DiagnosticsCondition): Promise<PublishDiagnosticsParams> {
        return new Promise(resolve => this.waiters.push({ uri, condition, resolve }));
    }

    /** Calls `listener` with every `publishDiagnostics`; returns a function that removes it. */
    onDiagnostics(listener: (params: PublishDiagnosticsParams) => void): () => void {
        this.diagnosticsListeners.push(listener);
        return () => this.diagnosticsListeners.splice(this.diagnosticsListeners.indexOf(listener), 1);
    }

    /** Calls `listener` with every work-done progress event; returns a function that removes it. */
    onProgress(listener: (event: ProgressEvent) => void): () => void {
        this.progressListeners.push(listener);
        return () => this.progressListeners.splice(this.progressListeners.indexOf(listener), 1);
    }

    private recordProgress(event: ProgressEvent): void {
        this.progress.push(event);
        this.progressListeners.slice().forEach(listener => listener(event));
    }

    latestDiagnostics(uri: string): Diagnostic[] | undefined {
        return this.diagnostics.get(uri)?.diagnostics;
    }

    async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
        const published = this.nextDiagnostics(uri, version);
        await this.sendOpen(uri, text, version);
        return published;
    }

    /** Sends `didOpen` without waiting for diagnostics. */
    sendOpen(uri: string, text: string, version = 1): Promise<void> {
        return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: this.languageId, version, text }
        });
    }

    sendClose(uri: string): Promise<void> {
        return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }

    /** Replaces the whole text. */
    async change(uri: string, text: string, version: number): Promise<PublishDiagnosticsParams> {
        const published = this.nextDiagnostics(uri, version);
        await this.sendChange(uri, version, [{ text }]);
        return published;
    }

    /** Sends an incremental or full `didChange` without waiting. */
    sendChange(uri: string, version: number, contentChanges: Array<{ range: Range; text: string } | { text: string }>): Promise<void> {
        return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version },
            contentChanges
        });
    }

    /** Asks for completions; `cancelAfterMs` cancels the request (the result is then whatever the server answers). */
    completion(uri: string, position: Position, cancelAfterMs?: number): Promise<CompletionItem[] | CompletionList | null> {
        const source = new CancellationTokenSource();
        if (cancelAfterMs !== undefined) {
            setTimeout(() => source.cancel(), cancelAfterMs);
        }
        return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }, source.token);
    }

    /** Shuts the server down politely and resolves with its exit code. */
    async shutdown(): Promise<number | null> {
        const exited = this.exitCode !== undefined
            ? Promise.resolve(this.exitCode)
            : new Promise<number | null>(resolve => this.process.once('exit', code => resolve(code)));
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
