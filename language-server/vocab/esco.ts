import data from './data/esco-skills.json' with { type: 'json' };
import { Vocabulary, type Concept } from './vocabulary.js';

export interface EscoSkill extends Concept {
    readonly altLabels: readonly string[];
    /** ESCO collections the skill belongs to (`transversal`, `digital`, `official-samples`). */
    readonly collections: readonly string[];
}

/**
 * The ESCO skills shipped with mcred (transversal and digital collections, and the skills of the
 * official sample credentials), keyed by URI. ESCO has about 14,000 skills: a URI not in this
 * subset may still be a valid ESCO skill.
 */
export const ESCO_SKILLS = new Vocabulary<EscoSkill>('ESCO skills (shipped subset)', data.conceptScheme,
    data.skills.map(s => ({
        code: s.uri,
        uri: s.uri,
        label: s.label,
        altLabels: s.altLabels,
        collections: s.collections,
        ...(s.description ? { description: s.description } : {})
    })));

export const ESCO_SKILL_URI_PREFIX = 'http://data.europa.eu/esco/skill/';
