import {
    AstUtils, CstUtils, GrammarAST, interruptAndCheck, isLeafCstNode, type AstNode, type Cancellation, type ValidationAcceptor, type ValidationChecks
} from 'langium';
import { isHole, isModel, isOutcome, isQaProcedure, type McredAstType, type Model } from '../generated/ast.js';
import { isPlaceholder } from '../model/placeholders.js';
import type { CheckFamily } from './check-family.js';
import { report } from './report.js';

/** Nodes visited between two chances to yield (Langium yields when 10 ms have passed). */
const YIELD_EVERY = 500;

/** What a hole stands for, in a designer's words, by property. */
const WHAT: Record<string, string> = {
    level: 'the level (EQF 1–8, a QF-EHEA cycle, or none with a reason)',
    workload: 'the workload (ECTS credits)',
    hours: 'the workload in hours',
    country: 'the country (ISO 3166-1 code)',
    awardedBy: 'the awarding body',
    type: 'the type of assessment',
    participation: 'the form of participation (online, onsite or blended)',
    title: 'the title',
    issued: 'the date of issuing',
    qualityAssurance: 'the quality assurance',
    outcome: 'the learning outcomes',
    internal: 'the internal quality assurance',
    external: 'the external quality assurance',
    statement: 'the statement of the outcome'
};

/**
 * Values nobody has decided (docs/language.md, "Holes and placeholders"): every hole `?` raises
 * `value-hole` and every text that only holds a placeholder (`"TBD"`, `"-"`, `""`, …) raises
 * `value-placeholder`. Both are errors that cannot be waived; the element they stand for counts
 * as missing everywhere (model/stated.ts), so the Annex I and QA checks do not report it again.
 */
export class HoleChecks implements CheckFamily {
    readonly checks: ValidationChecks<McredAstType> = {
        Model: [this.checkHoles, this.checkPlaceholders]
    };

    // Both walk the whole file: they yield to other requests (hover, completion) as they go, so a
    // large file does not hold the server for the length of the walk.
    async checkHoles(model: Model, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        let visited = 0;
        for (const node of AstUtils.streamAllContents(model)) {
            if (++visited % YIELD_EVERY === 0) await interruptAndCheck(cancelToken);
            if (isHole(node)) {
                reportHole(accept, node, node.property, { node });
            } else if (isQaProcedure(node) && node.hole) {
                reportHole(accept, node, node.kind, { node, keyword: '?' });
            } else if (isOutcome(node) && node.statementHole) {
                reportHole(accept, node, 'statement', { node, keyword: '?' });
            }
        }
    }

    async checkPlaceholders(model: Model, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const root = model.$cstNode;
        if (!root) return;
        let visited = 0;
        for (const leaf of CstUtils.streamCst(root)) {
            if (++visited % YIELD_EVERY === 0) await interruptAndCheck(cancelToken);
            if (!isLeafCstNode(leaf) || leaf.tokenType.name !== 'STRING' || leaf.hidden) continue;
            const text = leaf.text.slice(1, -1);
            if (!isPlaceholder(text)) continue;
            const assignment = AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isAssignment);
            const property = assignment?.feature ?? 'text';
            // A long run of x's is a placeholder too: quote at most the start of it.
            const quoted = leaf.text.length > 40 ? `${leaf.text.slice(0, 20)}…"` : leaf.text;
            report(accept, 'value-placeholder',
                `${quoted} is a placeholder, not a value: write the ${describe(property)} of ${owner(leaf.astNode)}, or put a hole \`?\` while it is still to decide (a placeholder counts as missing)`,
                { node: leaf.astNode, range: leaf.range }, { property, value: text.length > 80 ? `${text.slice(0, 80)}…` : text });
        }
    }
}

function reportHole(accept: ValidationAcceptor, node: AstNode, property: string, where: { node: AstNode; keyword?: string }): void {
    report(accept, 'value-hole',
        `${capitalise(WHAT[property] ?? `the ${describe(property)}`)} of ${owner(node)} is still to decide: replace \`?\` with the value (completion at the hole offers the legal values); until then it counts as missing`,
        where, { property });
}

/** `needsAnalysis` → `needs analysis`. */
function describe(property: string): string {
    return property.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^full name$/, 'name');
}

/** The declaration a node belongs to, as a designer names it: `micro-credential 'AIEthics'`. */
function owner(node: AstNode): string {
    let current: AstNode | undefined = node;
    while (current && !isModel(current.$container)) current = current.$container;
    const declaration = current ?? node;
    const kinds: Record<string, string> = { MicroCredential: 'micro-credential', Provider: 'provider', Pathway: 'pathway', Cohort: 'cohort' };
    const name = (declaration as { name?: string }).name;
    return `${kinds[declaration.$type] ?? declaration.$type.toLowerCase()}${name ? ` '${name}'` : ''}`;
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
