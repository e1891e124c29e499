import { EmptyFileSystem, TextDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { createMcredServices } from '../../language-server/mcred-module.js';

const { mcred } = createMcredServices(EmptyFileSystem);
const parse = parseHelper(mcred);

async function format(text: string) {
    const doc = await parse(text);
    console.log('errors', doc.parseResult.parserErrors.length, doc.parseResult.lexerErrors.length);
    const edits = await mcred.lsp.Formatter!.formatDocument(doc, { textDocument: { uri: doc.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
    return { edits, text: TextDocument.applyEdits(doc.textDocument, edits) };
}

test('format probe', async () => {
    const m = await format(readFileSync('/tmp/comments.mcred', 'utf8'));
    writeFileSync('/tmp/comments.out', m.text);
    const o2 = await format(m.text);
    console.log('idempotent:', o2.text === m.text);
    writeFileSync('/tmp/comments.out2', o2.text);
});
