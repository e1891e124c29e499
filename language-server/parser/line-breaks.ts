/*
 * Lines as editors and the LSP count them: `\r\n`, a lone `\r` and `\n` each end a line. Code that
 * finds a line itself (instead of asking the text document or the lexer's tokens) uses these, so
 * a file saved with old Mac line endings gets its diagnostics on the right lines.
 */

const LINE_BREAK = /\r\n?|\n/g;

/** The offset at which the line holding `offset` starts. */
export function lineStartBefore(text: string, offset: number): number {
    if (offset <= 0) return 0;
    const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
    // Between the `\r` and the `\n` of a `\r\n`: still the line the `\r` ends.
    return start === offset && text[offset - 1] === '\r' && text[offset] === '\n' ? lineStartBefore(text, offset - 1) : start;
}

/** The offset at which the line holding `offset` ends (its line break, or the end of the text). */
export function lineEndAfter(text: string, offset: number): number {
    const ends = [text.indexOf('\n', offset), text.indexOf('\r', offset)].filter(i => i >= 0);
    return ends.length > 0 ? Math.min(...ends) : text.length;
}

/** The offset at which each line starts (the first is 0). */
export function lineStarts(text: string): number[] {
    const starts = [0];
    for (const match of text.matchAll(LINE_BREAK)) starts.push(match.index + match[0].length);
    return starts;
}

/** The 0-based line of `offset`, given the line starts of its text. */
export function lineOf(starts: readonly number[], offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= offset) low = middle;
        else high = middle - 1;
    }
    return low;
}
