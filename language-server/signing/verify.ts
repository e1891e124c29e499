import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import type { DocumentLoader } from './document-loader.js';
import { elmShapeResults } from './elm-shapes.js';
import { ob3SchemaErrors } from './ob3-schema.js';
import { issuerId } from './sign.js';

/**
 * Verifies one credential as a wallet or verifier would: the Data Integrity proof (with
 * @digitalbazaar/vc and the eddsa-rdfc-2022 suite), that the issuer is the controller of the key
 * that signed, the official schema (OB 3.0), `validFrom`/`validUntil` against now, and the
 * revocation status (Bitstring Status List). Europass (ELM) credentials are unsigned by design
 * (Europass seals them): only their dates are checked, and they are reported as unsigned.
 */
export interface VerificationResult {
    readonly kind: 'ob3' | 'elm' | 'status-list' | 'credential' | 'not-a-credential';
    readonly valid: boolean;
    readonly issuer?: string;
    readonly id?: string;
    /** Why it is not valid, one reason a line, in plain words (empty when valid). */
    readonly problems: readonly string[];
    /** What is true but worth saying (unsigned Europass credential). */
    readonly notes: readonly string[];
    readonly revoked?: boolean;
}

export interface VerifyOptions {
    readonly documentLoader: DocumentLoader;
    /** The time to check validity against (default: now). */
    readonly now?: Date;
}

const VC_V1 = 'https://www.w3.org/2018/credentials/v1';

export async function verifyCredentialDocument(document: unknown, options: VerifyOptions): Promise<VerificationResult> {
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
        return { kind: 'not-a-credential', valid: false, problems: ['not a credential (not a JSON object)'], notes: [] };
    }
    const credential = document as Record<string, unknown>;
    const types = ([] as unknown[]).concat(credential['type'] ?? []);
    if (!types.includes('VerifiableCredential')) {
        return { kind: 'not-a-credential', valid: false, problems: ['not a verifiable credential (its type does not include VerifiableCredential)'], notes: [] };
    }
    const kind = types.includes('OpenBadgeCredential') || types.includes('AchievementCredential') ? 'ob3'
        : types.includes('EuropeanDigitalCredential') ? 'elm'
            : types.includes('BitstringStatusListCredential') ? 'status-list' : 'credential';
    const issuer = issuerId(credential);
    const id = typeof credential['id'] === 'string' ? credential['id'] : undefined;
    const base = { kind, ...(issuer ? { issuer } : {}), ...(id ? { id } : {}) } as const;
    const problems: string[] = [];
    const notes: string[] = [];
    const now = options.now ?? new Date();

    if (kind === 'ob3') {
        problems.push(...ob3SchemaErrors(credential).map(e => `does not pass the official Open Badges 3.0 JSON Schema: ${e}`));
    }
    if (credential['proof'] === undefined) {
        if (kind === 'elm') {
            notes.push('unsigned: a Europass credential is sealed by the Europass issuing service (qualified electronic seal), not by mcred');
            if (credential['issuanceDate'] === undefined) problems.push('has no issuanceDate, which VC Data Model 1.1 requires');
            try {
                const shapes = await elmShapeResults(credential, options.documentLoader);
                problems.push(...shapes.violations.map(v => `does not pass the EDC SHACL shapes: ${v}`));
                if (shapes.sealingOnly.length > 0) notes.push(`left to the Europass sealing service: ${shapes.sealingOnly.join(' and ')}`);
            } catch (error) {
                problems.push(`cannot be read as JSON-LD with the Europass contexts: ${error instanceof Error ? error.message : String(error)}`);
            }
            problems.push(...dateProblems(credential, now));
            return { ...base, valid: problems.length === 0, problems, notes };
        }
        problems.push('unsigned: it has no proof (export it with --sign KEY)');
        problems.push(...dateProblems(credential, now));
        return { ...base, valid: false, problems, notes };
    }
    const [context] = ([] as unknown[]).concat(credential['@context'] ?? []);
    if (context === VC_V1 && credential['issuanceDate'] === undefined) {
        problems.push('has no issuanceDate, which VC Data Model 1.1 requires');
    }
    const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
    // Each status list is verified once per loader (a folder of 1,000 credentials shares one list).
    for (const url of statusListUrls(credential)) {
        const problem = await statusListProblem(url, options.documentLoader, now);
        if (problem) problems.push(problem);
    }
    const result = await vc.verifyCredential({
        credential, suite, documentLoader: options.documentLoader, now,
        ...(credential['credentialStatus'] !== undefined ? {
            checkStatus: (opts: Record<string, unknown>) => checkStatus({
                ...opts, suite, documentLoader: options.documentLoader, verifyBitstringStatusListCredential: false, verifyMatchingIssuers: true
            })
        } : {})
    });
    let revoked = false;
    if (!result.verified) {
        problems.push(...failureReasons(result));
    } else if (result.statusResult) {
        const statuses = (result.statusResult.results ?? [result.statusResult]) as Array<{ status?: boolean; credentialStatus?: { statusPurpose?: string } }>;
        for (const status of statuses) {
            if (status.status === true) {
                revoked = revoked || status.credentialStatus?.statusPurpose !== 'suspension';
                problems.push(status.credentialStatus?.statusPurpose === 'suspension' ? 'suspended by its issuer (status list)' : 'revoked by its issuer (status list)');
            }
        }
    }
    return { ...base, valid: problems.length === 0, problems: unique(problems), notes, ...(credential['credentialStatus'] !== undefined ? { revoked } : {}) };
}

