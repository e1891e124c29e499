// Offline validators for exported credentials, built only on the official artefacts copied into
// `standards/` (see standards/SOURCES.md). Nothing here touches the network: the JSON-LD document
// loader serves the local copies of the contexts and throws on any other URL.
// Reused by the export tests and the e2e helper.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import addFormatsPlugin from 'ajv-formats';
import jsonld from 'jsonld';
import { Parser as N3Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STANDARDS = path.join(ROOT, 'standards');

/** Every JSON-LD context the exports may name, mapped to its local copy. */
export const LOCAL_CONTEXTS: Readonly<Record<string, string>> = {
    'https://www.w3.org/ns/credentials/v2': 'vc/credentials-v2.jsonld',
    'https://www.w3.org/2018/credentials/v1': 'vc/credentials-v1.jsonld',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob3/context/context-3.0.3.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'ob3/context/extensions.json',
    'http://data.europa.eu/snb/model/context/edc-ap': 'elm/context/edc-ap-context-3.2.jsonld'
};

const contextCache = new Map<string, unknown>();

/** A jsonld.js document loader that serves only the local contexts; any other URL throws. */
export async function localDocumentLoader(url: string): Promise<{ contextUrl: undefined; documentUrl: string; document: unknown }> {
    const file = LOCAL_CONTEXTS[url];
    if (!file) {
        throw new Error(`offline document loader: refusing to fetch ${url} (not a local context)`);
    }
    let document = contextCache.get(url);
    if (document === undefined) {
        document = JSON.parse(readFileSync(path.join(STANDARDS, file), 'utf8')) as unknown;
        contextCache.set(url, document);
    }
    return Promise.resolve({ contextUrl: undefined, documentUrl: url, document });
}

type JsonLdInput = Parameters<typeof jsonld.expand>[0];

/**
 * Expands a document in JSON-LD safe mode with the local contexts. Safe mode rejects terms that
 * no context defines, relative IRIs and other lossy constructs. Resolves to the expanded form or
 * rejects with jsonld.js's error.
 */
export async function expandSafely(document: unknown): Promise<unknown> {
    // `safe` is a jsonld.js 9 option that @types/jsonld does not list yet.
    const options = { safe: true, documentLoader: localDocumentLoader } as unknown as jsonld.Options.Expand;
    return jsonld.expand(document as JsonLdInput, options);
}

/** A validation outcome: the list of problems, empty when the document is valid. */
export interface ValidationResult {
    readonly valid: boolean;
    readonly errors: readonly string[];
}

let ob3Validator: ValidateFunction | undefined;
let ob3AchievementValidator: ValidateFunction | undefined;

function ob3Ajv(): Ajv2019 {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    // ajv-formats is CommonJS: its default export arrives as `module.exports`, the plugin as `.default`.
    const plugin = addFormatsPlugin as unknown as { default?: (ajv: Ajv2019) => Ajv2019 } & ((ajv: Ajv2019) => Ajv2019);
    (plugin.default ?? plugin)(ajv);
    return ajv;
}

const OB3_SCHEMA_FILE = path.join(STANDARDS, 'ob3/schema/ob_v3p0_achievementcredential_schema.json');

/** Validates an OpenBadgeCredential against the official OB 3.0 AchievementCredential JSON Schema. */
export function validateOb3Credential(document: unknown): ValidationResult {
    if (!ob3Validator) {
        ob3Validator = ob3Ajv().compile(JSON.parse(readFileSync(OB3_SCHEMA_FILE, 'utf8')) as object);
    }
    return ajvResult(ob3Validator, document);
}

/**
 * Validates an `Achievement` (an achievement template without learner) against the `Achievement`
 * definition of the same official schema.
 */
export function validateOb3Achievement(document: unknown): ValidationResult {
    if (!ob3AchievementValidator) {
        const ajv = ob3Ajv();
        const schema = JSON.parse(readFileSync(OB3_SCHEMA_FILE, 'utf8')) as { $id: string };
        ajv.addSchema(schema);
        ob3AchievementValidator = ajv.compile({ $ref: `${schema.$id}#/$defs/Achievement` });
    }
    return ajvResult(ob3AchievementValidator, document);
}

function ajvResult(validate: ValidateFunction, document: unknown): ValidationResult {
    const valid = validate(document);
    const errors = (validate.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    return { valid: valid && errors.length === 0, errors };
}

/** One SHACL violation, with the shape path and focus node as IRIs. */
export interface ShaclViolation {
    readonly focusNode: string;
    readonly path: string;
    readonly message: string;
    readonly severity: string;
}

const SHACL_FILES = {
    'no-cv': ['elm/shacl/EDC-generic-no-cv-3.2.ttl'],
    'full': ['elm/shacl/EDC-generic-no-cv-3.2.ttl', 'elm/shacl/EDC-generic-full-3.2.ttl']
} as const;

const shapesCache = new Map<string, Store>();
/** Validators are reused: building the shapes graph costs more than a validation (the report is reset per run). */
const validators = new Map<string, SHACLValidator>();

function shapes(profile: keyof typeof SHACL_FILES): Store {
    let store = shapesCache.get(profile);
    if (!store) {
        store = new Store();
        for (const file of SHACL_FILES[profile]) {
            store.addQuads(new N3Parser().parse(readFileSync(path.join(STANDARDS, file), 'utf8')));
        }
        shapesCache.set(profile, store);
    }
    return store;
}

/**
 * Validates a JSON-LD document (Europass EDC, ELM 3.2) against the official EDC SHACL shapes:
 * JSON-LD → RDF (local contexts only) → N3 store → rdf-validate-shacl. `full` adds the
 * controlled-vocabulary constraints. Owl imports between the profiles are satisfied locally.
 */
export async function validateElmShacl(document: unknown, profile: keyof typeof SHACL_FILES = 'no-cv'): Promise<ShaclViolation[]> {
    const nquads = await jsonld.toRDF(document as JsonLdInput, {
        format: 'application/n-quads',
        safe: true,
        documentLoader: localDocumentLoader as unknown as jsonld.Options.DocLoader['documentLoader']
    } as jsonld.Options.ToRdf) as unknown as string;
    const data = new Store(new N3Parser({ format: 'N-Quads' }).parse(nquads));
    const validator = validators.get(profile) ?? new SHACLValidator(shapes(profile), {
        // The profiles import each other by URI (owl:imports); all of them are loaded locally.
        importGraph: () => new Store()
    });
    validators.set(profile, validator);
    const report = await validator.validate(data);
    return report.results.map(result => ({
        focusNode: result.focusNode?.value ?? '',
        path: result.path?.value ?? '',
        message: result.message.map(m => m.value).join('; '),
        severity: result.severity?.value.replace('http://www.w3.org/ns/shacl#', '') ?? ''
    }));
}
