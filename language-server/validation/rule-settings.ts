import { DocumentState, URI, UriUtils, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import {
    CONFIG_FILE_NAME, ConfigError, parseRuleConfig, parseRuleConfigText, SeverityPolicy, type RuleConfig
} from '../rules/severity-policy.js';

/**
 * The severity policy in effect for each document, read where the editor and the CLI both read
 * it: `mcred.json` at the root of the workspace folder (per folder in a multi-root workspace),
 * layered over the VS Code settings `mcred.profile` / `mcred.severity` (precedence in
 * rules/severity-policy.ts). Loaded once, reloaded when mcred.json or the `mcred` settings change, and
 * then the documents that show diagnostics are validated again (and only those).
 *
 * The CLI and tests set a fixed policy with `use()`; nothing is then read.
 */
export class RuleSettings {
    private readonly shared: LangiumSharedServices;
    private folders: URI[] = [];
    private fixed: SeverityPolicy | undefined;
    private loading: Promise<ReadonlyArray<{ folder: string; policy: SeverityPolicy }>> | undefined;
    private settingsPolicy = SeverityPolicy.DEFAULT;

    constructor(shared: LangiumSharedServices) {
        this.shared = shared;
        shared.lsp.LanguageServer.onInitialize(params => {
            const folders = params.workspaceFolders?.map(f => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
            this.folders = folders.map(uri => URI.parse(uri));
        });
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section === 'mcred') void this.reload();
        });
        shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
            if (params.changes.some(change => UriUtils.basename(URI.parse(change.uri)) === CONFIG_FILE_NAME)) void this.reload();
        });
    }

    /** Uses a fixed policy (CLI, tests) instead of reading mcred.json and the settings. */
    use(policy: SeverityPolicy): void {
        this.fixed = policy;
    }

    /** The policy for a document: that of the workspace folder containing it. */
    async policyFor(uri: URI): Promise<SeverityPolicy> {
        if (this.fixed) return this.fixed;
        const policies = await (this.loading ??= this.load());
        const path = uri.toString();
        const folder = policies
            .filter(p => path.startsWith(p.folder.endsWith('/') ? p.folder : p.folder + '/'))
            .sort((a, b) => b.folder.length - a.folder.length)[0];
        return folder?.policy ?? this.settingsPolicy;
    }

    /** Reads the settings and mcred.json again, then re-validates the documents that show diagnostics. */
    async reload(): Promise<void> {
        this.loading = this.load();
        await this.loading;
        const documents = this.shared.workspace.LangiumDocuments.all
            .filter((document: LangiumDocument) => document.state === DocumentState.Validated)
            .toArray();
        if (documents.length > 0) {
            await this.shared.workspace.WorkspaceLock.write(token =>
                this.shared.workspace.DocumentBuilder.build(documents, { validation: true }, token));
        }
    }

    private async load(): Promise<ReadonlyArray<{ folder: string; policy: SeverityPolicy }>> {
        const settings = await this.readSettings();
        this.settingsPolicy = new SeverityPolicy(settings ? [settings] : []);
        return Promise.all(this.folders.map(async folder => {
            const project = await this.readProjectFile(folder);
            return { folder: folder.toString(), policy: new SeverityPolicy([...settings ? [settings] : [], ...project ? [project] : []]) };
        }));
    }

    private async readSettings(): Promise<RuleConfig | undefined> {
        const provider = this.shared.workspace.ConfigurationProvider;
        const [profile, severity] = await Promise.all([
            provider.getConfiguration('mcred', 'profile') as Promise<unknown>,
            provider.getConfiguration('mcred', 'severity') as Promise<unknown>
        ]);
        try {
            return parseRuleConfig({ profile, severity }, 'settings mcred.profile / mcred.severity');
        } catch (error) {
            this.warn(error);
            return undefined;
        }
    }

    private async readProjectFile(folder: URI): Promise<RuleConfig | undefined> {
        const file = UriUtils.joinPath(folder, CONFIG_FILE_NAME);
        const fileSystem = this.shared.workspace.FileSystemProvider;
        let text: string;
        try {
            if (!await fileSystem.exists(file)) return undefined; // no mcred.json: defaults and settings apply
            text = await fileSystem.readFile(file);
        } catch {
            return undefined;
        }
        try {
            return parseRuleConfigText(text, CONFIG_FILE_NAME);
        } catch (error) {
            this.warn(error);
            return undefined;
        }
    }

    private warn(error: unknown): void {
        if (!(error instanceof ConfigError)) throw error;
        const connection: Connection | undefined = this.shared.lsp.Connection;
        const message = `${error.message} — ignored until it is fixed.`;
        if (connection) {
            connection.console.warn(message);
            void connection.window.showWarningMessage(message);
        } else {
            console.warn(message);
        }
    }
}
