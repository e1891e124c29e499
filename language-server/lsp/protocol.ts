/**
 * Custom requests between the VS Code extension and the server. Types and names only, no
 * imports: the extension bundles this file without pulling in the server.
 */

/** `mcred/documentStatus`: the diagnostics count and Annex I readiness of one open file. */
export const DOCUMENT_STATUS_REQUEST = 'mcred/documentStatus';

export interface DocumentStatusParams {
    readonly uri: string;
}

export interface CredentialStatus {
    readonly name: string;
    /** Every Annex I element stated with a valid value and no error: the credential can be issued. */
    readonly issuable: boolean;
    /** `Issuable: no — 2 elements missing (level, quality assurance)`. */
    readonly issuableText: string;
    /** Annex I elements stated with a valid value, of 11. */
    readonly annex1Present: number;
    readonly annex1Total: number;
    /** Labels of the Annex I elements not stated (`5 Date of issuing: missing`, `8 Level …: a hole`). */
    readonly annex1Missing: readonly string[];
    /** QA checks of the design method that pass or are waived with a reason. */
    readonly qaPassed: number;
    readonly qaTotal: number;
}

export interface DocumentStatus {
    readonly errors: number;
    readonly warnings: number;
    readonly credentials: readonly CredentialStatus[];
}
