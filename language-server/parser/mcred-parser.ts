import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type ParseResult } from 'langium';
import type { IOrAlt, IToken } from 'chevrotain';

/** At most this many lines are recovered per text. */
export const MAX_LINE_RECOVERIES = 50;

/** What the recovery needs of Chevrotain's parser (protected members of its recognizer). */
interface Recognizer {
    LA(howMuch: number): IToken;
    SKIP_TOKEN(): IToken;
    isBackTracking(): boolean;
    recoveryEnabled: boolean;
    getCurrRuleFullName(): string;
    SAVE_ERROR(error: Error): Error;
    raiseNoAltException(occurrence: number, errMsgTypes: string | undefined): never;
    _errors: Error[];
}

/**
 * Makes "no viable alternative" errors cheap: Chevrotain computes the expected token sequences of
 * the alternation for every such error (about 20 ms for the 200 alternatives of a micro-credential's
 * properties). They depend only on the alternation, so the first error computes them and later
 * errors of the same alternation reuse them; only "but found" changes.
 */
function cacheNoViableAltMessages(recognizer: Recognizer): void {
    const original = recognizer.raiseNoAltException;
    const expected = new Map<string, { prefix: string; type: new (message: string, token: IToken, previous: IToken) => Error }>();
    recognizer.raiseNoAltException = function (this: Recognizer, occurrence: number, errMsgTypes: string | undefined): never {
        const key = `${this.getCurrRuleFullName()}:${occurrence}`;
        let known = expected.get(key);
        if (!known) {
            try {
                original.call(this, occurrence, errMsgTypes);
            } catch (error) {
                const message = (error as Error).message;
                const at = message.lastIndexOf('\nbut found: ');
                // The original saved its error: ours replaces it.
                if (at < 0 || this._errors[this._errors.length - 1] !== error) throw error;
                this._errors.pop();
                known = { prefix: message.slice(0, at), type: (error as Error).constructor as new (message: string, token: IToken, previous: IToken) => Error };
                expected.set(key, known);
            }
        }
        const token = this.LA(1);
        throw this.SAVE_ERROR(new known!.type(`${known!.prefix}\nbut found: '${token.image}'`, token, this.LA(0)));
    };
}

/**
 * Langium's parser, with one more recovery rule suited to a language of one property per line:
 * when no alternative matches a line (`level EQF 6`, `workload 5 ECTS`, `participation Blended`),
 * the error is recorded and the rest of that line (with any block it opens) is skipped, so that
 * the parser goes on with the next property of the same block. Without it, the error ends the
 * whole block: every later property of the programme would be lost from the tree and the
 * programme would look as if it lacked them. The skipped line states nothing (its element is
 * not stated; the syntax error says why).
 *
 * Chevrotain computes the expected alternatives of each such error, which costs milliseconds: after
 * {@link MAX_LINE_RECOVERIES} recovered lines in one text, the parser's own recovery takes over again
 * (a file of garbage is not made slow to parse; its first errors are the ones a person reads).
 */
export class McredParser extends LangiumParser {
    private recoveries = 0;

    constructor(services: LangiumCoreServices) {
        super(services);
        cacheNoViableAltMessages(this.wrapper as unknown as Recognizer);
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: { rule?: string }): ParseResult<T> {
        this.recoveries = 0;
        return super.parse<T>(input, options);
    }

    /**
     * Parses `input` (one top-level block, for incremental parsing) and tells whether the parser
     * looked past the input's last token before consuming it: a lookahead or a recovery that
     * reached the end of the input. When it did not, the tokens that would follow the block in
     * the whole file cannot have changed how the block is parsed.
     */
    parseLookingAhead(input: string): { result: ParseResult; lookedPastEnd: boolean } {
        const recognizer = this.wrapper as unknown as Recognizer & { currIdx: number; tokVectorLength: number; LA_FAST(howMuch: number): IToken };
        const own = { LA: Object.getOwnPropertyDescriptor(recognizer, 'LA'), LA_FAST: Object.getOwnPropertyDescriptor(recognizer, 'LA_FAST') };
        const { LA, LA_FAST } = recognizer;
        let lookedPastEnd = false;
        const watch = (howMuch: number) => {
            if (recognizer.currIdx < recognizer.tokVectorLength - 1 && recognizer.currIdx + howMuch >= recognizer.tokVectorLength) lookedPastEnd = true;
        };
        recognizer.LA = function (this: Recognizer, howMuch: number) {
            watch(howMuch);
            return LA.call(this, howMuch);
        };
        recognizer.LA_FAST = function (this: Recognizer, howMuch: number) {
            watch(howMuch);
            return LA_FAST.call(this, howMuch);
        };
        try {
            return { result: this.parse(input), lookedPastEnd };
        } finally {
            for (const key of ['LA', 'LA_FAST'] as const) {
                const descriptor = own[key];
                if (descriptor) Object.defineProperty(recognizer, key, descriptor);
                else delete (recognizer as Partial<typeof recognizer>)[key];
            }
        }
    }

    override alternatives(idx: number, choices: Array<IOrAlt<unknown>>): void {
        if (this.isRecording()) {
            super.alternatives(idx, choices);
            return;
        }
        try {
            super.alternatives(idx, choices);
        } catch (error) {
            if (!this.recoverLine(error)) throw error;
        }
    }

    /** Skips the rest of the line of a "no viable alternative" error; false when that is not possible. */
    private recoverLine(error: unknown): boolean {
        const recognizer = this.wrapper as unknown as Recognizer;
        const failed = error as { name?: string; token?: IToken };
        if (failed.name !== 'NoViableAltException' || !failed.token || !recognizer.recoveryEnabled || recognizer.isBackTracking()) return false;
        if (++this.recoveries > MAX_LINE_RECOVERIES) return false;
        const line = failed.token.startLine ?? 0;
        let depth = 0;
        let skipped = 0;
        for (let token = recognizer.LA(1); token.tokenType.name !== 'EOF'; token = recognizer.LA(1)) {
            const image = token.image;
            if (depth === 0 && (token.startLine ?? 0) > line) break;
            if (image === '}' && token.tokenType.name === '}') {
                if (depth === 0) break;
                depth--;
            } else if (image === '{' && token.tokenType.name === '{') {
                depth++;
            }
            recognizer.SKIP_TOKEN();
            skipped++;
        }
        return skipped > 0;
    }
}

/** Creates and finalizes the mcred parser (what Langium's `createLangiumParser` does for its own). */
export function createMcredParser(services: LangiumCoreServices): LangiumParser {
    const parser = createParser(services.Grammar, new McredParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
