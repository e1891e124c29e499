import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { isPathway, type Credential, type McredAstType, type Pathway } from '../generated/ast.js';
import type { CheckFamily } from './check-family.js';
import { report } from './report.js';

/**
 * Pathways, the larger credentials that stack micro-credentials from any file of the workspace
 * (docs/rules.md): a pathway never contains itself, and the ECTS it states agree with the sum
 * of its parts. Both follow `includes` references, so the work is proportional to the pathway's
 * own parts, not to the workspace.
 */
export class PathwayChecks implements CheckFamily {
    readonly checks: ValidationChecks<McredAstType> = {
        Pathway: [this.checkNoCycle, this.checkEctsSum]
    };

    checkNoCycle(pathway: Pathway, accept: ValidationAcceptor): void {
        pathway.includes.forEach((reference, index) => {
            const part = reference.ref;
            if (!part) return;
            const route = routeBack(part, pathway, new Set());
            if (route) {
                const names = [pathway.name, ...route.map(p => p.name)];
                report(accept, 'pathway-cycle',
                    route.length === 1
                        ? `Pathway '${pathway.name}' includes itself`
                        : `Pathway '${pathway.name}' contains itself through ${names.join(' → ')}: a pathway cannot be one of its own parts`,
                    { node: pathway, property: 'includes', index }, { cycle: names });
            }
        });
    }

    checkEctsSum(pathway: Pathway, accept: ValidationAcceptor): void {
        if (pathway.ects === undefined || pathway.includes.length === 0) return;
        const parts = pathway.includes.map(reference => reference.ref);
        if (parts.some(part => part === undefined)) return;
        const credits = parts.map(part => ectsOf(part!, new Set([pathway])));
        if (credits.some(c => c === undefined)) return;
        const sum = credits.reduce<number>((total, c) => total + c!, 0);
        if (Math.abs(sum - pathway.ects) > 1e-9) {
            const detail = parts.map((part, i) => `${part!.name} ${credits[i]}`).join(' + ');
            report(accept, 'pathway-ects-sum',
                `Pathway '${pathway.name}' states ${pathway.ects} ECTS, but its parts add up to ${round(sum)} (${detail}): state ${round(sum)} or leave the workload out (it is then the sum of its parts)`,
                { node: pathway, property: 'ects' }, { stated: pathway.ects, sum: round(sum) });
        }
    }
}

/** The ECTS of a credential: stated, or for a pathway without a stated workload the sum of its parts. */
export function ectsOf(credential: Credential, visiting: Set<Pathway>): number | undefined {
    if (credential.ects !== undefined) return credential.ects;
    if (!isPathway(credential) || visiting.has(credential) || credential.includes.length === 0) return undefined;
    visiting.add(credential);
    try {
        let sum = 0;
        for (const reference of credential.includes) {
            const part = reference.ref;
            const credits = part && ectsOf(part, visiting);
            if (credits === undefined) return undefined;
            sum += credits;
        }
        return sum;
    } finally {
        visiting.delete(credential);
    }
}

/** The pathways from `from` back to `target` through `includes` (ending with `target`), if any. */
function routeBack(from: Credential, target: Pathway, seen: Set<Pathway>): Pathway[] | undefined {
    if (!isPathway(from)) return undefined;
    if (from === target) return [target];
    if (seen.has(from)) return undefined;
    seen.add(from);
    for (const reference of from.includes) {
        const part = reference.ref;
        const rest = part && routeBack(part, target, seen);
        if (rest) return [from, ...rest];
    }
    return undefined;
}

function round(n: number): number {
    return Math.round(n * 100) / 100;
}
