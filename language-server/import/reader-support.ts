import type { Cursor } from './json-cursor.js';
import type { ImportedIssuance, ImportedProgramme, ImportedProvider } from './imported-model.js';
import type { NarrativeSection } from './narrative-reader.js';
import { conceptByLabel, VOCABS } from './concepts.js';
import { splitOutside } from './narrative-reader.js';
import { LANGUAGES } from '../vocab/index.js';

/** What one credential document gives. */
export interface ReadResult {
    programmes: ImportedProgramme[];
    providers: ImportedProvider[];
    issuances: ImportedIssuance[];
    /** One-line remarks for the summary (a proof not verified). */
    notes: string[];
}

/** Adds a provider, merging with one of the same key (facts stated in either); returns its key. */
export function addProvider(providers: ImportedProvider[], provider: ImportedProvider): string {
    const i = providers.findIndex(p => p.key === provider.key);
    if (i < 0) providers.push(provider);
    else providers[i] = { ...provider, ...providers[i] };
    return provider.key;
}

/** `2026-06-30T00:00:00Z` → `2026-06-30`. */
export function dateOf(cursor: Cursor): string | undefined {
    const v = cursor.value;
    if (typeof v !== 'string') return undefined;
    const m = /^(\d{4}-\d{2}-\d{2})(?:T|$)/.exec(v.trim());
    if (!m) return undefined;
    cursor.take();
    return m[1];
}

export function hashedIdentity(entry: Cursor, type: string): { type: string; hash: string } {
    entry.take();
    return { type, hash: entry.get('identityHash').text ?? '' };
}

/**
 * A plain description, without the summary paragraph mcred's OB 3.0 export appends (`A
 * micro-credential of 5 ECTS credits, …, awarded by …`), which restates facts imported elsewhere.
 */
export function plainText(cursor: Cursor, _title: string | undefined): string | undefined {
    const v = cursor.value;
    if (typeof v !== 'string' || v.trim().length === 0) return undefined;
    cursor.take();
    const paragraphs = v.split('\n\n');
    const last = paragraphs[paragraphs.length - 1];
    if (/^A micro-credential(?: of [^]*?)?(?:, awarded by [^]*)?\.(?: Its creditsAvailable are ECTS credits \([^)]*\)\.)?$/.test(last)) {
        paragraphs.pop();
    }
    const text = paragraphs.join('\n\n').trim();
    return text.length > 0 ? text : undefined;
}

/** Sections about design-time blocks, which stay in the programme source by design. */
export function designTimeSection(title: string): boolean {
    return title === 'Target group' || title === 'Format' || title === 'Fees and funding';
}

export interface SectionFacts {
    /** Titles of the sections fully read. */
    read: Set<string>;
    ects?: number;
    hours?: number;
    duration?: { amount: number; unit: string };
    level?: { qfEhea?: string; none?: string };
    languages?: string[];
    qa?: string[];
    prerequisites?: string;
    partOf: string[];
    awardingBodies?: string[];
    standalone?: boolean;
    recognition?: string;
    furtherInfo?: string;
    /** The `Delivered with` section: contributing providers and alliances' members, as provider texts. */
    partners?: Partners;
}

/** The facts of mcred's narrative sections (`Workload`, `Level`, …) that have no structured property. */
export function sectionFacts(sections: readonly NarrativeSection[]): SectionFacts {
    const facts: SectionFacts = { read: new Set(), partOf: [] };
    for (const { title, lines } of sections) {
        let ok = true;
        switch (title) {
            case 'Learning outcomes':
                break;
            case 'Awarding bodies':
                facts.awardingBodies = [...lines];
                break;
            case 'Workload':
                for (const line of lines) {
                    for (const part of line.split('; ')) {
                        for (const piece of part.split(', ')) {
                            const ects = /^(\d+(?:\.\d+)?) ECTS credits(?: \(.*\))?$/.exec(piece);
                            const hours = /^(\d+(?:\.\d+)?) hours of notional learning$/.exec(piece);
                            const duration = /^duration (\d+(?:\.\d+)?) (hours?|days?|weeks?|months?|years?)$/.exec(piece);
                            if (ects) facts.ects = Number(ects[1]);
                            else if (hours) facts.hours = Number(hours[1]);
                            else if (duration) facts.duration = { amount: Number(duration[1]), unit: duration[2].endsWith('s') ? duration[2] : `${duration[2]}s` };
                            else if (!/^\(European Credit Transfer System\)$/.test(piece)) ok = false;
                        }
                    }
                }
                break;
            case 'Level':
                for (const line of lines) {
                    const cycle = /^QF-EHEA (.+)$/.exec(line);
                    const none = /^No EQF or QF-EHEA level applies(?:: (.*))?$/.exec(line);
                    if (/^EQF level \d$/.test(line)) continue;
                    const c = cycle && conceptByLabel(VOCABS.qfEhea, cycle[1]);
                    if (c) facts.level = { ...facts.level, qfEhea: c.code };
                    else if (none) facts.level = { ...facts.level, none: none[1] ?? '' };
                    else ok = false;
                }
                break;
            case 'Form of participation':
                for (const line of lines) {
                    const langs = /^Languages?: (.+)$/.exec(line);
                    if (langs) {
                        const codes = langs[1].split(', ').map(label => LANGUAGES.concepts.find(l => l.label === label)?.code);
                        if (codes.every(c => c !== undefined)) facts.languages = codes;
                        else ok = false;
                    }
                    // The participation and setting line restates the alignments.
                }
                break;
            case 'Quality assurance':
                facts.qa = [...lines];
                break;
            case 'Prerequisites':
                facts.prerequisites = lines.join('; ');
                break;
            case 'Integration and stackability':
                for (const line of lines) {
                    const into = /^Stackable into (.+?)(?: \((?:[\d.]+ ECTS)?(?:, )?(?:EQF level \d)?\))?$/.exec(line);
                    if (line === 'Stand-alone micro-credential') facts.standalone = true;
                    else if (into) facts.partOf.push(into[1]);
                    else ok = false;
                }
                break;
            case 'Recognition':
                facts.recognition = lines.join('; ');
                break;
            case 'Further information':
                facts.furtherInfo = lines.join('; ');
                break;
            case 'Delivered with':
                facts.partners = partnersOf(lines);
                ok = facts.partners !== undefined;
                break;
            default:
                ok = false;
        }
        if (ok) facts.read.add(title);
    }
    return facts;
}

