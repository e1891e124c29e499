import { EmptyFileSystem, TextDocument, type CstNode, type LangiumDocument, type Stream } from 'langium';
import { AbstractFormatter, type FormattingContext } from 'langium/lsp';
import { clearDocuments, expectFormatting, parseHelper } from 'langium/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { McredFormatter } from '../../language-server/lsp/mcred-formatter.js';
import { createMcredServices } from '../../language-server/mcred-module.js';

const { mcred, shared } = createMcredServices(EmptyFileSystem);
const expectFormatted = expectFormatting(mcred);
const parse = parseHelper(mcred);
const formatter = mcred.lsp.Formatter!;
const OPTIONS = { tabSize: 4, insertSpaces: true };
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

afterEach(() => clearDocuments(shared));

async function format(text: string): Promise<string> {
    const document = await parse(text);
    const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: OPTIONS });
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** Formats, and checks that formatting the result changes nothing. */
async function expectCanonical(before: string, after: string): Promise<void> {
    await expectFormatted({ before, after });
    expect(await format(after)).toBe(after);
}

function mcredFiles(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => entry.isDirectory()
        ? mcredFiles(path.join(dir, entry.name))
        : entry.name.endsWith('.mcred') ? [path.join(dir, entry.name)] : []);
}

describe('the canonical layout', () => {
    test('the reference example of docs/language.md is already canonical: formatting changes nothing', async () => {
        const document = await parse(EXAMPLE);
        expect(document.parseResult.parserErrors).toEqual([]);
        const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: OPTIONS });
        expect(edits).toEqual([]);
    });

    test('every file in examples/ is canonically formatted', async () => {
        for (const file of mcredFiles('examples')) {
            const text = readFileSync(file, 'utf8');
            expect(await format(text), `${file} is not canonically formatted`).toBe(text);
        }
    });

    test('the example without its indentation and blank lines gets both back', async () => {
        const flattened = EXAMPLE.replace(/\n\s*/g, '\n');
        expect(await format(flattened)).toBe(EXAMPLE);
    });

    test('the example on one line is laid out as in docs/language.md (comments aside)', async () => {
        const withoutComments = EXAMPLE.replace(/ +\/\/[^\n]*/g, '');
        const oneLine = withoutComments.replace(/\s+/g, ' ');
        await expectCanonical(oneLine, withoutComments);
    });

    test('one space between tokens, none before a comma, `{` on the header line', async () => {
        await expectCanonical(
            'provider   P\n{name   "P"}\nmicrocredential X{language en ,it  ,fr\nlevel   eqf\n6 awardedBy P}\n',
            'provider P {\n    name "P"\n}\n\nmicrocredential X {\n    language en, it, fr\n    level eqf 6\n    awardedBy P\n}\n'
        );
    });

    test('blank lines: around blocks and the outcome group, one kept elsewhere, none after `{` or before `}`', async () => {
        await expectCanonical([
            'microcredential X {',
            '',
            '    title "T"',
            '',
            '',
            '',
            '    language en',
            '    outcome LO1 "A"',
            '',
            '    outcome LO2 "B"',
            '    assessment { type quiz }',
            '    audience { target "T" }',
            '    prerequisites "P"',
            '',
            '}',
            'provider P { }'
        ].join('\n'), [
            'microcredential X {',
            '    title "T"',
            '',
            '    language en',
            '',
            '    outcome LO1 "A"',
            '',
            '    outcome LO2 "B"',
            '',
            '    assessment {',
            '        type quiz',
            '    }',
            '',
            '    audience {',
            '        target "T"',
            '    }',
            '',
            '    prerequisites "P"',
            '}',
            '',
            'provider P {',
            '}',
            ''
        ].join('\n'));
    });

    test('a skill list continues its outcome one level deeper', async () => {
        await expectCanonical(
            'microcredential X { outcome LO1 "A" skill "http://a", "http://b" outcome LO2 "B" }',
            'microcredential X {\n    outcome LO1 "A"\n        skill "http://a", "http://b"\n    outcome LO2 "B"\n}\n'
        );
    });

    test('procedures, learners and sustainability stay on one line each', async () => {
        await expectCanonical([
            'microcredential X { qualityAssurance { internal exAnte',
            '"Q" external exPost agency "A"',
            '  standard "S" } business { sustainability short "s"',
            'medium "m" long "l" } }',
            'cohort C of X { issued 2026-06-30 learner "A" id "mailto:a@b.c"',
            '   grade "pass" learner "B" }'
        ].join('\n'), [
            'microcredential X {',
            '    qualityAssurance {',
            '        internal exAnte "Q"',
            '        external exPost agency "A" standard "S"',
            '    }',
            '',
            '    business {',
            '        sustainability short "s" medium "m" long "l"',
            '    }',
            '}',
            '',
            'cohort C of X {',
            '    issued 2026-06-30',
            '    learner "A" id "mailto:a@b.c" grade "pass"',
            '    learner "B"',
            '}',
            ''
        ].join('\n'));
    });

    test('tabs instead of spaces when the editor asks for them', async () => {
        await expectFormatted({
            before: 'provider P { name "P" }',
            after: 'provider P {\n\tname "P"\n}\n',
            options: { tabSize: 4, insertSpaces: false }
        });
    });
});

