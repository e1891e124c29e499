import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { createMcredServices } from '../../language-server/mcred-module.js';
import type { Model } from '../../language-server/generated/ast.js';

test('quick', async () => {
    const { mcred } = createMcredServices(EmptyFileSystem);
    const parse = parseHelper<Model>(mcred);
    const doc = await parse(readFileSync('test/fixtures/language-md-example.mcred', 'utf8'), { validation: true });
    console.log(doc.parseResult.lexerErrors, doc.parseResult.parserErrors.map(e => e.message), doc.diagnostics?.map(d => `${d.code} ${d.message}`));
    expect(doc.parseResult.parserErrors).toHaveLength(0);
});
