import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMcredServices } from '../../language-server/mcred-module.js';
import type { McredDocumentValidator } from '../../language-server/validation/mcred-document-validator.js';
import type { McredDocumentBuilder } from '../../language-server/workspace/mcred-document-builder.js';

/**
 * The validator reuses the findings of the top-level elements an edit did not touch
 * (validation/element-diagnostics.ts). Edits chosen to change what other elements' checks read —
 * a provider's country (the issuer of the credentials it awards), a cohort's dates (the QA review
 * of its credential), a declaration's name (duplicates, references that resolve or no longer do),
 * a line added above (positions) — must give the diagnostics a validation from scratch gives.
 */
const uri = URI.parse('file:///catalogue/all.mcred');
const examples = readdirSync('examples').filter(name => name.endsWith('.mcred')).sort();
const catalogue = examples.map(name => readFileSync(path.join('examples', name), 'utf8')).join('\n');

const shape = (document: LangiumDocument) => (document.diagnostics ?? []).map(d => ({
    code: d.code, severity: d.severity, range: d.range, message: d.message, related: d.relatedInformation, data: JSON.stringify(d.data)
}));

/** Edits of `text` that reach across elements, each with the way back. */
function crossElementEdits(text: string): Array<{ what: string; at: number; from: string; to: string }> {
    const edits: Array<{ what: string; at: number; from: string; to: string }> = [];
    for (const m of text.matchAll(/^( +country )([A-Z]{2})$/gm)) edits.push({ what: `country ${m[2]} → ZZ`, at: m.index + m[1].length, from: m[2], to: 'ZZ' });
    for (const m of text.matchAll(/\b(20\d\d)(-\d\d-\d\d)\b/g)) edits.push({ what: `date ${m[0]} → 2019`, at: m.index, from: m[1], to: '2019' });
    const names = [...text.matchAll(/^(provider|microcredential|pathway) (\w+)/gm)];
    names.forEach((m, i) => {
        const other = names[(i + 1) % names.length][2];
        edits.push({ what: `rename ${m[2]} → ${other}`, at: m.index + m[1].length + 1, from: m[2], to: other });
    });
    for (const m of text.matchAll(/^(microcredential|pathway|cohort) /gm)) edits.push({ what: `a line above ${m[1]} at ${m.index}`, at: m.index, from: '', to: '// moved\n' });
    return edits;
}

test('reused findings equal a validation from scratch after edits that reach across elements', async () => {
    const editor = createMcredServices(EmptyFileSystem);
    const reference = createMcredServices(EmptyFileSystem);
    await editor.shared.workspace.WorkspaceManager.initialized({});
    await reference.shared.workspace.WorkspaceManager.initialized({});
    const builder = editor.shared.workspace.DocumentBuilder as McredDocumentBuilder;
    let version = 0;
    const edit = async (text: string) => {
        editor.shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'mcred', ++version, text));
        builder.scheduleUpdate([uri], []);
        await builder.settled();
        return editor.shared.workspace.LangiumDocuments.getDocument(uri)!;
    };
    const fromScratch = async (text: string) => {
        const document = reference.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        reference.shared.workspace.LangiumDocuments.addDocument(document);
        await reference.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const result = shape(document);
        reference.shared.workspace.LangiumDocuments.deleteDocument(uri);
        reference.shared.workspace.IndexManager.remove(uri);
        return result;
    };

    await edit(catalogue);
    const all = crossElementEdits(catalogue);
    expect(all.length).toBeGreaterThan(20);
    // An even sample, so that the test stays short.
    const sample = all.filter((_, i) => i % Math.ceil(all.length / 24) === 0);
    const counts = (editor.mcred.validation.DocumentValidator as McredDocumentValidator).elements.counts;
    const before = { ...counts };
    for (const { what, at, from, to } of sample) {
        for (const text of [catalogue.slice(0, at) + to + catalogue.slice(at + from.length), catalogue]) {
            const document = await edit(text);
            expect(shape(document), `${what}${text === catalogue ? ' (and back)' : ''}`).toEqual(await fromScratch(text));
        }
    }
    // The findings of most elements were reused.
    expect(counts.reused - before.reused).toBeGreaterThan(counts.validated - before.validated);
}, 120_000);
