/**
 * Escaping for the report renderers. HTML is built with the `html` tagged template: every
 * interpolated value is escaped unless it is itself `Html` built by the same tag, so a string
 * from a `.mcred` file can only ever become text.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML element content and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => HTML_ESCAPES[c]);
}

/** A fragment of trusted markup (built by `html`, or constant). */
export class Html {
    constructor(readonly value: string) {}

    toString(): string {
        return this.value;
    }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

/** Markup with every interpolation escaped (arrays are joined; null, undefined and false render nothing). */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
    let out = strings[0];
    for (let i = 0; i < values.length; i++) {
        out += renderValue(values[i]) + strings[i + 1];
    }
    return new Html(out);
}

function renderValue(value: HtmlValue): string {
    if (value instanceof Html) return value.value;
    if (Array.isArray(value)) return value.map(renderValue).join('');
    if (value === undefined || value === null || value === false) return '';
    return escapeHtml(String(value));
}

/** Joins fragments with a separator (escaped when it is a string). */
export function joinHtml(parts: readonly HtmlValue[], separator: HtmlValue = ''): Html {
    return new Html(parts.map(renderValue).join(renderValue(separator)));
}

/**
 * Text safe in Markdown (GitHub-flavoured), inline and in a table cell: the characters that
 * start emphasis, code, links, headings, strikethrough and math are backslash-escaped, `<` and
 * `>` become entities (so no HTML passes through) and so does an `&` that would read as an entity,
 * `|` cannot end a cell and line breaks become spaces. Brackets being escaped, parentheses
 * cannot form a link and stay as written.
 */
export function escapeMarkdown(text: string): string {
    return text
        .replace(/\r\n|\r|\n/g, ' ')
        .replace(/[\\`*_[\]#|~$]/g, c => `\\${c}`)
        .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        // A code host turns bare addresses into live links and `@name` into a notification: a
        // zero-width space after `@`, in `://` and after `www` keeps them plain text.
        .replace(/@(?=[\w-])/g, '@\u200B')
        .replace(/:\/\//g, ':\u200B//')
        .replace(/\bwww\./gi, w => `${w.slice(0, 3)}\u200B.`);
}
