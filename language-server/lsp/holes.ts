/**
 * Where a hole is: the `?` that stands for a property's value (`level ?`, `internal ?`,
 * `outcome LO1 ?`), found in the text around the cursor so that completion and hover can answer
 * for it. Pure.
 */
import { lineStartBefore } from '../parser/line-breaks.js';

export interface HoleAt {
    /** Offset of the `?`. */
    readonly offset: number;
    /** The word before the `?` on its line: the property keyword (`level`), the QA kind (`internal`) or the outcome's name. */
    readonly property: string;
    /** The first word of the line (`outcome` for `outcome LO1 ?`). */
    readonly lineKeyword: string;
}

/** The hole at or just before `offset` (the cursor on the `?` or right after it), if any. */
export function holeAt(text: string, offset: number): HoleAt | undefined {
    const at = text[offset - 1] === '?' ? offset - 1 : text[offset] === '?' ? offset : -1;
    if (at < 0) return undefined;
    // A `?` of its own: space before it, space, a brace or the end after it.
    if (!/\s/.test(text[at - 1] ?? '') || !/^(\s|\}|$)/.test(text.slice(at + 1, at + 2))) return undefined;
    const lineStart = lineStartBefore(text, at);
    const before = text.slice(lineStart, at);
    // Not inside a text in quotes or after a comment.
    if ((before.match(/"/g)?.length ?? 0) % 2 === 1) return undefined;
    const code = before.replace(/"(\\.|[^"\\])*"/g, '""');
    if (code.includes('//') || code.includes('/*')) return undefined;
    const words = code.match(/[A-Za-z_][\w-]*/g) ?? [];
    const property = words[words.length - 1];
    if (!property) return undefined;
    return { offset: at, property, lineKeyword: words[0] ?? property };
}
