import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Model } from '../generated/ast.js';
import { createMcredServices, type McredServiceSet } from '../mcred-module.js';
import { SeverityPolicy } from '../rules/severity-policy.js';
import type { SourceFile } from './source-files.js';
import { NodeRosterFiles } from '../workspace/node-roster-files.js';

export interface LoadedWorkspace {
    readonly services: McredServiceSet;
    /** One document per source file, in the order of the files; parsed, linked and validated. */
    readonly documents: ReadonlyArray<LangiumDocument<Model>>;
}

export interface WorkspaceOptions {
    /** Check rosters on disk (regular file, size, real path), as the language server does. */
    readonly disk?: boolean;
    /** Folders the user named: a roster may be anywhere inside them (besides its programme's folder). */
    readonly folders?: readonly string[];
    /** "Today" for date-dependent checks (`qa-review-due`), `YYYY-MM-DD`; the system date otherwise. */
    readonly today?: string;
}

/**
 * Loads the files as one workspace, so that references across files resolve, and builds it with
 * validation (Langium's initial workspace build does not validate; see TOOLCHAIN.md §6), with the
 * given severity policy (the defaults unless the caller read an mcred.json) and, when given, the
 * date that date-dependent checks judge against (else the Clock's default).
 */
export async function loadWorkspace(
    files: readonly SourceFile[], policy: SeverityPolicy = SeverityPolicy.DEFAULT, options: WorkspaceOptions = {}
): Promise<LoadedWorkspace> {
    const folders = (options.folders ?? []).map(folder => URI.file(folder));
    const services = createMcredServices(EmptyFileSystem, options.disk ? {
        mcred: { workspace: { RosterFiles: s => new NodeRosterFiles(s.shared, folders) } }
    } : {});
    services.mcred.validation.RuleSettings.use(policy);
    if (options.today !== undefined) services.mcred.validation.Clock.use(options.today);
    const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = services.shared.workspace;
    const documents = files.map(file => {
        const document = LangiumDocumentFactory.fromString<Model>(file.text, URI.file(file.path));
        LangiumDocuments.addDocument(document);
        return document;
    });
    await DocumentBuilder.build(documents, { validation: true });
    return { services, documents };
}
