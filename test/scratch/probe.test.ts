import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { test } from 'vitest';
import { createMcredServices } from '../../language-server/mcred-module.js';

const { mcred } = createMcredServices(EmptyFileSystem);
const parse = parseHelper(mcred);

async function complete(text: string) {
    const offset = text.indexOf('|');
    const doc = await parse(text.replace('|', ''));
    const list = await mcred.lsp.CompletionProvider!.getCompletion(doc, { textDocument: { uri: doc.uri.toString() }, position: doc.textDocument.positionAt(offset) });
    return list!.items.slice(0, 3).map(i => `${i.label} ${JSON.stringify(i.textEdit)}`).concat([String(list!.items.length)]);
}

test('probe', async () => {
    console.log('field ""', await complete('microcredential X { field "|" }'));
    console.log('field "02"', await complete('microcredential X { field "02|" }'));
    console.log('title ""', await complete('microcredential X { title "ab|c" }'));
    console.log('title "" end', await complete('microcredential X { title "abc"| }'));
    console.log('skill ""', await complete('microcredential X { outcome L "x" skill "|" }'));
    console.log('covers type', await complete('microcredential X { outcome type "x" assessment { covers t| } }'));
});
