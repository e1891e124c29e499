// Every official sample imports into a programme with no syntax error, laid out as the formatter
// lays it out; the Annex I elements it lacks are holes, and `value-hole` is raised for each.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, EmptyFileSystem, TextDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { Model } from '../../language-server/generated/ast.js';
import { importCredentials } from '../../language-server/import/index.js';
import { createMcredServices } from '../../language-server/mcred-module.js';
import { OFFICIAL_SAMPLES } from '../support/import-samples.js';

const { mcred, shared } = createMcredServices(EmptyFileSystem);
const parse = parseHelper<Model>(mcred);
afterEach(() => clearDocuments(shared));


function importSample(sample: string) {
    return importCredentials([{ name: sample, text: readFileSync(path.resolve('standards', sample), 'utf8') }]);
}

describe('official samples import', () => {
    test.each(OFFICIAL_SAMPLES)('%s', async sample => {
        const result = importSample(sample);
        const document = await parse(result.text, { validation: true });
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const codes = (document.diagnostics ?? []).map(d => d.code);
        expect(codes).not.toContain('syntax-error');
        expect(codes).not.toContain('ref-unresolved');
        // Each missing Annex I element is a hole of the syntax tree.
        const holes = AstUtils.streamAst(document.parseResult.value).filter(n => n.$type === 'Hole' || (n as { statementHole?: boolean }).statementHole === true)
            .map(n => (n as { property?: string }).property ?? 'outcome').toArray();
        for (const missing of Object.values(result.holes).flat()) {
            expect(holes).toContain(missing === 'assessment type' ? 'type' : missing);
        }
        const edits = await mcred.lsp.Formatter!.formatDocument(document, {
            textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true }
        });
        expect(TextDocument.applyEdits(document.textDocument, edits)).toBe(result.text);
    });

    test('the EC micro-credential sample gives every element it states, and lacks only QA and a typed assessment… as holes', () => {
        const result = importSample('elm/samples/Sample-MC-Annex1-unsigned.jsonld');
        expect(result.text).toContain('level eqf 6');
        expect(result.text).toContain('workload 2 ects');
        expect(result.text).toContain('participation blended');
        expect(result.text).toContain('learner "Ana Andromeda" id "mailto:ana.andromeda@email.com" grade "Pass"');
        expect(result.text).toContain('type artefact');
        expect(result.holes['DigitalMicroCredentialCreation']).toEqual(['qualityAssurance']);
        expect(result.text).toMatch(/\/\/ not imported: \$\.credentialSubject\.dateOfBirth "1999-10-01T22:00:00Z"/);
    });

    test('credits without a unit are not taken for ECTS: a hole with the number beside it', () => {
        const result = importSample('ob3/examples-thirdparty/mynextid-open-badge-mc-example.json');
        expect(result.text).toContain('workload ? // the credential states 5 credits without saying in which unit');
        expect(result.text).not.toMatch(/workload 5 ects/);
    });

    test('a hashed learner identity stays hashed and is not turned into an id', () => {
        const result = importSample('ob3/examples-thirdparty/mynextid-open-badge-mc-example.json');
        expect(result.text).toMatch(/\/\/ a learner whose name the credential does not state: identity hashed \(emailAddress sha256\$/);
        expect(result.text).not.toMatch(/learner ".*" id "sha256/);
    });
});
