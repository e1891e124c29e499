import { AstUtils, CstUtils, DocumentState, EmptyFileSystem, URI, isReference, type AstNode, type CstNode, type LangiumDocument, type ParseResult } from 'langium';
import { expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMcredServices, type McredServiceSet } from '../../language-server/mcred-module.js';
import type { McredDocumentBuilder } from '../../language-server/workspace/mcred-document-builder.js';
import type { McredDocumentFactory } from '../../language-server/workspace/mcred-document-factory.js';
import { prng } from '../support/prng.js';
import { loadCorpus, variant } from './fuzzer.js';

/**
 * Incremental parsing (language-server/parser/incremental-parse.ts) must give exactly what a full
 * parse gives. Over the fuzzer's corpus (the examples, the fixtures and mutated variants of
 * them), this applies random edits to an open document — insertions, deletions and replacements
 * inside blocks, across block boundaries, at block edges, and text typed character by character —
 * and after each edit compares the editor's document (updated incrementally when possible) with
 * the same text parsed and built from scratch: the AST (types, values, references, containers,
 * ranges), every CST leaf, the lexer and parser errors, the diagnostics (code, severity, range,
 * message), the document symbols and the formatting edits.
 *
 * The seed changes every run and is printed; `MCRED_INCREMENTAL_SEED` repeats a run,
 * `MCRED_INCREMENTAL_SECONDS` changes its time budget.
 */
const env = process.env;
const seed = env.MCRED_INCREMENTAL_SEED ? Number(env.MCRED_INCREMENTAL_SEED) : Date.now() % 2 ** 31;
const seconds = Number(env.MCRED_INCREMENTAL_SECONDS ?? 15);
const uri = URI.parse('file:///incremental/edited.mcred');

const SNIPPETS = ['\n', ' ', '"', '}', '{', '{\n}', '}\n', '// note\n', '/*', '*/', 'x', '?', ',', '5', 'eqf', 'title "New title"', 'outcome LO9 "Apply it"\n',
    'language en\n', 'level eqf 6\n', 'provider P9 {\n    country IT\n}\n', 'microcredential M9 {\n}\n', 'cohort', 'workload 5 ects\n', '\u00e9', '\uFFFD', '\t'];
const TYPED = ['title "Data literacy"\n', 'outcome LO7 "Explain the model"\n', 'workload 3 ects\n', 'awardedBy UNIFI\n', 'language en, fr\n', 'level eqf 5\n', '// reviewed\n', 'covers LO1\n'];

interface Step {
    readonly what: string;
    readonly text: string;
}

