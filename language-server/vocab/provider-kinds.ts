import { Vocabulary } from './vocabulary.js';

/**
 * The kinds of provider the tools know (`kind university`). The list is open: `kind` accepts any
 * name, and these are offered by completion and documented in docs/language.md. `alliance` has a
 * meaning of its own: an alliance names its `members`, and when it awards without a country of its
 * own, the members' countries are the issuer's (Annex I element 3).
 */
export const PROVIDER_KINDS = new Vocabulary('Provider kinds', undefined, [
    { code: 'university', label: 'University', description: 'A higher education institution.' },
    { code: 'college', label: 'College', description: 'A college or university of applied sciences.' },
    { code: 'vocational-school', label: 'Vocational school', description: 'A provider of vocational education and training.' },
    { code: 'school', label: 'School', description: 'A school outside higher education.' },
    { code: 'company', label: 'Company', description: 'A company or employer that trains or awards.' },
    { code: 'association', label: 'Association', description: 'A professional body, chamber or association.' },
    { code: 'public-body', label: 'Public body', description: 'A ministry, agency or other public authority.' },
    { code: 'alliance', label: 'Alliance', description: 'An alliance or consortium of providers (e.g. a European University alliance) that names its `members`.' },
    { code: 'other', label: 'Other', description: 'Any other kind of organisation.' }
]);
