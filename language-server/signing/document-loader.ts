import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as DidKey from '@digitalbazaar/did-method-key';
import { LOCAL_CONTEXTS } from './contexts.js';

/**
 * The JSON-LD document loader of signing and verification. It serves:
 * - the contexts, from `standards/` (contexts.ts);
 * - `did:key` documents and their keys, computed from the key itself (no network);
 * - `did:web` documents given with `--did-document` (or, with `online`, fetched over HTTPS from
 *   `https://<host>/.well-known/did.json` or `https://<host>/<path>/did.json`);
 * - status list credentials given with `--status-list` (or, with `online`, fetched from their URL).
 * Anything else is refused with the reason, so that a verification never depends silently on the network.
 */
export interface LoaderOptions {
    /** did:web documents the user gave (`--did-document`), by their `id`. */
    readonly didDocuments?: ReadonlyMap<string, Record<string, unknown>>;
    /** Status list credentials the user gave (`--status-list`), by their `id` (URL). */
    readonly statusLists?: ReadonlyMap<string, Record<string, unknown>>;
    /** Fetch did:web documents and status lists over HTTPS when they were not given. */
    readonly online?: boolean;
}

export interface RemoteDocument {
    readonly contextUrl: null;
    readonly documentUrl: string;
    readonly document: unknown;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

export class DocumentLoaderError extends Error {
    override readonly name = 'DocumentLoaderError';
}

let didKeyDriver: ReturnType<typeof DidKey.driver> | undefined;

function didKey(): ReturnType<typeof DidKey.driver> {
    if (!didKeyDriver) {
        didKeyDriver = DidKey.driver();
        didKeyDriver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });
    }
    return didKeyDriver;
}

/** `did:web:example.org:issuers:a` → `https://example.org/issuers/a/did.json` (did:web method §3.2). */
export function didWebUrl(did: string): string {
    const [host, ...path] = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
    return path.length > 0 ? `https://${host}/${path.join('/')}/did.json` : `https://${host}/.well-known/did.json`;
}

export function createDocumentLoader(options: LoaderOptions = {}): DocumentLoader {
    const fetched = new Map<string, Promise<Record<string, unknown>>>();
    const fetchJson = (url: string): Promise<Record<string, unknown>> => {
        let result = fetched.get(url);
        if (!result) {
            result = (async () => {
                const response = await fetch(url, { headers: { accept: 'application/json, application/ld+json, application/did+json' }, redirect: 'follow' });
                if (!response.ok) throw new DocumentLoaderError(`cannot fetch ${url} (HTTP ${response.status})`);
                return await response.json() as Record<string, unknown>;
            })();
            fetched.set(url, result);
        }
        return result;
    };

    const didWebDocument = async (did: string): Promise<Record<string, unknown>> => {
        const given = options.didDocuments?.get(did);
        if (given) return given;
        if (options.online) {
            const document = await fetchJson(didWebUrl(did));
            if (document['id'] !== did) throw new DocumentLoaderError(`the DID document at ${didWebUrl(did)} is for '${String(document['id'])}', not ${did}`);
            return document;
        }
        throw new DocumentLoaderError(`the DID document of ${did} was not given: pass it with --did-document did.json, or use --online to fetch ${didWebUrl(did)}`);
    };

    return async (url: string): Promise<RemoteDocument> => {
        const context = LOCAL_CONTEXTS.get(url);
        if (context) return { contextUrl: null, documentUrl: url, document: context };
        if (url.startsWith('did:key:')) {
            const document = await didKey().get(url.includes('#') ? { url } : { did: url });
            return { contextUrl: null, documentUrl: url, document };
        }
        if (url.startsWith('did:web:')) {
            const [did, fragment] = url.split('#');
            const document = await didWebDocument(did);
            if (fragment === undefined) return { contextUrl: null, documentUrl: url, document };
            const methods = (document['verificationMethod'] ?? []) as Array<Record<string, unknown>>;
            const method = methods.find(m => m['id'] === url || m['id'] === `#${fragment}`);
            if (!method) throw new DocumentLoaderError(`the DID document of ${did} has no key ${url}`);
            return {
                contextUrl: null, documentUrl: url,
                document: { '@context': 'https://w3id.org/security/multikey/v1', ...method, id: url, controller: method['controller'] ?? did }
            };
        }
        const statusList = options.statusLists?.get(url);
        if (statusList) return { contextUrl: null, documentUrl: url, document: statusList };
        if (options.online && /^https:\/\//.test(url)) {
            return { contextUrl: null, documentUrl: url, document: await fetchJson(url) };
        }
        throw new DocumentLoaderError(`refusing to fetch ${url}: it is not a local context, a did:key, or a document given on the command line${options.online ? '' : ' (use --online to fetch it)'}`);
    };
}