/** A random edit of `text`, aimed at the places where incremental parsing has to decide. */
function randomEdit(text: string, random: () => number): Step {
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const at = (max: number) => Math.floor(random() * (max + 1));
    const boundaries = [...text.matchAll(/^(?:provider|microcredential|pathway|cohort)\b|^\}/gm)].map(m => m.index);
    const kind = random();
    if (kind < 0.2) {
        // As an editor's user mostly does: change a text, remove or copy a property line.
        const strings = [...text.matchAll(/"(?:\\.|[^"\\\n])*"/g)];
        const lines = [...text.matchAll(/^[ \t]+\S[^\n]*\n/gm)];
        if (random() < 0.5 && strings.length > 0) {
            const s = pick(strings);
            const value = pick(['""', '"Changed text"', `"${s[0].slice(1, -1)} (revised)"`]);
            return { what: `set ${JSON.stringify(s[0])} at ${s.index} to ${value}`, text: text.slice(0, s.index) + value + text.slice(s.index + s[0].length) };
        }
        if (lines.length > 0) {
            const line = pick(lines);
            return random() < 0.5
                ? { what: `remove line at ${line.index}`, text: text.slice(0, line.index) + text.slice(line.index + line[0].length) }
                : { what: `copy line at ${line.index}`, text: text.slice(0, line.index) + line[0] + text.slice(line.index) };
        }
    }
    if (kind < 0.4) {
        // Inside a block (most of the text is inside blocks): insert a snippet.
        const position = at(text.length);
        const snippet = pick(SNIPPETS);
        return { what: `insert ${JSON.stringify(snippet)} at ${position}`, text: text.slice(0, position) + snippet + text.slice(position) };
    }
    if (kind < 0.5) {
        const start = at(text.length);
        const end = Math.min(text.length, start + 1 + at(random() < 0.8 ? 12 : 200));
        return { what: `delete ${start}..${end}`, text: text.slice(0, start) + text.slice(end) };
    }
    if (kind < 0.65) {
        // Replace a token (a value, a keyword, a name).
        const tokens = [...text.matchAll(/"(?:\\.|[^"\\\n])*"|[A-Za-z_][\w-]*|-?\d+/g)];
        if (tokens.length === 0) return { what: 'append', text: text + pick(SNIPPETS) };
        const token = pick(tokens);
        const replacement = random() < 0.5 ? `"${token[0].replace(/"/g, '')}x"` : pick(['en', 'LO1', '6', 'online', 'eqf', 'UNIFI', '?', 'x1']);
        return { what: `replace ${JSON.stringify(token[0])} at ${token.index} by ${JSON.stringify(replacement)}`,
            text: text.slice(0, token.index) + replacement + text.slice(token.index + token[0].length) };
    }
    if (kind < 0.85 && boundaries.length > 0) {
        // At a block edge: just before or after a block's first keyword or its closing brace.
        const edge = pick(boundaries) + at(2) - 1;
        const position = Math.max(0, Math.min(text.length, edge));
        if (random() < 0.5) {
            const snippet = pick(SNIPPETS);
            return { what: `insert ${JSON.stringify(snippet)} at edge ${position}`, text: text.slice(0, position) + snippet + text.slice(position) };
        }
        const end = Math.min(text.length, position + 1 + at(3));
        return { what: `delete ${position}..${end} at an edge`, text: text.slice(0, position) + text.slice(end) };
    }
    // Across a boundary: delete from inside one block into the next.
    const position = boundaries.length > 0 ? pick(boundaries) : at(text.length);
    const start = Math.max(0, position - 1 - at(20));
    const end = Math.min(text.length, position + 1 + at(20));
    return { what: `delete ${start}..${end} across a boundary`, text: text.slice(0, start) + text.slice(end) };
}

/** Typing `typed` at the start of a random line inside the text, one character at a time. */
function typing(text: string, random: () => number): Step[] {
    const lineStarts = [...text.matchAll(/\n(?=[ \t]+\S)/g)].map(m => m.index + 1);
    if (lineStarts.length === 0) return [];
    const position = lineStarts[Math.floor(random() * lineStarts.length)];
    const indent = /^[ \t]*/.exec(text.slice(position))![0];
    const typed = TYPED[Math.floor(random() * TYPED.length)];
    const steps: Step[] = [];
    for (let i = 1; i <= typed.length; i++) {
        steps.push({ what: `type ${JSON.stringify(typed.slice(0, i))} at ${position}`, text: text.slice(0, position + indent.length) + typed.slice(0, i) + indent + text.slice(position + indent.length) });
    }
    return steps;
}

// ---------------------------------------------------------------------------------------------
// What is compared

function astShape(root: AstNode): unknown[] {
    const shape: unknown[] = [];
    for (const node of AstUtils.streamAst(root)) {
        const fields: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('$')) continue;
            fields[key] = Array.isArray(value) ? value.map(item => describeValue(node, item)) : describeValue(node, value);
        }
        const cst = node.$cstNode;
        shape.push({
            type: node.$type, property: node.$containerProperty, index: node.$containerIndex,
            containerOk: node === root || (node.$container !== undefined && AstUtils.streamContents(node.$container).some(child => child === node)),
            cst: cst && { offset: cst.offset, end: cst.end, range: cst.range, text: cst.text },
            fields
        });
    }
    return shape;
}

