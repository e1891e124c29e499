import { EmptyFileSystem, TextDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { createMcredServices } from '../../language-server/mcred-module.js';

const { mcred } = createMcredServices(EmptyFileSystem);
const parse = parseHelper(mcred);
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

async function format(text: string) {
    const doc = await parse(text);
    console.log('errors', doc.parseResult.parserErrors.length, doc.parseResult.lexerErrors.length);
    const edits = await mcred.lsp.Formatter!.formatDocument(doc, { textDocument: { uri: doc.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
    return { edits, text: TextDocument.applyEdits(doc.textDocument, edits) };
}

test('format probe', async () => {
    const messy = EXAMPLE.replace(/\n\s*/g, '\n');
    writeFileSync('/tmp/messy.in', messy);
    const m = await format(messy);
    writeFileSync('/tmp/messy.out', m.text);
    const oneLine = EXAMPLE.replace(/ \/\/[^\n]*/g, '').replace(/\s+/g, ' ');
    const o = await format(oneLine);
    writeFileSync('/tmp/oneline.out', o.text);
    const o2 = await format(o.text);
    console.log('idempotent:', o2.text === o.text);
});
