import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type {
    Business, Cohort, Duration, Learner, Level, McredAstType, MicroCredential, Outcome, Pathway, Provider, QualityAssurance
} from '../generated/ast.js';
import { COUNTRIES, CURRENCIES, EQF_LEVELS, ISCED_F_FIELDS, LANGUAGES, QF_EHEA_CYCLES, type Vocabulary } from '../vocab/index.js';
import { dateProblem, isCountryCode, isEqfLevel, isLanguageCode, MAX_MICRO_ECTS } from '../model/values.js';
import { didProblem } from '../model/did.js';
import type { CheckFamily } from './check-family.js';

export { dateProblem, MAX_MICRO_ECTS };
import { report } from './report.js';
import { learnerIdProblem, normaliseLearnerId } from '../export/learner-identity.js';
import { checkEmailAddress, checkIdentifierUri, checkWebAddress, looksLikeLink } from './uri-syntax.js';

/** Notional learning hours per ECTS credit (ECTS Users' Guide 2015). */
export const HOURS_PER_ECTS = { min: 25, max: 30 } as const;

/**
 * Values and their controlled lists (docs/rules.md): codes are checked against the shipped
 * vocabularies (ISO 3166-1, ISO 639-1, ISCED-F 2013, EQF, ISO 4217), numbers against their
 * ranges, dates against the calendar and addresses against RFC 3986. Each wrong code carries
 * the closest valid ones (`suggestions`) for the "did you mean" quick fix.
 */
export class ValueChecks implements CheckFamily {
    readonly checks: ValidationChecks<McredAstType> = {
        Provider: [this.checkCountry, this.checkProviderAddresses, this.checkDid],
        MicroCredential: [this.checkLanguages, this.checkFields, this.checkLevels, this.checkWorkload, this.checkFurtherInfo],
        Pathway: [this.checkFields, this.checkLevels, this.checkWorkload, this.checkFurtherInfo],
        Level: this.checkEqfRange,
        Duration: this.checkDuration,
        QualityAssurance: this.checkReviewCycle,
        Business: this.checkFee,
        Outcome: this.checkSkillUris,
        Cohort: [this.checkIssueDate, this.checkDuplicateLearners],
        Learner: this.checkLearnerIdentifier
    };

    checkCountry(provider: Provider, accept: ValidationAcceptor): void {
        const country = provider.country;
        if (country !== undefined && !isCountryCode(country)) {
            const suggestions = suggestionsFor(COUNTRIES, country);
            report(accept, 'value-country',
                `'${country}' is not an ISO 3166-1 alpha-2 country code${didYouMean(COUNTRIES, suggestions)}`,
                { node: provider, property: 'country' }, { value: country, suggestions });
        }
    }

    checkDid(provider: Provider, accept: ValidationAcceptor): void {
        if (provider.did === undefined) return;
        const problem = didProblem(provider.did);
        if (problem) {
            report(accept, 'value-did', `The did of '${provider.name}' ${problem.problem}; signed credentials need a valid did as their issuer id`,
                { node: provider, property: 'did' }, { value: provider.did, ...problem.suggestion ? { suggestion: problem.suggestion } : {} });
        }
    }

    checkProviderAddresses(provider: Provider, accept: ValidationAcceptor): void {
        if (provider.homepage !== undefined) {
            const problem = checkWebAddress(provider.homepage);
            if (problem) {
                report(accept, 'value-url', `The homepage of '${provider.name}' ${problem.problem}: write the full address, e.g. "https://www.example.org"`,
                    { node: provider, property: 'homepage' }, { value: provider.homepage, ...problem.suggestion ? { suggestion: problem.suggestion } : {} });
            }
        }
        if (provider.email !== undefined) {
            const problem = checkEmailAddress(provider.email);
            if (problem) {
                report(accept, 'value-url', `The e-mail of '${provider.name}' ${problem.problem}`,
                    { node: provider, property: 'email' }, { value: provider.email });
            }
        }
    }

    checkLanguages(credential: MicroCredential, accept: ValidationAcceptor): void {
        credential.languages.forEach((language, index) => {
            if (!isLanguageCode(language)) {
                const suggestions = suggestionsFor(LANGUAGES, language);
                report(accept, 'value-language',
                    `'${language}' is not an ISO 639-1 two-letter language code${didYouMean(LANGUAGES, suggestions)}`,
                    { node: credential, property: 'languages', index }, { value: language, suggestions });
            }
        });
    }

    checkFields(credential: MicroCredential | Pathway, accept: ValidationAcceptor): void {
        credential.fields.forEach((field, index) => {
            if (!ISCED_F_FIELDS.has(field)) {
                const suggestions = suggestionsFor(ISCED_F_FIELDS, field);
                report(accept, 'value-isced-f',
                    `"${field}" is not an ISCED-F 2013 field code (2 digits broad, 3 narrow, 4 detailed, e.g. "0223" philosophy and ethics)${didYouMean(ISCED_F_FIELDS, suggestions)}`,
                    { node: credential, property: 'fields', index }, { value: field, suggestions });
            }
        });
    }