function describeValue(owner: AstNode, value: unknown): unknown {
    if (isReference(value)) return { ref: value.$refText, at: value.$refNode?.offset, target: pathOf(value.ref) };
    if (value && typeof value === 'object' && '$type' in value) {
        return { child: (value as AstNode).$type, ownContainer: (value as AstNode).$container === owner };
    }
    return value;
}

/** Where a node sits in its tree (`elements@2/outcomes@0`), to compare what references resolve to. */
function pathOf(node: AstNode | undefined): string | null {
    if (!node) return null;
    const steps: string[] = [];
    for (let current: AstNode | undefined = node; current?.$container; current = current.$container) {
        steps.unshift(`${current.$containerProperty}@${current.$containerIndex ?? ''}`);
    }
    return `${node.$type}:${steps.join('/')}`;
}

function cstShape(root: CstNode | undefined): unknown[] {
    if (!root) return [];
    return CstUtils.streamCst(root).toArray().map(node => ({
        offset: node.offset, end: node.end, range: node.range, hidden: node.hidden, text: node.text,
        rootOk: node.root === root, ast: node.astNode.$type
    }));
}

function errors(result: ParseResult): unknown {
    return {
        lexer: result.lexerErrors.map(e => ({ offset: e.offset, length: e.length, line: e.line, column: e.column, message: e.message })),
        parser: result.parserErrors.map(e => ({
            name: e.name, message: e.message,
            token: [e.token.startOffset, e.token.endOffset, e.token.startLine, e.token.startColumn, e.token.endLine, e.token.endColumn, e.token.image],
            previous: (e as { previousToken?: typeof e.token }).previousToken?.startOffset
        }))
    };
}

const diagnosticsOf = (document: LangiumDocument) => (document.diagnostics ?? []).map((d: Diagnostic) => ({
    code: d.code, severity: d.severity, range: d.range, message: d.message, data: JSON.stringify(d.data)
}));

async function observe(services: McredServiceSet, document: LangiumDocument): Promise<Record<string, unknown>> {
    const { lsp } = services.mcred;
    const symbols = await lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument: { uri: uri.toString() } });
    const formatting = await lsp.Formatter?.formatDocument(document, { textDocument: { uri: uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
    return {
        state: document.state,
        text: document.parseResult.value.$cstNode?.root.fullText,
        errors: errors(document.parseResult),
        cst: cstShape(document.parseResult.value.$cstNode),
        ast: astShape(document.parseResult.value),
        diagnostics: diagnosticsOf(document),
        symbols,
        formatting
    };
}

// ---------------------------------------------------------------------------------------------

/** The editor's side: one open document, edited through the text documents and the document builder. */
async function editor() {
    const services = createMcredServices(EmptyFileSystem);
    const { shared } = services;
    await shared.workspace.WorkspaceManager.initialized({});
    const builder = shared.workspace.DocumentBuilder as McredDocumentBuilder;
    let version = 0;
    const set = async (text: string) => {
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'mcred', ++version, text));
        builder.scheduleUpdate([uri], []);
        await builder.settled();
        return shared.workspace.LangiumDocuments.getDocument(uri)!;
    };
    return { services, set, factory: shared.workspace.LangiumDocumentFactory as McredDocumentFactory };
}

/** The reference: the same text parsed and built from scratch. */
async function fromScratch(services: McredServiceSet, text: string): Promise<Record<string, unknown>> {
    const { shared } = services;
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        return await observe(services, document);
    } finally {
        shared.workspace.LangiumDocuments.deleteDocument(uri);
        shared.workspace.IndexManager.remove(uri);
    }
}

