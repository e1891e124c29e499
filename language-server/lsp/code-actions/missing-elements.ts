import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import {
    isAssessment, isCohort, isLearner, isLevel, isMicroCredential, isProvider, isQaProcedure,
    type Business, type MicroCredential
} from '../../generated/ast.js';
import { factsOf, type DiagnosticFix, type DiagnosticFixes } from './diagnostic-fix.js';
import { SKELETONS } from './skeletons.js';
import { insertAfter, insertBefore, insertElement, quickFix, replaceNode, type Change, type FixContext } from './text-edits.js';

/**
 * Quick fixes that insert the skeleton of a missing element at its conventional place (the
 * order of the example in docs/language.md), with the file's indentation and a hole `?` for every
 * value (never an invented one): the
 * mandatory and optional Annex I elements and the items of the design method.
 */

type Block = 'audience' | 'format' | 'qualityAssurance' | 'business';

const BLOCK_TITLES: Record<Block, string> = {
    audience: 'Add the audience block (design method step 1)',
    format: 'Add the format block (design method step 3)',
    qualityAssurance: 'Add the quality assurance block (Annex I element 11, design method step 4)',
    business: 'Add the business block (design method step 5)'
};

const credentialOf = (node: AstNode) => AstUtils.getContainerOfType(node, isMicroCredential);

/** A fix that inserts one element into the credential of the diagnostic. */
type Skeleton = (credential: MicroCredential, context: FixContext) => string;

function intoCredential(title: string, property: string, skeleton: Skeleton, blankLineBefore = false): DiagnosticFix {
    return (diagnostic, node, context) => {
        const credential = credentialOf(node);
        if (!credential) return [];
        const change = insertElement(context, credential, property, skeleton(credential, context), { blankLineBefore });
        return [quickFix(title, [diagnostic], [change], context, true)];
    };
}

/** The names of the declarations of a type in the workspace's index, for choices. */
export function declared(context: FixContext, type: string): string[] {
    return context.declarations(type).slice(0, 20);
}

export function nextOutcomeName(credential: MicroCredential): string {
    const names = new Set(credential.outcomes.map(o => o.name));
    let n = credential.outcomes.length + 1;
    while (names.has(`LO${n}`)) n++;
    return `LO${n}`;
}

/** Inserts a design-method block, or a line into it (facts `block`, `missing`, `blockMissing`). */
function designItem(lines: Partial<Record<string, (credential: MicroCredential) => string>>): DiagnosticFix {
    return (diagnostic, node, context) => {
        const credential = credentialOf(node);
        const facts = factsOf<{ block: Block; missing: string; blockMissing: boolean }>(diagnostic);
        if (!credential || !facts.block || !facts.missing) return [];
        if (facts.blockMissing || !credential[facts.block]) {
            return [quickFix(BLOCK_TITLES[facts.block], [diagnostic],
                [insertElement(context, credential, facts.block, blockSkeleton(facts.block, credential), { blankLineBefore: true })], context, true)];
        }
        const line = lines[facts.missing];
        if (!line) return [];
        const property = facts.block === 'business' && facts.missing === 'sustainability' ? 'shortRun' : facts.missing;
        return [quickFix(`Add ${facts.missing === 'purposes' ? 'purpose' : facts.missing}`, [diagnostic],
            [insertElement(context, credential[facts.block]!, property, line(credential))], context, true)];
    };
}

function blockSkeleton(block: Block, credential: MicroCredential): string {
    switch (block) {
        case 'audience': return SKELETONS.audience();
        case 'format': return SKELETONS.format(credential.participation);
        case 'qualityAssurance': return SKELETONS.qualityAssurance();
        case 'business': return SKELETONS.business();
    }
}

const onAssessment = (title: string, property: string, skeleton: () => string): DiagnosticFix => (diagnostic, node, context) => {
    const assessment = AstUtils.getContainerOfType(node, isAssessment);
    return assessment ? [quickFix(title, [diagnostic], [insertElement(context, assessment, property, skeleton())], context, true)] : [];
};

const onCohort = (title: string, property: string, skeleton: () => string): DiagnosticFix => (diagnostic, node, context) => {
    const cohort = AstUtils.getContainerOfType(node, isCohort);
    return cohort ? [quickFix(title, [diagnostic], [insertElement(context, cohort, property, skeleton())], context, true)] : [];
};

