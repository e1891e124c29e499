import {
    AstUtils, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, type AstNode, type DiagnosticInfo, type LangiumDocument, type ParseResult,
    type AstNodeLocator, type ValidationAcceptor, type ValidationOptions, type ValidationSeverity
} from 'langium';
import { CancellationToken, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { isMicroCredential, isModel, type Model, type Waiver } from '../generated/ast.js';
import type { NameIndex } from '../references/name-index.js';
import type { Clock } from './clock.js';
import { ElementDiagnostics, type ElementEntry, type ReportedDiagnostic } from './element-diagnostics.js';
import type { McredServices } from '../mcred-services.js';
import { activeWaivers, owningCredential } from '../model/waivers.js';
import type { RuleSettings } from './rule-settings.js';
import { isIssueCode, isWaivable, RULES, type IssueCode, type Severity } from '../rules/issue-codes.js';
import { report } from './report.js';
import type { ConfiguredSeverity, SeverityPolicy } from '../rules/severity-policy.js';
import { limitSyntaxErrors } from './syntax-error-limit.js';
import { explainSyntaxErrors } from './syntax-messages.js';

const SEVERITY_NAMES: Record<DiagnosticSeverity, Severity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'information',
    [DiagnosticSeverity.Hint]: 'hint'
};

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    information: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint
};

/** Families that judge whether a programme is complete: unreliable on a partly parsed element. */
const COMPLETENESS_FAMILIES = new Set(['annex1-mandatory', 'annex1-optional', 'qa-design-method']);

/** Codes raised on a cohort: a waiver of them may be used by a cohort in another file. */
const ISSUANCE_CODES = new Set<IssueCode>(['eu-opt-grade']);

/**
 * Langium's document validator, plus the one place where every diagnostic is finished before
 * the editor or the CLI sees it:
 * 1. a stable code on every built-in diagnostic (`syntax-error`, `ref-unresolved`);
 *    completeness findings (Annex I, optional elements, QA gaps) are held back for a top-level
 *    element that contains a syntax error: the parser's recovery drops the rest of the block, so
 *    "missing" would be wrong; the syntax error is what the designer has to fix first;
 * 2. waivers: a finding that the owning micro-credential waives (`waive <code> "reason"`) is
 *    dropped, and a waiver that dropped nothing is reported (`waiver-unused`);
 * 3. severities: the policy from mcred.json / settings / CLI (rules/severity-policy.ts) sets each
 *    finding's severity or switches it off.
 */
export class McredDocumentValidator extends DefaultDocumentValidator {
    private readonly settings: RuleSettings;
    /** The AST node each diagnostic of the current run was reported on, for waivers. */
    private readonly nodes = new WeakMap<Diagnostic, AstNode>();

    private readonly names: NameIndex;
    private readonly locator: AstNodeLocator;
    private readonly clock: Clock;
    readonly elements = new ElementDiagnostics();

    constructor(services: McredServices) {
        super(services);
        this.settings = services.validation.RuleSettings;
        this.names = services.references.NameIndex;
        this.locator = services.workspace.AstNodeLocator;
        this.clock = services.validation.Clock;
    }

