import type { Language } from '../vocab/index.js';
import type { CredentialModel } from '../model/credential-model.js';

/**
 * The language of a credential's texts, as an export states it. There is no default: `planExport`
 * refuses a programme without `language` before any exporter runs, so reaching the error below
 * is a bug, never a silent "en".
 */
export function textLanguage(model: CredentialModel): Language {
    if (!model.language) throw new Error(`'${model.name}' states no language: the export must refuse it before rendering`);
    return model.language;
}
