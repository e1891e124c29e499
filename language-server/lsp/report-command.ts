import { UriUtils, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Model } from '../generated/ast.js';
import { buildReport, renderReport, REPORT_FORMATS, sectionId, type ReportFormat } from '../report/index.js';
import { REPORT_COMMAND, type ReportCommandArgs, type ReportCommandResult } from '../protocol.js';

/**
 * The QA report of one document, with the same pure functions as `mcred report` (cohorts and
 * pathways from the whole workspace). `validated` returns the document once every document of
 * the workspace is linked and validated.
 */
export async function reportCommand(
    shared: LangiumSharedServices,
    args: ReportCommandArgs | undefined,
    validated: (uri: URI) => Promise<LangiumDocument<Model>>
): Promise<ReportCommandResult> {
    if (!args || typeof args.uri !== 'string') {
        return { kind: 'error', message: `${REPORT_COMMAND} expects { uri, format?, target?, nonce?, credential? }` };
    }
    const format = args.format ?? 'html';
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
        return { kind: 'error', message: `Unknown report format '${format}' (expected ${REPORT_FORMATS.join(', ')})` };
    }
    if (format === 'html' && args.target === 'vscode' && !args.nonce) {
        return { kind: 'error', message: `${REPORT_COMMAND}: a webview report needs a nonce` };
    }
    const uri = URI.parse(args.uri);
    let document: LangiumDocument<Model>;
    try {
        document = await validated(uri);
    } catch (error) {
        return { kind: 'error', message: `Cannot read ${args.uri}: ${error instanceof Error ? error.message : String(error)}` };
    }
    const { LangiumDocuments, WorkspaceLock } = shared.workspace;
    // Read under the workspace lock: an edit that arrives meanwhile is built first.
    return WorkspaceLock.read(() => {
        const workspace = LangiumDocuments.all.toArray() as Array<LangiumDocument<Model>>;
        const current = LangiumDocuments.getDocument(uri) as LangiumDocument<Model> | undefined ?? document;
        const folder = UriUtils.dirname(current.uri);
        const report = buildReport({
            documents: [current],
            workspace,
            fileLabel: file => UriUtils.relative(folder, file)
        });
        const credentials = report.files.flatMap(f => f.credentials.map(c => c.name));
        const focus = args.credential !== undefined && credentials.includes(args.credential) ? sectionId('credential', args.credential) : undefined;
        const content = renderReport(report, format as ReportFormat, {
            target: args.target ?? 'standalone',
            ...(args.nonce ? { nonce: args.nonce } : {}),
            ...(focus ? { focus } : {})
        });
        return { kind: 'report' as const, format: format as ReportFormat, title: report.title, content, credentials };
    });
}
