import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createMcredServices, type McredServiceSet } from '../../language-server/mcred-module.js';
import { prng } from '../support/prng.js';

/**
 * A seeded mutation fuzzer for the whole pipeline: it mutates real programmes (delete, duplicate
 * or swap tokens and lines, insert random bytes, truncate) and feeds each variant to the parser,
 * the validator and every LSP service the language offers (formatting, completion, hover, symbols,
 * folding, code actions, code lenses, …: whatever `mcred.lsp` holds when the test runs) and to
 * the `mcred.export` command when the server offers it. A variant fails when an exception escapes,
 * a call does not answer in time, a check crashes (Langium turns that into an "An error occurred
 * …" diagnostic and a console.error), or documents leak.
 *
 * Variant `i` of seed `s` depends only on (s, i), so one failing variant can be replayed alone:
 * `MCRED_FUZZ_SEED=s MCRED_FUZZ_ONLY=i npx vitest run test/robustness/fuzz.test.ts`.
 */

export interface CorpusFile {
    readonly name: string;
    readonly text: string;
}

export interface FuzzOptions {
    readonly seed: number;
    /** Stop after this many variants… */
    readonly variants: number;
    /** …or after this much time, whichever comes first… */
    readonly timeBudgetMs: number;
    /** …but never before this many variants (a floor of coverage that does not depend on the machine's speed). */
    readonly minVariants?: number;
    /** Run only this variant (replay). */
    readonly only?: number;
    readonly corpus: readonly CorpusFile[];
    /** Services to fuzz (default: `createMcredServices(EmptyFileSystem)`); tests plant crashes through it. */
    readonly createServices?: () => McredServiceSet;
    /** Stop at the first failure (default true). */
    readonly stopAtFirstFailure?: boolean;
    /** Time limit for one call. */
    readonly callTimeoutMs?: number;
}

export interface FuzzFailure {
    readonly seed: number;
    readonly index: number;
    readonly source: string;
    readonly mutations: readonly string[];
    readonly stage: string;
    readonly error: string;
    readonly text: string;
}

export interface FuzzReport {
    readonly seed: number;
    readonly variants: number;
    readonly calls: number;
    readonly ms: number;
    readonly failures: FuzzFailure[];
    readonly stages: readonly string[];
    /** Time spent per stage, in milliseconds. */
    readonly stageMs: Readonly<Record<string, number>>;
    readonly heapGrowthBytes: number;
}

/** The `.mcred` files under the given folders (the examples and the test fixtures). */
export function loadCorpus(folders: readonly string[]): CorpusFile[] {
    const files: CorpusFile[] = [];
    const visit = (folder: string) => {
        for (const entry of readdirSync(folder).sort()) {
            const full = path.join(folder, entry);
            if (statSync(full).isDirectory()) visit(full);
            else if (entry.endsWith('.mcred')) files.push({ name: full, text: readFileSync(full, 'utf8') });
        }
    };
    folders.filter(folder => existsSync(folder)).forEach(visit);
    return files;
}

// ---------------------------------------------------------------------------------------------
// Mutations

const TOKEN = /"(?:\\.|[^"\\\n])*"|[A-Za-z_][\w-]*|-?\d+(?:\.\d+)?|\/\/[^\n]*|\S/g;
const NOISE = ['{', '}', '"', ',', '//', '/*', '*/', '\\', '\u0000', '\uFFFD', '\uD800', 'é', '😀', '\t', '\r', '\n', 'microcredential', 'level eqf',
    'outcome', 'covers', '9999999999999999999999', '-1', '2026-13-45', 'NaN', '\u200B', ' '];

type Mutation = (text: string, random: () => number) => { text: string; what: string };

function tokens(text: string): Array<{ start: number; end: number }> {
    return [...text.matchAll(TOKEN)].map(m => ({ start: m.index, end: m.index + m[0].length }));
}

function pickIndex(length: number, random: () => number): number {
    return Math.floor(random() * length);
}

