import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode } from 'langium';
import {
    isModel, type Cohort, type Hole, type Level, type MicroCredential, type Provider, type QaProcedure
} from '../generated/ast.js';
import { QF_EHEA_CYCLES } from '../vocab/index.js';
import { isPlaceholder, isStatedText } from './placeholders.js';
import { isCalendarDate, isCountryCode, isEqfLevel, isPositiveAmount } from './values.js';

/**
 * One truth for "stated" (docs/language.md, "Evidence, not presence"): whether an element is
 * stated is decided here, once, with the source text that states it. Every consumer (the Annex I
 * checks, readiness, the code lens, the status bar, `mcred check`, the report, export) reads these
 * judgements, so none can count a hole, a placeholder, an invalid value or a line with a syntax
 * error as stated. Pure: reads the AST, its CST and the parse result, nothing else.
 */

export type ElementState = 'stated' | 'missing' | 'hole' | 'placeholder' | 'invalid' | 'unjudged';

/** A 0-based source range, as the CST gives it. */
export type SourceRange = CstNode['range'];

/** The source text that states (or fails to state) something, and where it is. */
export interface Evidence {
    readonly node: AstNode;
    readonly property?: string;
    /** The exact source text, e.g. `level eqf 6` or `internal exAnte "Approved by the board"`. */
    readonly text: string;
    readonly range: SourceRange;
    /** The URI of the document, when the node belongs to one. */
    readonly uri?: string;
}

/** A syntax error, as the parser reports it (1-based line). */
export interface SyntaxProblem {
    readonly line: number;
    readonly message: string;
    readonly uri?: string;
}

export type Judgement =
    | { readonly state: 'stated'; readonly evidence: Evidence }
    | { readonly state: 'hole' | 'placeholder'; readonly evidence: Evidence }
    | { readonly state: 'invalid'; readonly evidence: Evidence; readonly reason: string }
    | { readonly state: 'unjudged'; readonly syntaxError: SyntaxProblem }
    | { readonly state: 'missing'; readonly reason?: string };

/** 1-based line of a piece of evidence. */
export function evidenceLine(evidence: Evidence): number {
    return evidence.range.start.line + 1;
}

// ---------------------------------------------------------------------------------------------
// Evidence from the CST

const UNIT_KEYWORDS = new Set(['ects', 'hours', 'hour', '%']);

/**
 * The source text that states `property` of `node` (all its values, from the keyword before the
 * first to the last, with a unit keyword that follows: `workload 5 ects`), or of the whole node
 * when no property is given. Undefined when the node has no CST (built by hand).
 */
export function evidenceOf(node: AstNode, property?: string, index?: number): Evidence | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    let start: CstNode = cst;
    let end: CstNode = cst;
    if (property !== undefined) {
        const values = nodesForProperty(cst, property);
        const chosen = index !== undefined ? values.slice(index, index + 1) : values;
        if (chosen.length === 0) return undefined;
        start = chosen[0];
        end = chosen[chosen.length - 1];
        const previous = CstUtils.getPreviousNode(start, false);
        if (previous && previous.offset >= cst.offset && isKeywordLeaf(previous) && index === undefined) start = previous;
        const next = CstUtils.getNextNode(end, false);
        if (next && next.end <= cst.end && isKeywordLeaf(next) && UNIT_KEYWORDS.has(next.text)) end = next;
    }
    const text = cst.root.fullText.slice(start.offset, end.end);
    return { node, ...(property !== undefined ? { property } : {}), text, range: { start: start.range.start, end: end.range.end }, ...uriOf(node) };
}

/** Whether `evidenceOf(node, property)` finds any source text (without building it). */
export function hasEvidence(node: AstNode, property?: string): boolean {
    const cst = node.$cstNode;
    return cst !== undefined && (property === undefined || nodesForProperty(cst, property).length > 0);
}

