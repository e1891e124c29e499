/** JSON values as exporters build them; serialised by `toJsonText` only. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * The text of an exported document: two-space indentation and a final newline. Key order is the
 * insertion order of the exporter, so the same model always gives the same bytes.
 */
export function toJsonText(document: Json): string {
    return JSON.stringify(document, undefined, 2) + '\n';
}

/** Builds an object from entries, leaving out those whose value is undefined or an empty list. */
export function compact(entries: Record<string, Json | undefined>): JsonObject {
    const result: JsonObject = {};
    for (const [key, value] of Object.entries(entries)) {
        if (value === undefined) continue;
        if (Array.isArray(value) && value.length === 0) continue;
        result[key] = value;
    }
    return result;
}

/** A date `YYYY-MM-DD` as the start of that day in UTC, `YYYY-MM-DDT00:00:00Z` (ISO 8601, xsd:dateTime). */
export function dateTime(date: string): string {
    return `${date}T00:00:00Z`;
}

/** Base64 of UTF-8 text, without `Buffer` (exporters also run in a web worker). */
export function base64Utf8(text: string): string {
    const bytes = new TextEncoder().encode(text);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
        const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
        const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
        out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63]
            + (b === undefined ? '=' : alphabet[(n >> 6) & 63])
            + (c === undefined ? '=' : alphabet[n & 63]);
    }
    return out;
}
