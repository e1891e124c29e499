import type { URI } from 'langium';
import { MAX_ROSTER_BYTES } from '../export/roster-location.js';
import { checkRegularFile, FileAccessError, readRegularFile } from './node-files.js';
import { RosterFiles } from './roster-files.js';

/**
 * Rosters on a Node file system (the language server and the CLI): the file must be a regular
 * file of at most 50 MB whose real path (symbolic links resolved) is inside the programme's
 * folder or a workspace folder. Devices (`/dev/zero`), FIFOs and `/proc` files are refused
 * before they are opened for reading, so that nothing hangs or fills memory.
 */
export class NodeRosterFiles extends RosterFiles {
    protected override fileProblem(uri: URI, roots: readonly URI[]): string | undefined {
        if (uri.scheme !== 'file') return undefined;
        try {
            checkRegularFile(uri.fsPath, roots.filter(r => r.scheme === 'file').map(r => r.fsPath), MAX_ROSTER_BYTES);
            return undefined;
        } catch (error) {
            if (error instanceof FileAccessError) return error.message;
            throw error;
        }
    }

    protected override readBytes(uri: URI, roots: readonly URI[]): Promise<Uint8Array> {
        if (uri.scheme !== 'file') return super.readBytes(uri, roots);
        return new Promise(resolve => resolve(readRegularFile(uri.fsPath, roots.filter(r => r.scheme === 'file').map(r => r.fsPath), MAX_ROSTER_BYTES)));
    }
}
