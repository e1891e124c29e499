import { Vocabulary } from './vocabulary.js';

const names = new Intl.DisplayNames(['en'], { type: 'currency' });

/** ISO 4217 currency codes, as known to the JavaScript runtime's Intl data. */
export const CURRENCIES = new Vocabulary('ISO 4217 currency codes', undefined,
    Intl.supportedValuesOf('currency').map(code => ({ code, label: names.of(code) ?? code })));
