import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { McredAstType, Waiver } from '../generated/ast.js';
import { waiverProblems } from '../model/waivers.js';
import type { CheckFamily } from './check-family.js';
import { WAIVABLE_CODES } from '../rules/issue-codes.js';
import { report } from './report.js';

/**
 * Waivers (`waive <code> "reason"` in a micro-credential): each names a check that exists and may
 * be waived, and says why it does not apply. A waiver with a problem waives nothing. Whether a
 * waiver is used (`waiver-unused`) is only known once the other checks ran: the document
 * validator reports it, where waivers are applied.
 */
export class WaiverChecks implements CheckFamily {
    readonly checks: ValidationChecks<McredAstType> = {
        Waiver: this.checkWaiver
    };

    checkWaiver(waiver: Waiver, accept: ValidationAcceptor): void {
        if (!waiver.code) return; // `waive` alone: the syntax error says what is missing
        for (const problem of waiverProblems(waiver)) {
            switch (problem.kind) {
                case 'unknown-code': {
                    const suggestions = WAIVABLE_CODES.suggest(waiver.code).map(c => c.code);
                    report(accept, 'waiver-unknown-code',
                        `There is no check '${waiver.code}' to waive${suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : ''}`,
                        { node: waiver, property: 'code' }, { value: waiver.code, suggestions });
                    break;
                }
                case 'not-waivable':
                    report(accept, 'waiver-unknown-code',
                        problem.code.startsWith('eu-')
                            ? `'${problem.code}' cannot be waived: Annex I requires this element on every micro-credential`
                            : `'${problem.code}' cannot be waived: it keeps the workspace consistent`,
                        { node: waiver, property: 'code' }, { value: waiver.code });
                    break;
                case 'no-reason':
                    report(accept, 'waiver-reason',
                        `Say why '${waiver.code}' does not apply: \`waive ${waiver.code} "reason"\` — an auditor reads the reason`,
                        { node: waiver, keyword: 'waive' }, { waived: waiver.code });
                    break;
                case 'placeholder-reason':
                    // value-placeholder reports the text itself: one cause, one diagnostic.
                    break;
            }
        }
    }
}
