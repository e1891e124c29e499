import { parentPort, workerData } from 'node:worker_threads';
import { toJsonText, type JsonObject } from '../export/json.js';
import { createDocumentLoader } from './document-loader.js';
import { readKey, type IssuerKey } from './keys.js';
import { signCredential, SigningError } from './sign.js';
import { verifyCredentialDocument } from './verify.js';
import type { PoolJob, PoolReply, PoolSetup } from './signing-pool.js';

/*
 * A worker thread of the signing pool (signing-pool.ts; bundled as out/signing-worker.cjs). It
 * signs or verifies the credentials the pool sends it, one document loader for all of them, and
 * answers each job with its index. Canonicalisation (RDF Dataset Canonicalization of the
 * credential) is the cost of both, so the pool runs one worker per core.
 */

const setup = workerData as PoolSetup;
const port = parentPort!;
const documentLoader = createDocumentLoader(setup.kind === 'verify'
    ? { didDocuments: new Map(setup.didDocuments), statusLists: new Map(setup.statusLists), online: setup.online }
    : {});
let key: Promise<IssuerKey> | undefined;

async function run(job: PoolJob): Promise<PoolReply> {
    try {
        if (setup.kind === 'sign') {
            key ??= readKey(setup.keyText, setup.keySource);
            const signed = await signCredential(JSON.parse(job.text) as Record<string, unknown>, await key, { documentLoader });
            return { index: job.index, text: toJsonText(signed as JsonObject) };
        }
        const result = await verifyCredentialDocument(JSON.parse(job.text), { documentLoader, ...(setup.now ? { now: new Date(setup.now) } : {}) });
        return { index: job.index, result };
    } catch (error) {
        return { index: job.index, error: error instanceof Error ? error.message : String(error), signingError: error instanceof SigningError };
    }
}

port.on('message', (job: PoolJob) => {
    void run(job).then(reply => port.postMessage(reply));
});
