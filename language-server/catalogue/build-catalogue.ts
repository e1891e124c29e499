import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument, type URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isMicroCredential, isPathway, type Credential, type MicroCredential, type Model, type Pathway, type Provider } from '../generated/ast.js';
import type { CredentialContext } from '../model/annex1-elements.js';
import { credentialContexts } from '../model/credential-contexts.js';
import { providerModel } from '../model/credential-model.js';
import { readiness } from '../model/readiness.js';
import { credentialEcts, pathwayEcts } from '../model/workload.js';
import { QF_EHEA_CYCLES } from '../vocab/index.js';
import type {
    Catalogue, CatalogueCredential, CatalogueLevel, CataloguePathway, CatalogueProvider, CatalogueSource, JointAward, StackEdge, StackNode
} from './catalogue-model.js';
import { reviewDue, todayUtc } from './review.js';
import { eqfLevelOf, partsAboveLevel } from './stacking.js';
import { issuableOf } from './verdict.js';

export interface CatalogueInput {
    /** Every document of the workspace, linked and validated (their diagnostics count against the verdicts). */
    readonly documents: ReadonlyArray<LangiumDocument<Model>>;
    /** How a file is shown; defaults to its name. */
    readonly fileLabel?: (uri: URI) => string;
    /** The date review cycles are judged against; defaults to today (UTC). */
    readonly today?: string;
    readonly title?: string;
}

/**
 * Builds the catalogue of a workspace. Pure: reads the AST and the diagnostics already computed;
 * the CLI, the language server and the tests call it alike.
 */
export function buildCatalogue(input: CatalogueInput): Catalogue {
    const fileLabel = input.fileLabel ?? ((uri: URI) => uri.path.split('/').pop() ?? uri.toString());
    const today = input.today ?? todayUtc();
    const models = input.documents.map(d => d.parseResult.value);
    const errorsByUri = new Map(input.documents.map(d => [d.uri.toString(), (d.diagnostics ?? []).filter(x => x.severity === 1)]));
    const source = (node: AstNode): CatalogueSource => {
        const uri = AstUtils.getDocument(node).uri;
        const range = (GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode)?.range;
        return { file: fileLabel(uri), uri: uri.toString(), line: (range?.start.line ?? 0) + 1 };
    };
    const errorsIn = (node: AstNode): number => {
        const range = node.$cstNode?.range;
        const errors = errorsByUri.get(AstUtils.getDocument(node).uri.toString()) ?? [];
        return range ? errors.filter(e => within(e, range.start.line, range.end.line)).length : 0;
    };

    const contexts = credentialContexts(models);
    const pathways = models.flatMap(m => m.elements.filter(isPathway));
    const includedIn = new Map<Credential, Pathway[]>();
    for (const pathway of pathways) {
        for (const part of pathway.includes.map(r => r.ref)) {
            if (part) includedIn.set(part, [...(includedIn.get(part) ?? []), pathway]);
        }
    }

    const credentials = contexts.map(context => credentialEntry(context, { source, errorsIn, today, includedIn }));
    const issuable = new Map(credentials.map((c, i) => [contexts[i].credential as Credential, c.issuable]));
    const pathwayEntries = pathways.map(pathway => pathwayEntry(pathway, source, issuable));
    const graph = stackingGraph(contexts.map(c => c.credential), credentials, pathways, pathwayEntries);

    const jointAwards: JointAward[] = [
        ...credentials.filter(c => c.joint).map(c => ({ credential: c.name, kind: 'microcredential' as const, providers: c.awardedBy })),
        ...pathwayEntries.filter(p => p.joint).map(p => ({ credential: p.name, kind: 'pathway' as const, providers: p.awardedBy }))
    ];
    const providers = providerEntries(models, contexts.map(c => c.credential), pathways);
    const summary = {
        files: input.documents.length,
        programmes: credentials.length,
        pathways: pathwayEntries.length,
        issuable: credentials.filter(c => c.issuable).length,
        ectsOffered: round(credentials.reduce((n, c) => n + (c.ects ?? 0), 0)),
        providers: providers.filter(p => p.awards.length + p.contributes.length > 0).length,
        cohorts: credentials.reduce((n, c) => n + c.cohorts.length, 0),
        learners: credentials.reduce((n, c) => n + c.learners, 0),
        reviewsDue: credentials.filter(c => c.review?.due).length,
        stackMismatches: graph.edges.filter(e => e.mismatch).length
    };
    return {
        format: 'mcred-catalogue',
        version: 1,
        title: input.title ?? `Catalogue — ${summary.programmes} ${summary.programmes === 1 ? 'programme' : 'programmes'}, ${summary.pathways} ${summary.pathways === 1 ? 'pathway' : 'pathways'}`,
        today,
        summary,
        credentials,
        pathways: pathwayEntries,
        graph,
        jointAwards,
        providers
    };
}

interface Helpers {
    readonly source: (node: AstNode) => CatalogueSource;
    readonly errorsIn: (node: AstNode) => number;
    readonly today: string;
    readonly includedIn: ReadonlyMap<Credential, readonly Pathway[]>;
}

