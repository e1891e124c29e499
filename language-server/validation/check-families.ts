import { Annex1Checks } from './annex1-checks.js';
import { Annex1OptionalChecks } from './annex1-optional-checks.js';
import type { CheckFamilyFactory } from './check-family.js';
import { CatalogueChecks } from './catalogue-checks.js';
import { DesignMethodChecks } from './design-method-checks.js';
import { HoleChecks } from './hole-checks.js';
import { NameChecks } from './name-checks.js';
import { PathwayChecks } from './pathway-checks.js';
import { ProgrammeChecks } from './programme-checks.js';
import { RosterChecks } from './roster-checks.js';
import { ValueChecks } from './value-checks.js';
import { WaiverChecks } from './waiver-checks.js';

/**
 * Every family of checks, in the order their diagnostics are reported. Adding a family of
 * checks is adding its file under validation/ and one line here.
 */
export const CHECK_FAMILIES: readonly CheckFamilyFactory[] = [
    () => new Annex1Checks(),
    () => new Annex1OptionalChecks(),
    () => new ValueChecks(),
    () => new HoleChecks(),
    services => new NameChecks(services),
    () => new PathwayChecks(),
    () => new ProgrammeChecks(),
    () => new DesignMethodChecks(),
    () => new WaiverChecks(),
    services => new RosterChecks(services),
    services => new CatalogueChecks(services)
];
