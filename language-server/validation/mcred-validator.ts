import type { McredServices } from '../mcred-services.js';
import { CHECK_FAMILIES } from './check-families.js';

/** Registers every check family with Langium's validation registry. */
export function registerValidationChecks(services: McredServices): void {
    const registry = services.validation.ValidationRegistry;
    for (const createFamily of CHECK_FAMILIES) {
        const family = createFamily(services);
        registry.register(family.checks, family);
    }
}