function statusListUrls(credential: Record<string, unknown>): string[] {
    const statuses = ([] as unknown[]).concat(credential['credentialStatus'] ?? []) as Array<Record<string, unknown>>;
    return [...new Set(statuses.map(s => s['statusListCredential']).filter((u): u is string => typeof u === 'string'))];
}

const verifiedLists = new WeakMap<DocumentLoader, Map<string, Promise<string | undefined>>>();

/** Why the status list at `url` cannot be trusted (it does not load or does not verify), or undefined. */
function statusListProblem(url: string, documentLoader: DocumentLoader, now: Date): Promise<string | undefined> {
    let lists = verifiedLists.get(documentLoader);
    if (!lists) verifiedLists.set(documentLoader, lists = new Map<string, Promise<string | undefined>>());
    let problem = lists.get(url);
    if (!problem) {
        problem = (async () => {
            let list: unknown;
            try {
                list = (await documentLoader(url)).document;
            } catch (error) {
                return explain(Object.assign(new Error(`Could not load "BitstringStatusListCredential"; reason: ${(error as Error).message}`)));
            }
            const result = await vc.verifyCredential({ credential: list, suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), documentLoader, now });
            return result.verified ? undefined : `its status list ${url} does not verify: ${failureReasons(result).join('; ')}`;
        })();
        lists.set(url, problem);
    }
    return problem;
}

function dateProblems(credential: Record<string, unknown>, now: Date): string[] {
    const problems: string[] = [];
    const from = credential['validFrom'] ?? credential['issuanceDate'];
    if (typeof from === 'string' && new Date(from).getTime() > now.getTime()) {
        problems.push(`not yet valid: valid from ${from}, and it is now ${now.toISOString()}`);
    }
    const until = credential['validUntil'] ?? credential['expirationDate'];
    if (typeof until === 'string' && new Date(until).getTime() < now.getTime()) {
        problems.push(`expired: valid until ${until}, and it is now ${now.toISOString()}`);
    }
    return problems;
}

/** The reasons @digitalbazaar/vc gives, in a designer's words where they are known. */
function failureReasons(result: vc.VerifyResult): string[] {
    const errors: unknown[] = [];
    if (result.error) errors.push(result.error);
    for (const r of result.results ?? []) if (r.error) errors.push(r.error);
    if (result.statusResult?.error) errors.push(result.statusResult.error);
    const reasons = errors.flatMap(flattenErrors).map(explain);
    return reasons.length > 0 ? reasons : ['the proof does not verify'];
}

function flattenErrors(error: unknown): unknown[] {
    const nested = (error as { errors?: unknown[] }).errors;
    return Array.isArray(nested) && nested.length > 0 ? nested.flatMap(flattenErrors) : [error];
}

function explain(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    if (/Invalid signature/i.test(message)) {
        return 'the signature does not match the content: the file was changed after it was signed, or it was signed with another key';
    }
    if (/issuer must match the verification method controller/i.test(message)) {
        return 'the issuer is not the controller of the key that signed it (signed with another issuer\'s key)';
    }
    if (/is after "validUntil"|has expired/i.test(message)) return `expired: ${message}`;
    if (/is before "validFrom"|before the "issuanceDate"/i.test(message)) return `not yet valid: ${message}`;
    if (/Could not load "BitstringStatusListCredential"/.test(message)) {
        const url = /refusing to fetch (\S+?):/.exec(message)?.[1];
        return url
            ? `its revocation status cannot be checked: the status list ${url} was not given (pass it with --status-list FILE, or use --online)`
            : `its revocation status cannot be checked: ${message.replace(/^.*reason: /, '')}`;
    }
    if (/refusing to fetch|was not given/.test(message)) return `cannot check the proof: ${message}`;
    return message;
}

function unique(values: readonly string[]): string[] {
    return [...new Set(values)];
}
