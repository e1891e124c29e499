import type { MicroCredential } from '../../generated/ast.js';
import { ASSESSMENT_TYPES } from '../../vocab/index.js';
import { escapeSnippet } from './text-edits.js';

/**
 * The skeletons quick fixes insert, in snippet syntax: tab stops with a placeholder or a choice,
 * `\t` for one more level of indentation. Placeholders describe what to write; numbers default
 * to the values of the reference example of docs/language.md.
 */

const choice = (n: number, values: readonly string[]) => `\${${n}|${values.map(v => v.replace(/[,|\\$}]/g, m => `\\${m}`)).join(',')}|}`;

export const PARTICIPATION = ['online', 'onsite', 'blended'] as const;
export const SUPERVISION = ['supervised-with-id', 'supervised', 'unsupervised', 'unsupervised-with-id'] as const;

export function today(): string {
    return new Date().toISOString().slice(0, 10);
}

export const SKELETONS = {
    title: () => 'title "${1:Title of the micro-credential}"',
    awardedBy: (providers: readonly string[]) => providers.length > 0 ? `awardedBy ${choice(1, providers)}` : 'awardedBy ${1:Provider}',
    outcome: (name: string) => `outcome ${escapeSnippet(name)} "\${1:Explain …}"`,
    workload: (ects = 5) => `workload \${1:${ects}} ects`,
    level: () => 'level eqf ${1:6}',
    levelReason: () => ' "${1:Why no EQF or QF-EHEA level applies}"',
    duration: () => `duration \${1:6} ${choice(2, ['weeks', 'days', 'months', 'hours'])}`,
    participation: () => `participation ${choice(1, PARTICIPATION)}`,
    assessmentType: () => `type ${choice(1, ASSESSMENT_TYPES.concepts.map(c => c.code))}`,
    supervision: () => `supervision ${choice(1, SUPERVISION)}`,
    grading: () => 'grading "${1:pass/fail}"',
    grade: () => ' grade "${1:pass}"',
    assessment: (credential: MicroCredential, covers: readonly string[] = credential.outcomes.map(o => o.name)) => [
        'assessment ${1:Assessment} {',
        `\ttype ${choice(2, ASSESSMENT_TYPES.concepts.map(c => c.code))}`,
        ...named(covers).length > 0 ? [`\tcovers ${named(covers).map(escapeSnippet).join(', ')}`] : [],
        `\tsupervision ${choice(3, SUPERVISION)}`,
        '\tgrading "${4:pass/fail}"',
        '}'
    ].join('\n'),
    prerequisites: () => 'prerequisites "${1:What learners need before enrolling}"',
    furtherInfo: () => 'furtherInfo "${1:https://example.org/programme}"',
    stackableInto: (pathways: readonly string[]) => pathways.length > 0 ? `stackable into ${choice(1, pathways)}` : 'stackable into ${1:Pathway}',
    standalone: () => 'standalone',
    country: (guess: string | undefined) => `country \${1:${guess ?? 'XX'}}`,
    learner: () => 'learner "${1:Full name}" id "${2:mailto:name@example.org}" grade "${3:pass}"',
    issued: () => `issued \${1:${today()}}`,

    // Design-method blocks and their lines
    target: () => 'target "${1:Who the programme is for}"',
    needsAnalysis: () => 'needsAnalysis "${1:Evidence of the needs analysis}"',
    coDesignedWith: () => 'coDesignedWith "${1:Stakeholders who co-designed the programme}"',
    purposes: () => `purpose ${choice(1, ['upskilling', 'reskilling', 'upskilling, reskilling'])}`,
    audience: () => [
        'audience {',
        '\ttarget "${1:Who the programme is for}"',
        '\tneedsAnalysis "${2:Evidence of the needs analysis}"',
        '\tcoDesignedWith "${3:Stakeholders who co-designed the programme}"',
        `\tpurpose ${choice(4, ['upskilling', 'reskilling', 'upskilling, reskilling'])}`,
        '}'
    ].join('\n'),
    mode: (participation: string | undefined) => participation ? `mode ${participation}` : `mode ${choice(1, PARTICIPATION)}`,
    methodology: () => 'methodology "${1:How the teaching reaches the outcomes}"',
    formatSustainability: () => 'sustainability "${1:Why the format is sustainable for the issuer and the learners}"',
    format: (participation: string | undefined) => [
        'format {',
        participation ? `\tmode ${participation}` : `\tmode ${choice(1, PARTICIPATION)}`,
        '\tmethodology "${2:How the teaching reaches the outcomes}"',
        '\tsustainability "${3:Why the format is sustainable for the issuer and the learners}"',
        '}'
    ].join('\n'),
    internal: () => 'internal exAnte "${1:How the design was approved}"',
    external: () => 'external exPost agency "${1:QA agency}" standard "${2:ESG 2015 Part 1}"',
    stakeholders: () => 'stakeholders "${1:employers}", "${2:learners}"',
    standards: () => 'standards "${1:ESG 2015 Part 1}"',
    qualityAssurance: () => [
        'qualityAssurance {',
        '\tinternal exAnte "${1:How the design was approved}"',
        '\texternal exPost agency "${2:QA agency}" standard "${3:ESG 2015 Part 1}"',
        '\tstakeholders "${4:employers}", "${5:learners}"',
        '\treview every ${6:2} years',
        '}'
    ].join('\n'),
    model: () => 'model "${1:Fee-based, publicly funded, co-financed, …}"',
    businessSustainability: (runs: readonly string[] = ['short', 'medium', 'long']) =>
        `sustainability ${runs.map((run, i) => `${run} "\${${i + 1}:${run}-run plan}"`).join(' ')}`,
    administration: () => 'administration "${1:How learners enrol and are administered}"',
    learnerTypes: () => `learnerTypes ${choice(1, ['students, professionals', 'students', 'professionals', 'jobseekers', 'other'])}`,
    business: () => [
        'business {',
        '\tmodel "${1:Fee-based, publicly funded, co-financed, …}"',
        '\tsustainability short "${2:short-run plan}" medium "${3:medium-run plan}" long "${4:long-run plan}"',
        '\tadministration "${5:How learners enrol and are administered}"',
        `\tlearnerTypes ${choice(6, ['students, professionals', 'students', 'professionals', 'jobseekers', 'other'])}`,
        '}'
    ].join('\n'),
    provider: (name: string) => [
        `provider ${escapeSnippet(name)} {`,
        '\tname "${1:Legal name of the awarding body}"',
        '\tcountry ${2:XX}',
        '\thomepage "${3:https://example.org}"',
        '}'
    ].join('\n')
};

/** The names that exist: an outcome cut short by a syntax error has none, whatever the generated type says. */
function named(names: readonly string[]): string[] {
    return names.filter(name => (name as string | undefined) !== undefined);
}
