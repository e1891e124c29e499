import {
    GrammarAST, type AstNode, type CstNode, type ParseResult
} from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { McredGrammar } from '../generated/grammar.js';
import { lineEndAfter, lineOf, lineStartBefore, lineStarts } from '../parser/line-breaks.js';
import { RULES } from '../rules/issue-codes.js';
import { distance } from '../vocab/index.js';

/**
 * Syntax errors in a programme designer's words. The parser (Chevrotain, through Langium) says
 * "Expecting: one of these possible Token sequences: 1. [NUMBER, ects] … but found: '5'"; this
 * module turns each parser error into one sentence about the programme, and, where the repair is
 * mechanical, a replacement the quick fix applies (`replacement` in the diagnostic's data):
 * - a word in the wrong case (`workload 5 ECTS`, `level EQF 6`, `participation Blended`):
 *   "write `ects` in lower case";
 * - an unknown property (`credits 5` in a micro-credential): "`credits` is not a property of a
 *   micro-credential; did you mean `workload`?" (the block's properties and known synonyms);
 * - a block not closed: "the `assessment Audit {` opened on line 12 is not closed";
 * - otherwise what may follow, in words ("a text in quotes", "a number"), never token names.
 * One line gets one diagnostic: the errors the parser's recovery adds on the same line are dropped.
 */

/** The replacement a syntax error's quick fix applies. */
export interface SyntaxReplacement {
    readonly range: Range;
    readonly text: string;
    readonly title: string;
}

/** The facts of a parser error that the explanation reads. */
interface ParserError {
    readonly name: string;
    readonly message: string;
    readonly token: Token;
    readonly previousToken?: Token;
    readonly context?: { ruleStack?: string[] };
}

interface Token {
    readonly image: string;
    readonly startOffset: number;
    readonly endOffset?: number;
    readonly startLine?: number;
    readonly tokenType?: { name: string };
}

interface Explanation {
    readonly message: string;
    /** It names the cause of the other errors on its line (a block that is not closed). */
    readonly cause?: boolean;
    readonly range?: Range;
    readonly replacement?: SyntaxReplacement;
}

// ---------------------------------------------------------------------------------------------
// What the grammar allows, read once from the grammar itself (so it cannot drift from it)

/** The blocks whose properties a message names, with the noun a designer uses for each. */
const BLOCK_NOUNS: Readonly<Record<string, string>> = {
    Provider: 'a provider',
    MicroCredential: 'a micro-credential',
    Module: 'a module',
    Assessment: 'an assessment',
    Audience: 'the audience block',
    Format: 'the format block',
    QualityAssurance: 'the quality assurance block',
    Business: 'the business block',
    Pathway: 'a pathway',
    Cohort: 'a cohort',
    Learner: 'a learner',
    Outcome: 'an outcome',
    Model: 'a file (at the top level)'
};

/** Words designers write for a property, by the property they mean (where it exists in the block). */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
    credits: ['workload'], credit: ['workload'], ects: ['workload'], 'ects-credits': ['workload'], ectscredits: ['workload'],
    eqf: ['level'], nqf: ['level'], qf: ['level'], 'qf-ehea': ['level'], eqflevel: ['level'],
    mode: ['participation'], delivery: ['participation'], modality: ['participation'],
    issuer: ['awardedBy'], awardingbody: ['awardedBy'], provider: ['awardedBy', 'providedBy'], awarded: ['awardedBy'], university: ['awardedBy'],
    lang: ['language'], languages: ['language'],
    outcomes: ['outcome'], learningoutcome: ['outcome'], lo: ['outcome'],
    prerequisite: ['prerequisites'], requirements: ['prerequisites'], entry: ['prerequisites'],
    isced: ['field'], iscedf: ['field'], 'isced-f': ['field'], subject: ['field'], fields: ['field'],
    name: ['title'], label: ['title'],
    exam: ['assessment'], assessments: ['assessment'], evaluation: ['assessment'],
    qa: ['qualityAssurance'], quality: ['qualityAssurance'], qualityassurance: ['qualityAssurance'],
    url: ['furtherInfo', 'homepage'], website: ['furtherInfo', 'homepage'], link: ['furtherInfo', 'homepage'], info: ['furtherInfo'],
    date: ['issued'], issuedon: ['issued'], issuedate: ['issued'], awarded_on: ['issued'],
    students: ['learner'], learners: ['learner'], participant: ['learner'],
    price: ['fee'], cost: ['fee'], fees: ['fee'], tuition: ['fee'],
    hours: ['workload'], ects_credits: ['workload'], volume: ['workload'],
    kindof: ['kind'], nation: ['country'], state: ['country'],
    stackability: ['stackable'], stacks: ['stackable'],
    method: ['type'], kind: ['type'], form: ['type'], weighting: ['weight'],
    summary: ['description'], desc: ['description'], abstract: ['description']
};

