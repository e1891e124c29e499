/**
 * The protocol between the VS Code extension (or any client) and the server, declared once: every
 * custom request, every `workspace/executeCommand` id and their argument and result types. Both
 * sides import them from here, and the extension imports nothing else of the server (a lint rule
 * enforces it). Type imports are erased, so the extension bundles only this file's constants.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { ExportedDocument, ExportProblem } from './export/export-plan.js';
import type { VerificationResult } from './signing/verify.js';
import type { ReportFormat } from './report/index.js';
import type { CatalogueFormat } from './catalogue/index.js';

export type { ExportedDocument, ExportProblem, ReportFormat, VerificationResult };

// ---------------------------------------------------------------------------------------------
// Client commands that the server's code lenses run (registered by the VS Code extension)

/** Exports one credential as Open Badge 3.0; arguments `(uri, credentialName)`. */
export const EXPORT_OPEN_BADGE_COMMAND = 'mcred.exportOpenBadge';

/** Exports one credential as a Europass credential; arguments `(uri, credentialName)`. */
export const EXPORT_EUROPASS_COMMAND = 'mcred.exportEuropass';

/** Shows the QA report of one credential beside the editor; arguments `(uri, credentialName)`. */
export const SHOW_QA_REPORT_COMMAND = 'mcred.showQaReport';

/** Exports one credential as a signed Open Badge 3.0 (desktop only); arguments `(uri, credentialName)`. */
export const EXPORT_SIGNED_OPEN_BADGE_COMMAND = 'mcred.exportSignedOpenBadge';

/** Verifies the credential file open in the editor (desktop only); argument `(uri)`. */
export const VERIFY_CREDENTIAL_COMMAND = 'mcred.verifyCredential';

/** Imports the credential file open in the editor (or chosen in the explorer) as a programme; argument `(uri)`. */
export const IMPORT_CREDENTIAL_COMMAND = 'mcred.importCredential';

/** Shows the catalogue of the workspace in a webview that follows edits. */
export const SHOW_CATALOGUE_COMMAND = 'mcred.showCatalogue';

/** Opens a new programme from the template. */
export const NEW_PROGRAMME_COMMAND = 'mcred.newProgramme';

// ---------------------------------------------------------------------------------------------
// Requests

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

export const DocumentStatusRequest = new RequestType<DocumentStatusParams, DocumentStatus | null, void>(DOCUMENT_STATUS_REQUEST);

// ---------------------------------------------------------------------------------------------
// workspace/executeCommand: export

/** The `workspace/executeCommand` id of the export. */
export const EXPORT_COMMAND = 'mcred.export';

/** Arguments of `mcred.export` (one object). */
export interface ExportCommandArgs {
    /** The `.mcred` document. */
    readonly uri: string;
    /** List the credentials of the document and their cohorts instead of exporting. */
    readonly list?: boolean;
    readonly format?: string;
    readonly credential?: string;
    readonly cohort?: string;
    readonly template?: boolean;
    /**
     * The folder to export into, a `file:` URI (the extension resolves `mcred.export.outputFolder`).
     * The Node server then writes the files itself, all or none, as `mcred export --out` does, and
     * answers with a summary (`written`), never the documents. Without it, or for a folder on
     * another scheme, or from the web worker (no disk), the answer holds the documents (`export`)
     * and the client writes them.
     */
    readonly outFolder?: string;
}

/** Exports of more credentials than this report their progress (`window/workDoneProgress`). */
export const EXPORT_PROGRESS_THRESHOLD = 500;

/** How many file names the `written` summary lists (the first ones, in writing order). */
export const EXPORT_SUMMARY_FILES = 100;

export interface ExportCommandCredential {
    readonly name: string;
    readonly title?: string;
    readonly cohorts: ReadonlyArray<{ readonly name: string; readonly learners: number; readonly roster?: string }>;
}

export type ExportCommandResult =
    | { readonly kind: 'credentials'; readonly credentials: readonly ExportCommandCredential[] }
    | {
        readonly kind: 'export';
        readonly formatLabel: string;
        readonly documents: readonly ExportedDocument[];
        readonly problems: readonly ExportProblem[];
        readonly notes: readonly string[];
    }
    | {
        /** The server wrote the files into `folder` (all or none). */
        readonly kind: 'written';
        readonly formatLabel: string;
        /** The folder written, as given in `outFolder`. */
        readonly folder: string;
        /** How many credential files were written. */
        readonly count: number;
        /** The first `EXPORT_SUMMARY_FILES` file names, in writing order. */
        readonly files: readonly string[];
        readonly notes: readonly string[];
    }
    | { readonly kind: 'error'; readonly message: string };

