import data from '../../standards/vocab/isced-f-2013.json' with { type: 'json' };
import { Vocabulary, type Concept } from './vocabulary.js';

export interface IscedField extends Concept {
    readonly level: 'broad' | 'narrow' | 'detailed';
    /** Code of the enclosing field, or null for a broad field. */
    readonly parent: string | null;
}

/** ISCED-F 2013 fields of education and training: 11+1 broad, narrow and detailed fields. */
export const ISCED_F_FIELDS = new Vocabulary<IscedField>('ISCED-F 2013 fields of education and training', data.conceptScheme,
    data.fields.map(f => ({
        code: f.code,
        label: f.label,
        level: f.level as IscedField['level'],
        parent: f.parent,
        uri: f.uri
    })));
