import data from '../../standards/vocab/iso639-1-languages.json' with { type: 'json' };
import { Vocabulary, type Concept } from './vocabulary.js';

export interface Language extends Concept {
    readonly nativeName: string;
    readonly alpha3: string;
}

/** ISO 639-1 languages by two-letter code; `uri` is the EU Publications Office language authority. */
export const LANGUAGES = new Vocabulary<Language>('ISO 639-1 language codes', 'http://publications.europa.eu/resource/authority/language',
    data.languages.map(l => ({
        code: l.alpha2,
        label: l.name,
        nativeName: l.nativeName,
        alpha3: l.alpha3T,
        uri: l.euAuthorityUri,
        description: `${l.name} (${l.nativeName})`
    })));
