/**
 * Templates for new programme text: completion snippets (with tab stops) and the plain text of
 * "Micro-credential: New programme from template". Each template is written once in snippet
 * syntax (`${1:default}`, `${2|a,b|}`, mirrors `${1}`), and the plain text is derived from it,
 * so that the snippet and the new-file template never drift apart. Pure: no editor API.
 */

/** A hole at tab stop `n`: the `?` is selected, so that typing or completion replaces it. */
const hole = (n: number) => `\${${n}:?}`;

/** A provider block: its name, and a hole for each value to decide. */
export const PROVIDER_SNIPPET = [
    'provider ${1:Name} {',
    `    name ${hole(2)}`,
    `    country ${hole(3)}`,
    `    homepage ${hole(4)}`,
    '}'
].join('\n');

/** An assessment block inside a micro-credential. */
export const ASSESSMENT_SNIPPET = [
    'assessment ${1:Final} {',
    `    type ${hole(2)}`,
    `    covers ${hole(3)}`,
    `    supervision ${hole(4)}`,
    `    grading ${hole(5)}`,
    '}'
].join('\n');

/** A cohort: the issuance that states Annex I elements 1 (learners) and 5 (date of issuing). */
export const COHORT_SNIPPET = [
    'cohort ${1:Cohort} of ${2:Credential} {',
    `    issued ${hole(3)}`,
    `    roster ${hole(4)}`,
    '}'
].join('\n');

/**
 * A complete micro-credential: every Annex I element (elements 1 and 5 in the cohort that follows
 * it) and every block of the design method, each value a hole `?` to decide. Nothing is
 * invented: the credential has an error per hole until a person fills it.
 */
export const MICROCREDENTIAL_SNIPPET = [
    'microcredential ${1:Name} {',
    `    title ${hole(2)}`,
    '    awardedBy ${3:?}',
    `    language ${hole(4)}`,
    `    level ${hole(5)}`,
    `    field ${hole(6)}`,
    `    workload ${hole(7)}`,
    `    duration ${hole(8)}`,
    `    participation ${hole(9)}`,
    `    setting ${hole(10)}`,
    '',
    `    outcome LO1 ${hole(11)}`,
    '',
    '    assessment ${12:Final} {',
    `        type ${hole(13)}`,
    '        covers LO1',
    `        supervision ${hole(14)}`,
    `        grading ${hole(15)}`,
    '    }',
    '',
    '    audience {',
    `        target ${hole(16)}`,
    `        needsAnalysis ${hole(17)}`,
    `        coDesignedWith ${hole(18)}`,
    `        purpose ${hole(19)}`,
    '    }',
    '',
    '    format {',
    `        mode ${hole(20)}`,
    `        methodology ${hole(21)}`,
    `        sustainability ${hole(22)}`,
    '    }',
    '',
    '    qualityAssurance {',
    `        internal ${hole(23)}`,
    `        stakeholders ${hole(24)}`,
    `        standards ${hole(25)}`,
    `        review ${hole(26)}`,
    '    }',
    '',
    '    business {',
    `        model ${hole(27)}`,
    `        fee ${hole(28)}`,
    `        sustainability ${hole(29)}`,
    `        administration ${hole(30)}`,
    `        learnerTypes ${hole(31)}`,
    '    }',
    '',
    `    prerequisites ${hole(32)}`,
    `    stackable ${hole(33)}`,
    `    recognition ${hole(34)}`,
    `    furtherInfo ${hole(35)}`,
    '}',
    '',
    'cohort ${36:FirstCohort} of ${1} {',
    `    issued ${hole(37)}`,
    `    roster ${hole(38)}`,
    '}'
].join('\n');

/**
 * The text of a new programme file: a provider and a complete micro-credential (every Annex I
 * element, every block of the design method) with its first cohort. The only values are those the
 * person gave (the title, when typed); every other value is a hole `?` to fill in.
 */
export function programmeTemplate(name: string, title?: string, providerName = 'MyProvider'): string {
    const values: Record<number, string> = { 1: name, 3: providerName };
    if (title?.trim()) values[2] = `"${title.trim().replace(/["\\]/g, '\\$&')}"`;
    const credential = snippetToText(MICROCREDENTIAL_SNIPPET, values);
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
