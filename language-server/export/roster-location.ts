import { UriUtils, type URI } from 'langium';

/** The largest roster read (50 MB): far above any real cohort, far below what exhausts memory. */
export const MAX_ROSTER_BYTES = 50 * 1024 * 1024;

/** The file a cohort's `roster "…"` names: a path relative to the folder of its `.mcred` file. */
export function rosterUri(document: URI, roster: string): URI {
    return UriUtils.resolvePath(UriUtils.dirname(document), roster.trim());
}

/** The folders a roster may be in: the programme's folder and the workspace folders. */
export function rosterRoots(document: URI, workspaceFolders: readonly URI[] = []): URI[] {
    return [UriUtils.dirname(document), ...workspaceFolders];
}

/** Whether `uri` is `folder` or inside it (same scheme and authority, path below it). */
export function isInside(uri: URI, folder: URI): boolean {
    if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return false;
    const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    return uri.path === folder.path || uri.path.startsWith(base);
}

/**
 * Why a roster path may not be read, judged from the path alone (no file system): it resolves
 * outside the programme's folder and every workspace folder (`/proc/self/environ`,
 * `../../etc/shadow`). Undefined when the path may be read (the file itself is checked when read).
 */
export function rosterLocationProblem(document: URI, roster: string, workspaceFolders: readonly URI[] = []): string | undefined {
    const path = roster.trim();
    if (path === '') return undefined;
    if (path.includes('\0')) return `the roster path contains a NUL character`;
    const uri = rosterUri(document, path);
    if (rosterRoots(document, workspaceFolders).some(root => isInside(uri, root))) return undefined;
    return `the roster '${path}' is outside the programme's folder and the workspace: a roster is a CSV file next to the programme`
        + ' or in a folder below it (roster "learners.csv")';
}
