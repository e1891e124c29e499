import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { readFileSync } from 'node:fs';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Model } from '../../language-server/generated/ast.js';
import { createMcredServices, type McredServiceSet } from '../../language-server/mcred-module.js';
import { SeverityPolicy, type RuleConfig } from '../../language-server/rules/severity-policy.js';

/** The reference example of docs/language.md: raises nothing. */
export const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

export interface Checked {
    readonly services: McredServiceSet;
    readonly documents: ReadonlyArray<LangiumDocument<Model>>;
    /** Diagnostics of every document, in file order. */
    readonly diagnostics: readonly Diagnostic[];
    /** The distinct codes raised, sorted. */
    readonly codes: readonly string[];
}

let shared: McredServiceSet | undefined;

/**
 * Builds the given files as one workspace with validation, optionally with a severity
 * configuration. The services are shared between calls (building Langium's parser costs a few
 * hundred milliseconds), and the documents of the previous call are removed first, so that no
 * document of another test leaks in (TOOLCHAIN.md pitfall 5).
 */
export async function check(files: string | Record<string, string>, config: readonly RuleConfig[] = []): Promise<Checked> {
    const services = shared ??= createMcredServices(EmptyFileSystem);
    await clearDocuments(services.shared);
    services.mcred.validation.RuleSettings.use(new SeverityPolicy(config));
    const inputs = typeof files === 'string' ? { 'programme.mcred': files } : files;
    const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = services.shared.workspace;
    const documents = Object.entries(inputs).map(([name, text]) => {
        const document = LangiumDocumentFactory.fromString<Model>(text, URI.file(`/workspace/${name}`));
        LangiumDocuments.addDocument(document);
        return document;
    });
    await DocumentBuilder.build(documents, { validation: true });
    const diagnostics = documents.flatMap(d => d.diagnostics ?? []);
    return { services, documents, diagnostics, codes: [...new Set(diagnostics.map(d => String(d.code)))].sort() };
}

/** The diagnostics with a code. */
export function withCode(checked: Checked, code: string): Diagnostic[] {
    return checked.diagnostics.filter(d => d.code === code);
}

/** Replaces text of the example, failing when the text is not there (so a test cannot pass vacuously). */
export function edit(text: string, from: string | RegExp, to: string): string {
    const result = text.replace(from, to);
    if (result === text) throw new Error(`edit: ${String(from)} not found`);
    return result;
}

export const severityName = (d: Diagnostic) =>
    ({ [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint' })[d.severity ?? 1];