test(`incremental parsing gives what a full parse gives, after random edits (seed ${seed})`, async () => {
    const corpus = loadCorpus(['examples', 'test/fixtures']);
    expect(corpus.length).toBeGreaterThan(0);
    console.log(`mcred incremental equivalence: seed ${seed} (MCRED_INCREMENTAL_SEED=${seed} to repeat)`);
    const random = prng(seed);
    const reference = createMcredServices(EmptyFileSystem);
    await reference.shared.workspace.WorkspaceManager.initialized({});
    const edited = await editor();
    const started = performance.now();
    let steps = 0;
    let session = 0;
    while (performance.now() - started < seconds * 1000) {
        session++;
        // A corpus file as it is, or a mutated variant of one (syntax errors elsewhere in the file).
        const start = random() < 0.7 ? corpus[Math.floor(random() * corpus.length)] : (() => {
            const v = variant(seed, session, corpus);
            return { name: `${v.source} (${v.mutations.join('; ')})`, text: v.text };
        })();
        let text = start.text;
        let document = await edited.set(text);
        const history: string[] = [`open ${start.name}`];
        const plan: Step[] = [];
        for (let i = 0; i < 6; i++) {
            if (plan.length === 0) {
                if (random() < 0.1) plan.push(...typing(text, random));
                else plan.push(randomEdit(text, random));
            }
            const step = plan.shift();
            if (!step) continue;
            text = step.text;
            history.push(step.what);
            document = await edited.set(text);
            const actual = await observe(edited.services, document);
            const expected = await fromScratch(reference, text);
            steps++;
            if (JSON.stringify(actual) !== JSON.stringify(expected)) {
                const where = Object.keys(expected).find(key => JSON.stringify(actual[key]) !== JSON.stringify(expected[key]));
                expect.soft(actual[where!], `seed ${seed}, session ${session}: ${history.join(' → ')}\n${where} differs (MCRED_INCREMENTAL_SEED=${seed} to repeat)`).toEqual(expected[where!]);
                return;
            }
            if (plan.length > 0) i--; // typing counts as one edit
        }
        expect(document.state).toBe(DocumentState.Validated);
    }
    const { incremental, full } = edited.factory.parses;
    console.log(`mcred incremental equivalence: ${steps} edits in ${session} sessions, ${incremental} parsed incrementally, ${full} in full`);
    // Not vacuous: most edits inside blocks are parsed incrementally.
    expect(incremental).toBeGreaterThan(steps / 10);
}, (seconds + 60) * 1000);

test('which edits are parsed incrementally, and which in full', async () => {
    const example = (await import('node:fs')).readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
    const reference = createMcredServices(EmptyFileSystem);
    await reference.shared.workspace.WorkspaceManager.initialized({});
    const edited = await editor();
    await edited.set(example);
    const cases: Array<{ what: string; text: string; incremental: boolean }> = [
        { what: 'a title emptied', text: example.replace('title "AI & Digital Ethics"', 'title ""'), incremental: true },
        { what: 'a line added inside a block', text: example.replace('    title "AI & Digital Ethics"\n', '    title "AI & Digital Ethics"\n    language fr\n'), incremental: true },
        { what: 'a block renamed', text: example.replace('pathway AILiteracyPathway {', 'pathway AILiteracy {'), incremental: true },
        { what: 'a line added between blocks', text: example.replace('\npathway AILiteracyPathway {', '\n// pathways\npathway AILiteracyPathway {'), incremental: false },
        { what: 'a block turned into another kind', text: example.replace('pathway AILiteracyPathway {', 'provider AILiteracyPathway {'), incremental: false },
        { what: 'a brace removed (the block runs into the next)', text: example.replace('}\n\npathway', '\n\npathway'), incremental: false },
        { what: 'an unclosed string', text: example.replace('title "AI & Digital Ethics"', 'title "AI & Digital Ethics'), incremental: false }
    ];
    for (const { what, text, incremental } of cases) {
        await edited.set(example);
        const before = { ...edited.factory.parses };
        const document = await edited.set(text);
        expect(edited.factory.parses.incremental - before.incremental, what).toBe(incremental ? 1 : 0);
        expect(JSON.stringify(await observe(edited.services, document)), what).toBe(JSON.stringify(await fromScratch(reference, text)));
    }
}, 60_000);
