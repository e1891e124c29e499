import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { McredAstType, MicroCredential } from '../generated/ast.js';
import { QA_CHECKS } from '../model/qa-checks.js';
import type { CheckFamily } from './check-family.js';
import { report } from './report.js';

/**
 * The quality-assurance gaps of the 5-step design method (docs/rules.md), as warnings. The
 * predicates live in `model/qa-checks.ts`, where `readiness()` scores the same gaps; this family
 * only reports them. A gap that an Annex I error already reports (no QA at all) is not repeated.
 */
export class DesignMethodChecks implements CheckFamily {
    readonly checks: ValidationChecks<McredAstType> = {
        MicroCredential: this.checkDesignMethod
    };

    checkDesignMethod(credential: MicroCredential, accept: ValidationAcceptor): void {
        for (const check of QA_CHECKS) {
            for (const gap of check.gaps(credential)) {
                if (gap.reportedAs) continue;
                const { message, facts, reportedAs: _, ...where } = gap;
                report(accept, check.code, message, where, { ...facts, step: check.step });
            }
        }
    }
}