function credentialEntry(context: CredentialContext, helpers: Helpers): CatalogueCredential {
    const { credential, cohorts } = context;
    const state = readiness(context);
    const verdict = issuableOf(state);
    const awardedBy = legalNames(credential.awardedBy.map(r => r.ref));
    const contributing = unique([
        ...legalNames(credential.deliveredWith.map(r => r.ref)),
        ...credential.modules.flatMap(m => legalNames(m.providedBy.map(r => r.ref)))
    ]).filter(name => !awardedBy.includes(name));
    const review = reviewDue(credential.qualityAssurance, cohorts, helpers.today);
    const stacksInto = unique([
        ...credential.stackableInto.map(r => r.ref?.name).filter(isDefined),
        ...(helpers.includedIn.get(credential) ?? []).map(p => p.name)
    ]);
    return {
        name: credential.name,
        title: text(credential.title) ?? credential.name,
        ...helpers.source(credential),
        awardedBy,
        contributing,
        joint: awardedBy.length > 1,
        issuable: verdict.issuable,
        missing: verdict.missing,
        errors: [credential, ...cohorts].reduce((n, node) => n + helpers.errorsIn(node), 0),
        annex1: { stated: state.annex1Present, total: state.annex1Total },
        qa: { addressed: state.qaAddressed, total: state.qaTotal, gaps: state.qa.filter(q => q.status === 'gap').map(q => q.check.code) },
        ...optional('ects', credential.ects),
        ...optional('hours', credential.hours),
        level: levelOf(credential),
        languages: unique(credential.languages),
        modules: credential.modules.map(m => ({
            name: m.name,
            title: text(m.title) ?? m.name,
            ...optional('ects', m.ects),
            ...optional('hours', m.hours),
            providedBy: legalNames(m.providedBy.map(r => r.ref))
        })),
        cohorts: cohorts.map(cohort => ({
            name: cohort.name,
            ...optional('issued', cohort.issued),
            learners: cohort.learners.length,
            line: helpers.source(cohort).line
        })),
        learners: cohorts.reduce((n, c) => n + c.learners.length, 0),
        ...optional('review', review && {
            cycle: review.cycle,
            ...optional('lastCohort', review.lastCohort),
            ...optional('nextDue', review.nextDue),
            due: review.due
        }),
        stacksInto,
        standalone: credential.standalone,
        ...optional('recognition', text(credential.recognition))
    };
}

function pathwayEntry(pathway: Pathway, source: (node: AstNode) => CatalogueSource, issuable: ReadonlyMap<Credential, boolean>): CataloguePathway {
    const sum = pathwayEcts(pathway);
    const awardedBy = legalNames(pathway.awardedBy.map(r => r.ref));
    const above = partsAboveLevel(pathway).map(p => p.part.name);
    const sumKnown = sum.withoutEcts.length === 0 && !sum.cyclic && sum.counted > 0;
    return {
        name: pathway.name,
        title: text(pathway.title) ?? pathway.name,
        ...source(pathway),
        awardedBy,
        joint: awardedBy.length > 1,
        parts: pathway.includes.map(reference => {
            const part = reference.ref;
            if (!part) return { name: reference.$refText, kind: 'unresolved' as const };
            return {
                name: part.name,
                kind: isPathway(part) ? 'pathway' as const : 'microcredential' as const,
                ...optional('ects', credentialEcts(part)),
                issuable: allIssuable(part, issuable, new Set())
            };
        }),
        ...optional('statedEcts', pathway.ects),
        ...optional('sumEcts', sumKnown ? sum.total : undefined),
        partsWithoutEcts: sum.withoutEcts,
        ...(pathway.ects !== undefined && sumKnown ? { ectsMatch: Math.abs(pathway.ects - sum.total) < 1e-9 } : {}),
        level: levelOf(pathway),
        partsAboveLevel: above,
        allPartsIssuable: pathway.includes.length > 0 && allIssuable(pathway, issuable, new Set()),
        ...optional('recognition', text(pathway.recognition))
    };
}

/** A micro-credential is issuable; a pathway when every part (recursively) resolves and is. */
function allIssuable(credential: Credential, issuable: ReadonlyMap<Credential, boolean>, seen: Set<Pathway>): boolean {
    if (isMicroCredential(credential)) return issuable.get(credential) ?? false;
    if (seen.has(credential)) return false;
    seen.add(credential);
    return credential.includes.every(r => r.ref !== undefined && allIssuable(r.ref, issuable, seen));
}

