import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
    CodeLensRequest, CompletionRequest, DocumentFormattingRequest, HoverRequest, RenameRequest,
    type CompletionList, type MarkupContent
} from 'vscode-languageserver-protocol/node';
import { afterEach, describe, expect, test } from 'vitest';
import { DOCUMENT_STATUS_REQUEST, type DocumentStatus } from '../../language-server/protocol.js';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
const uriOf = (name: string) => pathToFileURL(`/virtual/${name}`).href;

/** Line and character of the end of the first occurrence of `needle` (the cursor after it). */
function after(text: string, needle: string) {
    const offset = text.indexOf(needle) + needle.length;
    const lines = text.slice(0, offset).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

describe('editor features over stdio (built server)', () => {
    let client: LspStdioClient | undefined;
    afterEach(() => client?.kill());

    test('completion and hover, as an editor asks for them', async () => {
        client = LspStdioClient.start();
        const init = await client.initialize();
        expect(init.capabilities).toMatchObject({
            hoverProvider: true,
            completionProvider: { triggerCharacters: ['"'] },
            documentFormattingProvider: true,
            documentOnTypeFormattingProvider: { firstTriggerCharacter: '}' },
            codeLensProvider: {},
            inlayHintProvider: { resolveProvider: false },
            foldingRangeProvider: true,
            renameProvider: { prepareProvider: true },
            workspaceSymbolProvider: {}
        });
        expect(init.capabilities.semanticTokensProvider?.legend.tokenTypes).toContain('enumMember');

        await client.open(uriOf('providers.mcred'), 'provider UNIFI { name "University of Florence" country IT }\n');
        let version = 1;
        const uri = uriOf('programme.mcred');
        await client.open(uri, '');
        /** Completion at the end of `line`, typed as the last line of a credential. */
        const completion = async (line: string) => {
            const text = `microcredential X {\n    title "X"\n    ${line}`;
            await client!.change(uri, text, ++version);
            const result = await client!.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: after(text, line) });
            return (Array.isArray(result) ? result : (result as CompletionList).items);
        };

        const levels = await completion('level eqf ');
        expect(levels.map(i => i.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
        expect((levels[5].documentation as MarkupContent).value).toContain('Knowledge: Advanced knowledge');

        const fields = await completion('field ');
        expect(fields.find(i => i.label === '0223 Philosophy and ethics')?.textEdit?.newText).toBe('"0223"');

        const providers = await completion('awardedBy ');
        expect(providers.map(i => i.label)).toEqual(['UNIFI']);
        expect(providers[0].detail).toBe('University of Florence');

        const hover = async (needle: string) => {
            const position = after(EXAMPLE, needle);
            const result = await client!.connection.sendRequest(HoverRequest.type, { textDocument: { uri: exampleUri }, position });
            return (result?.contents as MarkupContent | undefined)?.value;
        };
        const exampleUri = uriOf('example.mcred');
        await client.open(exampleUri, EXAMPLE);
        expect(await hover('    particip')).toMatch(/^\*\*participation\*\* — .*Annex I element 10/s);
        expect(await hover('participation blen')).toMatch(/^\*\*blended — Blended\*\*/);
        expect(await hover('includes AIDigital')).toContain('5 ECTS · EQF 6 · awarded by University of Florence (UNIFI)');

        expect(await client.shutdown()).toBe(0);
        client = undefined;
    });

    test('formatting, code lens, rename refusal and the status request', async () => {
        client = LspStdioClient.start();
        await client.initialize();
        const uri = uriOf('example.mcred');
        await client.open(uri, EXAMPLE);

        const options = { tabSize: 4, insertSpaces: true };
        const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options });
        expect(edits).toEqual([]);

        const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
        expect(lenses?.map(l => l.command?.title)).toEqual(['Issuable: yes · Annex I 11/11 · QA 17/17', 'QA report', 'Export…']);

        await expect(client.connection.sendRequest(RenameRequest.type, {
            textDocument: { uri }, position: after(EXAMPLE, 'pathway AILit'), newName: 'AIDigitalEthics'
        })).rejects.toThrow("Cannot rename 'AILiteracyPathway' to 'AIDigitalEthics'");

        const status = await client.connection.sendRequest<DocumentStatus | null>(DOCUMENT_STATUS_REQUEST, { uri });
        expect(status).toMatchObject({ errors: 0, credentials: [{ name: 'AIDigitalEthics', issuable: true, issuableText: 'Issuable: yes', annex1Present: 11, annex1Total: 11 }] });
        expect(await client.connection.sendRequest(DOCUMENT_STATUS_REQUEST, { uri: uriOf('unknown.mcred') })).toBeNull();

        expect(await client.shutdown()).toBe(0);
        client = undefined;
    });
});
