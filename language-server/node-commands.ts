import { readFile } from 'node:fs/promises';
import type { ExecuteCommandAcceptor, LangiumSharedServices } from 'langium/lsp';
import { toJsonText, type JsonObject } from './export/json.js';
import { McredExecuteCommandHandler } from './lsp/execute-command-handler.js';
import {
    EXPORT_SIGNED_COMMAND, VERIFY_COMMAND, type ExportCommandResult, type ExportSignedArgs, type VerifyArgs, type VerifyCommandResult
} from './protocol.js';

/**
 * The signing stack (JSON-LD, RDF canonicalisation, Digital Bazaar's libraries: most of the
 * server's code) is loaded when a command first needs it, not at start: validating a file
 * never needs it, and loading it would delay the first diagnostics (issue 18).
 */
const signing = {
    keys: () => import('./signing/keys.js'),
    sign: () => import('./signing/sign.js'),
    verify: async () => ({ ...(await import('./signing/verify.js')), ...(await import('./signing/document-loader.js')) })
};

/**
 * Commands of the Node language server only (not the web worker: signing needs the key file and
 * Node's crypto): `mcred.exportSigned` (the export of `mcred.export`, each credential signed
 * with the key file the user names in the setting `mcred.signing.keyFile`) and `mcred.verify`
 * (a credential file, checked as `mcred verify` does, offline). The VS Code extension only
 * shows their results.
 */

export class NodeExecuteCommandHandler extends McredExecuteCommandHandler {
    constructor(shared: LangiumSharedServices) {
        super(shared);
    }

    override registerCommands(acceptor: ExecuteCommandAcceptor): void {
        super.registerCommands(acceptor);
        acceptor(EXPORT_SIGNED_COMMAND, args => this.exportSigned(args[0] as ExportSignedArgs | undefined));
        acceptor(VERIFY_COMMAND, args => verifyText(args[0] as VerifyArgs | undefined));
    }

    async exportSigned(args: ExportSignedArgs | undefined): Promise<ExportCommandResult> {
        if (!args || typeof args.keyFile !== 'string' || args.keyFile === '') {
            return { kind: 'error', message: 'No signing key: set mcred.signing.keyFile to a key file made with `mcred keys new --out FILE`.' };
        }
        if (args.format !== 'ob3' || args.template) {
            return { kind: 'error', message: 'Only Open Badges 3.0 credentials issued to learners are signed (Europass seals its own).' };
        }
        const { KeyFileError, readKey } = await signing.keys();
        let key;
        try {
            key = await readKey(await readFile(args.keyFile, 'utf8'), args.keyFile);
        } catch (error) {
            return { kind: 'error', message: error instanceof KeyFileError ? error.message : `Cannot read the key file ${args.keyFile} (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
        }
        const result = await this.export(args);
        if (result.kind !== 'export' || result.problems.length > 0) return result;
        const { signCredential, SigningError } = await signing.sign();
        const documents = [];
        for (const document of result.documents) {
            try {
                const signed = await signCredential(JSON.parse(document.text) as Record<string, unknown>, key);
                documents.push({ ...document, text: toJsonText(signed as JsonObject) });
            } catch (error) {
                if (error instanceof SigningError) return { kind: 'error', message: `'${document.credential}' cannot be signed: ${error.message}.` };
                throw error;
            }
        }
        return {
            ...result,
            formatLabel: `signed ${result.formatLabel}`,
            documents,
            notes: result.notes.filter(n => !n.startsWith('Open Badges 3.0: the credentials are unsigned') && !n.includes('cannot be signed'))
        };
    }
}

async function verifyText(args: VerifyArgs | undefined): Promise<VerifyCommandResult> {
    if (!args || typeof args.text !== 'string') return { kind: 'error', message: `${VERIFY_COMMAND} expects { text }` };
    let document: unknown;
    try {
        document = JSON.parse(args.text);
    } catch {
        return { kind: 'error', message: 'This file is not JSON: it cannot be a credential.' };
    }
    const { verifyCredentialDocument, createDocumentLoader } = await signing.verify();
    return { kind: 'verified', result: await verifyCredentialDocument(document, { documentLoader: createDocumentLoader() }) };
}