function stackingGraph(
    micro: readonly MicroCredential[], credentials: readonly CatalogueCredential[], pathways: readonly Pathway[], pathwayEntries: readonly CataloguePathway[]
) {
    const nodes: StackNode[] = [
        ...credentials.map(c => ({
            id: c.name, kind: 'microcredential' as const, title: c.title, file: c.file, uri: c.uri, line: c.line,
            issuable: c.issuable, gaps: c.qa.gaps.length + c.errors, joint: c.joint, ...optional('ects', c.ects), ...optional('provider', c.awardedBy[0])
        })),
        ...pathwayEntries.map(p => ({
            id: p.name, kind: 'pathway' as const, title: p.title, file: p.file, uri: p.uri, line: p.line,
            issuable: p.allPartsIssuable,
            gaps: (p.ectsMatch === false ? 1 : 0) + p.partsAboveLevel.length + p.parts.filter(x => !x.issuable).length,
            joint: p.joint, ...optional('ects', p.statedEcts ?? p.sumEcts), ...optional('provider', p.awardedBy[0])
        }))
    ];
    const edges = new Map<string, { from: Credential; to: Credential; includes: boolean; stackableInto: boolean }>();
    const relate = (from: Credential, to: Credential, kind: 'includes' | 'stackableInto') => {
        const key = `${from.name}\u0000${to.name}`;
        const edge = edges.get(key) ?? { from, to, includes: false, stackableInto: false };
        edge[kind] = true;
        edges.set(key, edge);
    };
    for (const pathway of pathways) {
        for (const part of pathway.includes.map(r => r.ref)) if (part) relate(part, pathway, 'includes');
    }
    for (const credential of micro) {
        for (const target of credential.stackableInto.map(r => r.ref)) if (target) relate(credential, target, 'stackableInto');
    }
    const known = new Set(nodes.map(n => n.id));
    const list: StackEdge[] = [...edges.values()].filter(e => known.has(e.from.name) && known.has(e.to.name)).map(e => {
        // Both statements can be written only between a micro-credential and a pathway.
        const both = isMicroCredential(e.from) && isPathway(e.to);
        const mismatch = !both ? undefined : !e.includes ? 'not-included' as const : !e.stackableInto ? 'not-declared' as const : undefined;
        return {
            from: e.from.name, to: e.to.name, includes: e.includes, stackableInto: e.stackableInto,
            ...optional('mismatch', mismatch), ...optional('ects', credentialEcts(e.from))
        };
    });
    return { nodes, edges: list };
}

function providerEntries(models: readonly Model[], micro: readonly MicroCredential[], pathways: readonly Pathway[]): CatalogueProvider[] {
    const providers = unique(models.flatMap(m => m.elements.filter((e): e is Provider => e.$type === 'Provider')));
    const awards = new Map<Provider, string[]>();
    const contributes = new Map<Provider, string[]>();
    const add = (map: Map<Provider, string[]>, provider: Provider | undefined, name: string) => {
        if (!provider) return;
        const list = map.get(provider) ?? [];
        if (!list.includes(name)) list.push(name);
        map.set(provider, list);
    };
    for (const credential of [...micro, ...pathways]) {
        for (const r of credential.awardedBy) add(awards, r.ref, credential.name);
    }
    for (const credential of micro) {
        const awarding = new Set(credential.awardedBy.map(r => r.ref));
        for (const r of [...credential.deliveredWith, ...credential.modules.flatMap(m => m.providedBy)]) {
            if (!awarding.has(r.ref)) add(contributes, r.ref, credential.name);
        }
    }
    return providers.map(provider => {
        const model = providerModel(provider);
        return {
            name: provider.name,
            legalName: model.legalName,
            ...optional('country', model.country?.code),
            awards: awards.get(provider) ?? [],
            contributes: contributes.get(provider) ?? []
        };
    });
}

function levelOf(credential: Credential): CatalogueLevel {
    const eqf = credential.levels.find(l => l.eqf !== undefined)?.eqf;
    const cycle = credential.levels.find(l => l.cycle !== undefined)?.cycle;
    const none = credential.levels.find(l => l.notApplicable);
    const parts = [
        eqf !== undefined ? `EQF ${eqf}` : undefined,
        cycle ? `QF-EHEA ${QF_EHEA_CYCLES.get(cycle)?.label.toLowerCase() ?? cycle}` : undefined,
        none ? `none${text(none.reason) ? `: ${text(none.reason)}` : ''}` : undefined
    ].filter(isDefined);
    const effective = eqfLevelOf(credential);
    return {
        ...optional('eqf', eqf ?? (cycle ? effective : undefined)),
        ...optional('qfEhea', cycle),
        ...optional('text', parts.length > 0 ? parts.join(' · ') : undefined)
    };
}

function within(diagnostic: Diagnostic, start: number, end: number): boolean {
    const line = diagnostic.range.start.line;
    return line >= start && line <= end;
}

function legalNames(providers: ReadonlyArray<Provider | undefined>): string[] {
    return unique(providers.filter(isDefined).map(p => providerModel(p).legalName));
}

function text(value: string | undefined): string | undefined {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
}

function unique<T>(values: readonly T[]): T[] {
    return [...new Set(values)];
}

function isDefined<T>(value: T | undefined | null): value is T {
    return value !== undefined && value !== null;
}

function round(value: number): number {
    return Math.round(value * 100) / 100;
}

function optional<K extends string, V>(key: K, value: V | undefined | null | false | ''): { [P in K]?: V } {
    return (value === undefined || value === null || value === false || value === '' ? {} : { [key]: value }) as { [P in K]?: V };
}
