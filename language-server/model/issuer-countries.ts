import type { Provider } from '../generated/ast.js';

const has = (text: string | undefined) => text !== undefined && text.trim().length > 0;

/**
 * The country codes that are the issuer's country/region (Annex I element 3) for an awarding
 * body: its own `country` when stated; otherwise, for an alliance (`kind alliance` with
 * `members`), the members' countries, provided every member states one. Empty when the element
 * is not stated. References must be linked; an unresolved member counts as one without a country.
 */
export function issuerCountries(provider: Provider): string[] {
    if (has(provider.country)) return [provider.country!.trim()];
    if (!isAlliance(provider)) return [];
    const members = provider.members.map(ref => ref.ref);
    if (members.some(member => member === undefined || member === provider || !has(member.country))) return [];
    return [...new Set(members.map(member => member!.country!.trim()))];
}

/** The members of an alliance that state no country (by the name written), for messages. */
export function membersWithoutCountry(provider: Provider): string[] {
    return provider.members.filter(ref => !has(ref.ref?.country)).map(ref => ref.$refText);
}

/** A provider of `kind alliance` that names its members. */
export function isAlliance(provider: Provider): boolean {
    return provider.kind === 'alliance' && provider.members.length > 0;
}