    checkEqfRange(level: Level, accept: ValidationAcceptor): void {
        if (level.eqf !== undefined && !isEqfLevel(level.eqf)) {
            report(accept, 'value-eqf', `EQF level ${level.eqf} does not exist: the European Qualifications Framework has levels 1 to 8`,
                { node: level, property: 'eqf' }, { value: level.eqf });
        }
    }

    /** At most one EQF level; a QF-EHEA cycle agrees with it; `none` stands alone. */
    checkLevels(credential: MicroCredential | Pathway, accept: ValidationAcceptor): void {
        const eqf = credential.levels.filter(l => l.eqf !== undefined);
        eqf.slice(1).forEach(level => report(accept, 'value-eqf',
            `'${credential.name}' states more than one EQF level (${eqf.map(l => l.eqf).join(' and ')}): a credential has one level`,
            { node: level, property: 'eqf' }, { value: level.eqf }));
        const stated = eqf[0]?.eqf;
        for (const level of credential.levels.filter(l => l.cycle !== undefined)) {
            const cycle = QF_EHEA_CYCLES.get(level.cycle!);
            if (cycle && stated !== undefined && EQF_LEVELS.has(String(stated)) && cycle.eqfLevel !== stated) {
                report(accept, 'value-eqf',
                    `The QF-EHEA ${cycle.label.toLowerCase()} corresponds to EQF level ${cycle.eqfLevel}, but '${credential.name}' states EQF level ${stated}`,
                    { node: level, property: 'cycle' }, { value: level.cycle, expectedEqf: cycle.eqfLevel });
            }
        }
        const none = credential.levels.find(l => l.notApplicable);
        if (none && credential.levels.some(l => !l.notApplicable)) {
            report(accept, 'value-eqf', `'${credential.name}' states a level and also \`level none\`: keep one`,
                { node: none, keyword: 'none' });
        }
    }

    checkWorkload(credential: MicroCredential | Pathway, accept: ValidationAcceptor): void {
        const { ects, hours } = credential;
        if (ects !== undefined && ects <= 0) {
            report(accept, 'value-ects', `A workload of ${ects} ECTS is not a workload: ECTS credits are positive`,
                { node: credential, property: 'ects' }, { value: ects });
        } else if (ects !== undefined && ects > MAX_MICRO_ECTS && credential.$type === 'MicroCredential') {
            report(accept, 'value-ects',
                `${ects} ECTS is more than ${MAX_MICRO_ECTS}: a micro-credential certifies a small volume of learning; consider a pathway of smaller micro-credentials`,
                { node: credential, property: 'ects' }, { value: ects }, 'warning');
        }
        if (hours !== undefined && hours <= 0) {
            report(accept, 'value-ects', `A workload of ${hours} hours is not a workload: notional learning hours are positive`,
                { node: credential, property: 'hours' }, { value: hours });
        }
        if (ects !== undefined && hours !== undefined && ects > 0 && hours > 0) {
            const perCredit = hours / ects;
            if (perCredit < HOURS_PER_ECTS.min || perCredit > HOURS_PER_ECTS.max) {
                report(accept, 'value-workload-consistency',
                    `${hours} hours for ${ects} ECTS is ${round(perCredit)} hours per credit; one ECTS credit is ${HOURS_PER_ECTS.min}–${HOURS_PER_ECTS.max} hours of notional learning, so ${ects} ECTS is ${round(ects * HOURS_PER_ECTS.min)}–${round(ects * HOURS_PER_ECTS.max)} hours`,
                    { node: credential, property: 'hours' }, { ects, hours });
            }
        }
    }

    checkFurtherInfo(credential: MicroCredential | Pathway, accept: ValidationAcceptor): void {
        const info = credential.furtherInfo;
        if (info === undefined || !looksLikeLink(info)) return;
        const problem = checkWebAddress(info);
        if (problem) {
            report(accept, 'value-url', `The further-information link of '${credential.name}' ${problem.problem}: write the full address, e.g. "https://www.example.org/programme"`,
                { node: credential, property: 'furtherInfo' }, { value: info, ...problem.suggestion ? { suggestion: problem.suggestion } : {} });
        }
    }

    checkDuration(duration: Duration, accept: ValidationAcceptor): void {
        if (duration.amount <= 0) {
            report(accept, 'value-duration', `A duration of ${duration.amount} ${duration.unit} is not a duration: give a positive amount`,
                { node: duration, property: 'amount' }, { value: duration.amount });
        }
    }

    checkReviewCycle(qa: QualityAssurance, accept: ValidationAcceptor): void {
        if (qa.reviewEvery !== undefined && qa.reviewEvery <= 0) {
            report(accept, 'value-duration', `A review every ${qa.reviewEvery} ${qa.reviewUnit ?? 'years'} never happens: give a positive period`,
                { node: qa, property: 'reviewEvery' }, { value: qa.reviewEvery });
        }
    }

