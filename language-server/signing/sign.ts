import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createDocumentLoader, type DocumentLoader } from './document-loader.js';
import type { IssuerKey } from './keys.js';

/**
 * Signs a credential with a `DataIntegrityProof` of the `eddsa-rdfc-2022` cryptosuite (the suite
 * 1EdTech's Open Badges 3.0 certification requires), with Digital Bazaar's libraries and the
 * offline document loader. `proof` is written as an array, as the official OB 3.0 JSON Schema
 * requires. The key's controller must be the credential's issuer: a verifier rejects any other.
 */
export class SigningError extends Error {
    override readonly name = 'SigningError';
}

const defaultLoader = createDocumentLoader();

export function issuerId(credential: Record<string, unknown>): string | undefined {
    const issuer = credential['issuer'];
    if (typeof issuer === 'string') return issuer;
    if (issuer && typeof issuer === 'object' && typeof (issuer as { id?: unknown }).id === 'string') return (issuer as { id: string }).id;
    return undefined;
}

export async function signCredential(
    credential: Record<string, unknown>, key: IssuerKey, options: { documentLoader?: DocumentLoader; date?: Date } = {}
): Promise<Record<string, unknown>> {
    const issuer = issuerId(credential);
    if (issuer !== key.controller) {
        throw new SigningError(issuer?.startsWith('did:')
            ? `the key is controlled by ${key.controller}, but the credential's issuer is ${issuer}: sign with the issuer's key${issuer.startsWith('did:web:') && key.controller.startsWith('did:key:') ? ` (or run \`mcred keys did-web --domain … --key …\` to make ${issuer} its controller)` : ''}`
            : `the credential's issuer ${issuer ? `'${issuer}' ` : ''}is not a DID: state the provider's \`did "did:web:…"\` (or the did:key of the key: ${key.controller}) to sign`);
    }
    const suite = new DataIntegrityProof({ signer: key.keyPair.signer(), cryptosuite: eddsaRdfc2022, ...(options.date ? { date: options.date } : {}) });
    const { proof: _existing, ...unsigned } = credential;
    void _existing;
    const signed = await vc.issue({ credential: structuredClone(unsigned), suite, documentLoader: options.documentLoader ?? defaultLoader });
    const proof = signed['proof'];
    return { ...signed, proof: Array.isArray(proof) ? proof : [proof] };
}
