/** JSON values as exporters build them; serialised by `toJsonText` only. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * The text of an exported document: two-space indentation and a final newline. Key order is the
 * insertion order of the exporter, so the same model always gives the same bytes.
 *
 * Parts marked with {@link sharedJson} (the achievement that every learner's credential contains)
 * are serialised once and their text is reused: the document is serialised with a placeholder in
 * their place, which is then replaced by their text indented to the placeholder's depth. The result
 * is exactly `JSON.stringify(document, undefined, 2)`; it is only faster when a programme is
 * issued to thousands of learners.
 */
export function toJsonText(document: Json): string {
    const parts: object[] = [];
    const text = JSON.stringify(withPlaceholders(document, parts), undefined, 2);
    return (parts.length > 0 ? fillPlaceholders(text, parts) : text) + '\n';
}

/** Values that many documents contain; they must not change once marked. */
const sharedValues = new WeakSet<object>();
/** The text of each shared value, by the indentation it was asked at. */
const sharedTexts = new WeakMap<object, Map<number, string>>();
/** A string no exported text contains: it starts with NUL and carries a random part. */
const PLACEHOLDER = `\u0000mcred-shared-${Math.random().toString(36).slice(2)}-`;
/** The placeholder as it appears in serialised text: a JSON string, opening quote included. */
const PLACEHOLDER_IN_TEXT = JSON.stringify(PLACEHOLDER).slice(0, -1);

/** Marks `value` as contained in many documents, for {@link toJsonText}. Do not change it afterwards. */
export function sharedJson<T extends JsonObject>(value: T): T {
    sharedValues.add(value);
    return value;
}

/** `value` with each shared value below it replaced by a placeholder string (copying only what changes). */
function withPlaceholders(value: Json, parts: object[]): Json {
    if (value === null || typeof value !== 'object') return value;
    if (sharedValues.has(value)) {
        parts.push(value);
        return PLACEHOLDER + (parts.length - 1);
    }
    if (Array.isArray(value)) {
        let copy: Json[] | undefined;
        value.forEach((item, i) => {
            const replaced = withPlaceholders(item, parts);
            if (replaced !== item) (copy ??= value.slice())[i] = replaced;
        });
        return copy ?? value;
    }
    let copy: JsonObject | undefined;
    for (const key of Object.keys(value)) {
        const item = value[key];
        const replaced = withPlaceholders(item, parts);
        if (replaced !== item) (copy ??= { ...value })[key] = replaced;
    }
    return copy ?? value;
}

function fillPlaceholders(text: string, parts: readonly object[]): string {
    let result = '';
    let from = 0;
    for (let at = text.indexOf(PLACEHOLDER_IN_TEXT); at >= 0; at = text.indexOf(PLACEHOLDER_IN_TEXT, from)) {
        const end = text.indexOf('"', at + PLACEHOLDER_IN_TEXT.length);
        const lineStart = text.lastIndexOf('\n', at) + 1;
        let indent = 0;
        while (text.charCodeAt(lineStart + indent) === 0x20) indent++;
        result += text.slice(from, at) + sharedText(parts[Number(text.slice(at + PLACEHOLDER_IN_TEXT.length, end))], indent);
        from = end + 1;
    }
    return result + text.slice(from);
}

function sharedText(value: object, indent: number): string {
    let texts = sharedTexts.get(value);
    if (!texts) sharedTexts.set(value, texts = new Map<number, string>());
    let text = texts.get(indent);
    if (text === undefined) {
        text = JSON.stringify(value, undefined, 2).replaceAll('\n', '\n' + ' '.repeat(indent));
        texts.set(indent, text);
    }
    return text;
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
    // eslint-disable-next-line no-control-regex
    if (/^[\u0000-\u007f]*$/.test(text)) return btoa(text);
    const bytes = new TextEncoder().encode(text);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x1000) {
        binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x1000) as unknown as number[]);
    }
    return btoa(binary);
}