const TOKEN_WORDS: Readonly<Record<string, string>> = {
    STRING: 'a text in quotes',
    NUMBER: 'a number',
    ID: 'a name',
    LANG_TAG: 'a language tag such as @fi',
    DATE: 'a date such as 2026-06-30',
    EOF: 'the end of the file'
};

interface GrammarFacts {
    /** Every keyword of the language. */
    readonly keywords: ReadonlySet<string>;
    /** Keywords by their lower-case spelling. */
    readonly byLowerCase: ReadonlyMap<string, string>;
    /** The property keywords of each block rule. */
    readonly properties: ReadonlyMap<string, readonly string[]>;
}

let facts: GrammarFacts | undefined;

function grammarFacts(): GrammarFacts {
    if (facts) return facts;
    const grammar = McredGrammar();
    const rules = new Map(grammar.rules.filter(GrammarAST.isParserRule).map(rule => [rule.name, rule]));
    const keywords = new Set<string>();
    const collect = (node: AstNode) => {
        if (GrammarAST.isKeyword(node)) keywords.add(node.value);
        for (const child of childrenOf(node)) collect(child);
    };
    for (const rule of rules.values()) collect(rule.definition);
    const properties = new Map<string, string[]>();
    for (const name of Object.keys(BLOCK_NOUNS)) {
        const rule = rules.get(name);
        const loop = rule && findLoop(rule.definition);
        if (loop) properties.set(name, [...new Set(firstKeywords(loop, new Set()))].filter(k => /^[a-zA-Z]/.test(k)));
    }
    const byLowerCase = new Map<string, string>();
    for (const keyword of keywords) if (/^[a-zA-Z]/.test(keyword)) byLowerCase.set(keyword.toLowerCase(), keyword);
    facts = { keywords, byLowerCase, properties };
    return facts;
}

function childrenOf(node: AstNode): AstNode[] {
    if (GrammarAST.isGroup(node) || GrammarAST.isAlternatives(node) || GrammarAST.isUnorderedGroup(node)) return node.elements;
    if (GrammarAST.isAssignment(node)) return [node.terminal];
    return [];
}

/** The repeated part of a block rule: `( 'title' … | … )*`. */
function findLoop(node: GrammarAST.AbstractElement): GrammarAST.AbstractElement | undefined {
    if (node.cardinality === '*' || node.cardinality === '+') return node;
    if (GrammarAST.isGroup(node)) {
        for (const element of node.elements) {
            const found = findLoop(element);
            if (found) return found;
        }
    }
    return undefined;
}

/** The keywords an element can start with. */
function firstKeywords(node: AstNode, seen: Set<AstNode>): string[] {
    if (seen.has(node)) return [];
    seen.add(node);
    if (GrammarAST.isKeyword(node)) return [node.value];
    if (GrammarAST.isAssignment(node)) return firstKeywords(node.terminal, seen);
    if (GrammarAST.isAlternatives(node) || GrammarAST.isUnorderedGroup(node)) return node.elements.flatMap(e => firstKeywords(e, seen));
    if (GrammarAST.isGroup(node)) {
        const first = node.elements.find(e => !GrammarAST.isAction(e));
        return first ? firstKeywords(first, seen) : [];
    }
    if (GrammarAST.isRuleCall(node)) {
        const rule = node.rule.ref;
        return GrammarAST.isParserRule(rule) ? firstKeywords(rule.definition, seen) : [];
    }
    return [];
}

