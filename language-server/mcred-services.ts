/**
 * The types of mcred's services, apart from their wiring (Langium's `services.ts` pattern): every
 * import here is a type and is erased at run time, so any layer may name the services without
 * importing the module that builds them, and no file-level import circle arises.
 */
import type { LangiumServices, LangiumSharedServices } from 'langium/lsp';
import type { NameIndex } from './references/name-index.js';
import type { Clock } from './validation/clock.js';
import type { RuleSettings } from './validation/rule-settings.js';
import type { RosterFiles } from './workspace/roster-files.js';

/** Services that mcred adds to Langium's. */
export interface McredAddedServices {
    readonly references: {
        /** Top-level names of the workspace by name (hash lookups for `ref-duplicate-name`). */
        readonly NameIndex: NameIndex;
    };
    readonly validation: {
        /** The severity policy (mcred.json, settings, CLI) applied by the document validator. */
        readonly RuleSettings: RuleSettings;
        /** "Today" for date-dependent checks (`qa-review-due`): fixed by the CLI and tests. */
        readonly Clock: Clock;
    };
    readonly workspace: {
        /** Where a cohort's roster may be read from, and reading it (`roster-path`, export). */
        readonly RosterFiles: RosterFiles;
    };
}

export type McredServices = LangiumServices & McredAddedServices;

export interface McredServiceSet {
    readonly shared: LangiumSharedServices;
    readonly mcred: McredServices;
}
