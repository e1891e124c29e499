/**
 * Templates for new programme text: completion snippets (with tab stops) and the plain text of
 * "Micro-credential: New programme from template". Each template is written once in snippet
 * syntax (`${1:default}`, `${2|a,b|}`, mirrors `${1}`), and the plain text is derived from it,
 * so that the snippet and the new-file template never drift apart. Pure: no editor API.
 */

const ASSESSMENT_TYPE_CHOICE = 'written-exam,oral-exam,project,portfolio,practical,quiz,presentation,peer-assessment,peer-review,'
    + 'marked-assignment,continuous-evaluation,group-performance,attendance,problem-based,artefact,self-assessment,guided-self-assessment';
const SUPERVISION_CHOICE = 'supervised-with-id,supervised,unsupervised-with-id,unsupervised';
const PARTICIPATION_CHOICE = 'online,onsite,blended';

/** A provider block. */
export const PROVIDER_SNIPPET = [
    'provider ${1:Name} {',
    '    name "${2:Legal name}"',
    '    country ${3:IT}',
    '    region "${4:Region}"',
    '    kind ${5:university}',
    '    homepage "${6:https://www.example.org}"',
    '}'
].join('\n');

/** An assessment block inside a micro-credential. */
export const ASSESSMENT_SNIPPET = [
    'assessment ${1:Final} {',
    `    type \${2|${ASSESSMENT_TYPE_CHOICE}|}`,
    '    covers ${3:LO1}',
    `    supervision \${4|${SUPERVISION_CHOICE}|}`,
    '    grading "${5:pass/fail}"',
    '}'
].join('\n');

/** A cohort: the issuance that states Annex I elements 1 (learner) and 5 (date of issuing). */
export const COHORT_SNIPPET = [
    'cohort ${1:Cohort} of ${2:Credential} {',
    '    issued ${3:2026-06-30}',
    '    learner "${4:Full name}" id "${5:mailto:learner@example.org}" grade "${6:pass}"',
    '}'
].join('\n');

/**
 * A complete micro-credential: every Annex I element is a tab stop (elements 1 and 5 in the cohort
 * that follows it), and every block of the design method is there to fill in.
 */
export const MICROCREDENTIAL_SNIPPET = [
    'microcredential ${1:Name} {',
    '    title "${2:Title of the micro-credential}"',
    '    awardedBy ${3:Provider}',
    '    language ${4:en}',
    '    level eqf ${5|1,2,3,4,5,6,7,8|}',
    '    field "${6:0223}"',
    '    workload ${7:5} ects',
    '    duration ${8:6} weeks',
    `    participation \${9|${PARTICIPATION_CHOICE}|}`,
    '    setting ${10|non-formal,formal,informal|}',
    '',
    '    outcome LO1 "${11:Explain the main principles of …}"',
    '',
    '    assessment ${12:Final} {',
    `        type \${13|${ASSESSMENT_TYPE_CHOICE}|}`,
    '        covers LO1',
    `        supervision \${14|${SUPERVISION_CHOICE}|}`,
    '        grading "${15:pass/fail}"',
    '    }',
    '',
    '    audience {',
    '        target "${16:Who the programme is for}"',
    '        needsAnalysis "${17:Evidence of their needs}"',
    '        coDesignedWith "${18:Stakeholders who co-designed it}"',
    '        purpose ${19|upskilling,reskilling|}',
    '    }',
    '',
    '    format {',
    `        mode \${20|${PARTICIPATION_CHOICE}|}`,
    '        methodology "${21:Teaching methodology}"',
    '        sustainability "${22:Why the format is sustainable}"',
    '    }',
    '',
    '    qualityAssurance {',
    '        ${23|internal,external|} ${24|exAnte,exPost|} "${25:QA procedure}"',
    '        stakeholders "${26:employers}", "${27:learners}"',
    '        standards "${28:ESG 2015 Part 1}"',
    '        review every ${29:2} years',
    '    }',
    '',
    '    business {',
    '        model "${30:Business model}"',
    '        fee ${31:300} ${32:EUR}',
    '        sustainability short "${33:Short run}" medium "${34:Medium run}" long "${35:Long run}"',
    '        administration "${36:Student administration}"',
    '        learnerTypes ${37|students,professionals,jobseekers,other|}',
    '    }',
    '',
    '    prerequisites "${38:Prerequisites needed to enrol}"',
    '    standalone',
    '    recognition "${39:How the credential is recognised}"',
    '    furtherInfo "${40:https://www.example.org/programme}"',
    '}',
    '',
    'cohort ${41:FirstCohort} of ${1} {',
    '    issued ${42:2026-06-30}',
    '    learner "${43:Full name}" id "${44:mailto:learner@example.org}" grade "${45:pass}"',
    '}'
].join('\n');

/**
 * The text of a new programme file: a provider and a complete micro-credential (every element of
 * the language, every Annex I element) with its first cohort, to be filled in.
 */
export function programmeTemplate(name: string, title = 'Title of the micro-credential', providerName = 'MyProvider'): string {
    const credential = snippetToText(MICROCREDENTIAL_SNIPPET, { 1: name, 2: title.replace(/["\\]/g, '\\$&'), 3: providerName });
    const provider = snippetToText(PROVIDER_SNIPPET, { 1: providerName });
    return `${provider}\n\n${credential}\n`;
}

/** The file name for a programme (`AIDigitalEthics` → `ai-digital-ethics.mcred`). */
export function programmeFileName(name: string): string {
    const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2').replace(/[^A-Za-z0-9-]+/g, '-').toLowerCase();
    return `${kebab.replace(/^-+|-+$/g, '') || 'programme'}.mcred`;
}

/**
 * Plain text of a snippet: each tab stop becomes its default (or the first choice), mirrors repeat
 * their tab stop's value; `values` overrides defaults by tab stop number.
 */
export function snippetToText(snippet: string, values: Readonly<Record<number, string>> = {}): string {
    const chosen = new Map<number, string>(Object.entries(values).map(([k, v]) => [Number(k), v]));
    const placeholders = /\$\{(\d+):([^}]*)\}|\$\{(\d+)\|([^|]*)\|\}/g;
    for (const match of snippet.matchAll(placeholders)) {
        const index = Number(match[1] ?? match[3]);
        if (!chosen.has(index)) chosen.set(index, match[2] ?? match[4].split(',')[0]);
    }
    return snippet
        .replace(placeholders, (_all, n1: string | undefined, _d, n2: string | undefined) => chosen.get(Number(n1 ?? n2)) ?? '')
        .replace(/\$\{(\d+)\}/g, (_all, n: string) => chosen.get(Number(n)) ?? '')
        .replace(/\$0/g, '');
}

/** A valid name for a programme from free text (`AI & Digital Ethics` → `AIDigitalEthics`). */
export function programmeName(text: string): string | undefined {
    const words = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[A-Za-z0-9]+/g) ?? [];
    const name = words.map(w => w[0].toUpperCase() + w.slice(1)).join('');
    if (name.length === 0) return undefined;
    return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}
