/**
 * What counts as a web address or an identifier in a .mcred file (RFC 3986 absolute URIs), and
 * the mechanical repair of the common slips (`www.…` without `https://`, a bare e-mail address).
 * Pure: used by the `value-url` check and its quick fix.
 */

export type UriProblem = { readonly problem: string; readonly suggestion?: string };

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const EMAIL = /^[^\s@:/]+@[^\s@/]+\.[^\s@/]+$/;
const HOST_LIKE = /^(www\.)?[\w-]+(\.[\w-]+)+(\/\S*)?$/;

/** A web page address: `http://` or `https://` with a host. */
export function checkWebAddress(value: string): UriProblem | undefined {
    const text = value.trim();
    if (/\s/.test(text)) return { problem: 'contains spaces' };
    if (!SCHEME.test(text)) {
        return HOST_LIKE.test(text)
            ? { problem: 'has no scheme', suggestion: `https://${text}` }
            : { problem: 'is not a web address' };
    }
    if (!/^https?:/i.test(text)) return { problem: 'is not an http(s) address' };
    return hasHost(text) ? undefined : { problem: 'has no host name' };
}

/** An absolute URI that identifies something: `https://…`, `http://…`, `mailto:…`, `did:…`, `urn:…`. */
export function checkIdentifierUri(value: string): UriProblem | undefined {
    const text = value.trim();
    if (/\s/.test(text)) return { problem: 'contains spaces' };
    if (EMAIL.test(text)) return { problem: 'is an e-mail address without `mailto:`', suggestion: `mailto:${text}` };
    if (!SCHEME.test(text)) {
        return HOST_LIKE.test(text)
            ? { problem: 'has no scheme', suggestion: `https://${text}` }
            : { problem: 'is not an absolute URI (it needs a scheme such as https:, mailto: or did:)' };
    }
    const scheme = text.slice(0, text.indexOf(':')).toLowerCase();
    const rest = text.slice(scheme.length + 1);
    switch (scheme) {
        case 'http':
        case 'https':
            return hasHost(text) ? undefined : { problem: 'has no host name' };
        case 'mailto':
            return EMAIL.test(rest) ? undefined : { problem: 'is not a valid e-mail address after `mailto:`' };
        case 'did':
            return /^[a-z0-9]+:[\w.%:-]+$/.test(rest) ? undefined : { problem: 'is not a DID (`did:method:identifier`)' };
        case 'urn':
            return /^[a-zA-Z0-9][a-zA-Z0-9-]{0,31}:\S+$/.test(rest) ? undefined : { problem: 'is not a URN (`urn:namespace:identifier`)' };
        default:
            return rest.length > 0 ? undefined : { problem: 'is empty after its scheme' };
    }
}

/** An e-mail address, optionally written as a `mailto:` URI. */
export function checkEmailAddress(value: string): UriProblem | undefined {
    const text = value.trim().replace(/^mailto:/i, '');
    return EMAIL.test(text) ? undefined : { problem: 'is not an e-mail address (name@domain)' };
}

/** Whether free text is meant as a link (so that `furtherInfo "See the handbook"` stays text). */
export function looksLikeLink(value: string): boolean {
    const text = value.trim();
    return !/\s/.test(text) && (SCHEME.test(text) && !/^[a-zA-Z]+:\d/.test(text) || HOST_LIKE.test(text));
}

function hasHost(text: string): boolean {
    try {
        const url = new URL(text);
        return url.hostname.length > 0 && (url.hostname.includes('.') || url.hostname === 'localhost');
    } catch {
        return false;
    }
}
