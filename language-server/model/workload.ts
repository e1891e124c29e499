import { isMicroCredential, isPathway, type Credential, type Pathway } from '../generated/ast.js';

/** Notional learning hours per ECTS credit (ECTS Users' Guide: 25 to 30). */
export const HOURS_PER_ECTS = { min: 25, max: 30 } as const;

/** The notional learning hours that a number of ECTS credits implies. */
export function notionalHours(ects: number): { readonly min: number; readonly max: number } {
    return { min: round(ects * HOURS_PER_ECTS.min), max: round(ects * HOURS_PER_ECTS.max) };
}

export interface PathwayEcts {
    /** Sum of the ECTS of the parts that state (or, for pathways, sum up to) a workload in ECTS. */
    readonly total: number;
    /** Number of parts counted in `total`. */
    readonly counted: number;
    /** Names of the parts without ECTS: unresolved, stated in hours only, or not stated. */
    readonly withoutEcts: readonly string[];
    /** True when the pathway contains itself (its sum is then partial). */
    readonly cyclic: boolean;
}

/**
 * The summed ECTS of the parts a pathway includes. A part that is a pathway counts with its stated
 * ECTS, or else with the sum of its own parts. References must be linked.
 */
export function pathwayEcts(pathway: Pathway): PathwayEcts {
    return sumParts(pathway, new Set([pathway]));
}

/** The ECTS of a credential: stated, or for a pathway without a stated workload the sum of its parts. */
export function credentialEcts(credential: Credential): number | undefined {
    if (credential.ects !== undefined) return credential.ects;
    if (isPathway(credential) && credential.includes.length > 0) {
        const sum = pathwayEcts(credential);
        return sum.withoutEcts.length === 0 && !sum.cyclic ? sum.total : undefined;
    }
    return undefined;
}

function sumParts(pathway: Pathway, visiting: Set<Pathway>): PathwayEcts {
    let total = 0;
    let counted = 0;
    let cyclic = false;
    const withoutEcts: string[] = [];
    for (const reference of pathway.includes) {
        const part = reference.ref;
        let ects: number | undefined;
        if (isMicroCredential(part)) {
            ects = part.ects;
        } else if (isPathway(part)) {
            if (visiting.has(part)) {
                cyclic = true;
                continue;
            }
            if (part.ects !== undefined) {
                ects = part.ects;
            } else {
                visiting.add(part);
                const inner = sumParts(part, visiting);
                visiting.delete(part);
                cyclic ||= inner.cyclic;
                ects = inner.withoutEcts.length === 0 && inner.counted > 0 ? inner.total : undefined;
            }
        }
        if (ects === undefined) {
            withoutEcts.push(reference.$refText);
        } else {
            total += ects;
            counted++;
        }
    }
    return { total: round(total), counted, withoutEcts, cyclic };
}

function round(value: number): number {
    return Math.round(value * 100) / 100;
}
