import { DefaultDocumentValidator, DocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { limitSyntaxErrors } from './syntax-error-limit.js';

/**
 * Langium's document validator, with a stable code on every built-in diagnostic (syntax errors
 * and unresolved references get `syntax-error` / `ref-unresolved`), so that every diagnostic
 * the user sees, in the editor or from the CLI, carries a code from the rule table.
 */
export class McredDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            diagnostic.code ??= builtInCode(diagnostic);
        }
        return limitSyntaxErrors(diagnostics);
    }
}

function builtInCode(diagnostic: Diagnostic): string | undefined {
    const dataCode = (diagnostic.data as { code?: string } | undefined)?.code;
    switch (dataCode) {
        case DocumentValidator.LexingError:
        case DocumentValidator.ParsingError:
            return 'syntax-error';
        case DocumentValidator.LinkingError:
            return 'ref-unresolved';
        default:
            return undefined;
    }
}