    /**
     * Langium's walk of the tree with every check, element by element: the findings of a
     * top-level element whose text and dependencies did not change since the last validation are
     * reused (element-diagnostics.ts). The order is Langium's: the Model's checks (each over the
     * whole document, that is element after element), then each element's nodes in tree order.
     * The Model's checks (holes and placeholders) are run on one element at a time for this.
     */
    override async validateAst(rootNode: AstNode, options: ValidationOptions, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        const document = rootNode.$document;
        if (!isModel(rootNode) || !document) return super.validateAst(rootNode, options, cancelToken);
        const items: Diagnostic[] = [];
        const accept: ValidationAcceptor = (severity, message, info) => { items.push(this.toDiagnostic(severity, message, info)); };
        await this.validateAstBefore(rootNode, options, accept, cancelToken);
        const categories = options.categories;
        const modelChecks = this.validationRegistry.getChecks('Model', categories);
        const keyOf = this.elements.dependencyKeys(document, this.names, this.locator, `${categories?.join(',') ?? '*'}|${this.clock.today()}`);
        const entries: Array<{ entry: ElementEntry; lines: number }> = [];
        for (const element of rootNode.elements) {
            await interruptAndCheck(cancelToken);
            const cacheable = ElementDiagnostics.cacheable(document, element);
            const key = cacheable ? keyOf(element) : '';
            const line = element.$cstNode?.range.start.line ?? 0;
            const known = cacheable ? this.elements.get(element, key, line) : undefined;
            if (known) {
                entries.push({ entry: known, lines: line - known.line });
                continue;
            }
            const collect = async (run: (accept: ValidationAcceptor) => Promise<void>) => {
                const found: ReportedDiagnostic[] = [];
                await run((severity, message, info) => { found.push({ diagnostic: this.toDiagnostic(severity, message, info), node: info.node }); });
                return found;
            };
            const model: ReportedDiagnostic[][] = [];
            for (const check of modelChecks) {
                model.push(await collect(async a => { await check(element, a, cancelToken); }));
            }
            const own = await collect(async a => {
                for (const node of AstUtils.streamAst(element)) {
                    await interruptAndCheck(cancelToken);
                    for (const check of this.validationRegistry.getChecks(node.$type, categories)) await check(node, a, cancelToken);
                }
            });
            const found = [...model.flat(), ...own];
            const entry: ElementEntry = { key, line, movable: ElementDiagnostics.movable(found), model, own };
            if (cacheable && ElementDiagnostics.within(element, found, document.uri.toString())) this.elements.set(element, entry);
            entries.push({ entry, lines: 0 });
        }
        // Copies (moved with their element): the diagnostics handed out are finished (code, severity) in place.
        const uri = document.uri.toString();
        const issue = (reported: ReportedDiagnostic, lines: number) => {
            const copy = ElementDiagnostics.moved(reported.diagnostic, lines, uri);
            this.nodes.set(copy, reported.node);
            items.push(copy);
        };
        modelChecks.forEach((_, i) => entries.forEach(({ entry, lines }) => entry.model[i].forEach(reported => issue(reported, lines))));
        entries.forEach(({ entry, lines }) => entry.own.forEach(reported => issue(reported, lines)));
        await this.validateAstAfter(rootNode, options, accept, cancelToken);
        return items;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const policy = await this.settings.policyFor(document.uri);
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const broken = brokenElements(document);
        const used = new Set<Waiver>();
        const kept = diagnostics.filter(diagnostic => {
            if (diagnostic.code === undefined) finishBuiltIn(diagnostic);
            if (broken.size > 0 && this.isHeldBack(diagnostic, broken)) return false;
            const waiver = this.waiverOf(diagnostic);
            if (waiver) used.add(waiver);
            return !waiver;
        });
        // Whether a waiver is used is known only when the checks it waives ran (the `fast` category).
        if (!options?.categories || options.categories.includes('fast')) {
            kept.push(...this.unusedWaivers(document, used, broken));
        }
        return limitSyntaxErrors(withoutSecondCauses(kept).filter(diagnostic => applySeverity(diagnostic, policy)));
    }

    /** Parser errors in the designer's words (syntax-messages.ts), one per line. */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const parsing: Diagnostic[] = [];
        super.processParsingErrors(parseResult, parsing, options);
        diagnostics.push(...explainSyntaxErrors(parseResult, parsing));
    }

    protected override toDiagnostic<N extends AstNode>(severity: ValidationSeverity, message: string, info: DiagnosticInfo<N, string>): Diagnostic {
        const diagnostic = super.toDiagnostic(severity, message, info);
        this.nodes.set(diagnostic, info.node);
        return diagnostic;
    }

    private isHeldBack(diagnostic: Diagnostic, broken: ReadonlySet<AstNode>): boolean {
        const code = String(diagnostic.code);
        const node = this.nodes.get(diagnostic);
        if (!node || !isIssueCode(code) || !COMPLETENESS_FAMILIES.has(RULES[code].family)) return false;
        let element: AstNode = node;
        while (element.$container && element.$container.$container) element = element.$container;
        return broken.has(element);
    }

    /** The waiver that silences this diagnostic, if its credential waives its code. */
    private waiverOf(diagnostic: Diagnostic): Waiver | undefined {
        const code = String(diagnostic.code);
        const node = this.nodes.get(diagnostic);
        if (!node || !isIssueCode(code) || !isWaivable(code)) return undefined;
        const credential = owningCredential(node);
        return credential && activeWaivers(credential).get(code);
    }

    private unusedWaivers(document: LangiumDocument, used: ReadonlySet<Waiver>, broken: ReadonlySet<AstNode>): Diagnostic[] {
        const found: Diagnostic[] = [];
        const accept: ValidationAcceptor = (severity, message, info) => found.push(this.toDiagnostic(severity, message, info));
        const model = document.parseResult.value as Model;
        // A credential with a syntax error has its completeness findings held back: its waivers cannot be judged.
        for (const credential of model.elements.filter(isMicroCredential).filter(c => !broken.has(c))) {
            const active = new Set(activeWaivers(credential).values());
            for (const waiver of credential.waivers) {
                if (used.has(waiver) || ISSUANCE_CODES.has(waiver.code as IssueCode)) continue;
                if (!active.has(waiver)) {
                    if (credential.waivers.find(w => w.code === waiver.code && active.has(w))) {
                        report(accept, 'waiver-unused',
                            `'${waiver.code}' is already waived above: remove this waiver`, { node: waiver, keyword: 'waive' }, { waived: waiver.code });
                    }
                    continue;
                }
                report(accept, 'waiver-unused',
                    `'${credential.name}' passes '${waiver.code}' without the waiver: remove it, so that the certificate does not claim an exception it does not need`,
                    { node: waiver, keyword: 'waive' }, { waived: waiver.code });
            }
        }
        return found;
    }
}

