/**
 * The conventional order of the elements of each block: the order of the docs/language.md
 * example (and, for what it does not show, of the grammar). A quick fix inserts a missing
 * element after the last element present that comes before it, so that fixed files read like
 * the example. Each slot lists the AST properties that state it.
 */
export const ELEMENT_ORDER: Readonly<Record<string, ReadonlyArray<readonly string[]>>> = {
    Provider: [['legalName'], ['country'], ['region'], ['kind'], ['legalIdentifier'], ['homepage'], ['email']],
    MicroCredential: [
        ['title'], ['description'], ['awardedBy'], ['languages'], ['levels'], ['fields'], ['ects', 'hours'], ['duration'],
        ['participation'], ['setting'], ['outcomes'], ['assessments'], ['audience'], ['format'], ['qualityAssurance'],
        ['business'], ['prerequisites'], ['stackableInto', 'standalone'], ['recognition'], ['furtherInfo'], ['waivers']
    ],
    Assessment: [['type'], ['covers'], ['mode'], ['supervision'], ['grading'], ['description']],
    Audience: [['target'], ['needsAnalysis'], ['coDesignedWith'], ['purposes']],
    Format: [['mode'], ['methodology'], ['scheduleType', 'schedule'], ['sustainability']],
    QualityAssurance: [['procedures'], ['stakeholders'], ['standards'], ['reviewEvery'], ['feedback']],
    Business: [['model'], ['fee'], ['funding'], ['shortRun', 'mediumRun', 'longRun'], ['administration'], ['learnerTypes']],
    Pathway: [['title'], ['description'], ['awardedBy'], ['includes'], ['levels'], ['fields'], ['ects', 'hours'], ['recognition'], ['furtherInfo']],
    Cohort: [['issued'], ['roster'], ['learners']]
};

/** The index of the slot that states `property` in a block of `type`. */
export function slotOf(type: string, property: string): number {
    const index = (ELEMENT_ORDER[type] ?? []).findIndex(slot => slot.includes(property));
    if (index < 0) throw new Error(`No slot for ${type}.${property}`);
    return index;
}
