import {
    DocumentState, MultiMap, WorkspaceCache, type AstNodeDescription, type DocumentBuilder, type IndexManager, type LangiumDocuments, type URI
} from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { Cohort, MicroCredential, Pathway, Provider } from '../generated/ast.js';

interface Names {
    readonly declarations: MultiMap<string, AstNodeDescription>;
    readonly cohorts: MultiMap<string, AstNodeDescription>;
    /** The top-level names each file declares, by URI. */
    readonly byFile: MultiMap<string, string>;
}

/** `provider X`, `microcredential X`, `pathway X` at the start of a line: the names a text declares. */
const DECLARATION = /^[ \t]*(?:provider|microcredential|pathway)[ \t]+([_a-zA-Z][\w-]*)/gm;

/**
 * The top-level names of the workspace, by name: providers, micro-credentials and pathways share
 * one namespace (they are referenced by name and become identifiers on export); cohorts are
 * listed apart (a cohort name only has to be unique among the cohorts of one credential).
 *
 * Built once per workspace state from the index manager's exported descriptions (the same data
 * Langium links against) and then answered by hash lookups, so that checking a name costs O(1)
 * and a keystroke never rescans the workspace's documents.
 *
 * A duplicate involves two files, but Langium only re-validates the file that changed and the
 * files that reference it. So when a file changes, the other files that declare one of its names
 * (before or after the change) are validated again too: a duplicate appears, and disappears, in
 * both files at once.
 */
export class NameIndex {
    private readonly indexManager: IndexManager;
    private readonly documents: LangiumDocuments;
    private readonly builder: DocumentBuilder;
    private readonly texts: LangiumSharedServices['workspace']['TextDocuments'];
    private readonly cache: WorkspaceCache<'index', Names>;
    /** The last index built, kept across workspace changes to find the files that shared a name. */
    private last: Names | undefined;

    constructor(shared: LangiumSharedServices) {
        this.indexManager = shared.workspace.IndexManager;
        this.documents = shared.workspace.LangiumDocuments;
        this.builder = shared.workspace.DocumentBuilder;
        this.texts = shared.workspace.TextDocuments;
        this.cache = new WorkspaceCache(shared, DocumentState.IndexedContent);
        this.builder.onUpdate((changed, deleted) => this.revalidateNameSharers([...changed, ...deleted]));
    }

    /** Every provider, micro-credential and pathway of the workspace called `name`. */
    declarations(name: string): readonly AstNodeDescription[] {
        return this.index().declarations.get(name);
    }

    /** Every cohort of the workspace called `name`. */
    cohorts(name: string): readonly AstNodeDescription[] {
        return this.index().cohorts.get(name);
    }

    private index(): Names {
        return this.cache.get('index', () => {
            const declarations = new MultiMap<string, AstNodeDescription>();
            const cohorts = new MultiMap<string, AstNodeDescription>();
            const byFile = new MultiMap<string, string>();
            for (const description of this.indexManager.allElements()) {
                if (description.type === Cohort.$type) {
                    cohorts.add(description.name, description);
                } else if (TOP_LEVEL_TYPES.has(description.type)) {
                    declarations.add(description.name, description);
                    byFile.add(description.documentUri.toString(), description.name);
                }
            }
            return this.last = { declarations, cohorts, byFile };
        });
    }

    /**
     * Resets the validated files that declared a name the changed files declared before the
     * change (from the last index) or declare now (from their text), so that this update
     * validates them again. Cost: a scan of the changed texts and a lookup per name.
     */
    private revalidateNameSharers(uris: readonly URI[]): void {
        if (!this.last || uris.length === 0) return;
        const changed = new Set(uris.map(uri => uri.toString()));
        const names = new Set<string>();
        for (const uri of uris) {
            this.last.byFile.get(uri.toString()).forEach(name => names.add(name));
            // The editor's text is the new one; the document's is still the old one until it is parsed again.
            const text = (this.texts?.get(uri.toString()) ?? this.documents.getDocument(uri)?.textDocument)?.getText() ?? '';
            for (const match of text.matchAll(DECLARATION)) names.add(match[1]);
        }
        for (const name of names) {
            for (const description of this.last.declarations.get(name)) {
                const document = changed.has(description.documentUri.toString()) ? undefined : this.documents.getDocument(description.documentUri);
                if (document && document.state === DocumentState.Validated) {
                    this.builder.resetToState(document, DocumentState.IndexedReferences);
                }
            }
        }
    }
}

const TOP_LEVEL_TYPES = new Set<string>([Provider.$type, MicroCredential.$type, Pathway.$type]);
