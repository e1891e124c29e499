import type { CredentialModel, ProviderModel } from '../model/credential-model.js';
import { ECTS_CREDIT_SYSTEM } from '../vocab/index.js';

/**
 * The human-readable statements of a credential that a format has no structured property for,
 * grouped in sections. OB 3.0 renders them as the Markdown criteria narrative; ELM as notes.
 * Only what a certificate states is included: design-time evidence (needs analysis, business
 * sustainability, student administration) stays in the programme file.
 */
export interface NarrativeSection {
    readonly key: NarrativeKey;
    readonly title: string;
    readonly lines: readonly string[];
}

export type NarrativeKey =
    | 'outcomes' | 'assessment' | 'workload' | 'level' | 'participation' | 'awarding-bodies' | 'quality-assurance'
    | 'prerequisites' | 'stackability' | 'recognition' | 'audience' | 'format' | 'fees' | 'further-info'
    | 'modules' | 'partners' | 'translations';

export function narrativeSections(model: CredentialModel): NarrativeSection[] {
    const sections: Array<NarrativeSection | undefined> = [
        section('outcomes', 'Learning outcomes', model.outcomes.map(o =>
            `${o.name}: ${o.statement}` + (o.skills.length > 0 ? ` (ESCO: ${o.skills.map(s => s.label ?? s.uri).join('; ')})` : ''))),
        section('modules', 'Modules', (model.modules ?? []).map(m => [
            m.title,
            [m.ects !== undefined ? `${formatAmount(m.ects)} ECTS` : undefined, m.hours !== undefined ? `${formatAmount(m.hours)} hours` : undefined]
                .filter(Boolean).join(', ') || undefined,
            m.providers.length > 0 ? `provided by ${m.providers.map(p => p.legalName).join(', ')}` : undefined,
            m.covers.length > 0 ? `covers ${m.covers.join(', ')}` : undefined,
            m.description
        ].filter(Boolean).join('; '))),
        section('assessment', 'Assessment', model.assessments.map(a => [
            `${a.title ?? a.name}: ${a.type ? lowerFirst(a.type.label) : 'type not stated'}`,
            a.weight !== undefined ? `${formatAmount(a.weight)}% of the grade` : undefined,
            a.covers.length > 0 ? `covers ${a.covers.join(', ')}` : undefined,
            a.mode ? lowerFirst(a.mode.label) : undefined,
            a.supervision ? lowerFirst(a.supervision.label) : undefined,
            a.grading ? `grading: ${a.grading}` : undefined,
            a.description
        ].filter(Boolean).join('; '))),
        section('workload', 'Workload', [workloadText(model)].filter(isText)),
        section('level', 'Level', levelLines(model)),
        section('participation', 'Form of participation', [
            [model.participation?.label, model.setting && lowerFirst(model.setting.label)].filter(Boolean).join('; '),
            `Language${model.languages.length > 1 ? 's' : ''}: ${model.languages.map(l => l.label).join(', ')}`
        ].filter(isText)),
        model.awardingBodies.length > 1
            ? section('awarding-bodies', 'Awarding bodies', model.awardingBodies.map(providerText))
            : undefined,
        section('partners', 'Delivered with', [
            ...(model.contributors ?? []).map(p => `${providerText(p)}: contributing provider (does not award)`),
            ...model.awardingBodies.filter(b => b.members && b.members.length > 0)
                .map(b => `${b.legalName} is an alliance of ${b.members!.map(providerText).join('; ')}`)
        ]),
        model.qualityAssurance && section('quality-assurance', 'Quality assurance', [
            ...model.qualityAssurance.procedures.map(p => p.text),
            listLine('Stakeholders involved', model.qualityAssurance.stakeholders),
            listLine('Standards and tools', model.qualityAssurance.standards),
            model.qualityAssurance.review ? `Reviewed ${model.qualityAssurance.review.text}` : undefined,
            listLine('Feedback', model.qualityAssurance.feedback)
        ].filter(isText)),
        model.prerequisites ? section('prerequisites', 'Prerequisites', [model.prerequisites]) : undefined,
        section('stackability', 'Integration and stackability', model.stacksInto.length > 0
            ? model.stacksInto.map(t => {
                const facts = [t.ects !== undefined ? `${formatAmount(t.ects)} ECTS` : undefined, t.eqf ? `EQF level ${t.eqf.code}` : undefined]
                    .filter(Boolean).join(', ');
                return `Stackable into ${t.title}${facts ? ` (${facts})` : ''}`;
            })
            : model.standalone ? ['Stand-alone micro-credential'] : []),
        model.recognition ? section('recognition', 'Recognition', [model.recognition]) : undefined,
        model.audience && section('audience', 'Target group', [
            model.audience.target,
            listLine('Purpose', model.audience.purposes.map(p => lowerFirst(p.label))),
            listLine('Co-designed with', model.audience.coDesignedWith)
        ].filter(isText)),
        model.format && section('format', 'Format', [
            model.format.mode ? `Teaching mode: ${lowerFirst(model.format.mode.label)}` : undefined,
            model.format.methodology ? `Methodology: ${model.format.methodology}` : undefined,
            model.format.schedule ? `Schedule: ${lowerFirst(model.format.schedule.label)}` : undefined
        ].filter(isText)),
        model.business && section('fees', 'Fees and funding', [
            model.business.fee ? `Fee: ${formatAmount(model.business.fee.amount)} ${model.business.fee.currency}` : undefined,
            ...(model.learnerFees ?? []).map(f => `Fee for ${lowerFirst(f.learnerType.label)}: ${formatAmount(f.amount)} ${f.currency}`),
            model.business.funding ? `Funding: ${model.business.funding}` : undefined,
            listLine('For', model.business.learnerTypes.map(t => lowerFirst(t.label)))
        ].filter(isText)),
        model.furtherInfo ? section('further-info', 'Further information', [model.furtherInfo]) : undefined,
        section('translations', 'Translations', translationLines(model))
    ];
    return sections.filter((s): s is NarrativeSection => s !== undefined && s.lines.length > 0);
}

