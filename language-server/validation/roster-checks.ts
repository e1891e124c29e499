import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { Cohort, McredAstType } from '../generated/ast.js';
import type { McredServices } from '../mcred-services.js';
import type { RosterFiles } from '../workspace/roster-files.js';
import type { CheckFamily } from './check-family.js';
import { report } from './report.js';

/**
 * A cohort's `roster "…"` names a CSV file the export will read: it must resolve inside the
 * programme's folder or the workspace, and be a regular file under the size limit (checked on
 * disk by the Node server and the CLI). Anything else (`/proc/self/environ`, `../../etc/shadow`,
 * a FIFO, a device) is `roster-path`, and the export refuses it with the same rule.
 */
export class RosterChecks implements CheckFamily {
    private readonly rosterFiles: RosterFiles;

    constructor(services: McredServices) {
        this.rosterFiles = services.workspace.RosterFiles;
    }

    readonly checks: ValidationChecks<McredAstType> = {
        Cohort: (cohort, accept) => this.checkRosterPath(cohort, accept)
    };

    checkRosterPath(cohort: Cohort, accept: ValidationAcceptor): void {
        const roster = cohort.roster;
        if (roster === undefined || roster.trim() === '') return;
        const problem = this.rosterFiles.problem(AstUtils.getDocument(cohort).uri, roster);
        if (problem) {
            report(accept, 'roster-path', `Cohort '${cohort.name}': ${problem}`, { node: cohort, property: 'roster' }, { value: roster });
        }
    }
}
