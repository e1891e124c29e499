import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { VerificationResult } from './verify.js';

/*
 * Signing and verifying a cohort on every core: a pool of worker threads (signing-worker.ts), one
 * per core and at most one per credential, each with its own document loader (and its cache of
 * contexts, DID documents and verified status lists). The signer stays Digital Bazaar's stack in
 * each worker. Results come back in the order of the jobs, whatever order the workers finish in.
 * A failure names the credential it concerns. On SIGINT or SIGTERM the workers are terminated
 * and the process ends (exit 130 / 143) without writing anything.
 */

/** What a worker is set up to do: sign with a key, or verify with the documents the user gave. */
export type PoolSetup =
    | { readonly kind: 'sign'; readonly keyText: string; readonly keySource: string }
    | {
        readonly kind: 'verify';
        readonly didDocuments: ReadonlyArray<[string, Record<string, unknown>]>;
        readonly statusLists: ReadonlyArray<[string, Record<string, unknown>]>;
        readonly online: boolean;
        readonly now?: string;
    };

/** One credential for a worker: its JSON text. */
export interface PoolJob {
    readonly index: number;
    readonly text: string;
}

export type PoolReply =
    | { readonly index: number; readonly text: string }
    | { readonly index: number; readonly result: VerificationResult }
    | { readonly index: number; readonly error: string; readonly signingError: boolean };

/** A credential to sign or verify, and how to name it in a message (its file, its learner). */
export interface PoolInput {
    readonly text: string;
    readonly label: string;
}

export interface PoolOptions {
    /** Called each time a credential is done. */
    readonly progress?: (done: number, total: number) => void;
    /** The number of workers (default: one per core, at most one per credential). */
    readonly workers?: number;
    /** The worker script (default: signing-worker.cjs beside the running bundle). */
    readonly script?: string;
    /** On SIGINT / SIGTERM: terminate the workers, call `beforeExit`, say so and end the process. */
    readonly exitOnSignal?: boolean;
    readonly beforeExit?: () => void;
}

/** A failure that is not the credential's (a worker crashed, an unexpected error): names the credential. */
export class PoolError extends Error {
    override readonly name = 'PoolError';
}

/** Fewer credentials than this are signed or verified in the main thread: starting workers would cost more. */
export const POOL_THRESHOLD = 16;

/** How many jobs each worker holds at once (the next one is queued while it finishes one). */
const IN_FLIGHT = 2;

/** The worker count for `count` credentials: one per core, none (in-process) for a few credentials. */
export function poolSize(count: number, cores = availableParallelism()): number {
    return count < POOL_THRESHOLD ? 0 : Math.max(1, Math.min(cores, count));
}

/** The bundled worker script beside the running bundle (out/cli.cjs, out/server.cjs), if it is there. */
export function defaultWorkerScript(): string | undefined {
    try {
        const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'signing-worker.cjs');
        return existsSync(script) ? script : undefined;
    } catch {
        return undefined;
    }
}

/**
 * Runs `inputs` on a pool of `workers` workers set up with `setup`; the replies in the order of
 * the inputs. Rejects with a {@link PoolError} naming the credential when a worker fails.
 */
export function runPool(setup: PoolSetup, inputs: readonly PoolInput[], workers: number, options: PoolOptions = {}): Promise<PoolReply[]> {
    const script = options.script ?? defaultWorkerScript();
    if (!script) return Promise.reject(new PoolError('the signing worker (signing-worker.cjs) is not beside the program: rebuild it with `npm run build`'));
    return new Promise<PoolReply[]>((resolve, reject) => {
        const replies = new Array<PoolReply>(inputs.length);
        const pool: Worker[] = [];
        const busy = new Map<Worker, Set<number>>();
        let next = 0;
        let done = 0;
        let settled = false;

        const stop = () => {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
            for (const worker of pool) void worker.terminate();
        };
        const fail = (error: Error) => {
            if (settled) return;
            settled = true;
            stop();
            reject(error);
        };
        const onSignal = (signal: NodeJS.Signals) => {
            settled = true;
            stop();
            options.beforeExit?.();
            process.stderr.write(`Interrupted (${signal}): nothing was written.\n`);
            process.exit(signal === 'SIGINT' ? 130 : 143);
        };
        const feed = (worker: Worker) => {
            const jobs = busy.get(worker)!;
            while (jobs.size < IN_FLIGHT && next < inputs.length) {
                const index = next++;
                jobs.add(index);
                worker.postMessage({ index, text: inputs[index].text } satisfies PoolJob);
            }
        };
        if (options.exitOnSignal) {
            process.on('SIGINT', onSignal);
            process.on('SIGTERM', onSignal);
        }
        if (inputs.length === 0) {
            settled = true;
            stop();
            resolve([]);
            return;
        }
        for (let i = 0; i < Math.max(1, Math.min(workers, inputs.length)); i++) {
            const worker = new Worker(script, { workerData: setup });
            pool.push(worker);
            busy.set(worker, new Set());
            worker.on('message', (reply: PoolReply) => {
                if (settled) return;
                busy.get(worker)!.delete(reply.index);
                if ('error' in reply && !reply.signingError) {
                    fail(new PoolError(`${inputs[reply.index].label}: ${reply.error}`));
                    return;
                }
                replies[reply.index] = reply;
                done++;
                options.progress?.(done, inputs.length);
                if (done === inputs.length) {
                    settled = true;
                    stop();
                    resolve(replies);
                } else {
                    feed(worker);
                }
            });
            worker.on('error', error => {
                const jobs = [...busy.get(worker) ?? []].map(index => inputs[index].label);
                fail(new PoolError(`${jobs.length > 0 ? `${jobs.join(', ')}: ` : ''}a signing worker failed (${error.message})`));
            });
            worker.on('exit', code => {
                if (!settled) fail(new PoolError(`a signing worker stopped (exit code ${code}) before its credentials were done`));
            });
            feed(worker);
        }
    });
}
