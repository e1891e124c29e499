import type { CredentialModel, Issuance } from '../model/credential-model.js';
import { ELM_SEALING_SERVICE_PROPERTIES, elmCredential, elmQualification } from './elm.js';
import type { IdentityOptions } from './identity-hash.js';
import type { JsonObject } from './json.js';
import { ob3Achievement, ob3Credential } from './ob3.js';

/**
 * The export formats. A new format is a new exporter file and one entry here: the CLI, the
 * language server command and the VS Code commands read this list.
 */
export interface ExportFormat {
    /** What `--format` takes. */
    readonly id: string;
    readonly label: string;
    /** File name ending of its documents (after the credential and learner part). */
    readonly extension: string;
    /** One credential for one learner. */
    credential(model: CredentialModel, issuance: Issuance, options?: IdentityOptions): JsonObject;
    /** The achievement template, without learner or date of issuing. */
    template(model: CredentialModel): JsonObject;
    /** What the format leaves to the issuing service, told to the user after an export. */
    readonly notes: readonly string[];
}

export const EXPORT_FORMATS = [
    {
        id: 'ob3',
        label: 'Open Badges 3.0',
        extension: '.ob3.json',
        credential: ob3Credential,
        template: ob3Achievement,
        notes: ['Open Badges 3.0: the credentials are unsigned (sign them with `mcred export --sign KEY`, or let the issuing platform add the proof).']
    },
    {
        id: 'elm',
        label: 'Europass credential (ELM 3.2)',
        extension: '.elm.jsonld',
        credential: elmCredential,
        template: elmQualification,
        notes: [`Europass: the credentials are unsigned; the Europass sealing service adds ${ELM_SEALING_SERVICE_PROPERTIES.map(p => p.what).join(' and ')}.`]
    }
] as const satisfies readonly ExportFormat[];

export type ExportFormatId = typeof EXPORT_FORMATS[number]['id'];

export const EXPORT_FORMAT_IDS: readonly ExportFormatId[] = EXPORT_FORMATS.map(f => f.id);

export function exportFormat(id: string): ExportFormat | undefined {
    return EXPORT_FORMATS.find(f => f.id === id);
}
