import type {
    ImportedAssessment, ImportedIssuance, ImportedLearner, ImportedModule, ImportedProgramme, ImportedProvider, TextWithTranslations
} from './imported-model.js';
import type { LostFact } from './json-cursor.js';

/**
 * Writes what an import read as `.mcred` text, laid out as the formatter lays it out. Every
 * Annex I element the credentials do not state is a hole (`level ?`); credits without a unit are
 * a hole with the number in a comment; facts that could not be mapped are listed at the end.
 * Pure: the same input always gives the same text.
 */

export interface RenderInput {
    readonly sources: readonly string[];
    readonly providers: readonly ImportedProvider[];
    readonly programmes: readonly ImportedProgramme[];
    readonly issuances: readonly ImportedIssuance[];
    readonly lost: ReadonlyArray<LostFact & { readonly source: string }>;
    readonly notes: readonly string[];
}

export interface RenderedImport {
    readonly text: string;
    /** The names given, for the summary. */
    readonly programmeNames: readonly string[];
    readonly providerNames: readonly string[];
    readonly cohorts: number;
    readonly learners: number;
    /** The Annex I elements written as holes, per programme name. */
    readonly holes: Readonly<Record<string, readonly string[]>>;
    /** Facts listed as not imported (lost JSON values plus learners and translations that could not be written). */
    readonly factsLost: number;
}

const NAME = /^[_a-zA-Z][\w-]*$/;
const I = '    ';

export function renderImport(input: RenderInput): RenderedImport {
    const used = new Set<string>();
    const extraLost: string[] = [];
    const providerName = new Map<string, string>();
    input.providers.forEach((p, i) => {
        providerName.set(p.key, uniqueName(p.declaredName ?? nameFrom(p.legalName) ?? `Provider${i + 1}`, used));
    });
    const programmeName = new Map<string, string>();
    input.programmes.forEach((p, i) => {
        programmeName.set(p.key, uniqueName(p.declaredName ?? nameFrom(p.title?.text) ?? `Programme${i + 1}`, used));
    });
    const blocks: string[] = [];
    const holes: Record<string, string[]> = {};
    for (const provider of input.providers) blocks.push(renderProvider(provider, providerName));
    for (const programme of input.programmes) {
        const name = programmeName.get(programme.key)!;
        const { text, holes: h } = renderProgramme(programme, name, providerName, extraLost);
        holes[name] = h;
        blocks.push(text);
    }
    let cohorts = 0;
    let learners = 0;
    for (const programme of input.programmes) {
        const name = programmeName.get(programme.key)!;
        const byDate = new Map<string, ImportedIssuance[]>();
        for (const issuance of input.issuances.filter(i => i.programme === programme.key)) {
            const key = issuance.issued ?? '';
            byDate.set(key, [...(byDate.get(key) ?? []), issuance]);
        }
        for (const [date, issuances] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
            const cohortName = uniqueName(`${name}-${date || 'undated'}`, used);
            const lines = [`cohort ${cohortName} of ${name} {`, date ? `${I}issued ${date}` : `${I}issued ?`];
            for (const { learner } of issuances) {
                learners++;
                lines.push(...learnerLines(learner));
            }
            lines.push('}');
            blocks.push(lines.join('\n'));
            cohorts++;
        }
    }
    const header = [
        `// Imported by mcred from ${input.sources.length === 1 ? input.sources[0] : `${input.sources.length} credentials`}.`,
        '// What the credentials do not state is a hole (`?`): an error until a person fills it.',
        '// Design-time blocks (audience, format, business, waivers) are not in credentials: they stay to be written here.',
        ...input.notes.map(n => `// ${n}`)
    ];
    const lostLines = [
        ...input.lost.map(l => `// not imported: ${l.source}${l.path} ${l.value}`),
        ...extraLost.map(l => `// not imported: ${l}`)
    ];
    const factsLost = input.lost.reduce((n, l) => n + l.facts, 0) + extraLost.length;
    const text = [header.join('\n'), ...blocks, ...(lostLines.length > 0 ? [lostLines.join('\n')] : [])].join('\n\n') + '\n';
    return {
        text,
        programmeNames: [...programmeName.values()],
        providerNames: [...providerName.values()],
        cohorts,
        learners,
        holes,
        factsLost
    };
}