/**
 * The CST nodes of `property` of the node of `cst`, as `GrammarUtils.findNodesForProperty` finds
 * them (same nodes, same order), from an index of all its properties built on the first call:
 * the judgements and QA checks ask for many properties of one credential, and each search walked
 * the credential's whole tree again. Only the indexes of the last nodes asked about are kept. The
 * root (whose children an incremental parse replaces in place) is not indexed.
 */
export function nodesForProperty(cst: CstNode, property: string): readonly CstNode[] {
    if (!cst.container) return GrammarUtils.findNodesForProperty(cst, property);
    let byProperty = propertyIndex.get(cst);
    if (!byProperty) {
        byProperty = new Map();
        indexProperties(cst, cst.astNode, [], byProperty);
        if (propertyIndex.size >= MAX_INDEXED) propertyIndex.clear();
        propertyIndex.set(cst, byProperty);
    }
    return byProperty.get(property) ?? [];
}

/**
 * The indexes of the nodes asked about last: the questions about one node come together (the
 * checks of one credential), and keeping an index for every node of a workspace would cost memory
 * (10 MiB for 5,000 files) for nothing.
 */
const propertyIndex = new Map<CstNode, Map<string, CstNode[]>>();
const MAX_INDEXED = 256;

/**
 * Walks the CST of one AST node (not into its child AST nodes). Langium's search stops at a node
 * assigned to the property it looks for and goes on into any other node of the same AST node: a
 * node assigned to `f` is recorded for `f` unless an enclosing node was already assigned to `f`.
 */
function indexProperties(node: CstNode, element: AstNode, enclosing: readonly string[], into: Map<string, CstNode[]>): void {
    if (!isCompositeCstNode(node)) return;
    for (const child of node.content) {
        const feature = assignedFeature(child);
        if (feature !== undefined && !enclosing.includes(feature)) {
            const list = into.get(feature);
            if (list) list.push(child);
            else into.set(feature, [child]);
        }
        if (isCompositeCstNode(child) && child.astNode === element) {
            indexProperties(child, element, feature === undefined ? enclosing : [...enclosing, feature], into);
        }
    }
}

/** The feature a CST node is assigned to, if any, remembered per grammar element (there are a few hundred). */
function assignedFeature(node: CstNode): string | undefined {
    const source = node.grammarSource;
    if (!source) return undefined;
    let feature = featureOfGrammarElement.get(source);
    if (feature === undefined) {
        feature = AstUtils.getContainerOfType(source, GrammarAST.isAssignment)?.feature ?? null;
        featureOfGrammarElement.set(source, feature);
    }
    return feature ?? undefined;
}

const featureOfGrammarElement = new WeakMap<GrammarAST.AbstractElement, string | null>();

function isKeywordLeaf(node: CstNode): boolean {
    return isLeafCstNode(node) && GrammarAST.isKeyword(node.grammarSource);
}

function uriOf(node: AstNode): { uri?: string } {
    const document = AstUtils.findRootNode(node).$document;
    return document ? { uri: document.uri.toString() } : {};
}

/** Evidence that must exist: a node without CST (built by hand) gets its name as text. */
export function evidence(node: AstNode, property?: string, index?: number): Evidence {
    const value = (node as unknown as Record<string, unknown>)[property ?? 'name'];
    return evidenceOf(node, property, index) ?? {
        node, ...(property !== undefined ? { property } : {}),
        text: typeof value === 'string' || typeof value === 'number' ? String(value) : node.$type,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ...uriOf(node)
    };
}

// ---------------------------------------------------------------------------------------------
// Syntax errors

const syntaxCache = new WeakMap<object, readonly SyntaxProblem[]>();

