// Type declarations for the JavaScript-only libraries of the signing code (Digital Bazaar's
// Verifiable Credentials stack) and for JSON-LD contexts imported as JSON (`*.jsonld`).

declare module '*.jsonld' {
    const value: Record<string, unknown>;
    export default value;
}

declare module '*.ttl' {
    const text: string;
    export default text;
}

declare module '@digitalbazaar/vc' {
    export function issue(options: Record<string, unknown>): Promise<Record<string, unknown>>;
    export function verifyCredential(options: Record<string, unknown>): Promise<VerifyResult>;
    export interface VerifyResult {
        verified: boolean;
        error?: unknown;
        results?: Array<{ verified: boolean; error?: unknown; verificationMethod?: { id: string; controller?: string } }>;
        statusResult?: { verified: boolean; error?: unknown; results?: Array<{ verified: boolean; status?: boolean; error?: unknown }> };
    }
}

declare module '@digitalbazaar/data-integrity' {
    export class DataIntegrityProof {
        constructor(options: { signer?: unknown; cryptosuite: unknown; date?: string | Date });
    }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
    export const cryptosuite: unknown;
}

declare module '@digitalbazaar/ed25519-multikey' {
    export interface KeyPair {
        id?: string;
        controller?: string;
        publicKeyMultibase: string;
        secretKeyMultibase?: string;
        export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>;
        signer(): { id?: string; algorithm: string; sign(input: { data: Uint8Array }): Promise<Uint8Array> };
        verifier(): unknown;
    }
    export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<KeyPair>;
    export function from(key: Record<string, unknown>): Promise<KeyPair>;
}

declare module '@digitalbazaar/did-method-key' {
    export function driver(): {
        use(options: { multibaseMultikeyHeader: string; fromMultibase: (key: Record<string, unknown>) => Promise<unknown> }): void;
        get(options: { did?: string; url?: string }): Promise<Record<string, unknown>>;
    };
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
    export interface BitstringStatusList {
        length: number;
        setStatus(index: number, status: boolean): void;
        getStatus(index: number): boolean;
        encode(): Promise<string>;
    }
    export function createList(options: { length: number }): Promise<BitstringStatusList>;
    export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>;
    export function createCredential(options: { id: string; list: BitstringStatusList; statusPurpose: string }): Promise<Record<string, unknown>>;
    export function checkStatus(options: Record<string, unknown>): Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>;
}
