import { AstUtils, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { Cohort, McredAstType, MicroCredential } from '../generated/ast.js';
import { QA_CHECKS, type QaGap } from '../model/qa-checks.js';
import {
    judgeAssessmentType, judgeAwardingBody, judgeIssueDate, judgeLearner, judgeLevel, judgeOutcomes, judgeParticipation,
    judgeQualityAssurance, judgeTitle, judgeWorkload, type Judgement
} from '../model/stated.js';
import type { IssueCode } from '../rules/issue-codes.js';
import { isAlliance, issuerCountries, membersWithoutCountry } from '../model/issuer-countries.js';
import type { CheckFamily } from './check-family.js';
import { report } from './report.js';

/**
 * One cause, one diagnostic: an element is reported missing only when it is `missing`. A hole or
 * a placeholder raises only its own diagnostic (`value-hole`, `value-placeholder`), an invalid
 * value only its value diagnostic, and a syntax error only itself (the element is `unjudged`).
 */
const isMissing = (judgement: Judgement) => judgement.state === 'missing';

/** The QA gaps that a missing element causes, as related information of its one diagnostic. */
function relatedGaps(credential: MicroCredential, code: IssueCode): { relatedInformation?: DiagnosticRelatedInformation[] } {
    const gaps: Array<{ check: string; gap: QaGap }> = QA_CHECKS.flatMap(check => check.gaps(credential)
        .filter(gap => gap.reportedAs === code).map(gap => ({ check: check.code, gap })));
    if (gaps.length === 0) return {};
    const uri = AstUtils.getDocument(credential).uri.toString();
    return {
        relatedInformation: gaps.map(({ check, gap }) => ({
            location: { uri, range: rangeOf(gap.node) },
            message: `${check}: ${gap.message} (a QA gap this causes)`
        }))
    };
}

function rangeOf(node: AstNode) {
    return node.$cstNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/**
 * Annex I of Council Recommendation 2022/C 243/02: the eleven mandatory elements that describe a
 * micro-credential (docs/rules.md). Programme-level elements are checked on the
 * `microcredential`; the learner (1) and the date of issuing (5) belong to an issuance, so they
 * are checked on the `cohort`.
 */
export class Annex1Checks implements CheckFamily {
    readonly checks: ValidationChecks<McredAstType> = {
        MicroCredential: [
            this.checkHasTitle,
            this.checkAwardingBodiesStateCountry,
            this.checkHasAwardingBody,
            this.checkHasLearningOutcomes,
            this.checkHasWorkload,
            this.checkHasLevel,
            this.checkHasAssessmentType,
            this.checkHasParticipation,
            this.checkHasQualityAssurance
        ],
        Cohort: [this.checkIdentifiesLearners, this.checkHasIssueDate]
    };

    checkHasTitle(credential: MicroCredential, accept: ValidationAcceptor): void {
        if (isMissing(judgeTitle({ credential, cohorts: [] }))) {
            report(accept, 'eu-title', `Micro-credential '${credential.name}' has no title: add \`title "…"\``,
                { node: credential, property: 'name' });
        }
    }

    checkAwardingBodiesStateCountry(credential: MicroCredential, accept: ValidationAcceptor): void {
        credential.awardedBy.forEach((body, index) => {
            const provider = body.ref;
            if (provider && !provider.holes.some(h => h.property === 'country') && issuerCountries(provider).length === 0) {
                const message = isAlliance(provider)
                    ? `Alliance '${provider.name}' awards this credential but states no country, and not every member does (${membersWithoutCountry(provider).join(', ')}): add \`country XX\` to the alliance or to each member`
                    : `Awarding body '${provider.name}' does not state the country of the issuer: add \`country XX\` (ISO 3166-1) to provider '${provider.name}'`;
                report(accept, 'eu-country', message, { node: credential, property: 'awardedBy', index }, { provider: provider.name });
            }
        });
    }

    checkHasAwardingBody(credential: MicroCredential, accept: ValidationAcceptor): void {
        if (isMissing(judgeAwardingBody({ credential, cohorts: [] }))) {
            report(accept, 'eu-awarding-body',
                `Micro-credential '${credential.name}' names no awarding body: add \`awardedBy <provider>\``,
                { node: credential, property: 'name' });
        }
    }

    checkHasLearningOutcomes(credential: MicroCredential, accept: ValidationAcceptor): void {
        if (isMissing(judgeOutcomes({ credential, cohorts: [] }))) {
            report(accept, 'eu-learning-outcomes',
                `Micro-credential '${credential.name}' states no learning outcome: add \`outcome LO1 "…"\``,
                { node: credential, property: 'name', ...relatedGaps(credential, 'eu-learning-outcomes') });
        }
    }

    checkHasWorkload(credential: MicroCredential, accept: ValidationAcceptor): void {
        if (isMissing(judgeWorkload({ credential, cohorts: [] }))) {
            report(accept, 'eu-workload',
                `Micro-credential '${credential.name}' states no notional workload: add \`workload N ects\``,
                { node: credential, property: 'name' });
        } else if (credential.ects === undefined && credential.hours !== undefined) {
            report(accept, 'eu-workload-ects',
                `The workload of '${credential.name}' is given in hours only: state it in ECTS credits as well (\`workload N ects\`)`,
                { node: credential, property: 'hours' });
        }
    }

    checkHasLevel(credential: MicroCredential, accept: ValidationAcceptor): void {
        if (!isMissing(judgeLevel({ credential, cohorts: [] }))) return;
        if (!credential.levels.some(level => level.notApplicable && level.reason === undefined)) {
            report(accept, 'eu-level',
                `Micro-credential '${credential.name}' states no level: add \`level eqf N\`, \`level qf-ehea first\` or \`level none "reason"\``,
                { node: credential, property: 'name' });
            return;
        }
        for (const level of credential.levels) {
            if (level.notApplicable && level.reason === undefined) {
                report(accept, 'eu-level',
                    'A level marked "none" needs the reason why no EQF or QF-EHEA level applies: `level none "reason"`',
                    { node: level, keyword: 'none' });
            }
        }
    }

    checkHasAssessmentType(credential: MicroCredential, accept: ValidationAcceptor): void {
        if (!isMissing(judgeAssessmentType({ credential, cohorts: [] }))) {
            return;
        }
        const untyped = credential.assessments[0];
        if (untyped) {
            report(accept, 'eu-assessment-type',
                `No assessment of '${credential.name}' states its type: add \`type project\` (or another Europass assessment type)`,
                { node: untyped, keyword: 'assessment' });
        } else {
            report(accept, 'eu-assessment-type',
                `Micro-credential '${credential.name}' states no assessment: add an \`assessment { type … }\` block`,
                { node: credential, property: 'name', ...relatedGaps(credential, 'eu-assessment-type') });
        }
    }

    checkHasParticipation(credential: MicroCredential, accept: ValidationAcceptor): void {
        if (isMissing(judgeParticipation({ credential, cohorts: [] }))) {
            report(accept, 'eu-participation',
                `Micro-credential '${credential.name}' states no form of participation: add \`participation online\`, \`onsite\` or \`blended\``,
                { node: credential, property: 'name' });
        }
    }

    checkHasQualityAssurance(credential: MicroCredential, accept: ValidationAcceptor): void {
        const qa = credential.qualityAssurance;
        if (!isMissing(judgeQualityAssurance({ credential, cohorts: [] }))) return;
        const related = relatedGaps(credential, 'eu-quality-assurance');
        if (!qa) {
            report(accept, 'eu-quality-assurance',
                `Micro-credential '${credential.name}' states no type of quality assurance: add a \`qualityAssurance { internal exAnte "…" }\` block`,
                { node: credential, property: 'name', ...related });
        } else {
            report(accept, 'eu-quality-assurance',
                'The quality assurance block states no type of quality assurance: add `internal …` or `external …` with its timing (exAnte / exPost)',
                { node: qa, keyword: 'qualityAssurance', ...related });
        }
    }

    checkIdentifiesLearners(cohort: Cohort, accept: ValidationAcceptor): void {
        if (isMissing(judgeLearner({ cohorts: [cohort] })) && cohort.learners.length === 0) {
            report(accept, 'eu-learner',
                `Cohort '${cohort.name}' identifies no learner: add \`learner "Name" id "mailto:…"\` lines or a \`roster "learners.csv"\``,
                { node: cohort, property: 'name' });
        }
        for (const learner of cohort.learners) {
            // `fullName` is mandatory in the grammar, but missing from an AST recovered from a syntax error.
            if ((learner.fullName as string | undefined) === undefined && learner.identifier === undefined) {
                report(accept, 'eu-learner', 'This learner has neither a name nor an identifier',
                    { node: learner, keyword: 'learner' });
            }
        }
    }

    checkHasIssueDate(cohort: Cohort, accept: ValidationAcceptor): void {
        if (isMissing(judgeIssueDate({ cohorts: [cohort] }))) {
            report(accept, 'eu-issue-date',
                `Cohort '${cohort.name}' states no date of issuing: add \`issued YYYY-MM-DD\``,
                { node: cohort, property: 'name' });
        }
    }
}