describe('comments', () => {
    test('are kept: trailing ones keep their alignment, own-line ones follow their element', async () => {
        await expectCanonical([
            '',
            '// Programme file header',
            '',
            '',
            '   /* The provider',
            '      of everything */',
            'provider   P{name "P"   // legal',
            ' country IT',
            '  // before the end',
            '     }',
            '// the credential',
            'microcredential X {  // after the brace',
            '  title "T"',
            '  // the outcomes',
            '  outcome LO1 "Explain"',
            '     // with skills',
            '       skill "http://x"',
            '  // assessment next',
            '  assessment A { type project }',
            '}',
            '// end of file'
        ].join('\n'), [
            '// Programme file header',
            '',
            '/* The provider',
            '   of everything */',
            'provider P {',
            '    name "P"   // legal',
            '    country IT',
            '    // before the end',
            '}',
            '',
            '// the credential',
            'microcredential X {  // after the brace',
            '    title "T"',
            '',
            '    // the outcomes',
            '    outcome LO1 "Explain"',
            '        // with skills',
            '        skill "http://x"',
            '',
            '    // assessment next',
            '    assessment A {',
            '        type project',
            '    }',
            '}',
            '// end of file',
            ''
        ].join('\n'));
    });

    test('a token after a trailing comment moves to a continuation line, never onto the comment', async () => {
        await expectCanonical(
            'cohort C of X {\n    learner "A" // first\n id "mailto:a@b.c"\n}\n',
            'cohort C of X {\n    learner "A" // first\n        id "mailto:a@b.c"\n}\n'
        );
    });
});

describe('safety', () => {
    test('a file with syntax errors is left alone', async () => {
        const broken = 'provider P {   name "P"\nmicrocredential {';
        expect(await format(broken)).toBe(broken);
    });

    test('a canonical file with Windows line endings is left as it is', async () => {
        const crlf = EXAMPLE.replace(/\n/g, '\r\n');
        expect(await format(crlf)).toBe(crlf);
    });

    test('formatting twice gives the result of formatting once', async () => {
        const inputs = [
            EXAMPLE.replace(/\n\s*/g, '\n'),
            EXAMPLE.replace(/ +\/\/[^\n]*/g, '').replace(/\s+/g, ' '),
            'provider P{}pathway W{includes A,B level eqf 6}  // end\n\n\n'
        ];
        for (const input of inputs) {
            const once = await format(input);
            expect(await format(once)).toBe(once);
        }
    });
});

describe('format on type and range formatting', () => {
    test('typing `}` re-indents the closing line', async () => {
        expect(formatter.formatOnTypeOptions).toEqual({ firstTriggerCharacter: '}' });
        const text = 'microcredential X {\n    audience {\n        target "T"\n            }\n}\n';
        const document = await parse(text);
        const edits = await formatter.formatDocumentOnType(document, {
            textDocument: { uri: document.uri.toString() }, options: OPTIONS, position: { line: 3, character: 13 }, ch: '}'
        });
        expect(TextDocument.applyEdits(document.textDocument, edits)).toBe('microcredential X {\n    audience {\n        target "T"\n    }\n}\n');
    });

    test('a range walks only the elements it touches, with the edits of walking the whole file', async () => {
        /** The formatter without its range optimisation: Langium walks the whole tree. */
        class WholeTreeFormatter extends McredFormatter {
            protected override iterateCstTree(document: LangiumDocument, context: FormattingContext): Stream<CstNode> {
                const base = AbstractFormatter.prototype as unknown as { iterateCstTree(d: LangiumDocument, c: FormattingContext): Stream<CstNode> };
                return base.iterateCstTree.call(this, document, context);
            }
        }
        const whole = new WholeTreeFormatter(mcred);
        const messy = '// header\nprovider P {name "P"\n  country IT }\n\n\nmicrocredential X { title "T"\n outcome LO1 "A"\n'
            + '   assessment { type quiz\n}\n  }\n// between\ncohort C of X {\nissued 2026-06-30 }\n';
        const document = await parse(messy);
        const lines = messy.split('\n').length;
        for (let first = 0; first < lines; first++) {
            for (let last = first; last < lines; last++) {
                const range = { start: { line: first, character: 0 }, end: { line: last, character: 80 } };
                const params = { textDocument: { uri: document.uri.toString() }, options: OPTIONS, range };
                expect(await formatter.formatDocumentRange(document, params), `lines ${first}-${last}`).toEqual(await whole.formatDocumentRange(document, params));
            }
        }
    });

    test('a range formats only its lines', async () => {
        await expectFormatted({
            before: 'provider P {\nname "P"\ncountry   IT\n}\n',
            after: 'provider P {\nname "P"\n    country IT\n}\n',
            range: { start: { line: 2, character: 0 }, end: { line: 2, character: 12 } }
        });
    });
});
