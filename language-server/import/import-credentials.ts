import { Cursor, lostFacts, isObject, typesOf, type JsonValue, type LostFact } from './json-cursor.js';
import type { ImportedIssuance, ImportedProgramme, ImportedProvider } from './imported-model.js';
import { readElm } from './elm-reader.js';
import { readOb3 } from './ob3-reader.js';
import type { ReadResult } from './reader-support.js';
import { addProvider } from './reader-support.js';
import { renderImport, type RenderedImport } from './render-mcred.js';

/**
 * Credentials in, a programme out: Open Badges 3.0 (`OpenBadgeCredential`, `AchievementCredential`,
 * a bare `Achievement`), Europass ELM 3.2 (`EuropeanDigitalCredential` on VC 1.1) and EBSI EDC
 * (VCDM 2.0) become one `.mcred` text: one programme per distinct achievement or specification,
 * providers once each, one cohort per date of issuing. Nothing is invented (a missing element is
 * a hole), and every fact that could not be mapped is listed with its JSON path.
 * Pure: text in, text out; the caller reads and writes files.
 */

/** The largest credential file read (bytes of UTF-8; JSON text of this size is far beyond any credential). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type CredentialKind = 'ob3' | 'elm';

export const KIND_LABELS: Record<CredentialKind, string> = {
    ob3: 'Open Badges 3.0',
    elm: 'Europass ELM 3.2'
};

/** The JSON-LD contexts the import knows (copies in `standards/`); any other is refused, never fetched. */
export const KNOWN_CONTEXTS: ReadonlySet<string> = new Set([
    'https://www.w3.org/ns/credentials/v2',
    'https://www.w3.org/2018/credentials/v1',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    'http://data.europa.eu/snb/model/context/edc-ap'
]);

export interface ImportSource {
    /** The name shown in messages and comments (a file path). */
    readonly name: string;
    readonly text: string;
}

export interface ImportResult extends RenderedImport {
    readonly kind: CredentialKind;
    readonly credentials: number;
    /** Every fact not imported, with its source and JSON path. */
    readonly lost: ReadonlyArray<LostFact & { readonly source: string }>;
}

/** An input that cannot be imported: one line that says which and why. */
export class ImportError extends Error {
    override readonly name = 'ImportError';
    constructor(readonly source: string, message: string) {
        super(`${source}: ${message}`);
    }
}

/** Which kind of credential a parsed document is; throws an ImportError when it is none. */
export function credentialKind(source: string, json: unknown): CredentialKind {
    if (!isObject(json)) throw new ImportError(source, 'not a credential (the JSON is not an object)');
    const types = typesOf(json);
    if (types.length === 0) throw new ImportError(source, 'not a credential (no `type`)');
    checkContexts(source, json['@context']);
    if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential') || types.includes('Achievement')) return 'ob3';
    if (types.includes('EuropeanDigitalCredential') || types.includes('Qualification') || types.includes('LearningAchievementSpecification')) return 'elm';
    if (types.includes('VerifiableCredential')) {
        throw new ImportError(source, `unknown credential type ${types.filter(t => t !== 'VerifiableCredential').join(', ') || 'VerifiableCredential'} `
            + '(known: OpenBadgeCredential, AchievementCredential, Achievement, EuropeanDigitalCredential)');
    }
    throw new ImportError(source, `not a credential (type ${types.join(', ')})`);
}

function checkContexts(source: string, context: JsonValue | undefined): void {
    const list = context === undefined ? [] : Array.isArray(context) ? context : [context];
    for (const item of list) {
        if (typeof item === 'string' && !KNOWN_CONTEXTS.has(item)) {
            throw new ImportError(source, `the context ${item} is not held locally (mcred works offline and never fetches a context)`);
        }
    }
}

/** Parses one source; throws an ImportError for a file too large or not JSON. */
export function parseSource(source: ImportSource): JsonValue {
    if (utf8Length(source.text) > MAX_IMPORT_BYTES) {
        throw new ImportError(source.name, `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the largest credential file mcred imports`);
    }
    try {
        return JSON.parse(source.text.replace(/^\uFEFF/, '')) as JsonValue;
    } catch (error) {
        throw new ImportError(source.name, `not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
}

/** Imports the sources as one programme file; throws an ImportError for the first bad input. */
export function importCredentials(sources: readonly ImportSource[]): ImportResult {
    if (sources.length === 0) throw new ImportError('import', 'no credential to import');
    const parsed = sources.map(source => {
        const json = parseSource(source);
        return { source, json, kind: credentialKind(source.name, json) };
    });
    const first = parsed[0];
    const other = parsed.find(p => p.kind !== first.kind);
    if (other) {
        throw new ImportError(other.source.name, `is ${KIND_LABELS[other.kind]} while ${first.source.name} is ${KIND_LABELS[first.kind]}: `
            + 'import each kind separately');
    }
    const providers: ImportedProvider[] = [];
    const programmes: ImportedProgramme[] = [];
    const issuances: ImportedIssuance[] = [];
    const notes = new Set<string>();
    const lost: Array<LostFact & { source: string; others: number }> = [];
    const seenLost = new Map<string, LostFact & { source: string; others: number }>();
    for (const { source, json, kind } of parsed) {
        const root = Cursor.root(json);
        const read: ReadResult = kind === 'ob3' ? readOb3(root) : readElm(root);
        const keyMap = new Map<string, string>();
        for (const provider of read.providers) keyMap.set(provider.key, addProvider(providers, provider));
        for (const programme of read.programmes) {
            if (!programmes.some(p => p.key === programme.key)) programmes.push(programme);
        }
        issuances.push(...read.issuances);
        read.notes.forEach(n => notes.add(n));
        // The same path in several credentials (each learner's display image) is listed once, with the count.
        for (const fact of lostFacts(root)) {
            const seen = seenLost.get(fact.path);
            if (seen) {
                seen.others++;
                (seen as { facts: number }).facts += fact.facts;
                continue;
            }
            const entry = { ...fact, source: source.name, others: 0 };
            seenLost.set(fact.path, entry);
            lost.push(entry);
        }
    }
    const single = sources.length === 1;
    const rendered = renderImport({
        sources: sources.map(s => s.name),
        providers,
        programmes,
        issuances,
        lost: lost.map(l => ({
            ...l,
            source: single ? '' : `${l.source} `,
            value: l.others > 0 ? `${l.value} (and in ${l.others} other credential${l.others === 1 ? '' : 's'})` : l.value
        })),
        notes: [...notes]
    });
    return { ...rendered, kind: first.kind, credentials: sources.length, lost };
}

function utf8Length(text: string): number {
    if (text.length * 3 <= MAX_IMPORT_BYTES) return text.length;
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
    }
    return bytes;
}
