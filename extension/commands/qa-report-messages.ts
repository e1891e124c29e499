/**
 * The messages the QA report webview posts to the extension: a click on a place (`reveal`) or on
 * a gap's "Fix…" (`fix`). No `vscode` import, so that it can be tested without an editor.
 */
export interface Place {
    readonly type: 'reveal' | 'fix';
    readonly uri: string;
    /** 1-based, as the report shows them; the end is exclusive. */
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
}

/**
 * The page shows file contents: accept only the exact shape, with positive whole positions and a
 * URI of the report's own scheme (`file:` on the desktop, the workspace's scheme on the web) or
 * `untitled:` — never a `command:` or web URI.
 */
export function isPlace(message: unknown, scheme = 'file'): message is Place {
    if (typeof message !== 'object' || message === null) return false;
    const m = message as Record<string, unknown>;
    const positive = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1;
    const schemes = new Set(['untitled', scheme.toLowerCase()].filter(s => s !== 'command' && s !== 'http' && s !== 'https'));
    const uriScheme = typeof m['uri'] === 'string' ? /^([a-zA-Z][\w+.-]*):/.exec(m['uri'])?.[1]?.toLowerCase() : undefined;
    return (m['type'] === 'reveal' || m['type'] === 'fix') && uriScheme !== undefined && schemes.has(uriScheme)
        && positive(m['line']) && positive(m['column']) && positive(m['endLine']) && positive(m['endColumn']);
}
