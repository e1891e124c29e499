import type { IssueCode } from '../rules/issue-codes.js';

/**
 * The QA report as plain data (what `mcred report --format json` prints). Built from the AST by
 * `buildReport` (build-report.ts); rendered by the HTML, Markdown and JSON renderers. Every
 * string that comes from a `.mcred` file is kept as written: renderers escape it.
 */
export interface QaReport {
    readonly format: 'mcred-qa-report';
    readonly version: 1;
    /** `QA report — ai-digital-ethics.mcred` */
    readonly title: string;
    readonly summary: ReportSummary;
    readonly files: readonly FileReport[];
}

export interface ReportSummary {
    readonly files: number;
    readonly credentials: number;
    readonly pathways: number;
    /** Credentials that can be issued (verdict `issuable`). */
    readonly issuable: number;
    /** Errors among the diagnostics of the reported files (the exit code of `mcred report` follows them). */
    readonly errors: number;
    readonly warnings: number;
}

export interface FileReport {
    /** As the report shows it (relative to the working folder, or to the reported file's folder). */
    readonly file: string;
    readonly uri: string;
    readonly credentials: readonly CredentialReport[];
    readonly pathways: readonly PathwayReport[];
}

/** A place in a `.mcred` file; lines and columns are 1-based, the end is exclusive. */
export interface SourceLocation {
    readonly file: string;
    readonly uri: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
}

/**
 * `hole`, `placeholder`, `invalid` and `unjudged` (a syntax error prevents judging) count as not
 * stated, like `missing`; `pending`: an issuance element of a credential without a cohort yet.
 */
export type ElementStatus = 'stated' | 'missing' | 'hole' | 'placeholder' | 'invalid' | 'unjudged' | 'pending';

/** The source text that satisfies an element or a check, and where it is. */
export interface EvidenceEntry {
    /** Exactly as written: `level eqf 6`, `internal exAnte "Approved by the board"`. */
    readonly text: string;
    readonly location: SourceLocation;
}

/** An Annex I element (mandatory or optional) of one credential: a stated one always shows its evidence. */
export type ElementEntry = ElementFields & (
    | { readonly status: 'stated'; readonly evidence: EvidenceEntry }
    | { readonly status: Exclude<ElementStatus, 'stated'>; readonly evidence?: EvidenceEntry }
);

interface ElementFields {
    /** Number of the element in Annex I (mandatory elements only). */
    readonly n?: number;
    readonly code: IssueCode;
    readonly label: string;
    readonly scope: 'programme' | 'issuance';
    /** What the file states, in a line (`EQF level 6`, `5 ECTS`). */
    readonly value?: string;
    /** Where it is stated; where it is missing (where the fix goes) when it is missing. */
    readonly location: SourceLocation;
    /** What is missing when only part is (`no grade for "Kim Lee"`), or why it is pending. */
    readonly detail?: string;
}

export type CheckStatus = 'pass' | 'gap' | 'waived';

export interface CheckGap {
    readonly message: string;
    readonly location: SourceLocation;
    /** The code of the diagnostic the editor shows for this gap (another code when Annex I reports it). */
    readonly code: IssueCode;
}

/** One of the 17 checks of the 5-step design method: a pass always shows its evidence. */
export type QaCheckEntry = QaCheckFields & (
    | { readonly status: 'pass'; readonly evidence: readonly [EvidenceEntry, ...EvidenceEntry[]] }
    | { readonly status: 'gap' | 'waived'; readonly evidence?: undefined }
);

interface QaCheckFields {
    readonly code: IssueCode;
    readonly step: number;
    /** What the check looks for, as the design method puts it. */
    readonly lookFor: string;
    readonly summary: string;
    /** The gaps (also those a waiver covers). */
    readonly gaps: readonly CheckGap[];
    readonly waiver?: { readonly reason: string; readonly location: SourceLocation };
    /** Annex II principles the check supports. */
    readonly principles: readonly number[];
}

export interface StepEntry {
    readonly n: number;
    readonly title: string;
    readonly short: string;
    readonly focus: string;
    readonly checks: readonly QaCheckEntry[];
    readonly passed: number;
    readonly waived: number;
    readonly gaps: number;
    readonly total: number;
    /** Addressed (passed or waived) out of total, in percent, rounded. */
    readonly score: number;
}

/** How one supporting check of a principle stands: met, unmet, or pending a cohort (not judged). */
export type SupportStatus = 'met' | 'unmet' | 'pending';

export interface SupportEntry {
    readonly code: IssueCode;
    readonly status: SupportStatus;
}

