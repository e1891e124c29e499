import { AstUtils, GrammarUtils, URI, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import annex2 from '../../standards/eu-mc/annex2-principles.json' with { type: 'json' };
import { isMicroCredential, isPathway, type Cohort, type MicroCredential, type Model, type Pathway } from '../generated/ast.js';
import type { CredentialContext } from '../model/annex1-elements.js';
import { credentialContexts } from '../model/credential-contexts.js';
import { credentialModel, providerModel, type CredentialModel, type LevelModel } from '../model/credential-model.js';
import { OPTIONAL_ELEMENTS } from '../model/optional-elements.js';
import { issuableText, readiness, type Readiness } from '../model/readiness.js';
import { evidence as evidenceFor, type Evidence, type Judgement, type SourceRange } from '../model/stated.js';
import { activeWaivers } from '../model/waivers.js';
import { credentialEcts, notionalHours, pathwayEcts, HOURS_PER_ECTS } from '../model/workload.js';
import { ruleInfo, type IssueCode } from '../rules/issue-codes.js';
import { DESIGN_STEPS } from './design-method.js';
import type {
    CheckStatus, CohortEntry, EvidenceEntry, CoverageEntry, CredentialReport, ElementEntry, FileReport, PathwayPart, PathwayReport, QaCheckEntry,
    QaReport, ReadinessEntry, ScoredEntry, SourceLocation, StepEntry, SupportEntry, SupportStatus, WorkloadEntry
} from './report-model.js';
import { UNESCO_DEFINITION } from './unesco-definition.js';

export interface ReportInput {
    /** The documents to report on: their micro-credentials and pathways, in this order. Linked and validated. */
    readonly documents: ReadonlyArray<LangiumDocument<Model>>;
    /** Every document of the workspace: cohorts and pathways in other files count. Defaults to `documents`. */
    readonly workspace?: ReadonlyArray<LangiumDocument<Model>>;
    /** How a file is shown (`examples/ai-digital-ethics.mcred`); defaults to its name. */
    readonly fileLabel?: (uri: URI) => string;
    /** Defaults to `QA report — <file>` (or `— N files`). */
    readonly title?: string;
}

/**
 * Builds the QA report of the given documents. Pure: reads the AST and the diagnostics already
 * computed, never the file system; the CLI, the language server and the tests call it alike.
 */
export function buildReport(input: ReportInput): QaReport {
    const workspace = input.workspace ?? input.documents;
    const fileLabel = input.fileLabel ?? ((uri: URI) => uri.path.split('/').pop() ?? uri.toString());
    const locate = locator(fileLabel);
    const contexts = credentialContexts(workspace.map(d => d.parseResult.value));
    const contextOf = new Map(contexts.map(c => [c.credential, c]));
    const pathways = workspace.flatMap(d => d.parseResult.value.elements.filter(isPathway));

    const files: FileReport[] = input.documents.map(document => {
        const elements = document.parseResult.value.elements;
        return {
            file: fileLabel(document.uri),
            uri: document.uri.toString(),
            credentials: elements.filter(isMicroCredential).map(credential =>
                credentialReport(contextOf.get(credential) ?? { credential, cohorts: [] }, pathways, locate)),
            pathways: elements.filter(isPathway).map(pathway => pathwayReport(pathway, locate))
        };
    });
    const credentials = files.flatMap(f => f.credentials);
    const diagnostics = input.documents.flatMap(d => d.diagnostics ?? []);
    const title = input.title ?? `QA report — ${files.length === 1 ? files[0].file : `${files.length} files`}`;
    return {
        format: 'mcred-qa-report',
        version: 1,
        title,
        summary: {
            files: files.length,
            credentials: credentials.length,
            pathways: files.reduce((n, f) => n + f.pathways.length, 0),
            issuable: credentials.filter(c => c.readiness.verdict === 'issuable').length,
            errors: diagnostics.filter(d => d.severity === 1).length,
            warnings: diagnostics.filter(d => d.severity === 2).length
        },
        files
    };
}

type Locate = ((node: AstNode, where?: { property?: string; keyword?: string; index?: number }) => SourceLocation) & {
    /** How a document URI is shown. */
    readonly file: (uri: string) => string;
    /** A location from an evidence's own range. */
    readonly range: (uri: string, range: SourceRange) => SourceLocation;
};

function judgementDetail(judgement: Exclude<Judgement, { state: 'stated' }>): string | undefined {
    switch (judgement.state) {
        case 'missing': return judgement.reason;
        case 'hole': return 'a hole `?`: still to decide';
        case 'placeholder': return 'only a placeholder: not a value';
        case 'invalid': return judgement.reason;
        case 'unjudged': return `a syntax error on line ${judgement.syntaxError.line} prevents judging`;
    }
}

function evidenceEntry(evidence: Evidence, locate: Locate): EvidenceEntry {
    const location = evidence.uri ? locate.range(evidence.uri, evidence.range) : locate(evidence.node, { property: evidence.property });
    return { text: evidence.text, location };
}

function locator(fileLabel: (uri: URI) => string): Locate {
    const file = (uri: string) => fileLabel(URI.parse(uri));
    const range = (uri: string, r: SourceRange): SourceLocation => ({
        file: file(uri), uri,
        line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1
    });
    return Object.assign((node: AstNode, where: { property?: string; keyword?: string; index?: number } = {}) => {
        let cst: CstNode | undefined;
        if (where.property) cst = GrammarUtils.findNodeForProperty(node.$cstNode, where.property, where.index);
        else if (where.keyword) cst = GrammarUtils.findNodeForKeyword(node.$cstNode, where.keyword, where.index);
        const range = (cst ?? node.$cstNode)?.range;
        const uri = AstUtils.getDocument(node).uri;
        return {
            file: fileLabel(uri),
            uri: uri.toString(),
            line: (range?.start.line ?? 0) + 1,
            column: (range?.start.character ?? 0) + 1,
            endLine: (range?.end.line ?? 0) + 1,
            endColumn: (range?.end.character ?? 0) + 1
        };
    }, { file, range });
}

function credentialReport(context: CredentialContext, pathways: readonly Pathway[], locate: Locate): CredentialReport {
    const { credential, cohorts } = context;
    const model = credentialModel(credential, pathways);
    const state = readiness(context);
    const atName = locate(credential, { property: 'name' });
    const noCohort = cohorts.length === 0;

    const annex1: ElementEntry[] = state.annex1.map(({ element, judgement }): ElementEntry => {
        const fields = { n: element.n, code: element.code, label: element.label, scope: element.scope };
        if (judgement.state === 'stated') {
            const value = annex1Value(element.code, model, cohorts);
            const evidence = evidenceEntry(judgement.evidence, locate);
            const location = locate(judgement.evidence.node, { property: judgement.evidence.property });
            return { ...fields, status: 'stated', ...(value ? { value } : {}), location, evidence };
        }
        const pending = judgement.state === 'missing' && noCohort && element.scope === 'issuance';
        const shown = 'evidence' in judgement ? evidenceEntry(judgement.evidence, locate) : undefined;
        const detail = pending ? 'comes with a cohort' : judgementDetail(judgement);
        return {
            ...fields,
            status: pending ? 'pending' : judgement.state,
            location: shown?.location ?? atName,
            ...(shown ? { evidence: shown } : {}),
            ...(detail ? { detail } : {})
        };
    });
    const optional: ElementEntry[] = OPTIONAL_ELEMENTS.map((element): ElementEntry => {
        const judged = element.state(context);
        const fields = {
            code: element.code,
            label: element.label,
            scope: element.code === 'eu-opt-grade' ? 'issuance' as const : 'programme' as const,
            ...(judged.detail ? { detail: judged.detail } : {})
        };
        if (judged.status === 'stated') {
            const value = optionalValue(element.code, model, cohorts);
            const evidence = evidenceEntry(evidenceFor(judged.node, judged.property), locate);
            const location = locate(judged.node, { property: judged.property, keyword: judged.keyword });
            return { ...fields, status: 'stated', ...(value ? { value } : {}), location, evidence };
        }
        return { ...fields, status: judged.status, location: locate(judged.node, { property: judged.property, keyword: judged.keyword }) };
    });
    const checks = qaEntries(state, credential, locate);
    const steps: StepEntry[] = DESIGN_STEPS.map(step => {
        const own = checks.filter(c => c.step === step.n);
        const count = (status: CheckStatus) => own.filter(c => c.status === status).length;
        return {
            ...step,
            checks: own,
            passed: count('pass'),
            waived: count('waived'),
            gaps: count('gap'),
            total: own.length,
            score: percent(count('pass') + count('waived'), own.length) ?? 0
        };
    });

    const supportStatus = supportStatuses(annex1, optional, checks);
    const principles = annex2.principles.map(p => scored(p.n, p.id, p.name, p.meaning,
        [...annex1, ...optional, ...checks].map(e => e.code).filter(code => ruleInfo(code).principles.includes(p.n)), supportStatus));
    const unesco = UNESCO_DEFINITION.map(point => scored(point.n, point.id, point.name, point.text, point.codes, supportStatus));

    return {
        name: credential.name,
        title: model.title,
        location: atName,
        awardingBodies: model.awardingBodies.map(b => b.legalName),
        ...optionalProperty('level', levelText(model.level)),
        readiness: readinessEntry(state, annex1, locate),
        annex1,
        optional,
        steps,
        principles,
        unesco,
        coverage: coverage(credential, locate),
        workload: workload(model),
        cohorts: cohorts.map((cohort): CohortEntry => ({
            name: cohort.name,
            ...optionalProperty('issued', cohort.issued),
            learners: cohort.learners.length,
            ...optionalProperty('roster', cohort.roster?.trim() || undefined),
            location: locate(cohort, { property: 'name' })
        })),
        stacksInto: model.stacksInto.map(target => ({
            name: target.name, title: target.title, kind: target.kind, ...optionalProperty('ects', target.ects)
        }))
    };
}

function qaEntries(state: Readiness, credential: MicroCredential, locate: Locate): QaCheckEntry[] {
    const waivers = activeWaivers(credential);
    return state.qa.map((q): QaCheckEntry => {
        const waiver = q.status === 'waived' ? waivers.get(q.check.code) : undefined;
        const judged = q.status === 'pass'
            ? { status: q.status, evidence: q.evidence.map(e => evidenceEntry(e, locate)) as [EvidenceEntry, ...EvidenceEntry[]] }
            : { status: q.status };
        return {
            code: q.check.code,
            step: q.check.step,
            lookFor: q.check.lookFor,
            summary: ruleInfo(q.check.code).summary,
            ...judged,
            gaps: q.gaps.map(gap => ({
                message: gap.message,
                location: locate(gap.node, { property: gap.property, keyword: gap.keyword, index: gap.index }),
                code: gap.reportedAs ?? q.check.code
            })),
            ...(waiver ? { waiver: { reason: q.waiverReason ?? '', location: locate(waiver) } } : {}),
            principles: q.principles
        };
    });
}

/** Met, unmet or pending, for every code the report judges. */
function supportStatuses(annex1: readonly ElementEntry[], optional: readonly ElementEntry[], checks: readonly QaCheckEntry[]): Map<IssueCode, SupportStatus> {
    const statuses = new Map<IssueCode, SupportStatus>();
    for (const element of [...annex1, ...optional]) {
        statuses.set(element.code, element.status === 'stated' ? 'met' : element.status === 'pending' ? 'pending' : 'unmet');
    }
    for (const check of checks) statuses.set(check.code, check.status === 'gap' ? 'unmet' : 'met');
    return statuses;
}

function scored(n: number, id: string, name: string, text: string, codes: readonly IssueCode[], statuses: ReadonlyMap<IssueCode, SupportStatus>): ScoredEntry {
    const supports: SupportEntry[] = codes.map(code => ({ code, status: statuses.get(code) ?? 'unmet' }));
    const met = supports.filter(s => s.status === 'met').length;
    const judged = supports.filter(s => s.status !== 'pending').length;
    return { n, id, name, text, supports, met, judged, score: percent(met, judged) };
}

function readinessEntry(state: Readiness, annex1: readonly ElementEntry[], locate: Locate): ReadinessEntry {
    const stated = annex1.filter(e => e.status === 'stated').length;
    const pending = annex1.filter(e => e.status === 'pending').length;
    return {
        issuable: state.issuable,
        blockers: state.blockers.map(blocker => blocker.kind === 'element'
            ? `${blocker.element.n} ${blocker.element.label}: ${blocker.judgement.state === 'unjudged' ? `not judged (syntax error on line ${blocker.judgement.syntaxError.line})` : blocker.judgement.state}`
            : `${blocker.diagnostic.code ?? 'error'} at ${locate.file(blocker.diagnostic.uri)}:${blocker.diagnostic.line}: ${blocker.diagnostic.message}`),
        annex1Stated: stated,
        annex1Pending: pending,
        annex1Total: state.annex1Total,
        qaAddressed: state.qaAddressed,
        qaPassed: state.qaPassed,
        qaWaived: state.qaWaived,
        qaTotal: state.qaTotal,
        qaScore: Math.floor(100 * state.qaAddressed / state.qaTotal),
        verdict: state.issuable ? 'issuable' : 'not-issuable',
        verdictText: issuableText(state)
    };
}

function coverage(credential: MicroCredential, locate: Locate): CoverageEntry {
    const assessments = credential.assessments.map((assessment, i) => ({
        name: assessment.name ?? `Assessment ${i + 1}`,
        ...optionalProperty('type', assessment.type),
        location: locate(assessment, assessment.name ? { property: 'name' } : { keyword: 'assessment' })
    }));
    const cells = credential.outcomes.map(outcome => credential.assessments.map(a => a.covers.some(ref => ref.ref === outcome)));
    return {
        outcomes: credential.outcomes.map((outcome, i) => ({
            name: outcome.name,
            statement: outcome.statement?.trim() ?? '',
            location: locate(outcome, { property: 'name' }),
            covered: cells[i].some(Boolean)
        })),
        assessments,
        cells
    };
}

function workload(model: CredentialModel): WorkloadEntry {
    const { ects, hours } = model.workload;
    const notional = ects !== undefined ? notionalHours(ects) : undefined;
    return {
        ...optionalProperty('ects', ects),
        ...optionalProperty('hours', hours),
        ...optionalProperty('notionalHours', notional),
        ...(ects !== undefined && hours !== undefined && ects > 0
            ? { consistent: hours >= ects * HOURS_PER_ECTS.min && hours <= ects * HOURS_PER_ECTS.max } : {}),
        ...optionalProperty('duration', model.duration?.text)
    };
}

function pathwayReport(pathway: Pathway, locate: Locate): PathwayReport {
    const sum = pathwayEcts(pathway);
    const parts: PathwayPart[] = pathway.includes.map(reference => {
        const part = reference.ref;
        if (!part) return { name: reference.$refText, kind: 'unresolved' };
        const ects = credentialEcts(part);
        return {
            name: part.name,
            ...optionalProperty('title', part.title?.trim() || undefined),
            kind: isPathway(part) ? 'pathway' : 'microcredential',
            ...optionalProperty('ects', ects),
            ...optionalProperty('notionalHours', ects !== undefined ? notionalHours(ects) : undefined),
            location: locate(part, { property: 'name' })
        };
    });
    const ects = credentialEcts(pathway);
    const sumKnown = sum.withoutEcts.length === 0 && !sum.cyclic && sum.counted > 0;
    const eqf = pathway.levels.find(l => l.eqf !== undefined)?.eqf;
    const cycle = pathway.levels.find(l => l.cycle !== undefined)?.cycle;
    return {
        name: pathway.name,
        title: pathway.title?.trim() || pathway.name,
        location: locate(pathway, { property: 'name' }),
        awardingBodies: pathway.awardedBy.map(ref => ref.ref).filter((p): p is NonNullable<typeof p> => p !== undefined).map(p => providerModel(p).legalName),
        ...optionalProperty('level', [eqf !== undefined ? `EQF level ${eqf}` : undefined, cycle ? `QF-EHEA ${cycle} cycle` : undefined].filter(Boolean).join(', ') || undefined),
        ...optionalProperty('statedEcts', pathway.ects),
        parts,
        sum: {
            ects: sum.total, counted: sum.counted, withoutEcts: sum.withoutEcts, cyclic: sum.cyclic,
            ...optionalProperty('notionalHours', sum.counted > 0 ? notionalHours(sum.total) : undefined)
        },
        ...optionalProperty('ects', ects),
        ...optionalProperty('notionalHours', ects !== undefined ? notionalHours(ects) : undefined),
        ...(pathway.ects !== undefined && sumKnown ? { sumMatches: Math.abs(pathway.ects - sum.total) < 1e-9 } : {})
    };
}

function annex1Value(code: IssueCode, model: CredentialModel, cohorts: readonly Cohort[]): string | undefined {
    switch (code) {
        case 'eu-learner': {
            const learners = cohorts.reduce((n, c) => n + c.learners.length, 0);
            const rosters = cohorts.filter(c => c.roster?.trim()).map(c => `roster ${c.roster!.trim()}`);
            return [learners > 0 ? plural(learners, 'learner') : undefined, ...rosters].filter(Boolean).join(', ')
                + ` (${cohorts.length === 1 ? 'cohort' : 'cohorts'} ${cohorts.map(c => c.name).join(', ')})`;
        }
        case 'eu-title': return model.title;
        case 'eu-country': return unique(model.awardingBodies.map(b => b.country ? `${b.country.label} (${b.country.code})` : undefined)).join(', ');
        case 'eu-awarding-body': return model.awardingBodies.map(b => b.legalName).join(', ');
        case 'eu-issue-date': return unique(cohorts.map(c => c.issued)).join(', ');
        case 'eu-learning-outcomes': return plural(model.outcomes.length, 'learning outcome');
        case 'eu-workload': {
            const { ects, hours } = model.workload;
            if (ects !== undefined) {
                const h = notionalHours(ects);
                return `${ects} ECTS (${h.min}–${h.max} notional hours)${hours !== undefined ? `, ${hours} hours stated` : ''}`;
            }
            return hours !== undefined ? `${hours} hours` : undefined;
        }
        case 'eu-level': return levelText(model.level);
        case 'eu-assessment-type': return unique(model.assessments.map(a => a.type?.label)).join(', ');
        case 'eu-participation': return model.participation?.label;
        case 'eu-quality-assurance': return model.qualityAssurance?.procedures.map(p => p.text).join('; ');
        default: return undefined;
    }
}

function optionalValue(code: IssueCode, model: CredentialModel, cohorts: readonly Cohort[]): string | undefined {
    switch (code) {
        case 'eu-opt-prerequisites': return model.prerequisites;
        case 'eu-opt-supervision': return unique(model.assessments.map(a => a.supervision?.label)).join(', ');
        case 'eu-opt-stackability': return model.standalone && model.stacksInto.length === 0
            ? 'Standalone'
            : `Stackable into ${model.stacksInto.map(t => t.title).join(', ')}`;
        case 'eu-opt-further-info': return model.furtherInfo;
        case 'eu-opt-grade': {
            const learners = cohorts.reduce((n, c) => n + c.learners.length, 0);
            return learners > 0 ? `Recorded for ${plural(learners, 'learner')}` : undefined;
        }
        default: return undefined;
    }
}

function levelText(level: LevelModel): string | undefined {
    const parts = [
        level.eqf ? `EQF level ${level.eqf.level}` : undefined,
        level.qfEhea ? `QF-EHEA ${level.qfEhea.label.toLowerCase()}` : undefined,
        level.notApplicable !== undefined ? `No EQF or QF-EHEA level${level.notApplicable ? `: ${level.notApplicable}` : ''}` : undefined
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(', ') : undefined;
}

function percent(part: number, whole: number): number | null {
    return whole === 0 ? null : Math.round(100 * part / whole);
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function unique(values: ReadonlyArray<string | undefined>): string[] {
    return [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))];
}

function optionalProperty<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
    return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