function renderProvider(p: ImportedProvider, providerName: Map<string, string>): string {
    const lines = [`provider ${providerName.get(p.key)!} {`];
    const members = (p.members ?? []).map(k => providerName.get(k)).filter((n): n is string => n !== undefined);
    lines.push(p.legalName !== undefined ? `${I}name ${str(p.legalName)}` : `${I}name ?`);
    // An alliance without a country of its own is located by its members: no hole for it.
    if (p.country) lines.push(`${I}country ${p.country}`);
    else if (members.length === 0) lines.push(`${I}country ?`);
    if (p.region) lines.push(`${I}region ${str(p.region)}`);
    if (members.length > 0) lines.push(`${I}kind alliance`, `${I}members ${members.join(', ')}`);
    if (p.legalIdentifier) lines.push(`${I}identifier ${str(p.legalIdentifier)}`);
    if (p.homepage) lines.push(`${I}homepage ${str(p.homepage)}`);
    if (p.email) lines.push(`${I}email ${str(p.email)}`);
    if (p.did) lines.push(`${I}did ${str(p.did)}`);
    lines.push('}');
    return lines.join('\n');
}

function renderProgramme(p: ImportedProgramme, name: string, providerName: Map<string, string>, lost: string[]): { text: string; holes: string[] } {
    const holes: string[] = [];
    const lines = [`microcredential ${name} {`];
    const hole = (property: string) => { holes.push(property); lines.push(`${I}${property} ?`); };
    const languages = p.languages;
    const translations = translationWriter(languages, lost);
    const translated = (keyword: string, value: TextWithTranslations | undefined, what: string, indent = I) => {
        if (!value) return false;
        lines.push(`${indent}${keyword} ${str(value.text)}`, ...translations(keyword, value.translations, what, indent));
        return true;
    };
    if (!translated('title', p.title, `${name} title`)) hole('title');
    translated('description', p.description, `${name} description`);
    const bodies = p.awardedBy.map(k => providerName.get(k)).filter((n): n is string => n !== undefined);
    if (bodies.length > 0) lines.push(`${I}awardedBy ${bodies.join(', ')}`);
    else hole('awardedBy');
    const partners = (p.deliveredWith ?? []).map(k => providerName.get(k)).filter((n): n is string => n !== undefined);
    if (partners.length > 0) lines.push(`${I}deliveredWith ${partners.join(', ')}`);
    if (languages.length > 0) lines.push(`${I}language ${languages.join(', ')}`);
    else hole('language');
    if (p.level?.eqf !== undefined) lines.push(`${I}level eqf ${p.level.eqf}`);
    if (p.level?.qfEhea) lines.push(`${I}level qf-ehea ${p.level.qfEhea}`);
    if (p.level?.none !== undefined) lines.push(`${I}level none${p.level.none ? ` ${str(p.level.none)}` : ''}`);
    if (p.level?.eqf === undefined && !p.level?.qfEhea && p.level?.none === undefined) hole('level');
    if (p.fields.length > 0) lines.push(`${I}field ${p.fields.map(f => str(f)).join(', ')}`);
    if (p.ects !== undefined) {
        lines.push(`${I}workload ${p.ects} ects`);
        if (p.hours !== undefined) lines.push(`${I}hours ${p.hours}`);
    } else if (p.hours !== undefined) {
        lines.push(`${I}workload ${p.hours} hours`);
    } else {
        holes.push('workload');
        lines.push(`${I}workload ?` + (p.creditsWithoutUnit !== undefined
            ? ` // the credential states ${p.creditsWithoutUnit} credits without saying in which unit` : ''));
    }
    if (p.duration) lines.push(`${I}duration ${p.duration.amount} ${p.duration.amount === 1 ? p.duration.unit.replace(/s$/, '') : p.duration.unit}`);
    if (p.participation) lines.push(`${I}participation ${p.participation}`);
    else hole('participation');
    if (p.setting) lines.push(`${I}setting ${p.setting}`);

    const outcomeNames = outcomeNamesOf(p);
    if (p.outcomes.length > 0) {
        lines.push('');
        p.outcomes.forEach((o, i) => {
            const statement = o.statement;
            let line = `${I}outcome ${outcomeNames[i]} ${statement ? str(statement.text) : '?'}`;
            for (const t of statement?.translations ?? []) {
                if (languages.includes(t.language) && t.language !== languages[0]) line += ` ${str(t.text)}@${t.language}`;
                else lost.push(`outcome ${outcomeNames[i]} in ${t.language} ${str(short(t.text))} (not a language of the programme)`);
            }
            lines.push(line);
            if (o.skills.length > 0) lines.push(`${I}${I}skill ${o.skills.map(s => str(s)).join(', ')}`);
        });
    } else {
        lines.push('');
        hole('outcome');
    }
    const assessmentNames = new Set<string>(outcomeNames);
    for (const m of p.modules ?? []) {
        lines.push('');
        lines.push(...moduleLines(m, outcomeNames, assessmentNames, providerName, translations));
    }
    const assessments = p.assessments.length > 0 ? p.assessments : [{} as ImportedAssessment];
    for (const a of assessments) {
        lines.push('');
        lines.push(...assessmentLines(a, outcomeNames, assessmentNames, translations));
    }
    if (!assessments.some(a => a.type)) holes.push('assessment type');

    const qa = p.qualityAssurance;
    lines.push('');
    if (qa && (qa.procedures.length > 0 || qa.stakeholders.length > 0 || qa.standards.length > 0 || qa.review || qa.feedback.length > 0)) {
        lines.push(`${I}qualityAssurance {`);
        for (const proc of qa.procedures) {
            lines.push(`${I}${I}${proc.kind}${proc.timing ? ` ${proc.timing}` : ''}`
                + (proc.agency ? ` agency ${str(proc.agency)}` : '')
                + proc.standards.map(s => ` standard ${str(s)}`).join('')
                + (proc.description ? ` ${str(proc.description)}` : ''));
        }
        if (qa.procedures.length === 0) holes.push('qualityAssurance');
        if (qa.stakeholders.length > 0) lines.push(`${I}${I}stakeholders ${qa.stakeholders.map(s => str(s)).join(', ')}`);
        if (qa.standards.length > 0) lines.push(`${I}${I}standards ${qa.standards.map(s => str(s)).join(', ')}`);
        if (qa.review) lines.push(`${I}${I}review every ${qa.review.every} ${qa.review.unit}`);
        if (qa.feedback.length > 0) lines.push(`${I}${I}feedback ${qa.feedback.map(s => str(s)).join(', ')}`);
        for (const text of qa.text) lines.push(`${I}${I}// ${oneLine(text)}`);
        lines.push(`${I}}`);
    } else {
        for (const text of qa?.text ?? []) lines.push(`${I}// quality assurance, kind not stated: ${oneLine(text)}`);
        hole('qualityAssurance');
    }

    const optional: string[] = [];
    if (p.prerequisites) {
        optional.push(`${I}prerequisites ${str(p.prerequisites.text)}`, ...translations('prerequisites', p.prerequisites.translations, `${name} prerequisites`));
    }
    for (const target of p.partOf) optional.push(`${I}// stackable into ${str(target)}: declare it, then write \`stackable into\` its name`);
    if (p.standalone && p.partOf.length === 0) optional.push(`${I}standalone`);
    if (p.recognition) {
        optional.push(`${I}recognition ${str(p.recognition)}`, ...translations('recognition', p.recognitionTranslations ?? [], `${name} recognition`));
    }
    if (p.furtherInfo) optional.push(`${I}furtherInfo ${str(p.furtherInfo)}`);
    if (optional.length > 0) lines.push('', ...optional);
    lines.push('}');
    return { text: lines.join('\n'), holes };
}

