import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { isCohort, isMicroCredential, type Cohort, type MicroCredential, type Model } from '../../generated/ast.js';
import { ANNEX1_ELEMENTS } from '../../model/annex1-elements.js';
import { RULES } from '../../rules/issue-codes.js';
import { nextOutcomeName } from './missing-elements.js';
import { SKELETONS } from './skeletons.js';
import { insertAfter, insertElement, quickFix, type Change, type FixContext } from './text-edits.js';
import { cohortCredential } from '../../model/credential-contexts.js';

/**
 * "Fix all missing Annex I elements of X": one action per credential that inserts every missing
 * mandatory element at once (the programme's, its awarding bodies' countries, and those of its
 * cohorts in the same file), each as a hole `?`: the credential keeps its errors until a person
 * fills every hole (completion at a hole offers the legal values). Offered on an Annex I diagnostic
 * of the credential when two or more elements are missing (with one, the single fix is the same).
 */
export function fixAllAnnex1(diagnostics: readonly Diagnostic[], nodeAt: (d: Diagnostic) => AstNode | undefined, context: FixContext): CodeAction[] {
    const actions = new Map<MicroCredential, { diagnostics: Diagnostic[]; changes: Change[] }>();
    for (const diagnostic of diagnostics) {
        const code = String(diagnostic.code);
        if (!(code in RULES) || RULES[code as keyof typeof RULES].family !== 'annex1-mandatory' || code === 'eu-workload-ects') continue;
        const node = nodeAt(diagnostic);
        const credential = node && owner(node);
        if (!credential) continue;
        const entry = actions.get(credential);
        if (entry) {
            entry.diagnostics.push(diagnostic);
        } else {
            const changes = missingAnnex1Changes(credential, context);
            if (changes.length >= 2) actions.set(credential, { diagnostics: [diagnostic], changes });
        }
    }
    return [...actions].map(([credential, { diagnostics: fixed, changes }]) =>
        quickFix(`Fix all missing Annex I elements of '${credential.name}'`, fixed, changes, context));
}

function owner(node: AstNode): MicroCredential | undefined {
    const cohort = AstUtils.getContainerOfType(node, isCohort);
    return AstUtils.getContainerOfType(node, isMicroCredential) ?? (cohort && cohortCredential(cohort));
}

/** The insertions that state every missing Annex I element of the credential. */
export function missingAnnex1Changes(credential: MicroCredential, context: FixContext): Change[] {
    const cohorts = (context.document.parseResult.value as Model).elements
        .filter((e): e is Cohort => isCohort(e) && cohortCredential(e) === credential);
    const missing = new Set(ANNEX1_ELEMENTS.filter(e => !e.statedIn({ credential, cohorts })).map(e => e.code));
    const changes: Change[] = [];
    const into = (property: string, text: string, blankLineBefore = false) =>
        changes.push(insertElement(context, credential, property, text, { blankLineBefore }));
    if (missing.has('eu-title')) into('title', SKELETONS.title());
    if (missing.has('eu-awarding-body')) into('awardedBy', SKELETONS.awardedBy());
    if (missing.has('eu-country')) {
        for (const provider of credential.awardedBy.map(ref => ref.ref)) {
            if (provider && !provider.country) changes.push(insertElement(context, provider, 'country', SKELETONS.country()));
        }
    }
    if (missing.has('eu-workload')) into('ects', SKELETONS.workload());
    if (missing.has('eu-level')) {
        const none = credential.levels.find(l => l.notApplicable);
        const keyword = none && GrammarUtils.findNodeForKeyword(none.$cstNode, 'none');
        if (keyword) changes.push(insertAfter(context.document, keyword, SKELETONS.levelReason()));
        else into('levels', SKELETONS.level());
    }
    if (missing.has('eu-participation')) into('participation', SKELETONS.participation());
    if (missing.has('eu-learning-outcomes')) into('outcomes', SKELETONS.outcome(nextOutcomeName(credential)), true);
    if (missing.has('eu-assessment-type')) {
        const [first] = credential.assessments;
        if (first) changes.push(insertElement(context, first, 'type', SKELETONS.assessmentType()));
        else into('assessments', SKELETONS.assessment(credential, credential.outcomes.length > 0 ? credential.outcomes.map(o => o.name) : missing.has('eu-learning-outcomes') ? [nextOutcomeName(credential)] : []), true);
    }
    if (missing.has('eu-quality-assurance')) {
        if (credential.qualityAssurance) changes.push(insertElement(context, credential.qualityAssurance, 'procedures', SKELETONS.internal()));
        else into('qualityAssurance', SKELETONS.qualityAssurance(), true);
    }
    for (const cohort of cohorts) {
        if (!cohort.issued) changes.push(insertElement(context, cohort, 'issued', SKELETONS.issued()));
        if (cohort.learners.length === 0 && !cohort.roster) changes.push(insertElement(context, cohort, 'roster', SKELETONS.roster()));
    }
    return changes;
}
