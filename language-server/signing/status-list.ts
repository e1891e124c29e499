import { createCredential, createList, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import type { DocumentLoader } from './document-loader.js';
import type { IssuerKey } from './keys.js';
import { issuerId, signCredential } from './sign.js';

/**
 * Revocation with a Bitstring Status List (W3C Bitstring Status List 1.0), through
 * @digitalbazaar/vc-bitstring-status-list. The list file is the signed
 * `BitstringStatusListCredential` to publish at its URL, unchanged. Which index each credential
 * holds is recorded beside it, in `<list file>.indices.json` (not published): a re-export gives
 * a learner's credential the index it already had, and a new credential the next free one. The
 * indices are keyed by a hash of the issuance (programme, learner, date), never by a name.
 */
export const DEFAULT_LIST_SIZE = 131_072; // 16 KiB, the minimum the specification recommends for group privacy

export interface StatusIndices {
    readonly statusListCredential: string;
    readonly size: number;
    /** Issuance key → index. */
    readonly assigned: Record<string, number>;
}

export class StatusListError extends Error {
    override readonly name = 'StatusListError';
}

export function indicesFileOf(listFile: string): string {
    return `${listFile}.indices.json`;
}

/** A new, signed list of `size` bits (all valid) whose id is `url`, and its empty index file. */
export async function newStatusList(
    url: string, size: number, key: IssuerKey, options: { now?: Date; documentLoader?: DocumentLoader } = {}
): Promise<{ list: Record<string, unknown>; indices: StatusIndices }> {
    if (!/^https:\/\/\S+$/.test(url)) throw new StatusListError(`the list's URL must be an https:// address where it will be published (got '${url}')`);
    if (!Number.isInteger(size) || size < 8 || size % 8 !== 0) throw new StatusListError(`the list size must be a positive multiple of 8 (got ${size})`);
    const list = await createList({ length: size });
    const unsigned = await listCredential(url, await list.encode(), key, options.now);
    return { list: await signCredential(unsigned, key, options), indices: { statusListCredential: url, size, assigned: {} } };
}

async function listCredential(url: string, encodedList: string, key: IssuerKey, now = new Date()): Promise<Record<string, unknown>> {
    const template = await createCredential({ id: url, list: await createList({ length: 8 }), statusPurpose: 'revocation' });
    const subject = template['credentialSubject'] as Record<string, unknown>;
    return {
        '@context': template['@context'],
        'id': url,
        'type': template['type'],
        'issuer': key.controller,
        'validFrom': now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'credentialSubject': { ...subject, encodedList }
    };
}

/** Reads a list file's credential; refuses anything else. */
export function parseStatusList(text: string, source: string): Record<string, unknown> {
    let json: Record<string, unknown>;
    try {
        json = JSON.parse(text) as Record<string, unknown>;
    } catch {
        throw new StatusListError(`${source} is not JSON`);
    }
    const types = ([] as unknown[]).concat(json?.['type'] ?? []);
    if (!types.includes('BitstringStatusListCredential') || typeof json['id'] !== 'string') {
        throw new StatusListError(`${source} is not a BitstringStatusListCredential (create one with \`mcred status-list new\`)`);
    }
    return json;
}

export function parseIndices(text: string | undefined, list: Record<string, unknown>, source: string): StatusIndices {
    const subject = list['credentialSubject'] as { encodedList?: string } | undefined;
    if (text === undefined) {
        throw new StatusListError(`${source} is missing: the list cannot give out indices without it (it is written by \`mcred status-list new\`, beside the list)`);
    }
    const json = JSON.parse(text) as StatusIndices;
    if (json.statusListCredential !== list['id'] || typeof json.size !== 'number' || typeof json.assigned !== 'object' || !subject?.encodedList) {
        throw new StatusListError(`${source} does not belong to the list ${String(list['id'])}`);
    }
    return json;
}

/**
 * The `credentialStatus` entry of an issuance: the index it already holds, or the next free one
 * (recorded in `indices`, which the caller writes back).
 */
export function statusEntry(indices: StatusIndices, issuanceKey: string): Record<string, string> {
    let index = indices.assigned[issuanceKey];
    if (index === undefined) {
        index = Object.keys(indices.assigned).length;
        if (index >= indices.size) throw new StatusListError(`the status list ${indices.statusListCredential} is full (${indices.size} credentials): create another one`);
        indices.assigned[issuanceKey] = index;
    }
    return {
        id: `${indices.statusListCredential}#${index}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(index),
        statusListCredential: indices.statusListCredential
    };
}

/** The revocation entry of a credential in the given list, or a reason why it has none. */
export function revocationIndex(credential: Record<string, unknown>, listId: string): number | string {
    const statuses = ([] as unknown[]).concat(credential['credentialStatus'] ?? []) as Array<Record<string, unknown>>;
    const entry = statuses.find(s => s['type'] === 'BitstringStatusListEntry' && s['statusPurpose'] === 'revocation');
    if (!entry) return 'it has no revocation status entry (export it with --sign KEY --status-list FILE)';
    if (entry['statusListCredential'] !== listId) return `its status is in another list (${String(entry['statusListCredential'])})`;
    const index = Number(entry['statusListIndex']);
    return Number.isInteger(index) && index >= 0 ? index : `its status list index '${String(entry['statusListIndex'])}' is not a number`;
}

/** The list with the given indices revoked, signed again. Revocation is permanent: bits are only ever set. */
export async function revoke(
    list: Record<string, unknown>, indexes: readonly number[], key: IssuerKey, options: { now?: Date; documentLoader?: DocumentLoader } = {}
): Promise<Record<string, unknown>> {
    if (issuerId(list) !== key.controller) {
        throw new StatusListError(`the list is issued by ${issuerId(list) ?? 'nobody'}, but the key is controlled by ${key.controller}`);
    }
    const subject = list['credentialSubject'] as { encodedList: string };
    const bits = await decodeList({ encodedList: subject.encodedList });
    for (const index of indexes) {
        if (index >= bits.length) throw new StatusListError(`index ${index} is outside the list (${bits.length} entries)`);
        bits.setStatus(index, true);
    }
    const updated = await listCredential(list['id'] as string, await bits.encode(), key, options.now);
    return signCredential(updated, key, options);
}

export async function isRevoked(list: Record<string, unknown>, index: number): Promise<boolean> {
    const subject = list['credentialSubject'] as { encodedList: string };
    return (await decodeList({ encodedList: subject.encodedList })).getStatus(index);
}