/** The property keywords of a block (`MicroCredential`), for messages and "did you mean". */
export function blockProperties(block: string): readonly string[] {
    return grammarFacts().properties.get(block) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Explanations

/** Errors beyond this many keep the parser's message in words only (the editor shows the first 100 anyway). */
const MAX_EXPLAINED = 200;

/**
 * Rewrites the parser's diagnostics (one per parser error, in the same order) in plain words,
 * drops the further errors the recovery reports on a line that already has one, and attaches
 * the mechanical fix where there is one.
 */
export function explainSyntaxErrors(parseResult: ParseResult, diagnostics: readonly Diagnostic[]): Diagnostic[] {
    const text = rootText(parseResult.value.$cstNode);
    const errors = parseResult.parserErrors as unknown as ParserError[];
    const byLine = new Map<number, Diagnostic>();
    const explained: Diagnostic[] = [];
    diagnostics.forEach((diagnostic, i) => {
        const error = errors[i];
        if (!error || text === undefined || i >= MAX_EXPLAINED) {
            explained.push(plainWords(diagnostic));
            return;
        }
        const line = diagnostic.range.start.line;
        const explanation = explain(error, text, diagnostic.range) ?? { message: generic(error) };
        const seen = byLine.get(line);
        // One diagnostic per line: the first, unless a later one names the real cause (a block not closed).
        if (seen && !explanation.cause) return;
        const data = { ...(diagnostic.data as object | undefined), code: 'syntax-error', ...explanation.replacement ? { replacement: explanation.replacement } : {} };
        const finished: Diagnostic = {
            ...diagnostic,
            code: 'syntax-error',
            range: explanation.range ?? diagnostic.range,
            message: `${explanation.message} — ${RULES['syntax-error'].source}.`,
            data
        };
        if (seen) explained[explained.indexOf(seen)] = finished;
        else explained.push(finished);
        byLine.set(line, finished);
    });
    return explained;
}

function rootText(node: CstNode | undefined): string | undefined {
    return (node as { fullText?: string } | undefined)?.fullText ?? node?.text;
}

/** A diagnostic whose error is not known: at least no token names. */
function plainWords(diagnostic: Diagnostic): Diagnostic {
    const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
    return { ...diagnostic, message: wordsForTokenNames(message) };
}

function explain(error: ParserError, text: string, range: Range): Explanation | undefined {
    if (error.token?.tokenType?.name === 'EOF') {
        const open = unclosedBrace(text, text.length);
        if (open) return { message: `The \`${open.header}\` opened on line ${open.line + 1} is not closed: add \`}\` at the end of the file`, cause: true };
    }
    const token = validToken(error.token) ? error.token : error.previousToken && validToken(error.previousToken) ? error.previousToken : undefined;
    if (!token) return undefined;
    const line = lineAt(text, token.startOffset);
    return wrongCase(line, text)
        ?? missingBrace(error, token, text)
        ?? unknownProperty(error, token, line, text)
        ?? valueNotUnderstood(error, token, line, range);
}

function validToken(token: Token | undefined): token is Token {
    return !!token && Number.isFinite(token.startOffset) && token.startOffset >= 0 && !!token.image;
}

interface Line {
    readonly start: number;
    readonly text: string;
    readonly number: number;
}

function lineAt(text: string, offset: number): Line {
    const start = lineStartBefore(text, offset);
    const number = countLines(text, start);
    return { start, text: text.slice(start, lineEndAfter(text, offset)), number };
}

/** The line starts and braces of the last text explained: each question is then a lookup, not a scan. */
let indexed: { text: string; lineStarts: number[]; braces?: Array<{ offset: number; open: boolean }> } | undefined;

function indexOf(text: string) {
    if (indexed?.text !== text) {
        indexed = { text, lineStarts: lineStarts(text) };
    }
    return indexed;
}

/** The 0-based line of an offset. */
function countLines(text: string, offset: number): number {
    return lineOf(indexOf(text).lineStarts, offset);
}

/** The braces of the text outside texts in quotes and comments. */
function bracesOf(text: string): Array<{ offset: number; open: boolean }> {
    const index = indexOf(text);
    if (!index.braces) {
        const pattern = /"(\\.|[^"\\])*"?|\/\/[^\n]*|\/\*[\s\S]*?(\*\/|$)|[{}]/g;
        index.braces = [...text.matchAll(pattern)].filter(m => m[0] === '{' || m[0] === '}').map(m => ({ offset: m.index, open: m[0] === '{' }));
    }
    return index.braces;
}

/** The words of a line outside texts in quotes and comments, with their offsets in the file. */
function wordsOf(line: Line): Array<{ word: string; offset: number }> {
    const code = line.text.replace(/"(\\.|[^"\\])*"?/g, m => ' '.repeat(m.length)).replace(/\/\/.*$/, '').replace(/\/\*.*?(\*\/|$)/g, m => ' '.repeat(m.length));
    return [...code.matchAll(/[A-Za-z_][\w-]*/g)].map(m => ({ word: m[0], offset: line.start + m.index }));
}

function rangeOf(text: string, offset: number, length: number): Range {
    const line = countLines(text, offset);
    const character = offset - lineStartBefore(text, offset);
    return { start: { line, character }, end: { line, character: character + length } };
}

