import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Cohort, McredAstType, MicroCredential, Translation } from '../generated/ast.js';
import { LANGUAGES } from '../vocab/index.js';
import type { CheckFamily } from './check-family.js';
import { report } from './report.js';
import { dateProblem, suggestionsFor } from './value-checks.js';

/**
 * What real programmes state beyond the Annex I elements: texts in several languages, component
 * modules, assessment weights, and the offering of a cohort (its teaching period and capacity).
 * See docs/language.md (Translations, Modules, Assessments, Cohorts).
 */
export class ProgrammeChecks implements CheckFamily {
    readonly checks: ValidationChecks<McredAstType> = {
        MicroCredential: [this.checkTranslationTags, this.checkTranslationsComplete, this.checkModuleEcts, this.checkAssessmentWeights],
        Cohort: [this.checkPeriod, this.checkCapacity]
    };

    /** `i18n-unknown-language`: every tag is an ISO 639-1 code listed in `language`. */
    checkTranslationTags(credential: MicroCredential, accept: ValidationAcceptor): void {
        const listed = credential.languages;
        for (const translation of translationsIn(credential)) {
            const code = translation.language;
            if (code === undefined) continue;
            if (!LANGUAGES.has(code)) {
                const suggestions = suggestionsFor(LANGUAGES, code);
                const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.map(s => `@${s}`).join(', ')}?)` : '';
                report(accept, 'i18n-unknown-language',
                    `'@${code}' is not an ISO 639-1 two-letter language code${hint}`,
                    { node: translation, property: 'language' }, { value: code, suggestions });
            } else if (!listed.includes(code)) {
                report(accept, 'i18n-unknown-language',
                    listed.length === 0
                        ? `This text is tagged '@${code}' but the credential states no \`language\`: add \`language ${['en', code].filter((c, i, all) => all.indexOf(c) === i).join(', ')}\` (the first language is that of the untagged texts)`
                        : `This text is tagged '@${code}', which is not a language of the credential (${listed.join(', ')}): add ${code} to \`language\` or correct the tag`,
                    { node: translation, property: 'language' }, { value: code, listed: [...listed] });
            }
        }
    }

    /** `i18n-missing`: every language of `language` after the first has the title and each outcome statement. */
    checkTranslationsComplete(credential: MicroCredential, accept: ValidationAcceptor): void {
        const others = credential.languages.slice(1).filter(code => LANGUAGES.has(code) && code !== credential.languages[0]);
        if (others.length === 0) return;
        const has = (translations: readonly Translation[], code: string) => translations.some(t => t.language === code && t.text.trim() !== '');
        for (const code of [...new Set(others)]) {
            const label = LANGUAGES.get(code)?.label ?? code;
            if (credential.title !== undefined && !has(credential.titleTranslations, code)) {
                report(accept, 'i18n-missing',
                    `The credential is in ${credential.languages.join(', ')}, but its title has no ${label} text: add \`title "…"@${code}\``,
                    { node: credential, property: 'title' }, { language: code, missing: 'title' });
            }
            for (const outcome of credential.outcomes) {
                if (outcome.statement === undefined || has(outcome.statementTranslations, code)) continue;
                report(accept, 'i18n-missing',
                    `Outcome ${outcome.name} has no ${label} statement: add \`"…"@${code}\` after its statement`,
                    { node: outcome, property: 'statement' }, { language: code, missing: `outcome ${outcome.name}` });
            }
        }
    }

    /** `module-ects-sum`: when every module states ECTS, they add up to the credential's workload. */
    checkModuleEcts(credential: MicroCredential, accept: ValidationAcceptor): void {
        const modules = credential.modules;
        if (credential.ects === undefined || modules.length === 0 || modules.some(m => m.ects === undefined)) return;
        const sum = round(modules.reduce((total, m) => total + m.ects!, 0));
        if (Math.abs(sum - credential.ects) > 1e-9) {
            const detail = modules.map(m => `${m.name} ${m.ects}`).join(' + ');
            report(accept, 'module-ects-sum',
                `The modules add up to ${sum} ECTS (${detail}), but the credential states ${credential.ects}: correct the module credits or the workload`,
                { node: credential, property: 'ects' }, { stated: credential.ects, sum });
        }
    }

    /** `assessment-weights`: stated weights lie between 0 and 100 and sum to 100. */
    checkAssessmentWeights(credential: MicroCredential, accept: ValidationAcceptor): void {
        const weighted = credential.assessments.filter(a => a.weight !== undefined);
        if (weighted.length === 0) return;
        for (const assessment of weighted) {
            if (assessment.weight! <= 0 || assessment.weight! > 100) {
                report(accept, 'assessment-weights',
                    `A weight is a share of the grade: more than 0% and at most 100%, not ${assessment.weight}%`,
                    { node: assessment, property: 'weight' }, { value: assessment.weight });
            }
        }
        const sum = round(weighted.reduce((total, a) => total + a.weight!, 0));
        if (Math.abs(sum - 100) > 1e-9) {
            const unweighted = credential.assessments.length - weighted.length;
            const detail = weighted.map(a => `${a.name ?? 'unnamed'} ${a.weight}%`).join(' + ');
            report(accept, 'assessment-weights',
                `The stated assessment weights add up to ${sum}% (${detail}), not 100%`
                + (unweighted > 0 ? `; ${unweighted} assessment${unweighted === 1 ? '' : 's'} state${unweighted === 1 ? 's' : ''} no weight` : ''),
                { node: weighted[0], property: 'weight' }, { sum });
        }
    }

    /** `value-date`: both dates of `period FROM to TO` are calendar dates and FROM is not after TO. */
    checkPeriod(cohort: Cohort, accept: ValidationAcceptor): void {
        const { periodFrom: from, periodTo: to } = cohort;
        let valid = true;
        for (const [value, property] of [[from, 'periodFrom'], [to, 'periodTo']] as const) {
            if (value === undefined) continue;
            const problem = dateProblem(value);
            if (problem) {
                valid = false;
                report(accept, 'value-date', `The ${property === 'periodFrom' ? 'start' : 'end'} of the teaching period ${value} ${problem.problem}`,
                    { node: cohort, property }, { value, ...problem.suggestion ? { suggestion: problem.suggestion } : {} });
            }
        }
        if (valid && from !== undefined && to !== undefined && isoDate(from) > isoDate(to)) {
            report(accept, 'value-date', `The teaching period ends (${to}) before it starts (${from}): write \`period FROM to TO\` with FROM first`,
                { node: cohort, property: 'periodTo' }, { from, to });
        }
    }

    /** `value-capacity`: a cohort's capacity is a positive whole number of participants. */
    checkCapacity(cohort: Cohort, accept: ValidationAcceptor): void {
        const capacity = cohort.capacity;
        if (capacity === undefined) return;
        if (!Number.isInteger(capacity) || capacity <= 0) {
            report(accept, 'value-capacity',
                `A capacity is a number of participants: a positive whole number, not ${capacity}`,
                { node: cohort, property: 'capacity' }, { value: capacity });
        }
    }
}

/** Every translated text of a micro-credential: its own, its outcomes', modules' and assessments'. */
export function translationsIn(credential: MicroCredential): Translation[] {
    return [
        ...credential.titleTranslations,
        ...credential.descriptionTranslations,
        ...credential.prerequisitesTranslations,
        ...credential.recognitionTranslations,
        ...credential.outcomes.flatMap(o => o.statementTranslations),
        ...credential.modules.flatMap(m => [...m.titleTranslations, ...m.descriptionTranslations]),
        ...credential.assessments.flatMap(a => [...a.titleTranslations, ...a.descriptionTranslations])
    ];
}

/** `2027-2-1` → `2027-02-01`, so that dates compare as text. */
function isoDate(value: string): string {
    return value.split('-').map((part, i) => i === 0 ? part : part.padStart(2, '0')).join('-');
}

function round(n: number): number {
    return Math.round(n * 1000) / 1000;
}