export const MISSING_ELEMENT_FIXES: DiagnosticFixes = {
    // Annex I, mandatory
    'eu-title': intoCredential('Add the title', 'title', () => SKELETONS.title()),
    'eu-awarding-body': intoCredential('Add the awarding body', 'awardedBy', () => SKELETONS.awardedBy()),
    'eu-learning-outcomes': intoCredential('Add a learning outcome', 'outcomes', c => SKELETONS.outcome(nextOutcomeName(c)), true),
    'eu-workload': intoCredential('Add the workload', 'ects', () => SKELETONS.workload()),
    'eu-workload-ects': intoCredential('State the workload in ECTS', 'ects', () => SKELETONS.workload()),
    'eu-level': (diagnostic, node, context) => {
        const level = AstUtils.getContainerOfType(node, isLevel);
        if (level?.notApplicable) {
            const none = GrammarUtils.findNodeForKeyword(level.$cstNode, 'none');
            return none ? [quickFix('Give the reason why no level applies', [diagnostic], [insertAfter(context.document, none, SKELETONS.levelReason())], context, true)] : [];
        }
        return intoCredential('Add the level', 'levels', () => SKELETONS.level())(diagnostic, node, context);
    },
    'eu-assessment-type': (diagnostic, node, context) => {
        if (AstUtils.getContainerOfType(node, isAssessment)) {
            return onAssessment('Add the assessment type', 'type', SKELETONS.assessmentType)(diagnostic, node, context);
        }
        return intoCredential('Add an assessment', 'assessments', c => SKELETONS.assessment(c), true)(diagnostic, node, context);
    },
    'eu-participation': intoCredential('Add the form of participation', 'participation', () => SKELETONS.participation()),
    'eu-quality-assurance': (diagnostic, node, context) => {
        const credential = credentialOf(node);
        const qa = credential?.qualityAssurance;
        if (!credential) return [];
        return qa
            ? [quickFix('Add an internal QA procedure', [diagnostic], [insertElement(context, qa, 'procedures', SKELETONS.internal())], context, true)]
            : [quickFix(BLOCK_TITLES.qualityAssurance, [diagnostic], [insertElement(context, credential, 'qualityAssurance', SKELETONS.qualityAssurance(), { blankLineBefore: true })], context, true)];
    },
    'eu-country': (diagnostic, node, context) => {
        const name = factsOf<{ provider: string }>(diagnostic).provider;
        const provider = credentialOf(node)?.awardedBy.map(ref => ref.ref).find(p => p?.name === name) ?? AstUtils.getContainerOfType(node, isProvider);
        if (!provider) return [];
        return [quickFix(`Add the country to provider '${provider.name}'`, [diagnostic],
            [insertElement(context, provider, 'country', SKELETONS.country())], context, true)];
    },
    'eu-learner': (diagnostic, node, context) => [
        ...onCohort('Add the roster of learners', 'roster', SKELETONS.roster)(diagnostic, node, context),
        ...onCohort('Add a learner', 'learners', SKELETONS.learner)(diagnostic, node, context)
    ].map((action, i) => ({ ...action, isPreferred: i === 0 })),
    'eu-issue-date': onCohort('Add the date of issuing', 'issued', SKELETONS.issued),

    // Annex I, optional
    'eu-opt-prerequisites': intoCredential('Add the prerequisites', 'prerequisites', () => SKELETONS.prerequisites()),
    'eu-opt-further-info': intoCredential('Add further information', 'furtherInfo', () => SKELETONS.furtherInfo()),
    'eu-opt-supervision': onAssessment('Add the supervision', 'supervision', SKELETONS.supervision),
    'eu-opt-grade': (diagnostic, node, context) => {
        const learner = AstUtils.getContainerOfType(node, isLearner);
        return learner?.$cstNode ? [quickFix('Add the grade', [diagnostic], [insertAfter(context.document, learner.$cstNode, SKELETONS.grade())], context, true)] : [];
    },
    'eu-opt-stackability': (diagnostic, node, context) => [
        ...intoCredential('Say it stacks into a pathway', 'stackableInto', () => SKELETONS.stackableInto())(diagnostic, node, context),
        ...intoCredential('Say it is standalone', 'standalone', () => SKELETONS.standalone())(diagnostic, node, context)
    ].map((action, i) => ({ ...action, isPreferred: i === 0 })),

    // Design method
    'qa-audience-target': designItem({ target: SKELETONS.target }),
    'qa-audience-needs': designItem({ needsAnalysis: SKELETONS.needsAnalysis }),
    'qa-audience-codesign': designItem({ coDesignedWith: SKELETONS.coDesignedWith }),
    'qa-audience-upskilling': designItem({ purposes: SKELETONS.purposes }),
    'qa-structure-defined': intoCredential('Add the duration', 'duration', () => SKELETONS.duration()),
    'qa-structure-transparency': onAssessment('Add the grading scheme', 'grading', SKELETONS.grading),
    'qa-format-modes': (diagnostic, node, context) => {
        const credential = credentialOf(node);
        const facts = factsOf<{ mode: string; participation: string }>(diagnostic);
        if (credential?.format && facts.mode && facts.participation) {
            return modeAgreement(diagnostic, credential, context);
        }
        return designItem({ mode: c => SKELETONS.mode(c.participation) })(diagnostic, node, context);
    },
    'qa-format-methodology': designItem({ methodology: SKELETONS.methodology }),
    'qa-format-sustainability': designItem({ sustainability: SKELETONS.formatSustainability }),
    'qa-method-defined': (diagnostic, node, context) => {
        const credential = credentialOf(node);
        const qa = credential?.qualityAssurance;
        const facts = factsOf<{ missing: string; kind: string }>(diagnostic);
        if (!qa) return [];
        if (facts.missing === 'internal' || facts.missing === 'external') {
            // Internal QA comes before external QA, as in the reference example of docs/language.md.
            const [first] = qa.procedures;
            const change = facts.missing === 'internal' && first
                ? insertBefore(context, first, SKELETONS.internal())
                : insertElement(context, qa, 'procedures', SKELETONS[facts.missing]());
            return [quickFix(`Add the ${facts.missing} QA`, [diagnostic], [change], context, true)];
        }
        const procedure = AstUtils.getContainerOfType(node, isQaProcedure);
        const kind = procedure && GrammarUtils.findNodeForProperty(procedure.$cstNode, 'kind');
        if (!kind) return [];
        return (['exAnte', 'exPost'] as const).map((timing, i) => quickFix(
            `Say it happens ${timing === 'exAnte' ? 'before delivery (exAnte)' : 'after delivery (exPost)'}`,
            [diagnostic], [insertAfter(context.document, kind, ` ${timing}`)], context, i === 0));
    },
    'qa-method-stakeholders': designItem({ stakeholders: SKELETONS.stakeholders }),
    'qa-method-tools': designItem({ standards: SKELETONS.standards }),
    'qa-business-model': designItem({ model: SKELETONS.model }),
    'qa-business-sustainability': (diagnostic, node, context) => {
        const business = credentialOf(node)?.business;
        const runs = factsOf<{ runs: string[] }>(diagnostic).runs ?? [];
        const existing = business && lastSustainabilityNode(business);
        if (existing && runs.length > 0) {
            const text = SKELETONS.sustainabilityRuns(runs);
            return [quickFix(`Add the ${runs.join(', ')} run`, [diagnostic], [insertAfter(context.document, existing, text)], context, true)];
        }
        return designItem({ sustainability: () => SKELETONS.businessSustainability() })(diagnostic, node, context);
    },
    'qa-business-administration': (diagnostic, node, context) => {
        const credential = credentialOf(node);
        const lacks = factsOf<{ lacks: string[] }>(diagnostic).lacks ?? [];
        if (!credential?.business || lacks.length === 0) return designItem({})(diagnostic, node, context);
        const business = credential.business;
        const changes: Change[] = lacks.map(property => insertElement(context, business, property,
            property === 'administration' ? SKELETONS.administration() : SKELETONS.learnerTypes()));
        return [quickFix(`Add ${lacks.join(' and ')}`, [diagnostic], changes, context, true)];
    }
};

function lastSustainabilityNode(business: Business) {
    return ['shortRun', 'mediumRun', 'longRun']
        .flatMap(property => GrammarUtils.findNodesForProperty(business.$cstNode, property))
        .sort((a, b) => b.end - a.end)[0];
}

function modeAgreement(diagnostic: Diagnostic, credential: MicroCredential, context: FixContext): CodeAction[] {
    const format = credential.format!;
    const mode = GrammarUtils.findNodeForProperty(format.$cstNode, 'mode');
    const participation = GrammarUtils.findNodeForProperty(credential.$cstNode, 'participation');
    const actions: CodeAction[] = [];
    if (mode) {
        actions.push(quickFix(`Teach ${credential.participation} (as the participation says)`, [diagnostic],
            [replaceNode(context.document, mode, credential.participation!)], context, true));
    }
    if (participation) {
        actions.push(quickFix(`Make the participation ${format.mode} (as the format says)`, [diagnostic],
            [replaceNode(context.document, participation, format.mode!)], context));
    }
    return actions;
}