/** The syntax errors (lexer and parser) of the document a node belongs to, 1-based lines. */
export function syntaxProblems(node: AstNode): readonly SyntaxProblem[] {
    const document = AstUtils.findRootNode(node).$document;
    if (!document) return [];
    const cached = syntaxCache.get(document.parseResult);
    if (cached) return cached;
    const uri = document.uri.toString();
    const { lexerErrors, parserErrors } = document.parseResult;
    const problems: SyntaxProblem[] = [
        ...lexerErrors.map(e => ({ line: e.line ?? 1, message: e.message, uri })),
        ...parserErrors.map(e => {
            const token = Number.isFinite(e.token.startLine) ? e.token
                : (e as { previousToken?: typeof e.token }).previousToken;
            const line = token && Number.isFinite(token.endLine) ? (token === e.token ? token.startLine! : token.endLine!) : 1;
            return { line, message: e.message, uri };
        })
    ];
    syntaxCache.set(document.parseResult, problems);
    return problems;
}

/**
 * The lines a top-level element spans for syntax errors: from its first line to the line before
 * the next top-level element (a syntax error can cut a block short, so the errors after its
 * recovered end still belong to it).
 */
function spanLines(node: AstNode): { start: number; end: number } | undefined {
    const range = node.$cstNode?.range;
    if (!range) return undefined;
    const model = node.$container;
    let end = Number.MAX_SAFE_INTEGER;
    if (isModel(model)) {
        const next = model.elements[model.elements.indexOf(node as never) + 1];
        const nextStart = next?.$cstNode?.range.start.line;
        if (nextStart !== undefined) end = nextStart; // 0-based start of the next = 1-based last line of this one
    }
    return { start: range.start.line + 1, end: Math.max(end, range.end.line + 1) };
}

/** The first syntax error inside a top-level element (a credential, cohort or provider). */
export function syntaxErrorIn(node: AstNode): SyntaxProblem | undefined {
    const span = spanLines(node);
    if (!span) return undefined;
    return syntaxProblems(node).find(p => p.line >= span.start && p.line <= span.end);
}

function syntaxErrorOnLines(node: AstNode, range: SourceRange): SyntaxProblem | undefined {
    return syntaxProblems(node).find(p => p.line >= range.start.line + 1 && p.line <= range.end.line + 1);
}

// ---------------------------------------------------------------------------------------------
// Judging

/** A judgement of one candidate: the first stated one wins, then the most telling failure. */
const RANK: Record<ElementState, number> = { stated: 0, invalid: 1, hole: 2, placeholder: 3, unjudged: 4, missing: 5 };

function best(judgements: readonly Judgement[]): Judgement {
    return [...judgements].sort((a, b) => RANK[a.state] - RANK[b.state])[0] ?? { state: 'missing' };
}

function holeIn(holes: readonly Hole[] | undefined, ...properties: string[]): Judgement | undefined {
    const hole = holes?.find(h => properties.includes(h.property));
    return hole && { state: 'hole', evidence: evidence(hole) };
}

/** A text property: stated, a placeholder, or missing. */
function text(node: AstNode, property: string, value: string | undefined, index?: number): Judgement {
    if (value === undefined) return { state: 'missing' };
    return { state: isPlaceholder(value) ? 'placeholder' : 'stated', evidence: evidence(node, property, index) };
}

/**
 * The final word: a stated element whose evidence shares a line with a syntax error is not
 * stated; a missing element of a block with a syntax error cannot be judged (the parser's
 * recovery may have dropped it), and the judgement names the line.
 */
function settle(judgement: Judgement, scopes: readonly AstNode[]): Judgement {
    if (judgement.state === 'stated') {
        const error = syntaxErrorOnLines(judgement.evidence.node, judgement.evidence.range);
        return error ? { state: 'unjudged', syntaxError: error } : judgement;
    }
    if (judgement.state === 'missing') {
        for (const scope of scopes) {
            const error = syntaxErrorIn(scope);
            if (error) return { state: 'unjudged', syntaxError: error };
        }
    }
    return judgement;
}

/** What an element is judged on: a micro-credential and the cohorts that issue it. */
export interface JudgedContext {
    readonly credential: MicroCredential;
    readonly cohorts: readonly Cohort[];
}

