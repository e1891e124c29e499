import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { MAX_ROSTER_BYTES, rosterLocationProblem, rosterRoots, rosterUri } from '../export/roster-location.js';
import { decodeRoster } from '../export/roster.js';

/**
 * Where a cohort's roster may be read from, and reading it. This base class judges the path
 * alone and reads through Langium's file system provider (a browser, tests without a disk); the
 * Node server and the CLI use `NodeRosterFiles`, which also checks what the file is (a regular
 * file, at most 50 MB, inside the folders once links are resolved). The `roster-path` check and
 * the editor's export both ask this service, so they agree.
 */
export class RosterFiles {
    constructor(protected readonly shared: LangiumSharedServices, protected readonly extraRoots: readonly URI[] = []) {}

    /** The workspace folders (the editor's) and any folder the CLI was given. */
    workspaceFolders(): URI[] {
        const folders = this.shared.workspace.WorkspaceManager.workspaceFolders ?? [];
        return [...folders.map(f => URI.parse(f.uri)), ...this.extraRoots];
    }

    /** Why the roster of a cohort in `document` may not be read; undefined when it may. */
    problem(document: URI, roster: string): string | undefined {
        const location = rosterLocationProblem(document, roster, this.workspaceFolders());
        if (location) return location;
        const reason = this.fileProblem(rosterUri(document, roster), rosterRoots(document, this.workspaceFolders()));
        return reason ? `the roster '${roster.trim()}' cannot be read: ${reason}` : undefined;
    }

    /** What is wrong with the file itself (`no such file`, `a FIFO …`); the base class cannot tell without a disk. */
    protected fileProblem(_uri: URI, _roots: readonly URI[]): string | undefined {
        return undefined;
    }

    /**
     * The text of a roster at `uri`, which the export has found inside `roots`; rejects with a
     * message that never quotes the file (the file is refused before it is read when it is not a
     * regular file under the size limit inside the roots).
     */
    async readText(uri: URI, roots: readonly URI[], encoding?: string): Promise<string> {
        return decodeRoster(await this.readBytes(uri, roots), encoding);
    }

    protected async readBytes(uri: URI, _roots: readonly URI[]): Promise<Uint8Array> {
        const bytes = await this.shared.workspace.FileSystemProvider.readBinary(uri);
        if (bytes.length > MAX_ROSTER_BYTES) throw new Error(`the roster is larger than ${MAX_ROSTER_BYTES / 2 ** 20} MB`);
        return bytes;
    }
}