/** `workload 5 ECTS`: a word of the language written in another case. */
function wrongCase(line: Line, text: string): Explanation | undefined {
    const { keywords, byLowerCase } = grammarFacts();
    for (const { word, offset } of wordsOf(line)) {
        const keyword = byLowerCase.get(word.toLowerCase());
        if (!keyword || keywords.has(word)) continue;
        const range = rangeOf(text, offset, word.length);
        const how = keyword === keyword.toLowerCase() ? 'in lower case' : 'exactly so';
        return {
            message: `Write \`${keyword}\` ${how}: the words of the language are case-sensitive, and \`${word}\` is not one of them`,
            range,
            replacement: { range, text: keyword, title: `Write \`${keyword}\`` }
        };
    }
    return undefined;
}

/** The rule names of the error's context, innermost last, without Langium's suffix. */
function ruleStack(error: ParserError): string[] {
    return (error.context?.ruleStack ?? []).map(name => name.replace(/\u200B$/, ''));
}

function innermostBlock(error: ParserError): string | undefined {
    return ruleStack(error).filter(name => name in BLOCK_NOUNS).pop();
}

/** A `}` is expected where a property of an enclosing block, a new top-level element or the end of the file comes. */
function missingBrace(error: ParserError, token: Token, text: string): Explanation | undefined {
    const endOfFile = /Expecting token of type 'EOF'|Expecting end of file/.test(error.message);
    if (!/Expecting token of type '\}'/.test(error.message) && !endOfFile) return undefined;
    const stack = ruleStack(error).filter(name => name in BLOCK_NOUNS);
    const block = stack[stack.length - 1];
    const found = token.tokenType?.name === 'EOF' ? undefined : token.image;
    if (endOfFile) {
        if (found === '}') return { message: 'This `}` closes no block: remove it, or open the block it should close' };
        return found
            ? { message: `\`${found}\` stands outside any block: only ${listOf(blockProperties('Model'))} blocks stand at the top level (is a \`}\` above closing its block too early?)` }
            : undefined;
    }
    const enclosing = stack.slice(0, -1);
    const belongsOutside = found === undefined || enclosing.some(name => blockProperties(name).includes(found));
    if (!belongsOutside || !block) return undefined;
    const open = unclosedBrace(text, error.token.tokenType?.name === 'EOF' ? text.length : token.startOffset);
    if (!open) return undefined;
    const where = found === undefined ? 'at the end of the file' : `before \`${found}\` (line ${countLines(text, token.startOffset) + 1})`;
    return { message: `The \`${open.header}\` opened on line ${open.line + 1} is not closed: add \`}\` ${where}`, cause: true };
}

/** The innermost `{` before an offset that no `}` closes, with the text that opens it (`assessment Audit {`). */
function unclosedBrace(text: string, before: number): { header: string; line: number } | undefined {
    const open: number[] = [];
    for (const brace of bracesOf(text)) {
        if (brace.offset >= before) break;
        if (brace.open) open.push(brace.offset);
        else open.pop();
    }
    const at = open.pop();
    if (at === undefined) return undefined;
    const line = lineAt(text, at);
    const header = line.text.slice(0, at - line.start + 1).trim();
    return { header, line: line.number };
}

/** `credits 5` in a micro-credential: a word at the start of a line that is not a property of the block. */
function unknownProperty(error: ParserError, token: Token, line: Line, text: string): Explanation | undefined {
    const block = innermostBlock(error);
    if (!block || block === 'Model') return undefined;
    const first = wordsOf(line)[0];
    if (!first || first.offset !== line.start + line.text.search(/\S/)) return undefined;
    const properties = blockProperties(block);
    if (properties.includes(first.word)) return undefined;
    // The error is on this line (the word itself, or what the recovery met after it).
    if (token.startOffset < line.start || token.startOffset > line.start + line.text.length) return undefined;
    const noun = BLOCK_NOUNS[block];
    const suggestion = didYouMean(first.word, properties);
    const range = rangeOf(text, first.offset, first.word.length);
    if (!suggestion) {
        return { message: `\`${first.word}\` is not a property of ${noun}; its properties are ${listOf(properties)}`, range };
    }
    return {
        message: `\`${first.word}\` is not a property of ${noun}; did you mean \`${suggestion}\`?`,
        range,
        replacement: { range, text: suggestion, title: `Write \`${suggestion}\`` }
    };
}

