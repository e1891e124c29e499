/**
 * The catalogue of a workspace, as plain data: every micro-credential and pathway at a glance,
 * the stacking graph and the joint awards. Built by `build-catalogue.ts`; rendered to HTML,
 * Markdown and CSV; `--format json` prints it as it is.
 */

export interface CatalogueSource {
    /** As shown (`examples/ai-digital-ethics.mcred`). */
    readonly file: string;
    readonly uri: string;
    /** 1-based line of the declared name. */
    readonly line: number;
}

export interface Catalogue {
    readonly format: 'mcred-catalogue';
    readonly version: 1;
    readonly title: string;
    /** The date the review dates are judged against (`YYYY-MM-DD`). */
    readonly today: string;
    readonly summary: CatalogueSummary;
    readonly credentials: readonly CatalogueCredential[];
    readonly pathways: readonly CataloguePathway[];
    readonly graph: StackingGraph;
    /** Every credential awarded by more than one provider: provider × credential. */
    readonly jointAwards: readonly JointAward[];
    readonly providers: readonly CatalogueProvider[];
}

export interface CatalogueSummary {
    readonly files: number;
    /** Micro-credentials. */
    readonly programmes: number;
    readonly pathways: number;
    readonly issuable: number;
    /** Sum of the stated ECTS of the micro-credentials. */
    readonly ectsOffered: number;
    /** Providers that award or contribute to at least one credential. */
    readonly providers: number;
    readonly cohorts: number;
    /** Learners listed in the cohorts (rosters are counted by the export, not here). */
    readonly learners: number;
    readonly reviewsDue: number;
    readonly stackMismatches: number;
}

export interface CatalogueLevel {
    readonly eqf?: number;
    /** QF-EHEA cycle code (`first`). */
    readonly qfEhea?: string;
    /** `EQF 6 · QF-EHEA first cycle`, or `none: <reason>`. */
    readonly text?: string;
}

export interface CatalogueCredential extends CatalogueSource {
    readonly name: string;
    readonly title: string;
    /** Legal names of the awarding bodies. */
    readonly awardedBy: readonly string[];
    /** Legal names of the providers that contribute (`deliveredWith`, modules' `providedBy`) without awarding. */
    readonly contributing: readonly string[];
    readonly joint: boolean;
    /** The verdict: can it be issued now? */
    readonly issuable: boolean;
    /** Why not: the Annex I elements missing (`5 date of issuing`) and the errors. */
    readonly missing: readonly string[];
    readonly errors: number;
    readonly annex1: { readonly stated: number; readonly total: number };
    readonly qa: { readonly addressed: number; readonly total: number; readonly gaps: readonly string[] };
    readonly ects?: number;
    readonly hours?: number;
    readonly level: CatalogueLevel;
    /** Language codes of instruction. */
    readonly languages: readonly string[];
    readonly modules: readonly CatalogueModule[];
    readonly cohorts: readonly CatalogueCohort[];
    readonly learners: number;
    readonly review?: CatalogueReview;
    /** Names of the credentials it stacks into (`stackable into` and the pathways that include it). */
    readonly stacksInto: readonly string[];
    readonly standalone: boolean;
    readonly recognition?: string;
}

export interface CatalogueModule {
    readonly name: string;
    readonly title: string;
    readonly ects?: number;
    readonly hours?: number;
    readonly providedBy: readonly string[];
}

export interface CatalogueCohort {
    readonly name: string;
    readonly issued?: string;
    readonly learners: number;
    readonly line: number;
}

export interface CatalogueReview {
    /** `every 2 years`. */
    readonly cycle: string;
    /** The date of the last cohort (issued, or end of its period), if any cohort has one. */
    readonly lastCohort?: string;
    /** The last cohort's date plus the cycle. */
    readonly nextDue?: string;
    /** True when `nextDue` is on or before `today`. */
    readonly due: boolean;
}

export interface CataloguePathway extends CatalogueSource {
    readonly name: string;
    readonly title: string;
    readonly awardedBy: readonly string[];
    readonly joint: boolean;
    readonly parts: readonly CataloguePathwayPart[];
    readonly statedEcts?: number;
    /** Sum of the parts' ECTS, when every part has ECTS. */
    readonly sumEcts?: number;
    /** Parts without ECTS (unresolved, hours only, or not stated). */
    readonly partsWithoutEcts: readonly string[];
    /** False when the pathway states ECTS that differ from the sum of its parts. */
    readonly ectsMatch?: boolean;
    readonly level: CatalogueLevel;
    /** Parts whose level is above the pathway's. */
    readonly partsAboveLevel: readonly string[];
    /** Every part resolves and every micro-credential part is issuable (pathway parts: all their parts). */
    readonly allPartsIssuable: boolean;
    readonly recognition?: string;
}

export interface CataloguePathwayPart {
    readonly name: string;
    readonly kind: 'microcredential' | 'pathway' | 'unresolved';
    readonly ects?: number;
    readonly issuable?: boolean;
}

/** Micro-credential → pathway → pathway. */
export interface StackingGraph {
    readonly nodes: readonly StackNode[];
    /** One edge per stacking relation: a part and the credential it stacks into. */
    readonly edges: readonly StackEdge[];
}

export interface StackNode extends CatalogueSource {
    readonly id: string;
    readonly kind: 'microcredential' | 'pathway';
    readonly title: string;
    readonly issuable: boolean;
    /** QA gaps (micro-credential) or problems of the pathway (ECTS, level, parts not issuable). */
    readonly gaps: number;
    readonly joint: boolean;
    readonly ects?: number;
    /** First awarding body: the cluster of a large graph. */
    readonly provider?: string;
}

export interface StackEdge {
    /** The part. */
    readonly from: string;
    /** The credential it stacks into. */
    readonly to: string;
    /** Which statements make the relation: `includes` in the target, `stackable into` in the part. */
    readonly includes: boolean;
    readonly stackableInto: boolean;
    /** Set when the two statements disagree (one without the other, where both can be written). */
    readonly mismatch?: 'not-included' | 'not-declared';
    /** ECTS the part brings. */
    readonly ects?: number;
}

export interface JointAward {
    readonly credential: string;
    readonly kind: 'microcredential' | 'pathway';
    readonly providers: readonly string[];
}

export interface CatalogueProvider {
    readonly name: string;
    readonly legalName: string;
    readonly country?: string;
    /** Names of the credentials it awards. */
    readonly awards: readonly string[];
    /** Names of the credentials it contributes to. */
    readonly contributes: readonly string[];
}
