import { Annex1Checks } from './annex1-checks.js';
import type { CheckFamilyFactory } from './check-family.js';

/**
 * Every family of checks, in the order their diagnostics are reported. Adding a family of
 * checks is adding its file under validation/ and one line here.
 */
export const CHECK_FAMILIES: readonly CheckFamilyFactory[] = [
    () => new Annex1Checks()
];
