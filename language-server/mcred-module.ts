import { inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { McredGeneratedModule, McredGeneratedSharedModule } from './generated/module.js';
import type { McredAddedServices, McredServices, McredServiceSet } from './mcred-services.js';
import { McredExecuteCommandHandler } from './lsp/execute-command-handler.js';
import { registerDocumentStatusRequest } from './lsp/document-status.js';
import { McredCodeLensProvider } from './lsp/mcred-code-lens-provider.js';
import { McredCompletionProvider } from './lsp/mcred-completion-provider.js';
import { McredDocumentSymbolProvider } from './lsp/mcred-document-symbol-provider.js';
import { McredFoldingRangeProvider } from './lsp/mcred-folding-range-provider.js';
import { McredFormatter } from './lsp/mcred-formatter.js';
import { McredHoverProvider } from './lsp/mcred-hover-provider.js';
import { McredInlayHintProvider } from './lsp/mcred-inlay-hint-provider.js';
import { McredNodeKindProvider } from './lsp/mcred-node-kind-provider.js';
import { McredRenameProvider } from './lsp/mcred-rename-provider.js';
import { McredSemanticTokenProvider } from './lsp/mcred-semantic-token-provider.js';
import { McredCodeActionProvider } from './lsp/code-actions/mcred-code-action-provider.js';
import { McredLexer } from './parser/mcred-lexer.js';
import { createMcredParser } from './parser/mcred-parser.js';
import { McredValueConverter } from './parser/mcred-value-converter.js';
import { McredScopeComputation } from './references/mcred-scope-computation.js';
import { NameIndex } from './references/name-index.js';
import { McredDocumentValidator } from './validation/mcred-document-validator.js';
import { registerValidationChecks } from './validation/mcred-validator.js';
import { McredDocumentBuilder } from './workspace/mcred-document-builder.js';
import { McredDocumentFactory } from './workspace/mcred-document-factory.js';
import { McredDocumentUpdateHandler } from './workspace/mcred-document-update-handler.js';
import { McredIndexManager } from './workspace/mcred-index-manager.js';
import { McredReferenceDescriptionProvider } from './workspace/mcred-reference-descriptions.js';
import { McredTextDocuments } from './workspace/mcred-text-documents.js';
import { Clock } from './validation/clock.js';
import { RuleSettings } from './validation/rule-settings.js';
import { RosterFiles } from './workspace/roster-files.js';

export type { McredAddedServices, McredServices, McredServiceSet } from './mcred-services.js';

/** mcred's own services and overrides of Langium's defaults. Wiring only: no logic here. */
export const McredModule: Module<McredServices, PartialLangiumServices & McredAddedServices> = {
    parser: {
        Lexer: services => new McredLexer(services),
        LangiumParser: services => createMcredParser(services),
        ValueConverter: () => new McredValueConverter()
    },
    references: {
        ScopeComputation: services => new McredScopeComputation(services),
        NameIndex: services => new NameIndex(services.shared)
    },
    validation: {
        DocumentValidator: services => new McredDocumentValidator(services),
        RuleSettings: services => new RuleSettings(services.shared),
        Clock: () => new Clock()
    },
    workspace: {
        ReferenceDescriptionProvider: services => new McredReferenceDescriptionProvider(services),
        RosterFiles: services => new RosterFiles(services.shared)
    },
    lsp: {
        CompletionProvider: services => new McredCompletionProvider(services),
        HoverProvider: services => new McredHoverProvider(services),
        Formatter: services => new McredFormatter(services),
        RenameProvider: services => new McredRenameProvider(services),
        DocumentSymbolProvider: services => new McredDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new McredFoldingRangeProvider(services),
        SemanticTokenProvider: services => new McredSemanticTokenProvider(services),
        CodeLensProvider: services => new McredCodeLensProvider(services),
        InlayHintProvider: services => new McredInlayHintProvider(services),
        CodeActionProvider: services => new McredCodeActionProvider(services)
    }
};

/** Overrides of Langium's services shared by all languages of the server. Wiring only. */
export const McredSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: services => new McredDocumentBuilder(services),
        LangiumDocumentFactory: services => new McredDocumentFactory(services),
        IndexManager: services => new McredIndexManager(services),
        TextDocuments: () => new McredTextDocuments()
    },
    lsp: {
        NodeKindProvider: () => new McredNodeKindProvider(),
        ExecuteCommandHandler: shared => new McredExecuteCommandHandler(shared),
        DocumentUpdateHandler: services => new McredDocumentUpdateHandler(services)
    }
};

/** Extra modules injected last: tests and the benchmark replace single services with them. */
export interface McredServiceOverrides {
    readonly shared?: Module<LangiumSharedServices, PartialLangiumSharedServices>;
    readonly mcred?: Module<McredServices, PartialLangiumServices & DeepPartial<McredAddedServices>>;
}

/**
 * Creates the shared and language services. With a `connection`, they serve an LSP client;
 * without one (CLI, tests), they run in-process.
 */
export function createMcredServices(context: DefaultSharedModuleContext, overrides: McredServiceOverrides = {}): McredServiceSet {
    const shared = inject(createDefaultSharedModule(context), McredGeneratedSharedModule, McredSharedModule, overrides.shared ?? {});
    const mcred = inject(createDefaultModule({ shared }), McredGeneratedModule, McredModule, overrides.mcred ?? {});
    shared.ServiceRegistry.register(mcred);
    registerValidationChecks(mcred);
    if (context.connection) {
        registerDocumentStatusRequest(context.connection, shared);
    } else {
        // Without a client there is no `initialized` notification: use the default configuration.
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, mcred };
}