// ---------------------------------------------------------------------------------------------
// workspace/executeCommand: QA report

/** The `workspace/executeCommand` id of the QA report. */
export const REPORT_COMMAND = 'mcred.report';

/** Arguments of `mcred.report` (one object). */
export interface ReportCommandArgs {
    /** The `.mcred` document to report on. */
    readonly uri: string;
    /** `html` (default), `md` or `json`. */
    readonly format?: string;
    /** HTML only: `standalone` (the file `mcred report` writes) or `vscode` (a webview page that follows the theme). */
    readonly target?: 'standalone' | 'vscode';
    /** HTML for `vscode`: the nonce of the webview's Content-Security-Policy. */
    readonly nonce?: string;
    /** HTML for `vscode`: the micro-credential to scroll to. */
    readonly credential?: string;
}

export type ReportCommandResult =
    | {
        readonly kind: 'report';
        readonly format: ReportFormat;
        /** The report's title (`QA report — ai-digital-ethics.mcred`). */
        readonly title: string;
        /** The rendered report. */
        readonly content: string;
        /** Names of the micro-credentials reported on. */
        readonly credentials: readonly string[];
    }
    | { readonly kind: 'error'; readonly message: string };

// ---------------------------------------------------------------------------------------------
// workspace/executeCommand of the Node server only (not the web worker): signing and verification

/** The export of `mcred.export`, each credential signed with the key file the user names. */
export const EXPORT_SIGNED_COMMAND = 'mcred.exportSigned';

/** Checks a credential's text as `mcred verify` does, offline. */
export const VERIFY_COMMAND = 'mcred.verify';

export interface ExportSignedArgs extends ExportCommandArgs {
    /** The key file (`mcred keys new`); read by the server, never sent back. */
    readonly keyFile: string;
}

export interface VerifyArgs {
    /** The credential's JSON text (the editor's buffer). */
    readonly text: string;
}

export type VerifyCommandResult = { readonly kind: 'verified'; readonly result: VerificationResult } | { readonly kind: 'error'; readonly message: string };

// ---------------------------------------------------------------------------------------------
// workspace/executeCommand: import

/** The `workspace/executeCommand` id of the import. */
export const IMPORT_COMMAND = 'mcred.import';

/** Arguments of `mcred.import` (one object): the credential file, and its text when the editor has it open. */
export interface ImportCommandArgs {
    readonly uri: string;
    readonly text?: string;
}

export type ImportCommandResult =
    | {
        readonly kind: 'import';
        /** The programme text to write beside the credential. */
        readonly text: string;
        /** The file name to write, before numbering (`credential.mcred`). */
        readonly fileName: string;
        /** One line for the editor's message. */
        readonly summary: string;
        readonly holes: Readonly<Record<string, readonly string[]>>;
        readonly factsLost: number;
    }
    | { readonly kind: 'error'; readonly message: string };

// ---------------------------------------------------------------------------------------------
// workspace/executeCommand: catalogue

/** The `workspace/executeCommand` id of the catalogue of the workspace. */
export const CATALOGUE_COMMAND = 'mcred.catalogue';

/** Arguments of `mcred.catalogue` (one object, optional). */
export interface CatalogueCommandArgs {
    /** `html` (default), `md`, `json` or `csv`. */
    readonly format?: string;
    /** HTML only: `standalone` (the file `mcred catalogue` writes) or `vscode` (a webview page). */
    readonly target?: 'standalone' | 'vscode';
    /** HTML for `vscode`: the nonce of the webview's Content-Security-Policy. */
    readonly nonce?: string;
}

export type CatalogueCommandResult =
    | {
        readonly kind: 'catalogue';
        readonly format: CatalogueFormat;
        readonly title: string;
        readonly content: string;
        /** Milliseconds spent building and rendering (not waiting for the workspace). */
        readonly millis: number;
    }
    | { readonly kind: 'error'; readonly message: string };

/** Every `workspace/executeCommand` the server handles (the others above are the client's). */
export const SERVER_COMMANDS: readonly string[] = [EXPORT_COMMAND, REPORT_COMMAND, IMPORT_COMMAND, CATALOGUE_COMMAND, EXPORT_SIGNED_COMMAND, VERIFY_COMMAND];