/** An Annex II principle or a point of the UNESCO definition, scored from the checks that support it. */
export interface ScoredEntry {
    readonly n: number;
    readonly id: string;
    readonly name: string;
    /** The principle's meaning (Annex II) or the point's text (UNESCO). */
    readonly text: string;
    readonly supports: readonly SupportEntry[];
    readonly met: number;
    /** Supports judged: all of them but those pending a cohort. */
    readonly judged: number;
    /** met / judged in percent, rounded; null when nothing can be judged yet. */
    readonly score: number | null;
}

/** Whether the credential can be issued: every Annex I element stated with a valid value, no error. */
export type Verdict = 'issuable' | 'not-issuable';

export interface ReadinessEntry {
    readonly issuable: boolean;
    /** Why not, one line each: `8 Level: missing`, `error value-country at providers.mcred:3`. */
    readonly blockers: readonly string[];
    readonly annex1Stated: number;
    readonly annex1Pending: number;
    readonly annex1Total: number;
    readonly qaAddressed: number;
    readonly qaPassed: number;
    readonly qaWaived: number;
    readonly qaTotal: number;
    /** QA addressed / 17, in percent, rounded down: a figure for the QA checks only, never for issuing. */
    readonly qaScore: number;
    readonly verdict: Verdict;
    /** The verdict in words: `Issuable: no — 2 elements missing (level, quality assurance)`. */
    readonly verdictText: string;
}

export interface CoverageEntry {
    readonly outcomes: ReadonlyArray<{
        readonly name: string;
        readonly statement: string;
        readonly location: SourceLocation;
        readonly covered: boolean;
    }>;
    readonly assessments: ReadonlyArray<{
        readonly name: string;
        readonly type?: string;
        readonly location: SourceLocation;
    }>;
    /** `cells[o][a]`: assessment `a` covers outcome `o`. */
    readonly cells: ReadonlyArray<readonly boolean[]>;
}

export interface HoursRange {
    readonly min: number;
    readonly max: number;
}

export interface WorkloadEntry {
    readonly ects?: number;
    readonly hours?: number;
    /** Notional learning hours the ECTS imply (25–30 h per credit). */
    readonly notionalHours?: HoursRange;
    /** Stated hours within the 25–30 h per ECTS range (only when both are stated). */
    readonly consistent?: boolean;
    readonly duration?: string;
}

export interface CohortEntry {
    readonly name: string;
    readonly issued?: string;
    readonly learners: number;
    readonly roster?: string;
    readonly location: SourceLocation;
}

export interface StackEntry {
    readonly name: string;
    readonly title: string;
    readonly kind: 'pathway' | 'microcredential';
    readonly ects?: number;
}

export interface CredentialReport {
    readonly name: string;
    readonly title: string;
    readonly location: SourceLocation;
    readonly awardingBodies: readonly string[];
    readonly level?: string;
    readonly readiness: ReadinessEntry;
    readonly annex1: readonly ElementEntry[];
    readonly optional: readonly ElementEntry[];
    readonly steps: readonly StepEntry[];
    readonly principles: readonly ScoredEntry[];
    readonly unesco: readonly ScoredEntry[];
    readonly coverage: CoverageEntry;
    readonly workload: WorkloadEntry;
    readonly cohorts: readonly CohortEntry[];
    readonly stacksInto: readonly StackEntry[];
}

export interface PathwayPart {
    readonly name: string;
    readonly title?: string;
    readonly kind: 'microcredential' | 'pathway' | 'unresolved';
    /** Stated ECTS, or for a pathway without them the sum of its own parts. */
    readonly ects?: number;
    readonly notionalHours?: HoursRange;
    readonly location?: SourceLocation;
}

export interface PathwayReport {
    readonly name: string;
    readonly title: string;
    readonly location: SourceLocation;
    readonly awardingBodies: readonly string[];
    readonly level?: string;
    readonly statedEcts?: number;
    readonly parts: readonly PathwayPart[];
    readonly sum: {
        readonly ects: number;
        readonly counted: number;
        readonly withoutEcts: readonly string[];
        readonly cyclic: boolean;
        /** Notional hours of the summed ECTS (when some part has ECTS). */
        readonly notionalHours?: HoursRange;
    };
    /** The pathway's ECTS: stated, or the sum of its parts. */
    readonly ects?: number;
    readonly notionalHours?: HoursRange;
    /** Stated ECTS equal the sum of the parts (only when both are known). */
    readonly sumMatches?: boolean;
}
