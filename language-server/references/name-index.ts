import { DocumentState, MultiMap, WorkspaceCache, type AstNodeDescription, type IndexManager } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { Cohort, MicroCredential, Pathway, Provider } from '../generated/ast.js';

/**
 * The top-level names of the workspace, by name: providers, micro-credentials and pathways share
 * one namespace (they are referenced by name and become identifiers on export); cohorts are
 * listed apart (a cohort name only has to be unique among the cohorts of one credential).
 *
 * Built once per workspace state from the index manager's exported descriptions (the same data
 * Langium links against) and then answered by hash lookups, so that checking a name costs O(1)
 * and a keystroke never rescans the workspace's documents.
 */
export class NameIndex {
    private readonly indexManager: IndexManager;
    private readonly cache: WorkspaceCache<'index', { declarations: MultiMap<string, AstNodeDescription>; cohorts: MultiMap<string, AstNodeDescription> }>;

    constructor(shared: LangiumSharedServices) {
        this.indexManager = shared.workspace.IndexManager;
        this.cache = new WorkspaceCache(shared, DocumentState.IndexedContent);
    }

    /** Every provider, micro-credential and pathway of the workspace called `name`. */
    declarations(name: string): readonly AstNodeDescription[] {
        return this.index().declarations.get(name);
    }

    /** Every cohort of the workspace called `name`. */
    cohorts(name: string): readonly AstNodeDescription[] {
        return this.index().cohorts.get(name);
    }

    private index() {
        return this.cache.get('index', () => {
            const declarations = new MultiMap<string, AstNodeDescription>();
            const cohorts = new MultiMap<string, AstNodeDescription>();
            for (const description of this.indexManager.allElements()) {
                if (description.type === Cohort.$type) {
                    cohorts.add(description.name, description);
                } else if (TOP_LEVEL_TYPES.has(description.type)) {
                    declarations.add(description.name, description);
                }
            }
            return { declarations, cohorts };
        });
    }
}

const TOP_LEVEL_TYPES = new Set<string>([Provider.$type, MicroCredential.$type, Pathway.$type]);