/** The property a designer most likely meant: same word in another case, a known synonym, or a near spelling. */
export function didYouMean(word: string, properties: readonly string[]): string | undefined {
    const lower = word.toLowerCase();
    const sameCase = properties.find(p => p.toLowerCase() === lower);
    if (sameCase) return sameCase;
    const synonym = (SYNONYMS[lower] ?? SYNONYMS[lower.replace(/[_-]/g, '')] ?? []).find(p => properties.includes(p));
    if (synonym) return synonym;
    const scored = properties
        .map(p => ({ p, d: distance(lower, p.toLowerCase()) }))
        .filter(({ p, d }) => d <= Math.max(1, Math.floor(Math.min(p.length, lower.length) / 4)))
        .sort((a, b) => a.d - b.d);
    return scored[0]?.p;
}

function listOf(words: readonly string[]): string {
    const shown = words.slice(0, 12).map(w => `\`${w}\``);
    return words.length > 12 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** A property whose value is not written as the language expects (`title AI Ethics`). */
function valueNotUnderstood(error: ParserError, token: Token, line: Line, range: Range): Explanation | undefined {
    const first = wordsOf(line)[0];
    // At the property's keyword, what is wrong is what follows it on the line.
    const rest = first && token.image === first.word ? /^\s*("(\\.|[^"\\])*"?|[^\s"]+)/.exec(line.text.slice(first.offset - line.start + first.word.length).replace(/\/\/.*$/, '')) : undefined;
    const found = first && token.image === first.word ? (rest ? `\`${rest[1]}\`` : 'nothing') : describeFound(token);
    const sequences = withoutExtensions(expectedSequences(error.message));
    if (first && sequences.length > 0) {
        // The sequences that start with the property's keyword say what may follow it.
        const after = sequences.filter(s => s[0] === first.word && token.image === first.word).map(s => s.slice(1)).filter(s => s.length > 0);
        const options = (after.length > 0 ? after : sequences.filter(s => s[0] !== first.word || token.image !== first.word)).map(phrase);
        const unique = [...new Set(options)].filter(o => o.length > 0);
        if (unique.length > 0) {
            const subject = first.word === token.image || token.startOffset > first.offset ? `After \`${first.word}\`` : 'Here';
            return { message: `${subject}, write ${alternatives(unique)}; found ${found}`, range };
        }
    }
    return undefined;
}

function describeFound(token: Token): string {
    if (token.tokenType?.name === 'EOF') return 'the end of the file';
    return `\`${token.image.length > 40 ? `${token.image.slice(0, 40)}…` : token.image}\``;
}

/** Chevrotain's "one of these possible Token sequences" as lists of token names. */
function expectedSequences(message: string): string[][] {
    return [...message.matchAll(/^\s*\d+\. \[(.*)\]\s*$/gm)].map(m => m[1].split(', ').map(s => s.trim()));
}

/** Drops the sequences that only extend another (`[title, STRING, LANG_TAG]` beside `[title, STRING]`). */
function withoutExtensions(sequences: readonly string[][]): string[][] {
    return sequences.filter(s => !sequences.some(other => other !== s && other.length < s.length && other.every((name, i) => s[i] === name)));
}

/** A sequence of token names in words: `[NUMBER, ects]` → "a number then `ects`". */
function phrase(sequence: readonly string[]): string {
    return sequence.map(name => TOKEN_WORDS[name] ?? (name === '?' ? '`?` (still to decide)' : `\`${name}\``)).join(' then ');
}

function alternatives(options: readonly string[]): string {
    const shown = options.slice(0, 8);
    const rest = options.length > shown.length ? ', …' : '';
    if (shown.length === 1) return shown[0];
    return `${shown.slice(0, -1).join(', ')}${rest} or ${shown[shown.length - 1]}`;
}

/** The fallback: Chevrotain's message with token names in words. */
function generic(error: ParserError): string {
    const found = validToken(error.token) ? describeFound(error.token) : 'something else';
    const expected = /Expecting token of type '([^']*)'/.exec(error.message)?.[1];
    if (expected) return `Expected ${TOKEN_WORDS[expected] ?? `\`${expected}\``} here; found ${found}`;
    const sequences = expectedSequences(error.message);
    if (sequences.length > 0) return `Expected ${alternatives([...new Set(sequences.map(phrase))])}; found ${found}`;
    return wordsForTokenNames(error.message.replace(/\s*\n\s*/g, ' ').replace(/\.$/, ''));
}

function wordsForTokenNames(message: string): string {
    return message.replace(/\b(STRING|NUMBER|LANG_TAG|DATE|ID)\b/g, name => TOKEN_WORDS[name]);
}
