import type { ValidationChecks } from 'langium';
import type { McredAstType } from '../generated/ast.js';
import type { McredServices } from '../mcred-services.js';

/**
 * A family of checks (one file per family, e.g. Annex I mandatory elements): a map from AST type
 * to the check functions that run on nodes of that type. Families are listed in
 * `check-families.ts`; adding a family is adding a file and one line there.
 */
export interface CheckFamily {
    readonly checks: ValidationChecks<McredAstType>;
}

export type CheckFamilyFactory = (services: McredServices) => CheckFamily;
