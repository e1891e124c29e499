import data from '../../standards/vocab/eqf-levels.json' with { type: 'json' };
import { Vocabulary, type Concept } from './vocabulary.js';

export interface EqfLevel extends Concept {
    readonly level: number;
    readonly knowledge: string;
    readonly skills: string;
    readonly responsibilityAndAutonomy: string;
    /** The QF-EHEA cycle that corresponds to this level, if any (`first cycle`). */
    readonly qfEheaCycle: string | null;
}

/** EQF levels 1–8 (European Qualifications Framework, 2017/C 189/03), with descriptor summaries. */
export const EQF_LEVELS = new Vocabulary<EqfLevel>('European Qualifications Framework levels', data.conceptScheme,
    data.levels.map(l => ({
        code: String(l.level),
        label: l.prefLabel,
        level: l.level,
        uri: l.uri,
        knowledge: l.knowledge,
        skills: l.skills,
        responsibilityAndAutonomy: l.responsibilityAndAutonomy,
        qfEheaCycle: l.qfEheaCycle,
        description: `Knowledge: ${l.knowledge}. Skills: ${l.skills}. Responsibility and autonomy: ${l.responsibilityAndAutonomy}.`
    })));

export interface QfEheaCycle extends Concept {
    /** The EQF level the cycle corresponds to. */
    readonly eqfLevel: number;
}

/** The cycles of the Framework of Qualifications of the European Higher Education Area. */
export const QF_EHEA_CYCLES = new Vocabulary<QfEheaCycle>('QF-EHEA cycles', undefined, [
    { code: 'short-cycle', label: 'Short cycle', eqfLevel: 5, description: 'Short cycle within or linked to the first cycle (EQF level 5).' },
    { code: 'first', label: 'First cycle', eqfLevel: 6, description: 'First cycle, bachelor level (EQF level 6).' },
    { code: 'second', label: 'Second cycle', eqfLevel: 7, description: 'Second cycle, master level (EQF level 7).' },
    { code: 'third', label: 'Third cycle', eqfLevel: 8, description: 'Third cycle, doctoral level (EQF level 8).' }
]);