/**
 * The translations of the credential's texts, one line per language and text, for formats that
 * carry one language per text (OB 3.0): `fi — title: Kestävyyden mikrotutkinto`.
 */
export function translationLines(model: CredentialModel): string[] {
    const texts: Array<[string, Readonly<Record<string, string>> | undefined]> = [
        ['title', model.titleTranslations],
        ['description', model.descriptionTranslations],
        ...model.outcomes.map(o => [o.name, o.statementTranslations] as [string, Readonly<Record<string, string>> | undefined]),
        ...(model.modules ?? []).map(m => [`module ${m.title}`, m.titleTranslations] as [string, Readonly<Record<string, string>> | undefined]),
        ...(model.modules ?? []).map(m => [`module ${m.title} description`, m.descriptionTranslations] as [string, Readonly<Record<string, string>> | undefined]),
        ...model.assessments.map(a => [`assessment ${a.title ?? a.name}`, a.titleTranslations] as [string, Readonly<Record<string, string>> | undefined]),
        ...model.assessments.map(a => [`assessment ${a.title ?? a.name} description`, a.descriptionTranslations] as [string, Readonly<Record<string, string>> | undefined]),
        ['prerequisites', model.prerequisitesTranslations],
        ['recognition', model.recognitionTranslations]
    ];
    const lines: string[] = [];
    for (const language of model.languages.slice(1)) {
        for (const [what, translations] of texts) {
            const translated = translations?.[language.code];
            if (translated) lines.push(`${language.label} (${language.code}) — ${what}: ${translated}`);
        }
    }
    return lines;
}

/** The sections as Markdown (OB 3.0 `criteria.narrative` allows Markdown). */
export function narrativeMarkdown(sections: readonly NarrativeSection[]): string {
    return sections.map(s => `## ${s.title}\n\n${s.lines.map(line => `- ${line}`).join('\n')}`).join('\n\n');
}

/** `5 ECTS credits (European Credit Transfer System), 125 hours of notional learning; duration 6 weeks`. */
export function workloadText(model: CredentialModel): string {
    const parts = [
        model.workload.ects !== undefined ? `${formatAmount(model.workload.ects)} ECTS credits (${ECTS_CREDIT_SYSTEM.label})` : undefined,
        model.workload.hours !== undefined ? `${formatAmount(model.workload.hours)} hours of notional learning` : undefined
    ].filter(Boolean).join(', ');
    return [parts, model.duration ? `duration ${model.duration.text}` : undefined].filter(Boolean).join('; ');
}

function levelLines(model: CredentialModel): string[] {
    return [
        model.level.eqf ? `EQF level ${model.level.eqf.code}` : undefined,
        model.level.qfEhea ? `QF-EHEA ${lowerFirst(model.level.qfEhea.label)}` : undefined,
        model.level.notApplicable !== undefined ? `No EQF or QF-EHEA level applies${model.level.notApplicable ? `: ${model.level.notApplicable}` : ''}` : undefined
    ].filter(isText);
}

export function providerText(provider: ProviderModel): string {
    const place = [provider.region, provider.country?.label].filter(Boolean).join(', ');
    return place ? `${provider.legalName} (${place})` : provider.legalName;
}

function section(key: NarrativeKey, title: string, lines: readonly string[]): NarrativeSection {
    return { key, title, lines };
}

function listLine(label: string, values: readonly string[]): string | undefined {
    return values.length > 0 ? `${label}: ${values.join(', ')}` : undefined;
}

function isText(value: string | undefined): value is string {
    return value !== undefined && value.length > 0;
}

/** `Project work` → `project work`, but `ID verification` stays as it is. */
export function lowerFirst(text: string): string {
    return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/** Numbers as people write them: `5`, `2.5`, `300`. */
export function formatAmount(value: number): string {
    return String(value);
}
