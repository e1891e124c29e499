import type { AstNode } from 'langium';
import {
    isAssessment, isCohort, isMicroCredential, isOutcome, isPathway, isProvider,
    type Level, type MicroCredential, type Pathway, type Provider
} from '../generated/ast.js';
import { ASSESSMENT_TYPES, COUNTRIES, EQF_LEVELS, ESCO_SKILLS, QF_EHEA_CYCLES } from '../vocab/index.js';
import { credentialEcts } from '../model/workload.js';
import { cohortCredential, cohortCredentialName } from '../model/credential-contexts.js';

/**
 * A short description of a declared element for hovers on references and for completion items:
 * what a designer needs to recognise it (title, ECTS, level, awarding body).
 */
export interface ElementSummary {
    /** `microcredential AIDigitalEthics`. */
    readonly heading: string;
    /** One line: title, legal name or statement. */
    readonly detail?: string;
    /** Facts, each a short phrase (`5 ECTS`, `EQF 6`, `awarded by University of Florence`). */
    readonly facts: readonly string[];
}

export function elementSummary(node: AstNode): ElementSummary | undefined {
    if (isProvider(node)) {
        const country = node.country ? COUNTRIES.get(node.country) : undefined;
        return {
            heading: `provider ${node.name}`,
            detail: node.legalName,
            facts: [
                node.country ? (country ? `${country.label} (${node.country})` : node.country) : undefined,
                node.region,
                node.kind,
                node.homepage
            ].filter(isDefined)
        };
    }
    if (isMicroCredential(node) || isPathway(node)) {
        return {
            heading: `${isPathway(node) ? 'pathway' : 'microcredential'} ${node.name}`,
            detail: node.title,
            facts: credentialFacts(node)
        };
    }
    if (isCohort(node)) {
        const learners = node.learners.length;
        return {
            heading: `cohort ${node.name}`,
            detail: cohortCredential(node)?.title ?? cohortCredentialName(node),
            facts: [
                node.issued ? `issued ${node.issued}` : undefined,
                learners > 0 ? `${learners} learner${learners === 1 ? '' : 's'}` : undefined,
                node.roster ? `roster ${node.roster}` : undefined
            ].filter(isDefined)
        };
    }
    if (isOutcome(node)) {
        return {
            heading: `outcome ${node.name}`,
            detail: node.statement,
            facts: node.skills.map(uri => ESCO_SKILLS.get(uri)?.label ?? uri)
        };
    }
    if (isAssessment(node)) {
        const type = node.type ? ASSESSMENT_TYPES.get(node.type)?.label ?? node.type : undefined;
        return {
            heading: `assessment${node.name ? ` ${node.name}` : ''}`,
            detail: type,
            facts: [
                node.covers.length > 0 ? `covers ${node.covers.map(c => c.$refText).join(', ')}` : undefined,
                node.grading ? `grading ${node.grading}` : undefined
            ].filter(isDefined)
        };
    }
    return undefined;
}

export function summaryMarkdown(summary: ElementSummary): string {
    const lines = [`**${summary.heading}**${summary.detail ? ` — ${summary.detail}` : ''}`];
    if (summary.facts.length > 0) lines.push('', summary.facts.join(' · '));
    return lines.join('\n');
}

function credentialFacts(credential: MicroCredential | Pathway): string[] {
    const ects = credentialEcts(credential);
    const workload = ects !== undefined
        ? `${ects} ECTS${credential.ects === undefined ? ' (sum of its parts)' : ''}`
        : credential.hours !== undefined ? `${credential.hours} hours` : undefined;
    return [
        workload,
        ...credential.levels.map(levelText),
        credential.awardedBy.length > 0 ? `awarded by ${credential.awardedBy.map(providerName).join(', ')}` : undefined
    ].filter(isDefined);
}

function levelText(level: Level): string | undefined {
    if (level.eqf !== undefined) {
        return EQF_LEVELS.has(String(level.eqf)) ? `EQF ${level.eqf}` : `EQF ${level.eqf} (not a level)`;
    }
    if (level.cycle) return QF_EHEA_CYCLES.get(level.cycle)?.label ?? level.cycle;
    if (level.notApplicable) return `no level${level.reason ? `: ${level.reason}` : ''}`;
    return undefined;
}

function providerName(reference: { ref?: Provider; $refText: string }): string {
    const provider = reference.ref;
    return provider?.legalName ? `${provider.legalName} (${reference.$refText})` : reference.$refText;
}

function isDefined<T>(value: T | undefined): value is T {
    return value !== undefined && value !== '';
}
