import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ImportError, importCredentials, KIND_LABELS, MAX_IMPORT_BYTES, type ImportResult } from '../import/index.js';
import { IMPORT_COMMAND, type ImportCommandArgs, type ImportCommandResult } from '../protocol.js';

/**
 * Imports one credential in the language server, with the same pure functions as `mcred import`.
 * Returns the text; the client writes it beside the credential (never overwriting) and opens it.
 */
export async function importCommand(shared: LangiumSharedServices, args: ImportCommandArgs | undefined): Promise<ImportCommandResult> {
    if (!args || typeof args.uri !== 'string') {
        return { kind: 'error', message: `${IMPORT_COMMAND} expects { uri, text? }` };
    }
    const uri = URI.parse(args.uri);
    const name = uri.path.split('/').pop() ?? args.uri;
    let text = args.text;
    if (text === undefined) {
        try {
            text = await shared.workspace.FileSystemProvider.readFile(uri);
        } catch (error) {
            return { kind: 'error', message: `Cannot read ${name}: ${error instanceof Error ? error.message : String(error)}` };
        }
    }
    let result: ImportResult;
    try {
        if (text.length > MAX_IMPORT_BYTES) throw new ImportError(name, `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the largest credential file mcred imports`);
        result = importCredentials([{ name, text }]);
    } catch (error) {
        if (error instanceof ImportError) return { kind: 'error', message: `Cannot import ${error.message}` };
        throw error;
    }
    const holes = Object.values(result.holes).flat();
    const summary = `Imported ${KIND_LABELS[result.kind]} as ${result.programmeNames.join(', ')}: `
        + (holes.length > 0 ? `${holes.length} Annex I element${holes.length === 1 ? '' : 's'} not stated (holes: ${[...new Set(holes)].join(', ')})` : 'every Annex I programme element stated')
        + `; ${result.factsLost} fact${result.factsLost === 1 ? '' : 's'} not imported (listed at the end).`;
    return {
        kind: 'import',
        text: result.text,
        fileName: `${name.replace(/\.(jsonld|json)$/i, '')}.mcred`,
        summary,
        holes: result.holes,
        factsLost: result.factsLost
    };
}
