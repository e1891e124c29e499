import { DefaultLexer, DefaultLexerErrorMessageProvider, type LexerResult, type TokenizeOptions } from 'langium';

/** Texts longer than this (in characters, about as many bytes) are not parsed: see {@link McredLexer}. */
export const MAX_DOCUMENT_LENGTH = 5 * 1024 * 1024;

/**
 * Langium's lexer, guarded against input that is not a `.mcred` programme at all: a binary file
 * (a NUL character) or a file over {@link MAX_DOCUMENT_LENGTH}. Such a text yields no tokens and a
 * single lexing error that says what is wrong, instead of thousands of "unexpected character"
 * errors, seconds of parsing and hundreds of megabytes for the syntax tree. The error becomes a
 * `syntax-error` diagnostic in the editor and in `mcred check`.
 */
export class McredLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const refusal = refusalOf(text);
        if (refusal) {
            return { tokens: [], hidden: [], errors: [{ offset: 0, length: firstLineLength(text), line: 1, column: 1, message: refusal }] };
        }
        return super.tokenize(text, options);
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
        const before = text.slice(0, nul);
        const line = before.split('\n').length;
        const column = nul - before.lastIndexOf('\n');
        return `This file contains binary data (a NUL character at line ${line}, column ${column}): it is not a .mcred text file.`;
    }
    return undefined;
}

function firstLineLength(text: string): number {
    const end = text.search(/[\r\n]/);
    return Math.min(end < 0 ? text.length : end, 200);
}

/**
 * Langium's lexer messages, plus what a U+FFFD replacement character means: the editor or the
 * file reader met bytes that are not valid UTF-8.
 */
export class McredLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number, line?: number, column?: number): string {
        const message = super.buildUnexpectedCharactersMessage(fullText, startOffset, length, line, column);
        return fullText.slice(startOffset, startOffset + length).includes('\uFFFD')
            ? `${message} The file contains bytes that are not valid UTF-8 text: save it as UTF-8.`
            : message;
    }
}