/** `University of Zed (Dublin, Ireland)` as mcred's narrative writes a provider. */
export function providerFromText(text: string, declaredName: string | undefined): ImportedProvider {
    const m = /^(.*) \((?:(.*), )?([^,()]+)\)$/.exec(text);
    const country = m ? conceptByLabel(VOCABS.country, m[3]) : undefined;
    const legalName = m && country ? m[1] : text;
    return {
        key: `name:${legalName}`,
        ...(declaredName ? { declaredName } : {}),
        legalName,
        ...(country ? { country: country.code } : {}),
        ...(m && country && m[2] ? { region: m[2] } : {})
    };
}

/**
 * The key of the provider a narrative names (`KU Leuven (Flanders, Belgium)`): one already read
 * with that legal name (and that source name, when known), else a new one from the text.
 */
export function providerByText(providers: ImportedProvider[], text: string, declaredName?: string): string {
    const parsed = providerFromText(text, declaredName);
    const known = providers.find(p => p.legalName === parsed.legalName && (!declaredName || !p.declaredName || p.declaredName === declaredName));
    if (known) {
        if (declaredName && !known.declaredName) providers[providers.indexOf(known)] = { ...known, declaredName };
        return known.key;
    }
    return addProvider(providers, parsed);
}

export interface Partners {
    /** Providers that deliver without awarding, as texts. */
    readonly contributors: readonly string[];
    /** Alliances (by legal name) and their members, as texts. */
    readonly alliances: ReadonlyArray<{ readonly legalName: string; readonly members: readonly string[] }>;
}

/** The lines of the `Delivered with` section; undefined when one is not in the shape mcred writes. */
export function partnersOf(lines: readonly string[]): Partners | undefined {
    const contributors: string[] = [];
    const alliances: Array<{ legalName: string; members: string[] }> = [];
    for (const line of lines) {
        const contributor = /^(.+): contributing provider \(does not award\)$/.exec(line);
        const alliance = /^(.+?) is an alliance of (.+)$/.exec(line);
        if (contributor) contributors.push(contributor[1]);
        else if (alliance) alliances.push({ legalName: alliance[1], members: splitOutside(alliance[2], '; ') });
        // An ELM note joins the lines with `; ` as the members are joined: the rest of the members.
        else if (alliances.length > 0 && /^[^:]+$/.test(line)) alliances[alliances.length - 1].members.push(line);
        else return undefined;
    }
    return { contributors, alliances };
}

/**
 * Applies a `Delivered with` section: gives the alliances the members it names, and returns the keys of the contributing providers. `names` are the source names
 * the credential carries for them, in order (members by the alliance's legal name), when it does.
 */
export function applyPartners(
    providers: ImportedProvider[], partners: Partners | undefined,
    names: { contributors?: readonly string[]; members?: ReadonlyMap<string, readonly string[]> } = {}
): string[] {
    if (!partners) return [];
    for (const alliance of partners.alliances) {
        // Every member, in the section's order: those read already (ELM sub-organisations) by their legal name.
        const i = providers.findIndex(p => p.legalName === alliance.legalName);
        if (i < 0) continue;
        const memberNames = names.members?.get(alliance.legalName);
        const members = alliance.members.map((text, k) => providerByText(providers, text, memberNames?.[k]));
        providers[i] = { ...providers[i], members };
    }
    return partners.contributors.map((text, k) => providerByText(providers, text, names.contributors?.[k]));
}