export function judgeLearner({ cohorts }: Pick<JudgedContext, 'cohorts'>): Judgement {
    if (cohorts.length === 0) return { state: 'missing', reason: 'no cohort yet: the learners come with one' };
    return settle(best(cohorts.flatMap(cohort => [
        ...cohort.learners.map((learner): Judgement => {
            const name = text(learner, 'fullName', learner.fullName);
            const id = text(learner, 'identifier', learner.identifier);
            return best([name, id]);
        }),
        cohort.roster !== undefined ? text(cohort, 'roster', cohort.roster) : { state: 'missing' },
        holeIn(cohort.holes, 'roster') ?? { state: 'missing' }
    ])), cohorts);
}

export function judgeTitle({ credential }: JudgedContext): Judgement {
    return settle(best([text(credential, 'title', credential.title), holeIn(credential.holes, 'title') ?? { state: 'missing' }]), [credential]);
}

function providerCountry(provider: Provider, asMember = false): Judgement {
    const hole = holeIn(provider.holes, 'country');
    if (provider.country === undefined) {
        if (hole) return hole;
        // An alliance without a country of its own: its members' countries (element 3).
        if (!asMember && provider.kind === 'alliance' && provider.members.length > 0) {
            const members = provider.members.map(m => m.ref);
            const countries = members.map((m): Judgement => m ? providerCountry(m, true) : { state: 'missing' });
            const failed = countries.find(j => j.state !== 'stated');
            return failed ?? countries[0];
        }
        return settle({ state: 'missing', reason: `provider '${provider.name}' states no country` }, [provider]);
    }
    const stated = evidence(provider, 'country');
    if (!isCountryCode(provider.country)) {
        return { state: 'invalid', evidence: stated, reason: `'${provider.country}' is not an ISO 3166-1 country code` };
    }
    return settle({ state: 'stated', evidence: stated }, [provider]);
}

export function judgeCountry(context: JudgedContext): Judgement {
    const awarding = judgeAwardingBody(context);
    if (awarding.state !== 'stated') {
        return awarding.state === 'missing' || awarding.state === 'unjudged' ? awarding
            : { state: 'missing', reason: 'the awarding body is not stated' };
    }
    const countries = context.credential.awardedBy.map(ref => providerCountry(ref.ref!));
    return countries.find(j => j.state !== 'stated') ?? countries[0];
}

export function judgeAwardingBody({ credential }: JudgedContext): Judgement {
    const hole = holeIn(credential.holes, 'awardedBy');
    if (credential.awardedBy.length === 0) return settle(hole ?? { state: 'missing' }, [credential]);
    const unresolved = credential.awardedBy.findIndex(ref => ref.ref === undefined);
    if (unresolved >= 0) {
        return {
            state: 'invalid', evidence: evidence(credential, 'awardedBy', unresolved),
            reason: `no provider named '${credential.awardedBy[unresolved].$refText}'`
        };
    }
    return settle({ state: 'stated', evidence: evidence(credential, 'awardedBy') }, [credential]);
}

export function judgeIssueDate({ cohorts }: Pick<JudgedContext, 'cohorts'>): Judgement {
    if (cohorts.length === 0) return { state: 'missing', reason: 'no cohort yet: the date of issuing comes with one' };
    return settle(best(cohorts.map((cohort): Judgement => {
        if (cohort.issued === undefined) return holeIn(cohort.holes, 'issued') ?? { state: 'missing' };
        const stated = evidence(cohort, 'issued');
        return isCalendarDate(cohort.issued) ? { state: 'stated', evidence: stated }
            : { state: 'invalid', evidence: stated, reason: `${cohort.issued} is not a calendar date written YYYY-MM-DD` };
    })), cohorts);
}

