import { DefaultIndexManager, type LangiumDocument, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * Langium's index, plus three reverse maps kept up to date as documents are indexed, so that a
 * change finds the documents it affects by lookup instead of scanning every document of the
 * workspace (which made opening N files cost O(N²)):
 * - which documents hold a resolved reference into a document;
 * - which documents hold an unresolved reference by a name (it may resolve once the name is declared);
 * - which documents declare (export) a name (duplicates across files are checked by name).
 */
export class McredIndexManager extends DefaultIndexManager {
    /** Target document URI → URIs of the documents with a resolved reference into it. */
    protected readonly referrers = new Map<string, Set<string>>();
    /** Name → URIs of the documents with an unresolved reference by that name. */
    protected readonly unresolvedByName = new Map<string, Set<string>>();
    protected readonly unresolvedOf = new Map<string, readonly string[]>();
    /** Exported name → URIs of the documents that declare it. */
    protected readonly declarers = new Map<string, Set<string>>();

    override async updateContent(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        const uri = document.uri.toString();
        this.forgetDeclarations(uri);
        await super.updateContent(document, cancelToken);
        for (const description of this.symbolIndex.get(uri) ?? []) {
            addTo(this.declarers, description.name, uri);
        }
    }

    override removeContent(uri: URI): void {
        this.forgetDeclarations(uri.toString());
        super.removeContent(uri);
    }

    override async updateReferences(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        const uri = document.uri.toString();
        this.forgetReferences(uri);
        await super.updateReferences(document, cancelToken);
        for (const reference of this.referenceIndex.get(uri) ?? []) {
            if (!reference.local) {
                addTo(this.referrers, reference.targetUri.toString(), uri);
            }
        }
        const unresolved = document.references.filter(reference => reference.error !== undefined).map(reference => reference.$refText);
        if (unresolved.length > 0) {
            this.unresolvedOf.set(uri, unresolved);
            unresolved.forEach(name => addTo(this.unresolvedByName, name, uri));
        }
    }

    override removeReferences(uri: URI): void {
        this.forgetReferences(uri.toString());
        super.removeReferences(uri);
    }

    /** The names a document exports (its top-level declarations), as last indexed. */
    exportedNames(uri: string): string[] {
        return (this.symbolIndex.get(uri) ?? []).map(description => description.name);
    }

    /** URIs of the documents with a resolved reference into any of `uris`. */
    referringDocuments(uris: Iterable<string>): Set<string> {
        return union(this.referrers, uris);
    }

    /** URIs of the documents with an unresolved reference by any of `names`. */
    documentsWithUnresolved(names: Iterable<string>): Set<string> {
        return union(this.unresolvedByName, names);
    }

    /** URIs of the documents that declare any of `names`. */
    documentsDeclaring(names: Iterable<string>): Set<string> {
        return union(this.declarers, names);
    }

    private forgetDeclarations(uri: string): void {
        for (const description of this.symbolIndex.get(uri) ?? []) {
            removeFrom(this.declarers, description.name, uri);
        }
    }

    private forgetReferences(uri: string): void {
        for (const reference of this.referenceIndex.get(uri) ?? []) {
            if (!reference.local) {
                removeFrom(this.referrers, reference.targetUri.toString(), uri);
            }
        }
        for (const name of this.unresolvedOf.get(uri) ?? []) {
            removeFrom(this.unresolvedByName, name, uri);
        }
        this.unresolvedOf.delete(uri);
    }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
    let set = map.get(key);
    if (!set) {
        set = new Set();
        map.set(key, set);
    }
    set.add(value);
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
    const set = map.get(key);
    if (set?.delete(value) && set.size === 0) {
        map.delete(key);
    }
}

function union(map: Map<string, Set<string>>, keys: Iterable<string>): Set<string> {
    const result = new Set<string>();
    for (const key of keys) {
        map.get(key)?.forEach(value => result.add(value));
    }
    return result;
}
