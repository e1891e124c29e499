import { DefaultLexer, type LexerResult, type TokenizeOptions } from 'langium';
import { lineOf, lineStartBefore, lineStarts } from './line-breaks.js';

/** Texts longer than this (in characters, about as many bytes) are not parsed: see {@link McredLexer}. */
export const MAX_DOCUMENT_LENGTH = 5 * 1024 * 1024;

/**
 * Langium's lexer, guarded against input that is not a `.mcred` programme at all: a binary file
 * (a NUL character) or a file over {@link MAX_DOCUMENT_LENGTH}. Such a text yields no tokens and a
 * single lexing error that says what is wrong, instead of thousands of "unexpected character"
 * errors, seconds of parsing and hundreds of megabytes for the syntax tree. The error becomes a
 * `syntax-error` diagnostic in the editor and in `mcred check`.
 *
 * It also reports U+FFFD replacement characters (even inside strings, where they are lexically
 * fine): they mark bytes that were not valid UTF-8 when the file was read, so the text a
 * credential would carry is corrupted.
 */
export class McredLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const refusal = refusalOf(text);
        if (refusal) {
            return { tokens: [], hidden: [], errors: [{ offset: 0, length: firstLineLength(text), line: 1, column: 1, message: refusal }] };
        }
        const result = super.tokenize(text, options);
        if (text.includes(REPLACEMENT)) {
            reportReplacementCharacters(text, result.errors);
        }
        return result;
    }
}

const REPLACEMENT = '\uFFFD';
const NOT_UTF8 = 'The file contains bytes that are not valid UTF-8 text (shown as \uFFFD): it was probably saved in another encoding; save it as UTF-8.';
const MAX_REPLACEMENT_ERRORS = 10;

function reportReplacementCharacters(text: string, errors: LexerResult['errors']): void {
    let reported = 0;
    let starts: number[] | undefined;
    for (let offset = text.indexOf(REPLACEMENT); offset >= 0 && reported < MAX_REPLACEMENT_ERRORS; offset = text.indexOf(REPLACEMENT, offset + 1)) {
        const covering = errors.find(error => error.offset <= offset && offset < error.offset + error.length);
        if (covering) {
            if (!covering.message.includes(NOT_UTF8)) covering.message += ` ${NOT_UTF8}`;
            continue;
        }
        starts ??= lineStarts(text);
        errors.push({ offset, length: 1, line: lineOf(starts, offset) + 1, column: offset - lineStartBefore(text, offset) + 1, message: NOT_UTF8 });
        reported++;
    }
}

function refusalOf(text: string): string | undefined {
    if (text.length > MAX_DOCUMENT_LENGTH) {
        const size = (text.length / (1024 * 1024)).toFixed(1);
        return `This file is too large to check (${size} million characters; the limit is ${MAX_DOCUMENT_LENGTH / (1024 * 1024)} million). `
            + 'Split the catalogue into several .mcred files: names resolve across the files of a workspace.';
    }
    const nul = text.indexOf('\0');
    if (nul >= 0) {
        const line = lineOf(lineStarts(text.slice(0, nul + 1)), nul) + 1;
        const column = nul - lineStartBefore(text, nul) + 1;
        return `This file contains binary data (a NUL character at line ${line}, column ${column}): it is not a .mcred text file.`;
    }
    return undefined;
}

function firstLineLength(text: string): number {
    const end = text.search(/[\r\n]/);
    return Math.min(end < 0 ? text.length : end, 200);
}