const MUTATIONS: Record<string, Mutation> = {
    'delete token': (text, random) => {
        const all = tokens(text);
        if (all.length === 0) return { text, what: 'delete token (none)' };
        const t = all[pickIndex(all.length, random)];
        return { text: text.slice(0, t.start) + text.slice(t.end), what: `delete token at ${t.start}` };
    },
    'duplicate token': (text, random) => {
        const all = tokens(text);
        if (all.length === 0) return { text, what: 'duplicate token (none)' };
        const t = all[pickIndex(all.length, random)];
        return { text: text.slice(0, t.end) + ' ' + text.slice(t.start, t.end) + text.slice(t.end), what: `duplicate token at ${t.start}` };
    },
    'swap tokens': (text, random) => {
        const all = tokens(text);
        if (all.length < 2) return { text, what: 'swap tokens (none)' };
        let [a, b] = [all[pickIndex(all.length, random)], all[pickIndex(all.length, random)]];
        if (a.start > b.start) [a, b] = [b, a];
        if (a.end > b.start) return { text, what: 'swap tokens (same)' };
        return {
            text: text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end),
            what: `swap tokens at ${a.start} and ${b.start}`
        };
    },
    'delete line': (text, random) => {
        const lines = text.split('\n');
        const i = pickIndex(lines.length, random);
        lines.splice(i, 1);
        return { text: lines.join('\n'), what: `delete line ${i + 1}` };
    },
    'duplicate line': (text, random) => {
        const lines = text.split('\n');
        const i = pickIndex(lines.length, random);
        lines.splice(i, 0, lines[i]);
        return { text: lines.join('\n'), what: `duplicate line ${i + 1}` };
    },
    'swap lines': (text, random) => {
        const lines = text.split('\n');
        const i = pickIndex(lines.length, random);
        const j = pickIndex(lines.length, random);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        return { text: lines.join('\n'), what: `swap lines ${i + 1} and ${j + 1}` };
    },
    'insert bytes': (text, random) => {
        const at = pickIndex(text.length + 1, random);
        const count = 1 + pickIndex(4, random);
        const bytes = Array.from({ length: count }, () => (random() < 0.5
            ? NOISE[pickIndex(NOISE.length, random)]
            : String.fromCharCode(pickIndex(random() < 0.8 ? 128 : 0x10000, random))));
        return { text: text.slice(0, at) + bytes.join('') + text.slice(at), what: `insert ${JSON.stringify(bytes.join(''))} at ${at}` };
    },
    'truncate': (text, random) => {
        const at = pickIndex(text.length + 1, random);
        return { text: text.slice(0, at), what: `truncate at ${at}` };
    }
};

const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Variant `index` of `seed`: one to three mutations of one corpus file. */
export function variant(seed: number, index: number, corpus: readonly CorpusFile[]): { source: string; text: string; mutations: string[] } {
    const random = prng((seed ^ Math.imul(index + 1, 0x9E3779B1)) >>> 0);
    const source = corpus[pickIndex(corpus.length, random)];
    let text = source.text;
    const mutations: string[] = [];
    const count = 1 + pickIndex(3, random);
    for (let i = 0; i < count; i++) {
        const name = MUTATION_NAMES[pickIndex(MUTATION_NAMES.length, random)];
        const result = MUTATIONS[name](text, random);
        text = result.text;
        mutations.push(result.what);
    }
    return { source: source.name, text, mutations };
}

// ---------------------------------------------------------------------------------------------
// Running

class CallTimeout extends Error {}

function withTimeout<T>(value: T | PromiseLike<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
        Promise.resolve(value),
        new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new CallTimeout(`${what} did not answer within ${ms} ms`)), ms); })
    ]).finally(() => clearTimeout(timer));
}

