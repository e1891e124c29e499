import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { createMcredServices } from '../../language-server/mcred-module.js';

const { mcred } = createMcredServices(EmptyFileSystem);
const parse = parseHelper(mcred);
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

test('hover probe', async () => {
    const doc = await parse(EXAMPLE.replace('title "AI & Digital Ethics"\n', ''), { validation: true });
    for (const needle of ['awardedBy UNIFI', 'UNIFI', 'country IT', ' IT', 'eqf 6', '6\n', '"0223"', 'blended', 'supervised-with-id', 'LO1, LO2', 'AIDigitalEthics {', 'of AIDigitalEthics', 'AIDigitalEthics            //', 'skill', '5 ects', 'microcredential', 'mode', 'internal', 'sustainability short', 'upskilling']) {
        const offset = doc.textDocument.getText().indexOf(needle) + (needle.startsWith(' ') ? 1 : 0) + (needle.startsWith('of ') ? 3 : 0);
        const hover = await mcred.lsp.HoverProvider!.getHoverContent(doc, { textDocument: { uri: doc.uri.toString() }, position: doc.textDocument.positionAt(offset) });
        console.log(`=== ${needle}\n${(hover?.contents as { value: string } | undefined)?.value}`);
    }
});