/** The top-level elements (providers, credentials, pathways, cohorts) in which the parser found an error. */
function brokenElements(document: LangiumDocument): ReadonlySet<AstNode> {
    const { parserErrors, lexerErrors, value } = document.parseResult;
    if (parserErrors.length === 0 && lexerErrors.length === 0) return new Set();
    const elements = (value as Model).elements ?? [];
    const offsets = [
        ...parserErrors.map(error => Number.isFinite(error.token.startOffset) ? error.token.startOffset
            : 'previousToken' in error ? (error.previousToken as { startOffset: number }).startOffset : NaN),
        ...lexerErrors.map(error => error.offset)
    ].filter(Number.isFinite);
    const broken = new Set<AstNode>();
    for (const offset of offsets) {
        const element = elements.findLast(e => (e.$cstNode?.offset ?? Infinity) <= offset);
        if (element) broken.add(element);
    }
    return broken;
}

/**
 * One cause, one diagnostic: a text that only holds a placeholder (`field "xxx"`) is reported as
 * `value-placeholder`, not also as an invalid value of its kind (`value-isced-f`, `value-url`, …).
 */
function withoutSecondCauses(diagnostics: Diagnostic[]): Diagnostic[] {
    const placeholders = diagnostics.filter(d => d.code === 'value-placeholder').map(d => d.range);
    if (placeholders.length === 0) return diagnostics;
    const within = (inner: Diagnostic['range'], outer: Diagnostic['range']) =>
        (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character))
        && (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    return diagnostics.filter(d => d.code === 'value-placeholder' || !String(d.code).startsWith('value-')
        || !placeholders.some(range => within(d.range, range)));
}

/** Sets the configured severity; false when the code is switched off. */
function applySeverity(diagnostic: Diagnostic, policy: SeverityPolicy): boolean {
    const code = String(diagnostic.code);
    if (!isIssueCode(code)) return true;
    const reported = SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error] ?? RULES[code].severity;
    const severity: ConfiguredSeverity = policy.severityOf(code, reported);
    if (severity === 'off') return false;
    diagnostic.severity = LSP_SEVERITY[severity];
    return true;
}

const REFERENCE_KINDS: Record<string, string> = {
    awardedBy: 'provider',
    covers: 'outcome of this micro-credential',
    stackableInto: 'pathway or micro-credential',
    includes: 'micro-credential or pathway',
    credential: 'micro-credential'
};

/**
 * Gives Langium's own diagnostics (syntax and linking errors) their code, a message in the
 * designer's words where Langium's is technical, and the source every message names.
 */
function finishBuiltIn(diagnostic: Diagnostic): void {
    const data = diagnostic.data as { code?: string; property?: string; refText?: string } | undefined;
    switch (data?.code) {
        case DocumentValidator.LexingError:
        case DocumentValidator.ParsingError: {
            diagnostic.code = 'syntax-error';
            const text = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
            const oneLine = text.replace(/\s*\n\s*/g, ' ');
            diagnostic.message = `${oneLine.replace(/^Expecting token of type '([^']*)'/, "Expected '$1'").replace(/\.$/, '')} — ${RULES['syntax-error'].source}.`;
            diagnostic.data = { ...data, code: 'syntax-error' };
            break;
        }
        case DocumentValidator.LinkingError: {
            const kind = REFERENCE_KINDS[data.property ?? ''] ?? 'declaration';
            diagnostic.code = 'ref-unresolved';
            diagnostic.message = `No ${kind} called '${data.refText ?? ''}' is declared in the workspace — ${RULES['ref-unresolved'].source}.`;
            diagnostic.data = { ...data, code: 'ref-unresolved' };
            break;
        }
    }
}
