import { readFileSync } from 'node:fs';
import { DefaultScopeComputation, DocumentState, EmptyFileSystem, URI } from 'langium';
import { createMcredServices, type McredServiceOverrides, type McredServiceSet } from '../language-server/mcred-module.js';

/** CPU milliseconds per build phase of one document (process CPU time, so less sensitive to a busy machine). */
export interface PhaseTimes {
    readonly parse: number;
    readonly index: number;
    readonly link: number;
    readonly validate: number;
    readonly total: number;
}

/** The builder's phases, each timed under the name of the phase it belongs to. */
export const PHASES: Array<[DocumentState, Exclude<keyof PhaseTimes, 'total'>]> = [
    [DocumentState.Parsed, 'parse'],
    [DocumentState.IndexedContent, 'index'],
    [DocumentState.ComputedScopes, 'index'],
    [DocumentState.Linked, 'link'],
    [DocumentState.IndexedReferences, 'index'],
    [DocumentState.Validated, 'validate']
];

/** The CPU time of this process so far, in ms. */
export function cpuMs(): number {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
}

/** Builds `text` as one document with validation and returns the CPU time of each phase. */
async function buildPhases(services: McredServiceSet, text: string, run: number): Promise<PhaseTimes> {
    const { shared } = services;
    const builder = shared.workspace.DocumentBuilder;
    const times: Record<keyof PhaseTimes, number> = { parse: 0, index: 0, link: 0, validate: 0, total: 0 };
    let last = 0;
    const listeners = PHASES.map(([state, phase]) => builder.onBuildPhase(state, () => {
        const now = cpuMs();
        times[phase] += now - last;
        last = now;
    }));
    const uri = URI.file(`/bench/in-process-${run}.mcred`);
    const start = cpuMs();
    const parsed = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    times.parse = cpuMs() - start;
    shared.workspace.LangiumDocuments.addDocument(parsed);
    last = cpuMs();
    await builder.build([parsed], { validation: true });
    times.total = cpuMs() - start;
    listeners.forEach(listener => listener.dispose());
    shared.workspace.LangiumDocuments.deleteDocument(uri);
    shared.workspace.IndexManager.remove(uri);
    return times;
}

/** Langium's own scope computation (root-level names also as local symbols: linear search per reference). */
export const LANGIUM_DEFAULT_SCOPES: McredServiceOverrides = {
    mcred: { references: { ScopeComputation: services => new DefaultScopeComputation(services) } }
};

export async function medianPhases(file: string, runs: number, overrides?: McredServiceOverrides): Promise<PhaseTimes> {
    const text = readFileSync(file, 'utf8');
    // One set of services, as in a running server; the first build warms up the JIT.
    const services = createMcredServices(EmptyFileSystem, overrides);
    await buildPhases(services, text, 0);
    const all: PhaseTimes[] = [];
    for (let i = 1; i <= runs; i++) all.push(await buildPhases(services, text, i));
    const median = (key: keyof PhaseTimes) => {
        const sorted = all.map(t => t[key]).sort((a, b) => a - b);
        return sorted[Math.floor(sorted.length / 2)];
    };
    return { parse: median('parse'), index: median('index'), link: median('link'), validate: median('validate'), total: median('total') };
}
