import data from '../../standards/vocab/iso3166-1-countries.json' with { type: 'json' };
import { Vocabulary, type Concept } from './vocabulary.js';

export interface Country extends Concept {
    readonly alpha3: string;
}

/** ISO 3166-1 countries by alpha-2 code; `uri` is the EU Publications Office country authority. */
export const COUNTRIES = new Vocabulary<Country>('ISO 3166-1 alpha-2 country codes', 'http://publications.europa.eu/resource/authority/country',
    data.countries.map(c => ({ code: c.alpha2, label: c.name, alpha3: c.alpha3, uri: c.euAuthorityUri })));
