import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Assessment, Learner, McredAstType, MicroCredential } from '../generated/ast.js';
import type { CheckFamily } from './check-family.js';
import { report } from './report.js';

/**
 * The optional elements of Annex I (docs/rules.md), reported as information: a certificate
 * that states them is easier to read, compare and recognise. Each element is checked where it is
 * stated: the programme, each assessment, each learner of a cohort. A roster's grades are read at
 * export, not here (validation does not read files).
 */
export class Annex1OptionalChecks implements CheckFamily {
    readonly checks: ValidationChecks<McredAstType> = {
        MicroCredential: [this.checkStatesPrerequisites, this.checkStatesStackability, this.checkLinksFurtherInfo],
        Assessment: this.checkStatesSupervision,
        Learner: this.checkRecordsGrade
    };

    checkStatesPrerequisites(credential: MicroCredential, accept: ValidationAcceptor): void {
        if (!credential.prerequisites?.trim()) {
            report(accept, 'eu-opt-prerequisites',
                `'${credential.name}' does not say what learners need before enrolling: add \`prerequisites "…"\` (or "None")`,
                { node: credential, property: 'name' }, { missing: 'prerequisites' });
        }
    }

    checkStatesStackability(credential: MicroCredential, accept: ValidationAcceptor): void {
        if (credential.stackableInto.length === 0 && !credential.standalone) {
            report(accept, 'eu-opt-stackability',
                `'${credential.name}' does not say whether it stacks into a larger credential: add \`stackable into <pathway>\` or \`standalone\``,
                { node: credential, property: 'name' }, { missing: 'stackability' });
        }
    }

    checkLinksFurtherInfo(credential: MicroCredential, accept: ValidationAcceptor): void {
        if (!credential.furtherInfo?.trim()) {
            report(accept, 'eu-opt-further-info',
                `'${credential.name}' links no further information: add \`furtherInfo "https://…"\` (the programme's web page)`,
                { node: credential, property: 'name' }, { missing: 'furtherInfo' });
        }
    }

    checkStatesSupervision(assessment: Assessment, accept: ValidationAcceptor): void {
        if (!assessment.supervision) {
            const name = assessment.name ? ` '${assessment.name}'` : '';
            report(accept, 'eu-opt-supervision',
                `Assessment${name} does not say how it is supervised or how the learner's identity is verified: add \`supervision supervised-with-id\` (or unsupervised, supervised, unsupervised-with-id)`,
                { node: assessment, keyword: 'assessment' }, { missing: 'supervision' });
        }
    }

    checkRecordsGrade(learner: Learner, accept: ValidationAcceptor): void {
        if (!learner.grade?.trim()) {
            report(accept, 'eu-opt-grade',
                `No grade is recorded for learner "${learner.fullName}": add \`grade "…"\` (e.g. "pass")`,
                { node: learner, keyword: 'learner' }, { missing: 'grade' });
        }
    }
}