function outcomeNamesOf(p: ImportedProgramme): string[] {
    const used = new Set<string>();
    const declared = new Set(p.outcomes.map(o => o.declaredName).filter((n): n is string => n !== undefined));
    let next = 1;
    return p.outcomes.map(o => {
        if (o.declaredName && !used.has(o.declaredName)) { used.add(o.declaredName); return o.declaredName; }
        while (used.has(`LO${next}`) || declared.has(`LO${next}`)) next++;
        const name = `LO${next++}`;
        used.add(name);
        return name;
    });
}

/** Writes the translations of a text that are in a language of the programme; lists the others as not imported. */
type TranslationWriter = (keyword: string, translations: TextWithTranslations['translations'], what: string, indent?: string) => string[];

function translationWriter(languages: readonly string[], lost: string[]): TranslationWriter {
    return (keyword, translations, what, indent = I) => translations.flatMap(t => {
        if (languages.includes(t.language) && t.language !== languages[0]) return [`${indent}${keyword} ${str(t.text)}@${t.language}`];
        lost.push(`${what} in ${t.language} ${str(short(t.text))} (not a language of the programme)`);
        return [];
    });
}

function moduleLines(
    m: ImportedModule, outcomeNames: readonly string[], used: Set<string>, providerName: Map<string, string>, translations: TranslationWriter
): string[] {
    const name = uniqueName(m.declaredName ?? nameFrom(m.title?.text) ?? 'Module', used);
    const J = I + I;
    const lines = [`${I}module ${name} {`];
    if (m.title) lines.push(`${J}title ${str(m.title.text)}`, ...translations('title', m.title.translations, `module ${name} title`, J));
    else lines.push(`${J}title ?`);
    if (m.description) {
        lines.push(`${J}description ${str(m.description.text)}`, ...translations('description', m.description.translations, `module ${name} description`, J));
    }
    if (m.ects !== undefined) {
        lines.push(`${J}workload ${m.ects} ects`);
        if (m.hours !== undefined) lines.push(`${J}hours ${m.hours}`);
    } else if (m.hours !== undefined) lines.push(`${J}workload ${m.hours} hours`);
    const providers = m.providers.map(k => providerName.get(k)).filter((n): n is string => n !== undefined);
    if (providers.length > 0) lines.push(`${J}providedBy ${providers.join(', ')}`);
    const covers = m.covers.map(i => outcomeNames[i]).filter((n): n is string => n !== undefined);
    if (covers.length > 0) lines.push(`${J}covers ${covers.join(', ')}`);
    lines.push(`${I}}`);
    return lines;
}