function messageOf(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** Langium reports a crashed check as a diagnostic with this prefix (and logs it). */
const INTERNAL_ERROR = /^An error occurred/;

/** Errors that mean a bug rather than a refusal of bad input (a command may refuse with an Error). */
function isProgrammingError(error: unknown): boolean {
    return error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError || error instanceof SyntaxError;
}

function describe(error: unknown): string {
    return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
}

interface Stage {
    readonly name: string;
    run(services: McredServiceSet, document: LangiumDocument, random: () => number): Promise<unknown>;
}

function randomPosition(document: LangiumDocument, random: () => number) {
    return document.textDocument.positionAt(Math.floor(random() * (document.textDocument.getText().length + 1)));
}

const wholeDocument = { start: { line: 0, character: 0 }, end: { line: Number.MAX_SAFE_INTEGER, character: 0 } };

/** Every LSP feature reachable through Langium's service interfaces (present or not). */
const STAGES: readonly Stage[] = [
    {
        name: 'formatting',
        run: ({ mcred }, document) => Promise.resolve(mcred.lsp.Formatter?.formatDocument(document, {
            textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true }
        }))
    },
    {
        name: 'completion',
        run: async ({ mcred }, document, random) => {
            for (let i = 0; i < 2; i++) {
                const position = randomPosition(document, random);
                await mcred.lsp.CompletionProvider?.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position });
            }
        }
    },
    {
        name: 'hover',
        run: ({ mcred }, document, random) => Promise.resolve(mcred.lsp.HoverProvider?.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() }, position: randomPosition(document, random)
        }))
    },
    {
        name: 'definition',
        run: ({ mcred }, document, random) => Promise.resolve(mcred.lsp.DefinitionProvider?.getDefinition(document, {
            textDocument: { uri: document.uri.toString() }, position: randomPosition(document, random)
        }))
    },
    {
        name: 'document symbols',
        run: ({ mcred }, document) => Promise.resolve(mcred.lsp.DocumentSymbolProvider?.getSymbols(document, {
            textDocument: { uri: document.uri.toString() }
        }))
    },
    {
        name: 'folding ranges',
        run: ({ mcred }, document) => Promise.resolve(mcred.lsp.FoldingRangeProvider?.getFoldingRanges(document, {
            textDocument: { uri: document.uri.toString() }
        }))
    },
    {
        name: 'code actions',
        run: ({ mcred }, document) => Promise.resolve(mcred.lsp.CodeActionProvider?.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: wholeDocument, context: { diagnostics: document.diagnostics ?? [] }
        }))
    },
    {
        name: 'code lenses',
        run: ({ mcred }, document) => Promise.resolve(mcred.lsp.CodeLensProvider?.provideCodeLens(document, {
            textDocument: { uri: document.uri.toString() }
        }))
    },
    {
        name: 'semantic tokens',
        run: ({ mcred }, document) => Promise.resolve(mcred.lsp.SemanticTokenProvider?.semanticHighlight(document, {
            textDocument: { uri: document.uri.toString() }
        }))
    },
    {
        name: 'inlay hints',
        run: ({ mcred }, document) => Promise.resolve(mcred.lsp.InlayHintProvider?.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() }, range: wholeDocument
        }))
    },
    {
        name: 'export',
        run: async ({ shared }, document) => {
            const handler = shared.lsp.ExecuteCommandHandler;
            if (!handler?.commands.includes('mcred.export')) return undefined;
            const uri = document.uri.toString();
            const elements = (document.parseResult.value as { elements?: Array<{ $type: string; name?: string }> }).elements ?? [];
            const credential = elements.find(element => element.$type === 'MicroCredential')?.name;
            const cohort = elements.find(element => element.$type === 'Cohort')?.name;
            // The requests the editor sends: list the credentials, then export one per format, per
            // cohort or as a template. Refusing a variant with errors is the command's job (it
            // answers `{ kind: 'error' }` or throws an Error); a TypeError and the like are bugs.
            const requests = [
                { uri, list: true },
                { uri, format: 'ob3', credential, cohort },
                { uri, format: 'elm', credential, cohort },
                { uri, format: 'ob3', credential, template: true }
            ];
            for (const request of requests) {
                try {
                    // Serialised as the connection sends it: the documents' texts are rendered then.
                    JSON.stringify(await handler.executeCommand('mcred.export', [request]));
                } catch (error) {
                    if (isProgrammingError(error)) throw error;
                }
            }
            return undefined;
        }
    }
];

