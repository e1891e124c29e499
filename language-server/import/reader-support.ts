import type { Cursor } from './json-cursor.js';
import type { ImportedIssuance, ImportedProgramme, ImportedProvider } from './imported-model.js';
import type { NarrativeSection } from './narrative-reader.js';
import { conceptByLabel, VOCABS } from './concepts.js';
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
            default:
                ok = false;
        }
        if (ok) facts.read.add(title);
    }
    return facts;
}
