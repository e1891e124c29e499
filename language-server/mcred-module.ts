import { inject, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { McredGeneratedModule, McredGeneratedSharedModule } from './generated/module.js';
import { WindowedCompletionProvider } from './lsp/windowed-completion-provider.js';
import { McredLexer } from './parser/mcred-lexer.js';
import { McredScopeComputation } from './references/mcred-scope-computation.js';
import { McredDocumentValidator } from './validation/mcred-document-validator.js';
import { registerValidationChecks } from './validation/mcred-validator.js';
import { McredDocumentBuilder } from './workspace/mcred-document-builder.js';
import { McredDocumentUpdateHandler } from './workspace/mcred-document-update-handler.js';
import { McredIndexManager } from './workspace/mcred-index-manager.js';
import { McredReferenceDescriptionProvider } from './workspace/mcred-reference-descriptions.js';
import { McredTextDocuments } from './workspace/mcred-text-documents.js';

/** Services that mcred adds to Langium's (none yet beyond overrides; kept for the DI shape). */
export type McredAddedServices = Record<never, never>;

export type McredServices = LangiumServices & McredAddedServices;

/** mcred's own services and overrides of Langium's defaults. Wiring only: no logic here. */
export const McredModule: Module<McredServices, PartialLangiumServices & McredAddedServices> = {
    parser: {
        Lexer: services => new McredLexer(services)
    },
    lsp: {
        CompletionProvider: services => new WindowedCompletionProvider(services)
    },
    references: {
        ScopeComputation: services => new McredScopeComputation(services)
    },
    validation: {
        DocumentValidator: services => new McredDocumentValidator(services)
    },
    workspace: {
        ReferenceDescriptionProvider: services => new McredReferenceDescriptionProvider(services)
    }
};

/** Overrides of Langium's shared (workspace-wide) services. Wiring only. */
export const McredSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: services => new McredDocumentBuilder(services),
        IndexManager: services => new McredIndexManager(services),
        TextDocuments: () => new McredTextDocuments()
    },
    lsp: {
        DocumentUpdateHandler: services => new McredDocumentUpdateHandler(services)
    }
};

export interface McredServiceSet {
    readonly shared: LangiumSharedServices;
    readonly mcred: McredServices;
}

/** Extra modules injected last: tests and the benchmark replace single services with them. */
export interface McredServiceOverrides {
    readonly shared?: Module<LangiumSharedServices, PartialLangiumSharedServices>;
    readonly mcred?: Module<McredServices, PartialLangiumServices & McredAddedServices>;
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
    if (!context.connection) {
        // Without a client there is no `initialized` notification: use the default configuration.
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, mcred };
}
