import elkBundled from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { StackEdge, StackingGraph, StackNode } from './catalogue-model.js';

/**
 * The stacking graph laid out by the Eclipse Layout Kernel (elkjs, layered algorithm: parts on
 * the left, what they stack into on the right). Above `CLUSTER_ABOVE` nodes the graph is drawn
 * clustered by awarding provider (see `clusterBoxes`), one edge per pair of providers, labelled
 * with the number of relations. Pure apart from elkjs (in process, no worker).
 */
export const CLUSTER_ABOVE = 200;

export interface LaidOutNode {
    readonly id: string;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    /** Lines of text drawn in the box (the first is the title). */
    readonly lines: readonly string[];
    /** The credential, or undefined for a cluster. */
    readonly node?: StackNode;
    readonly cluster?: { readonly provider: string; readonly members: number; readonly issuable: number; readonly pathways: number };
}

export interface LaidOutEdge {
    readonly id: string;
    /** SVG path data. */
    readonly path: string;
    readonly label?: { readonly text: string; readonly x: number; readonly y: number; readonly width: number };
    /** The relation, or undefined for an edge between clusters. */
    readonly edge?: StackEdge;
    readonly relations?: number;
}

export interface LaidOutGraph {
    readonly width: number;
    readonly height: number;
    readonly nodes: readonly LaidOutNode[];
    readonly edges: readonly LaidOutEdge[];
    /** True when drawn by provider clusters. */
    readonly clustered: boolean;
}

const CHAR_WIDTH = 7.3;
const LINE_HEIGHT = 15;
const PADDING = 8;
const MAX_CHARS = 34;

const LAYOUT_OPTIONS = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': 'POLYLINE',
    'elk.layered.spacing.nodeNodeBetweenLayers': '60',
    'elk.spacing.nodeNode': '18',
    'elk.spacing.edgeLabel': '2',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.crossingMinimization.thoroughness': '3',
    'elk.separateConnectedComponents': 'true',
    'elk.padding': '[top=10,left=10,bottom=10,right=10]'
};

// elk.bundled.js is CommonJS whose export is the constructor, with itself as `default` too.
const ElkConstructor = elkBundled.default;

let elk: ELK | undefined;

/**
 * The last layouts, by their input: an edit that changes no node size, edge or label (most edits
 * of a programme's text) re-renders the catalogue without laying the graph out again.
 */
const recent = new Map<string, Promise<ElkNode>>();
const RECENT_LAYOUTS = 4;

function layout(root: ElkNode): Promise<ElkNode> {
    const key = JSON.stringify(root);
    const known = recent.get(key);
    if (known) {
        recent.delete(key);
        recent.set(key, known);
        return known;
    }
    elk ??= new ElkConstructor();
    const computed = elk.layout(root);
    recent.set(key, computed);
    computed.catch(() => recent.delete(key));
    while (recent.size > RECENT_LAYOUTS) recent.delete(recent.keys().next().value!);
    return computed;
}

