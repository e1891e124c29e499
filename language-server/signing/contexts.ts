import credentialsV1 from '../../standards/vc/credentials-v1.jsonld';
import credentialsV2 from '../../standards/vc/credentials-v2.jsonld';
import ob3Context from '../../standards/ob3/context/context-3.0.3.json' with { type: 'json' };
import ob3Extensions from '../../standards/ob3/context/extensions.json' with { type: 'json' };
import edcAp from '../../standards/elm/context/edc-ap-context-3.2.jsonld';
import didV1 from '../../standards/did/did-v1.jsonld';
import multikeyV1 from '../../standards/security/multikey-v1.jsonld';
import dataIntegrityV2 from '../../standards/security/data-integrity-v2.jsonld';

/**
 * Every JSON-LD context that signing and verification may meet, served from the local copies in
 * `standards/` (see standards/SOURCES.md): nothing is fetched when a credential is signed or
 * verified offline.
 */
export const LOCAL_CONTEXTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
    ['https://www.w3.org/ns/credentials/v2', credentialsV2],
    ['https://www.w3.org/2018/credentials/v1', credentialsV1],
    ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', ob3Context],
    ['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json', ob3Extensions],
    ['http://data.europa.eu/snb/model/context/edc-ap', edcAp],
    ['https://www.w3.org/ns/did/v1', didV1],
    ['https://w3id.org/security/multikey/v1', multikeyV1],
    ['https://w3id.org/security/data-integrity/v2', dataIntegrityV2]
]);