export function judgeOutcomes({ credential }: JudgedContext): Judgement {
    return settle(best([
        ...credential.outcomes.map((outcome): Judgement => {
            if (outcome.statementHole) return { state: 'hole', evidence: evidence(outcome) };
            if (outcome.statement === undefined) {
                return outcome.skills.some(isStatedText) ? { state: 'stated', evidence: evidence(outcome) } : { state: 'missing' };
            }
            return { state: isPlaceholder(outcome.statement) ? 'placeholder' : 'stated', evidence: evidence(outcome) };
        }),
        holeIn(credential.holes, 'outcome') ?? { state: 'missing' }
    ]), [credential]);
}

export function judgeWorkload({ credential }: JudgedContext): Judgement {
    const amounts: Judgement[] = (['ects', 'hours'] as const).map((property): Judgement => {
        const amount = credential[property];
        if (amount === undefined) return { state: 'missing' };
        const stated = evidence(credential, property);
        return isPositiveAmount(amount) ? { state: 'stated', evidence: stated }
            : { state: 'invalid', evidence: stated, reason: `a workload of ${amount} ${property === 'ects' ? 'ECTS' : 'hours'} is not positive` };
    });
    // An invalid ECTS figure is not outweighed by valid hours: the credential states a wrong workload.
    const invalid = amounts.find(a => a.state === 'invalid');
    return settle(invalid ?? best([...amounts, holeIn(credential.holes, 'workload', 'hours') ?? { state: 'missing' }]), [credential]);
}

function judgeLevelNode(level: Level): Judgement {
    const stated = evidence(level);
    if (level.eqf !== undefined) {
        return isEqfLevel(level.eqf) ? { state: 'stated', evidence: stated }
            : { state: 'invalid', evidence: stated, reason: `EQF level ${level.eqf} does not exist (1 to 8)` };
    }
    if (level.cycle !== undefined) {
        return QF_EHEA_CYCLES.has(level.cycle) ? { state: 'stated', evidence: stated }
            : { state: 'invalid', evidence: stated, reason: `'${level.cycle}' is not a QF-EHEA cycle` };
    }
    if (level.notApplicable) {
        if (level.reason === undefined) return { state: 'missing', reason: 'a level marked "none" needs its reason' };
        return { state: isPlaceholder(level.reason) ? 'placeholder' : 'stated', evidence: stated };
    }
    // `level` with nothing the parser could read after it (`level EQF 6`).
    return { state: 'missing' };
}

export function judgeLevel({ credential }: JudgedContext): Judgement {
    const levels = credential.levels.map(judgeLevelNode);
    const invalid = levels.find(l => l.state === 'invalid');
    return settle(invalid ?? best([...levels, holeIn(credential.holes, 'level') ?? { state: 'missing' }]), [credential]);
}

export function judgeAssessmentType({ credential }: JudgedContext): Judgement {
    return settle(best(credential.assessments.map((assessment): Judgement => assessment.type !== undefined
        ? { state: 'stated', evidence: evidence(assessment, 'type') }
        : holeIn(assessment.holes, 'type') ?? { state: 'missing' })), [credential]);
}

export function judgeParticipation({ credential }: JudgedContext): Judgement {
    return settle(credential.participation !== undefined
        ? { state: 'stated', evidence: evidence(credential, 'participation') }
        : holeIn(credential.holes, 'participation') ?? { state: 'missing' }, [credential]);
}

/** A QA procedure states a type of QA unless it is a hole or all its texts are placeholders. */
export function judgeQaProcedure(procedure: QaProcedure): Judgement {
    const stated = evidence(procedure);
    if (procedure.hole) return { state: 'hole', evidence: stated };
    const texts = [procedure.description, procedure.agency, ...procedure.standards].filter((t): t is string => t !== undefined);
    if (texts.length > 0 && texts.every(isPlaceholder)) return { state: 'placeholder', evidence: stated };
    return { state: 'stated', evidence: stated };
}

export function judgeQualityAssurance({ credential }: JudgedContext): Judgement {
    const qa = credential.qualityAssurance;
    return settle(best([
        ...qa?.procedures.map(judgeQaProcedure) ?? [],
        holeIn(credential.holes, 'qualityAssurance') ?? { state: 'missing' }
    ]), [credential]);
}
