import { DocumentState, URI, type IndexManager, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import { isMicroCredential, type Model } from '../generated/ast.js';
import { readiness } from '../model/readiness.js';
import { DocumentStatusRequest, type DocumentStatus } from '../protocol.js';
import { readinessSummary } from './readiness-summary.js';
import { cohortsByCredential } from './workspace-cohorts.js';

/** The status of a validated document; its credentials' cohorts come from the whole workspace. */
export function documentStatus(document: LangiumDocument, index: IndexManager): DocumentStatus {
    const diagnostics = document.diagnostics ?? [];
    const cohorts = cohortsByCredential(index);
    return {
        errors: diagnostics.filter(d => d.severity === DiagnosticSeverity.Error).length,
        warnings: diagnostics.filter(d => d.severity === DiagnosticSeverity.Warning).length,
        credentials: (document.parseResult.value as Model).elements.filter(isMicroCredential).map(credential => ({
            name: credential.name,
            ...readinessSummary(readiness({ credential, cohorts: cohorts.get(credential) ?? [] }))
        }))
    };
}

/** Answers `mcred/documentStatus` once the document is validated. */
export function registerDocumentStatusRequest(connection: Connection, shared: LangiumSharedServices): void {
    connection.onRequest(DocumentStatusRequest, async (params, token) => {
        const uri = URI.parse(params.uri);
        const { LangiumDocuments, DocumentBuilder, IndexManager } = shared.workspace;
        if (!LangiumDocuments.hasDocument(uri)) return null;
        await DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
        const document = LangiumDocuments.getDocument(uri);
        return document ? documentStatus(document, IndexManager) : null;
    });
}
