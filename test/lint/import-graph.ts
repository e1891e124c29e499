import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** The relative imports of every TypeScript source under the given folders, file by file. */
export function importGraph(root: string, folders: readonly string[]): Map<string, string[]> {
    const graph = new Map<string, string[]>();
    const files = folders.flatMap(folder => sources(join(root, folder)));
    for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const targets: string[] = [];
        for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g)) {
            const target = normalize(join(dirname(file), match[1].replace(/\.js$/, '.ts')));
            targets.push(relative(root, target));
        }
        graph.set(relative(root, file), targets);
    }
    return graph;
}

function sources(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'node_modules' ? [] : sources(path);
        return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
    });
}

/** Every import circle of the graph (each reported once, from its smallest file name). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
    const found: string[][] = [];
    const seen = new Set<string>();
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    let counter = 0;
    // Tarjan's strongly connected components: a component of more than one file is a circle.
    const visit = (node: string): void => {
        index.set(node, counter);
        low.set(node, counter++);
        stack.push(node);
        onStack.add(node);
        for (const next of graph.get(node) ?? []) {
            if (!graph.has(next)) continue;
            if (!index.has(next)) {
                visit(next);
                low.set(node, Math.min(low.get(node)!, low.get(next)!));
            } else if (onStack.has(next)) {
                low.set(node, Math.min(low.get(node)!, index.get(next)!));
            }
        }
        if (low.get(node) === index.get(node)) {
            const component: string[] = [];
            let member: string;
            do {
                member = stack.pop()!;
                onStack.delete(member);
                component.push(member);
            } while (member !== node);
            if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
        }
    };
    for (const node of [...graph.keys()].sort()) {
        if (!seen.has(node) && !index.has(node)) visit(node);
        seen.add(node);
    }
    return found;
}