    checkFee(business: Business, accept: ValidationAcceptor): void {
        if (business.fee !== undefined && business.fee < 0) {
            report(accept, 'value-fee', `A fee of ${business.fee} is negative: state the amount learners pay (0 when free)`,
                { node: business, property: 'fee' }, { value: business.fee });
        }
        const currency = business.currency;
        if (currency !== undefined && !CURRENCIES.has(currency)) {
            const suggestions = suggestionsFor(CURRENCIES, currency);
            report(accept, 'value-fee', `'${currency}' is not an ISO 4217 currency code${didYouMean(CURRENCIES, suggestions)}`,
                { node: business, property: 'currency' }, { value: currency, suggestions });
        }
    }

    checkSkillUris(outcome: Outcome, accept: ValidationAcceptor): void {
        outcome.skills.forEach((skill, index) => {
            const problem = checkIdentifierUri(skill);
            if (problem) {
                report(accept, 'value-url', `The skill of outcome '${outcome.name}' ${problem.problem}: link a skill URI such as "http://data.europa.eu/esco/skill/…"`,
                    { node: outcome, property: 'skills', index }, { value: skill, ...problem.suggestion ? { suggestion: problem.suggestion } : {} });
            }
        });
    }

    checkIssueDate(cohort: Cohort, accept: ValidationAcceptor): void {
        const issued = cohort.issued;
        if (issued === undefined) return;
        const problem = dateProblem(issued);
        if (problem) {
            report(accept, 'value-date', `The date of issuing ${issued} ${problem.problem}`,
                { node: cohort, property: 'issued' }, { value: issued, ...problem.suggestion ? { suggestion: problem.suggestion } : {} });
        }
    }

    /**
     * The same learner twice in one cohort (one date of issuing): identifiers compared after
     * normalising (`jane@…`, `mailto:jane@…` and `MAILTO:…` are one), names in Unicode NFC when
     * there is no identifier. The export would issue the same credential twice.
     */
    checkDuplicateLearners(cohort: Cohort, accept: ValidationAcceptor): void {
        const seen = new Map<string, Learner>();
        for (const learner of cohort.learners) {
            const id = learner.identifier?.trim();
            const name = (learner.fullName as string | undefined)?.trim();
            const key = id ? normaliseLearnerId(id) : name ? `name:${name.normalize('NFC')}` : undefined;
            if (key === undefined) continue;
            const first = seen.get(key);
            if (first) {
                const line = (first.$cstNode?.range.start.line ?? 0) + 1;
                report(accept, 'learner-duplicate',
                    `Learner "${learner.fullName}" is already in cohort '${cohort.name}' (line ${line}${id ? `, as ${first.identifier ?? first.fullName}` : ''}): the same learner would be issued the credential twice on one date`,
                    { node: learner, keyword: 'learner' }, { first: line });
            } else {
                seen.set(key, learner);
            }
        }
    }

    checkLearnerIdentifier(learner: Learner, accept: ValidationAcceptor): void {
        if (learner.identifier === undefined) return;
        const schemeProblem = learnerIdProblem(learner.identifier);
        if (schemeProblem) {
            report(accept, 'value-learner-id', `Learner "${learner.fullName}": ${schemeProblem}; write "mailto:name@example.org", a DID, an https: address or a urn:`,
                { node: learner, property: 'identifier' }, { value: learner.identifier });
            return;
        }
        const problem = checkIdentifierUri(learner.identifier);
        if (problem) {
            report(accept, 'value-url', `The identifier of learner "${learner.fullName}" ${problem.problem}: use "mailto:name@example.org", a DID or a URL`,
                { node: learner, property: 'identifier' }, { value: learner.identifier, ...problem.suggestion ? { suggestion: problem.suggestion } : {} });
        }
    }
}

/**
 * The closest valid codes to a wrong one, best first: a concept whose other code (ISO alpha-3:
 * `DEU`, `eng`) or name (`Italy`, `german…`) the user wrote, then the vocabulary's own
 * suggestions (same code in another case, small edit distance).
 */
export function suggestionsFor(vocabulary: Vocabulary, wrong: string, max = 3): string[] {
    const folded = wrong.toLowerCase();
    const named = folded.length >= 3
        ? vocabulary.concepts.filter(c => (c as { alpha3?: string }).alpha3?.toLowerCase() === folded
            || c.label.toLowerCase() === folded || c.label.toLowerCase().startsWith(folded))
        : [];
    return [...new Set([...named.map(c => c.code), ...vocabulary.suggest(wrong, max).map(c => c.code)])].slice(0, max);
}

function didYouMean(vocabulary: Vocabulary, suggestions: readonly string[]): string {
    return suggestions.length === 0 ? '' : `; did you mean ${suggestions.map(code => `${code} (${vocabulary.get(code)?.label ?? code})`).join(', ')}?`;
}

function round(n: number): number {
    return Math.round(n * 10) / 10;
}