export async function layoutGraph(graph: StackingGraph): Promise<LaidOutGraph> {
    const clustered = graph.nodes.length > CLUSTER_ABOVE;
    const boxes = clustered ? clusterBoxes(graph) : graph.nodes.map(node => box(node.id, nodeLines(node), { node }));
    const links: Link[] = clustered ? clusterLinks(graph) : graph.edges.map((edge, i) => ({
        id: `e${i}`, from: edge.from, to: edge.to, label: edge.ects !== undefined ? `${edge.ects} ECTS` : undefined, edge
    }));
    const root: ElkNode = {
        id: 'root',
        layoutOptions: LAYOUT_OPTIONS,
        children: boxes.map(b => ({ id: b.id, width: b.width, height: b.height })),
        edges: links.map((link): ElkExtendedEdge => ({
            id: link.id,
            sources: [link.from],
            targets: [link.to],
            ...(link.label ? { labels: [{ text: link.label, width: link.label.length * CHAR_WIDTH * 0.9 + 4, height: 13 }] } : {})
        }))
    };
    const result = await layout(root);
    const placed = new Map((result.children ?? []).map(c => [c.id, c]));
    const nodes: LaidOutNode[] = boxes.map(b => {
        const p = placed.get(b.id);
        return { ...b, x: p?.x ?? 0, y: p?.y ?? 0 };
    });
    const byId = new Map(links.map(l => [l.id, l]));
    const edges: LaidOutEdge[] = (result.edges ?? []).map(e => {
        const link = byId.get(e.id)!;
        const section = e.sections?.[0];
        const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
        const label = e.labels?.[0];
        const mid = middle(points);
        return {
            id: e.id,
            path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${fixed(p.x)},${fixed(p.y)}`).join(' '),
            ...(link.label && label ? { label: { text: link.label, x: fixed(label.x ?? 0), y: fixed(label.y ?? 0), width: fixed(label.width ?? 0) } } : {}),
            ...(link.midLabel ? { label: { text: link.midLabel, x: fixed(mid.x + 3), y: fixed(mid.y - 12), width: link.midLabel.length * CHAR_WIDTH } } : {}),
            ...(link.edge ? { edge: link.edge } : {}),
            ...(link.relations !== undefined ? { relations: link.relations } : {})
        };
    });
    return { width: fixed(result.width ?? 0), height: fixed(result.height ?? 0), nodes, edges, clustered };
}

interface Box {
    readonly id: string;
    readonly width: number;
    readonly height: number;
    readonly lines: readonly string[];
    readonly node?: StackNode;
    readonly cluster?: LaidOutNode['cluster'];
}

function box(id: string, lines: readonly string[], extra: Pick<Box, 'node' | 'cluster'>): Box {
    const longest = Math.max(...lines.map(l => l.length));
    return { id, lines, width: Math.ceil(longest * CHAR_WIDTH + 2 * PADDING), height: lines.length * LINE_HEIGHT + PADDING, ...extra };
}

function nodeLines(node: StackNode): string[] {
    const facts = [
        node.kind === 'pathway' ? 'pathway' : undefined,
        node.ects !== undefined ? `${node.ects} ECTS` : undefined,
        node.joint ? 'joint' : undefined,
        node.issuable ? 'issuable' : node.kind === 'pathway' ? 'parts not all issuable' : 'not issuable'
    ].filter((f): f is string => f !== undefined);
    return [shorten(node.title), shorten(facts.join(' · '))];
}

/**
 * Above CLUSTER_ABOVE nodes: per awarding provider, a box on the left for its credentials (as
 * parts) and, when something stacks into its credentials, a box on the right for them (as
 * targets). The clustered graph is then bipartite, which elkjs lays out quickly.
 */
function clusterBoxes(graph: StackingGraph): Box[] {
    const groups = new Map<string, StackNode[]>();
    for (const node of graph.nodes) {
        const key = providerOf(node);
        groups.set(key, [...(groups.get(key) ?? []), node]);
    }
    const targets = new Map<string, Set<string>>();
    const byId = new Map(graph.nodes.map(n => [n.id, n]));
    for (const edge of graph.edges) {
        const target = byId.get(edge.to);
        if (target) targets.set(providerOf(target), (targets.get(providerOf(target)) ?? new Set()).add(target.id));
    }
    const boxes: Box[] = [];
    [...groups.keys()].forEach((provider, i) => {
        const members = groups.get(provider)!;
        const pathways = members.filter(m => m.kind === 'pathway').length;
        const issuable = members.filter(m => m.kind === 'microcredential' && m.issuable).length;
        const programmes = members.length - pathways;
        boxes.push(box(`s${i}`, [shorten(provider), `${programmes} programmes · ${pathways} pathways`, `${issuable} issuable`],
            { cluster: { provider, members: members.length, issuable, pathways } }));
        const into = targets.get(provider);
        if (into) {
            boxes.push(box(`t${i}`, [shorten(provider), `${into.size} ${into.size === 1 ? 'credential' : 'credentials'} stacked into`],
                { cluster: { provider, members: into.size, issuable: 0, pathways: 0 } }));
        }
    });
    return boxes;
}

interface Link {
    readonly id: string;
    readonly from: string;
    readonly to: string;
    /** Placed by elkjs. */
    readonly label?: string;
    /** Drawn at the middle of the edge (clusters: elkjs label placement is costly on dense graphs). */
    readonly midLabel?: string;
    readonly edge?: StackEdge;
    readonly relations?: number;
}

function clusterLinks(graph: StackingGraph): Link[] {
    const providers = [...new Set(graph.nodes.map(providerOf))];
    const providerIndex = new Map(graph.nodes.map(n => [n.id, providers.indexOf(providerOf(n))]));
    const counts = new Map<string, number>();
    for (const edge of graph.edges) {
        const from = providerIndex.get(edge.from);
        const to = providerIndex.get(edge.to);
        if (from === undefined || to === undefined) continue;
        const key = `s${from}>t${to}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].map(([key, n], i) => {
        const [from, to] = key.split('>');
        return { id: `e${i}`, from, to, midLabel: String(n), relations: n };
    });
}

function providerOf(node: StackNode): string {
    return node.provider ?? '(no awarding body)';
}

/** The middle of a polyline, where a label sits. */
function middle(points: ReadonlyArray<{ x: number; y: number }>): { x: number; y: number } {
    if (points.length === 0) return { x: 0, y: 0 };
    const a = points[Math.floor((points.length - 1) / 2)];
    const b = points[Math.min(points.length - 1, Math.floor((points.length - 1) / 2) + 1)];
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

function shorten(text: string): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > MAX_CHARS ? `${flat.slice(0, MAX_CHARS - 1)}…` : flat;
}

function fixed(n: number): number {
    return Math.round(n * 10) / 10;
}