function assessmentLines(a: ImportedAssessment, outcomeNames: readonly string[], used: Set<string>, translations: TranslationWriter): string[] {
    const base = a.declaredName ?? (a.anonymous ? undefined : nameFrom(a.title));
    const name = base ? uniqueName(base, used) : undefined;
    const lines = [`${I}assessment${name ? ` ${name}` : ''} {`];
    const J = I + I;
    const what = `assessment ${name ?? a.title ?? ''}`;
    if (a.title && a.title !== name) lines.push(`${J}title ${str(a.title)}`, ...translations('title', a.titleTranslations ?? [], `${what} title`, J));
    lines.push(a.type ? `${J}type ${a.type}` : `${J}type ?`);
    if (a.weight !== undefined) lines.push(`${J}weight ${a.weight}%`);
    const covers = (a.covers ?? []).map(i => outcomeNames[i]).filter((n): n is string => n !== undefined);
    if (covers.length > 0) lines.push(`${J}covers ${covers.join(', ')}`);
    if (a.mode) lines.push(`${J}mode ${a.mode}`);
    if (a.supervision) lines.push(`${J}supervision ${a.supervision}`);
    if (a.grading) lines.push(`${J}grading ${str(a.grading)}`);
    if (a.description) {
        lines.push(`${J}description ${str(a.description)}`, ...translations('description', a.descriptionTranslations ?? [], `${what} description`, J));
    }
    lines.push(`${I}}`);
    return lines;
}

function learnerLines(learner: ImportedLearner): string[] {
    if (learner.fullName) {
        return [`${I}learner ${str(learner.fullName)}`
            + (learner.identifier ? ` id ${str(learner.identifier)}` : '')
            + (learner.grade ? ` grade ${str(learner.grade)}` : '')
            + (learner.given ? ` given ${str(learner.given)}` : '')
            + (learner.family ? ` family ${str(learner.family)}` : '')];
    }
    const facts = [
        learner.hashedIdentity ? `identity hashed (${learner.hashedIdentity.type} ${short(learner.hashedIdentity.hash, 24)})` : undefined,
        learner.identifier ? `id ${str(learner.identifier)}` : undefined,
        learner.grade ? `grade ${str(learner.grade)}` : undefined
    ].filter(Boolean);
    return [`${I}// a learner whose name the credential does not state: ${facts.join(', ') || 'nothing else stated'}`];
}

/** A name from a title: `Digital micro-credential creation` → `DigitalMicroCredentialCreation`. */
export function nameFrom(text: string | undefined): string | undefined {
    if (!text) return undefined;
    if (NAME.test(text) && text.length <= 40) return text;
    const words = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
    if (words.length === 0) return undefined;
    let name = words.slice(0, 6).map(w => w[0].toUpperCase() + w.slice(1)).join('');
    if (/^[0-9]/.test(name)) name = `P${name}`;
    return name;
}

function uniqueName(base: string, used: Set<string>): string {
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    return name;
}

/** A `.mcred` string literal. */
export function str(text: string): string {
    return '"' + text
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\r\n?/g, '\n')
        .replace(/\n/g, '\\n')
        .replace(/\t/g, '\\t')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f]/g, '') + '"';
}

function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

function short(text: string, max = 60): string {
    const line = oneLine(text);
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
