import { AstUtils } from 'langium';
import { isMicroCredential, isPathway, type Credential, type MicroCredential, type Pathway } from '../generated/ast.js';
import { EQF_LEVELS, QF_EHEA_CYCLES } from '../vocab/index.js';

/**
 * The stacking relations of the catalogue, read from both sides: a micro-credential says
 * `stackable into P`, a pathway says `includes A`. Pure; references must be linked. The
 * validator (`pathway-stack-mismatch`, `pathway-level`) and the catalogue call the same functions.
 */

/** The `stackable into` targets of a micro-credential that are pathways not including it, with their index. */
export function stackableButNotIncluded(credential: MicroCredential): Array<{ readonly pathway: Pathway; readonly index: number }> {
    const found: Array<{ pathway: Pathway; index: number }> = [];
    credential.stackableInto.forEach((reference, index) => {
        const target = reference.ref;
        if (isPathway(target) && !target.includes.some(part => part.ref === credential)) found.push({ pathway: target, index });
    });
    return found;
}

/**
 * The micro-credential parts of a pathway that do not say `stackable into` it, with their index.
 * A part whose file has a syntax error is left out: what the parser lost is not known to be missing.
 */
export function includedButNotDeclared(pathway: Pathway): Array<{ readonly part: MicroCredential; readonly index: number }> {
    const found: Array<{ part: MicroCredential; index: number }> = [];
    pathway.includes.forEach((reference, index) => {
        const part = reference.ref;
        if (isMicroCredential(part) && !part.stackableInto.some(target => target.ref === pathway) && !hasSyntaxError(part)) found.push({ part, index });
    });
    return found;
}

/**
 * The EQF level a credential states: `level eqf N`, or the EQF level of its QF-EHEA cycle. A level
 * that is not an EQF level (`level eqf 9`) is not a stated one (`value-eqf` reports it).
 */
export function eqfLevelOf(credential: Credential): number | undefined {
    const eqf = credential.levels.find(l => l.eqf !== undefined)?.eqf;
    if (eqf !== undefined) return EQF_LEVELS.get(String(eqf)) ? eqf : undefined;
    const cycle = credential.levels.find(l => l.cycle !== undefined)?.cycle;
    return cycle ? QF_EHEA_CYCLES.get(cycle)?.eqfLevel : undefined;
}

/** The parts of a pathway whose level is above the pathway's own (both stated), with their index. */
export function partsAboveLevel(pathway: Pathway): Array<{ readonly part: Credential; readonly level: number; readonly index: number }> {
    const own = eqfLevelOf(pathway);
    if (own === undefined) return [];
    const found: Array<{ part: Credential; level: number; index: number }> = [];
    pathway.includes.forEach((reference, index) => {
        const part = reference.ref;
        const level = part && eqfLevelOf(part);
        if (part && level !== undefined && level > own) found.push({ part, level, index });
    });
    return found;
}

function hasSyntaxError(credential: MicroCredential): boolean {
    const result = AstUtils.getDocument(credential).parseResult;
    return result.parserErrors.length > 0 || result.lexerErrors.length > 0;
}
