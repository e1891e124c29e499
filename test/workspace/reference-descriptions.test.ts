import { readFileSync } from 'node:fs';
import { DefaultReferenceDescriptionProvider, EmptyFileSystem, URI, type ReferenceDescription } from 'langium';
import { expect, test } from 'vitest';
import { multiFileWorkspace, renderMcred, singleFileWorkspace } from '../../bench/workspace-model.js';
import { createMcredServices } from '../../language-server/mcred-module.js';

/** The reference index built from the linker's references equals Langium's, built by walking the tree. */
async function descriptions(files: Array<{ name: string; text: string }>, langium: boolean): Promise<string[]> {
    const { shared } = createMcredServices(EmptyFileSystem, langium
        ? { mcred: { workspace: { ReferenceDescriptionProvider: services => new DefaultReferenceDescriptionProvider(services) } } }
        : {});
    const documents = files.map(({ name, text }) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///refs/${name}.mcred`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, {});
    const key = (d: ReferenceDescription) => [d.sourceUri.toString(), d.sourcePath, d.targetUri.toString(), d.targetPath,
        d.segment.offset, d.segment.end, d.local].join(' ');
    const all: string[] = [];
    for (const document of documents) {
        const provider = shared.ServiceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
        all.push(...(await provider.createDescriptions(document)).map(key));
    }
    return all.sort();
}

test('the same reference descriptions as Langium, in one file and across files', async () => {
    const broken = readFileSync('test/fixtures/language-md-example.mcred', 'utf8').replace('covers LO1, LO2', 'covers LO1, LO7');
    const files = [
        { name: 'example', text: broken },
        { name: 'catalogue', text: renderMcred(singleFileWorkspace(600, 5)) },
        ...multiFileWorkspace(40, 9).map(({ name, file }) => ({ name, text: renderMcred(file) }))
    ];
    const mine = await descriptions(files, false);
    const langiums = await descriptions(files, true);
    expect(mine.length).toBeGreaterThan(200);
    expect(mine).toEqual(langiums);
});