/** The names of the stages whose service exists in these services (reported by the test). */
export function activeStages({ shared, mcred }: McredServiceSet): string[] {
    const lsp = mcred.lsp;
    const present: Record<string, unknown> = {
        'formatting': lsp.Formatter, 'completion': lsp.CompletionProvider, 'hover': lsp.HoverProvider, 'definition': lsp.DefinitionProvider,
        'document symbols': lsp.DocumentSymbolProvider, 'folding ranges': lsp.FoldingRangeProvider, 'code actions': lsp.CodeActionProvider,
        'code lenses': lsp.CodeLensProvider, 'semantic tokens': lsp.SemanticTokenProvider, 'inlay hints': lsp.InlayHintProvider,
        'export': shared.lsp.ExecuteCommandHandler?.commands.includes('mcred.export') ? true : undefined
    };
    return ['parse', 'validation', ...STAGES.map(stage => stage.name).filter(name => present[name])];
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
    const services = options.createServices?.() ?? createMcredServices(EmptyFileSystem);
    const { shared } = services;
    // As after a client's `initialized`: services that wait for the workspace (the export) can run.
    await shared.workspace.WorkspaceManager.initialized({});
    const documents = shared.workspace.LangiumDocuments;
    const callTimeoutMs = options.callTimeoutMs ?? 10_000;
    const stopAtFirstFailure = options.stopAtFirstFailure ?? true;
    const failures: FuzzFailure[] = [];
    const baseline = documents.all.count();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    let calls = 0;
    let count = 0;
    const stageMs: Record<string, number> = {};
    const timed = async <T>(stage: string, run: () => Promise<T>): Promise<T> => {
        const start = performance.now();
        try {
            return await run();
        } finally {
            stageMs[stage] = (stageMs[stage] ?? 0) + performance.now() - start;
        }
    };
    const logged: string[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => { logged.push(args.map(a => (a instanceof Error ? describe(a) : String(a))).join(' ')); };
    try {
        for (let index = options.only ?? 0; ; index++) {
            const outOfTime = count >= (options.minVariants ?? 0) && performance.now() - started > options.timeBudgetMs;
            if (options.only !== undefined ? index > options.only : count >= options.variants || outOfTime) break;
            const { source, text, mutations } = variant(options.seed, index, options.corpus);
            const fail = (stage: string, error: string) => failures.push({ seed: options.seed, index, source, mutations, stage, error, text });
            const uri = URI.parse(`file:///fuzz/variant-${index}.mcred`);
            const random = prng(options.seed + index);
            logged.length = 0;
            count++;
            let document: LangiumDocument | undefined;
            try {
                calls++;
                document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
                documents.addDocument(document);
                const built = document;
                await timed('parse and validation', () => withTimeout(shared.workspace.DocumentBuilder.build([built], { validation: true }), callTimeoutMs, 'parse and validation'));
                const crashed = (document.diagnostics ?? []).map(messageOf).filter(message => INTERNAL_ERROR.test(message));
                if (crashed.length > 0 || logged.length > 0) {
                    fail('validation', [...crashed, ...logged].join('\n'));
                }
                if (document.state !== DocumentState.Validated) {
                    fail('validation', `the document ended in state ${DocumentState[document.state]}, not Validated`);
                }
            } catch (error) {
                fail('parse and validation', describe(error));
            }
            if (document?.state === DocumentState.Validated) {
                for (const stage of STAGES) {
                    logged.length = 0;
                    try {
                        calls++;
                        const target = document;
                        await timed(stage.name, () => withTimeout(stage.run(services, target, random), callTimeoutMs, stage.name));
                        if (logged.length > 0) fail(stage.name, logged.join('\n'));
                    } catch (error) {
                        fail(stage.name, describe(error));
                    }
                }
            }
            documents.deleteDocument(uri);
            shared.workspace.IndexManager.remove(uri);
            if (failures.length > 0 && stopAtFirstFailure) break;
        }
    } finally {
        console.error = originalError;
    }
    const leaked = documents.all.count() - baseline;
    if (leaked !== 0) {
        failures.push({ seed: options.seed, index: -1, source: '', mutations: [], stage: 'memory', error: `${leaked} documents leaked`, text: '' });
    }
    return {
        seed: options.seed, variants: count, calls, ms: performance.now() - started, failures,
        stages: activeStages(services), stageMs, heapGrowthBytes: process.memoryUsage().heapUsed - heapBefore
    };
}

/** A failure as a message that says how to replay it. */
export function formatFailure(failure: FuzzFailure): string {
    return [
        `fuzz failure in ${failure.stage} (seed ${failure.seed}, variant ${failure.index}, from ${failure.source}: ${failure.mutations.join('; ')})`,
        `replay: MCRED_FUZZ_SEED=${failure.seed} MCRED_FUZZ_ONLY=${failure.index} npx vitest run test/robustness/fuzz.test.ts`,
        failure.error,
        '--- variant ---',
        failure.text.length > 4000 ? failure.text.slice(0, 4000) + '\n…' : failure.text
    ].join('\n');
}
