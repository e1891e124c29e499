import type { IssueCode } from './issue-codes.js';

/**
 * The documentation of every rule: its full text (what exactly is checked), why it matters, an
 * example that fires it and the same example fixed. `rule-docs.ts` assembles it with the rule
 * table; `docs/rules.md` and hovers are generated from it. A test validates every example: the
 * `fires` text raises the code and the `fixed` text does not.
 */
export interface RuleText {
    readonly rule: string;
    readonly why: string;
    readonly fires: string;
    readonly fixed: string;
    /** How to fix it, including the quick fix the editor offers, if any. */
    readonly fix: string;
}

const P = 'provider UNIFI {\n    name "University of Florence"\n    country IT\n}\n\n';

export const RULE_TEXTS: Record<IssueCode, RuleText> = {
    // §3.1 Annex I — mandatory elements
    'eu-learner': {
        rule: 'A cohort identifies its learners: at least one `learner "Name" id "…"` line or a `roster "learners.csv"`. A learner line needs a name or an identifier. Checked on each cohort (Annex I element 1 belongs to an issuance, not to the programme).',
        why: 'A micro-credential is the record of what one learner achieved; without the learner it certifies nobody (Annex II principle 9, authentic).',
        fires: 'cohort Spring2026 of AIEthics {\n    issued 2026-06-30\n}',
        fixed: 'cohort Spring2026 of AIEthics {\n    issued 2026-06-30\n    learner "Jane Doe" id "mailto:jane.doe@example.org" grade "pass"\n}',
        fix: 'Add learner lines or a roster. Quick fix: "Add a learner".'
    },
    'eu-title': {
        rule: 'A micro-credential has a non-empty `title "…"`.',
        why: 'The title is what the certificate, the wallet and the catalogue show first (Annex I element 2).',
        fires: 'microcredential AIEthics {\n    awardedBy UNIFI\n}',
        fixed: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n    awardedBy UNIFI\n}',
        fix: 'Add `title "…"`. Quick fix: "Add the title".'
    },
    'eu-country': {
        rule: 'Every provider named in `awardedBy` states its `country` (an ISO 3166-1 alpha-2 code; a wrong code is `value-country`). Reported on the credential, at the awarding body.',
        why: 'Annex I element 3 asks for the country (or region) of the issuer; recognition and quality assurance depend on the issuing system.',
        fires: 'provider UNIFI {\n    name "University of Florence"\n}\n\nmicrocredential AIEthics {\n    awardedBy UNIFI\n}',
        fixed: 'provider UNIFI {\n    name "University of Florence"\n    country IT\n}\n\nmicrocredential AIEthics {\n    awardedBy UNIFI\n}',
        fix: 'Add `country XX` to the provider. Quick fix: "Add the country to provider …" (guessed from the homepage domain when it can be).'
    },
    'eu-awarding-body': {
        rule: 'A micro-credential names at least one awarding body: `awardedBy <provider>` (several for a joint credential).',
        why: 'Annex I element 4: the certificate says who awards it, and the awarding body vouches for the learning outcomes.',
        fires: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n}',
        fixed: P + 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n    awardedBy UNIFI\n}',
        fix: 'Add `awardedBy <provider>`. Quick fix: "Add the awarding body" (offers the providers of the workspace).'
    },
    'eu-issue-date': {
        rule: 'A cohort states its date of issuing: `issued YYYY-MM-DD`.',
        why: 'Annex I element 5; the date also anchors validity and the issuer\'s QA at that time.',
        fires: 'cohort Spring2026 of AIEthics {\n    learner "Jane Doe" id "mailto:jane.doe@example.org" grade "pass"\n}',
        fixed: 'cohort Spring2026 of AIEthics {\n    issued 2026-06-30\n    learner "Jane Doe" id "mailto:jane.doe@example.org" grade "pass"\n}',
        fix: 'Add `issued YYYY-MM-DD`. Quick fix: "Add the date of issuing" (today).'
    },
    'eu-learning-outcomes': {
        rule: 'A micro-credential states at least one learning outcome: `outcome LO1 "…"`.',
        why: 'Annex I element 6: a micro-credential is the record of learning outcomes; without them it records nothing.',
        fires: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n}',
        fixed: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n    outcome LO1 "Explain the main ethical principles that apply to AI systems"\n}',
        fix: 'Add `outcome LO1 "…"` lines. Quick fix: "Add a learning outcome".'
    },
    'eu-workload': {
        rule: 'A micro-credential states its notional workload: `workload N ects` (or, failing that, `hours N`).',
        why: 'Annex I element 7: the workload makes the volume of learning comparable and is what credit transfer builds on.',
        fires: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n}',
        fixed: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n    workload 5 ects\n}',
        fix: 'Add `workload N ects`. Quick fix: "Add the workload".'
    },
    'eu-workload-ects': {
        rule: 'When the workload is stated in hours only (`hours N` or `workload N hours`), state it in ECTS credits as well.',
        why: 'Annex I element 7 asks for ECTS "wherever possible": credits are what other institutions recognise.',
        fires: 'microcredential AIEthics {\n    hours 125\n}',
        fixed: 'microcredential AIEthics {\n    workload 5 ects\n    hours 125\n}',
        fix: 'Add `workload N ects`. Quick fix: "State the workload in ECTS" (hours ÷ 25–30).'
    },
    'eu-level': {
        rule: 'A micro-credential states its level: `level eqf N`, `level qf-ehea first|second|third|short-cycle`, or `level none "reason"` when no level applies (the reason is required).',
        why: 'Annex I element 8: the level says how demanding the learning is and places the credential in the qualifications frameworks.',
        fires: 'microcredential AIEthics {\n    level none\n}',
        fixed: 'microcredential AIEthics {\n    level eqf 6\n}',
        fix: 'Add `level eqf N`, or give the reason of `level none`. Quick fix: "Add the level".'
    },
    'eu-assessment-type': {
        rule: 'At least one assessment states its `type` (one of the Europass assessment types: written-exam, oral-exam, project, portfolio, …).',
        why: 'Annex I element 9: the type of assessment says how the outcomes were verified, which is what makes the credential trustworthy.',
        fires: 'microcredential AIEthics {\n    assessment Audit {\n        grading "pass/fail"\n    }\n}',
        fixed: 'microcredential AIEthics {\n    assessment Audit {\n        type project\n        grading "pass/fail"\n    }\n}',
        fix: 'Add `type …` to an assessment, or an assessment block. Quick fix: "Add the assessment type" / "Add an assessment".'
    },
    'eu-participation': {
        rule: 'A micro-credential states its form of participation: `participation online | onsite | blended`.',
        why: 'Annex I element 10: learners and employers need to know how the learning took place.',
        fires: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n}',
        fixed: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n    participation blended\n}',
        fix: 'Add `participation …`. Quick fix: "Add the form of participation".'
    },
    'eu-quality-assurance': {
        rule: 'A micro-credential states the type of quality assurance that underpins it: a `qualityAssurance` block with at least one `internal …` or `external …` procedure. (How complete that methodology is, is `qa-method-defined`.)',
        why: 'Annex I element 11 and Annex II principle 1: micro-credentials are underpinned by quality assurance following agreed standards.',
        fires: 'microcredential AIEthics {\n    qualityAssurance {\n        stakeholders "employers"\n    }\n}',
        fixed: 'microcredential AIEthics {\n    qualityAssurance {\n        internal exAnte "Design approved by the School\'s QA committee"\n        stakeholders "employers"\n    }\n}',
        fix: 'Add a `qualityAssurance { internal exAnte "…" }` block or a procedure to it. Quick fix: "Add the quality assurance".'
    },

    // §3.2 Annex I — optional elements
    'eu-opt-prerequisites': {
        rule: 'A micro-credential says what learners need before enrolling: `prerequisites "…"` ("None" is an answer).',
        why: 'An optional Annex I element that helps learners choose and helps guidance services place the credential (Annex II principle 10).',
        fires: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n}',
        fixed: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n    prerequisites "Bachelor degree, or two years of professional experience"\n}',
        fix: 'Add `prerequisites "…"`. Quick fix: "Add the prerequisites".'
    },
    'eu-opt-supervision': {
        rule: 'Each assessment says how it is supervised and whether the learner\'s identity is verified: `supervision unsupervised | unsupervised-with-id | supervised | supervised-with-id`.',
        why: 'An optional Annex I element; recognisers weigh an assessment by its supervision and identity verification, especially online (Annex II principles 4 and 9).',
        fires: 'microcredential AIEthics {\n    assessment Audit {\n        type project\n    }\n}',
        fixed: 'microcredential AIEthics {\n    assessment Audit {\n        type project\n        supervision supervised-with-id\n    }\n}',
        fix: 'Add `supervision …` to the assessment. Quick fix: "Add the supervision".'
    },
    'eu-opt-grade': {
        rule: 'Each learner of a cohort has a `grade "…"` (a roster\'s grades are checked at export).',
        why: 'An optional Annex I element: the grade tells what level of achievement the learner reached.',
        fires: 'cohort Spring2026 of AIEthics {\n    learner "Jane Doe" id "mailto:jane.doe@example.org"\n}',
        fixed: 'cohort Spring2026 of AIEthics {\n    learner "Jane Doe" id "mailto:jane.doe@example.org" grade "pass"\n}',
        fix: 'Add `grade "…"` to the learner. Quick fix: "Add the grade".'
    },
    'eu-opt-stackability': {
        rule: 'A micro-credential says whether it stacks into a larger credential: `stackable into <pathway>` or `standalone`.',
        why: 'An optional Annex I element and Annex II principle 5: learners need to know whether the credential counts towards something larger.',
        fires: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n}',
        fixed: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n    standalone\n}',
        fix: 'Add `stackable into <pathway>` or `standalone`. Quick fixes for both.'
    },
    'eu-opt-further-info': {
        rule: 'A micro-credential links further information: `furtherInfo "https://…"`.',
        why: 'An optional Annex I element: the programme page carries what the certificate cannot (syllabus, schedule, contacts).',
        fires: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n}',
        fixed: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n    furtherInfo "https://www.unifi.it/micro/ai-ethics"\n}',
        fix: 'Add `furtherInfo "https://…"`. Quick fix: "Add further information".'
    },

    // §3.3 Values and references
    'value-ects': {
        rule: 'ECTS credits and notional hours are positive (error at or below zero). A micro-credential of more than 60 ECTS is a warning: it is no longer a "small volume of learning" (a pathway may be larger).',
        why: 'The Council Recommendation defines micro-credentials by a small volume of learning; a zero or negative workload is a typing error.',
        fires: 'microcredential AIEthics {\n    workload 0 ects\n}',
        fixed: 'microcredential AIEthics {\n    workload 5 ects\n}',
        fix: 'Correct the number, or split a large programme into micro-credentials stacked in a pathway.'
    },
    'value-eqf': {
        rule: 'An EQF level is a whole number from 1 to 8; a credential states at most one EQF level; a QF-EHEA cycle beside it matches it (short cycle 5, first 6, second 7, third 8); `level none` does not stand beside a level.',
        why: 'The EQF has eight levels; a level that does not exist, or two that disagree, makes the credential impossible to place.',
        fires: 'microcredential AIEthics {\n    level eqf 9\n}',
        fixed: 'microcredential AIEthics {\n    level eqf 6\n}',
        fix: 'Use one level from 1 to 8, and a matching cycle.'
    },
    'value-isced-f': {
        rule: 'Each `field "…"` is a code of ISCED-F 2013 (2 digits broad, 3 narrow, 4 detailed), as shipped in standards/vocab/isced-f-2013.json.',
        why: 'The field classifies the credential in Europass and statistics; an unknown code cannot be exported as a concept.',
        fires: 'microcredential AIEthics {\n    field "0224"\n}',
        fixed: 'microcredential AIEthics {\n    field "0223"\n}',
        fix: 'Use an ISCED-F code. Quick fix: "did you mean" the closest codes.'
    },
    'value-country': {
        rule: 'A provider\'s `country` is an ISO 3166-1 alpha-2 code in capitals (`IT`, `DE`, `GB`).',
        why: 'The country is exported as an EU authority concept; an unknown code cannot be.',
        fires: 'provider UNIFI {\n    country Italy\n}',
        fixed: 'provider UNIFI {\n    country IT\n}',
        fix: 'Use the two-letter code. Quick fix: "did you mean" the closest codes.'
    },
    'value-language': {
        rule: 'Each `language` is an ISO 639-1 two-letter code in lower case (`en`, `it`, `de`).',
        why: 'The language of instruction is exported as an EU authority concept; an unknown code cannot be.',
        fires: 'microcredential AIEthics {\n    language english\n}',
        fixed: 'microcredential AIEthics {\n    language en\n}',
        fix: 'Use the two-letter code. Quick fix: "did you mean" the closest codes.'
    },
    'value-date': {
        rule: 'A date is a real calendar date written YYYY-MM-DD (two-digit month and day).',
        why: 'The date of issuing goes into signed credentials as an ISO 8601 date; 2026-02-30 does not exist.',
        fires: 'cohort Spring2026 of AIEthics {\n    issued 2026-02-30\n}',
        fixed: 'cohort Spring2026 of AIEthics {\n    issued 2026-02-28\n}',
        fix: 'Correct the date. Quick fix for one-digit months and days (2026-6-30 → 2026-06-30).'
    },
    'value-duration': {
        rule: 'A `duration N unit` and a `review every N unit` have a positive amount.',
        why: 'A duration of zero weeks, or a review every zero years, is a typing error.',
        fires: 'microcredential AIEthics {\n    duration 0 weeks\n}',
        fixed: 'microcredential AIEthics {\n    duration 6 weeks\n}',
        fix: 'Correct the number.'
    },
    'value-url': {
        rule: 'Web addresses and identifiers are absolute URIs (RFC 3986): a provider\'s `homepage` is an http(s) address with a host; `furtherInfo` is one when it is meant as a link (no spaces: "www.…", "…://…"; plain text is left alone); skill URIs and learner ids have a scheme (`https:`, `mailto:`, `did:`, `urn:`); a provider\'s `email` is an e-mail address.',
        why: 'These values are exported as links and identifiers; a relative or malformed one breaks the credential in wallets and verifiers.',
        fires: 'provider UNIFI {\n    homepage "www.unifi.it"\n}',
        fixed: 'provider UNIFI {\n    homepage "https://www.unifi.it"\n}',
        fix: 'Write the full address. Quick fix: add `https://`, or `mailto:` before a bare e-mail address.'
    },
    'value-workload-consistency': {
        rule: 'When both ECTS and hours are stated, they agree: 25 to 30 hours of notional learning per ECTS credit (warning).',
        why: 'The ECTS Users\' Guide sets one credit at 25–30 hours; a mismatch means one of the numbers is wrong.',
        fires: 'microcredential AIEthics {\n    workload 5 ects\n    hours 300\n}',
        fixed: 'microcredential AIEthics {\n    workload 5 ects\n    hours 125\n}',
        fix: 'Correct the ECTS or the hours.'
    },
    'value-fee': {
        rule: 'A `fee N CUR` has a non-negative amount (0 when free) and an ISO 4217 currency code (`EUR`, `USD`).',
        why: 'Fees are published information for learners (Annex II principle 10); a negative amount or an unknown currency is a typing error.',
        fires: 'microcredential AIEthics {\n    business {\n        fee 300 EURO\n    }\n}',
        fixed: 'microcredential AIEthics {\n    business {\n        fee 300 EUR\n    }\n}',
        fix: 'Correct the amount or the currency. Quick fix: "did you mean" the closest currency codes.'
    },
    'ref-duplicate-name': {
        rule: 'Providers, micro-credentials and pathways share one namespace across all files of the workspace: each name is declared once. Cohort names are unique among the cohorts of one credential; outcome names, and assessment names, within their credential.',
        why: 'References (`awardedBy`, `includes`, `covers`, `of`) are by name: a name declared twice makes them ambiguous, and names become identifiers on export.',
        fires: P + 'provider UNIFI {\n    country IT\n}',
        fixed: P + 'provider UNIFI2 {\n    country IT\n}',
        fix: 'Rename one of the declarations.'
    },
    'pathway-ects-sum': {
        rule: 'When a pathway states its ECTS and every part\'s ECTS is known (stated, or the sum of a nested pathway\'s parts), the stated value equals the sum (warning). A pathway that states no workload is the sum of its parts.',
        why: 'Stackability (Annex II principle 5) relies on credits adding up; a pathway that claims more or less than its parts misleads learners and recognisers.',
        fires: 'microcredential A {\n    workload 5 ects\n}\n\npathway P {\n    includes A\n    workload 6 ects\n}',
        fixed: 'microcredential A {\n    workload 5 ects\n}\n\npathway P {\n    includes A\n    workload 5 ects\n}',
        fix: 'State the sum, or leave the pathway\'s workload out. Quick fix: "State the sum of the parts".'
    },
    'pathway-cycle': {
        rule: 'A pathway does not contain itself, directly or through the pathways it includes (in any file).',
        why: 'A pathway that contains itself cannot be completed and its workload cannot be computed.',
        fires: 'pathway P {\n    includes Q\n}\n\npathway Q {\n    includes P\n}',
        fixed: 'microcredential A {\n    title "A"\n}\n\npathway P {\n    includes Q\n}\n\npathway Q {\n    includes A\n}',
        fix: 'Remove the include that closes the cycle.'
    },
    'value-hole': {
        rule: '`?` in place of a value (`level ?`, `workload ?`, `country ?`, `type ?`, `internal ?`, `outcome LO1 ?`, …) is a hole: a decision still to make. Every hole is an error, and the element it stands for counts as missing everywhere (Annex I n/11, QA m/17, Issuable, the report); a credential with a hole is not exported. It cannot be waived.',
        why: 'Quick fixes and templates insert holes, never invented values, so that nothing is certified that nobody decided. The hole keeps the place and the error keeps the decision in view until a person makes it.',
        fires: 'microcredential AIEthics {\n    level ?\n}',
        fixed: 'microcredential AIEthics {\n    level eqf 6\n}',
        fix: 'Replace `?` with the value: completion at the hole offers the legal values.'
    },
    'value-placeholder': {
        rule: 'A text that only holds a placeholder is not a value: empty, `TBD`, `TBA`, `TBC`, `TODO`, `N/A`, `-`, `?`, `...`, `…`, `xxx`, `lorem ipsum…`, `to be defined`, `to be decided`, `to be confirmed`, `to be determined`, `not stated`, `unknown` (any case; surrounding spaces and punctuation ignored). Checked on every text of the file; the element it stands for counts as missing everywhere. It cannot be waived.',
        why: 'A programme where every text is "TBD" states nothing; counting it as complete would certify what nobody wrote.',
        fires: 'microcredential AIEthics {\n    title "TBD"\n}',
        fixed: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n}',
        fix: 'Write the value, or replace the text with a hole `?` while it is still to decide.'
    },
    'value-capacity': {
        rule: 'A cohort\'s `capacity N` is a positive whole number: the largest number of participants of the offering.',
        why: 'Learners and administrators plan with the capacity of an offering; zero, a negative or a fractional number of places is a typing mistake, not a capacity (Annex II principle 10, information and guidance).',
        fires: 'cohort Spring2027 of Sustainability {\n    capacity 0\n}',
        fixed: 'cohort Spring2027 of Sustainability {\n    capacity 45\n}',
        fix: 'Write the number of places, e.g. `capacity 45`, or leave the line out (`capacity ?` while it is still to decide).'
    },
    'i18n-missing': {
        rule: 'When `language` lists several languages, each language after the first has a translation of the title (`title "…"@fi`) and of every outcome statement (`outcome LO1 "…" "…"@fi`). Untagged texts are in the first language.',
        why: 'A bilingual credential shows learners and employers every text in each of its languages; Europass stores every text as a language map, and a missing translation leaves a gap on the certificate in that language (Annex II principles 2 and 7: transparent, portable).',
        fires: 'microcredential Sustainability {\n    title "Micro-credential in Sustainability"\n    title "Kestävyyden mikrotutkinto"@fi\n    language en, fi\n    outcome LO1 "Explain the planetary boundaries"\n}',
        fixed: 'microcredential Sustainability {\n    title "Micro-credential in Sustainability"\n    title "Kestävyyden mikrotutkinto"@fi\n    language en, fi\n    outcome LO1 "Explain the planetary boundaries" "Selittää planeetan rajat"@fi\n}',
        fix: 'Add the missing translation, tagged with its language, after the untagged text; or remove the language from `language` if the credential is not offered in it.'
    },
    'i18n-unknown-language': {
        rule: 'A translation `"…"@xx` is tagged with an ISO 639-1 two-letter code that `language` lists (not the first language, which is that of the untagged text).',
        why: 'A tag that is not a language code, or a language the credential does not state, cannot be placed in the language maps of the export and would never be shown (Annex II principles 2 and 7).',
        fires: 'microcredential Sustainability {\n    title "Micro-credential in Sustainability"\n    title "Kestävyyden mikrotutkinto"@fin\n    language en, fi\n}',
        fixed: 'microcredential Sustainability {\n    title "Micro-credential in Sustainability"\n    title "Kestävyyden mikrotutkinto"@fi\n    language en, fi\n}',
        fix: 'Correct the tag (`@fi`, not `@fin`), or add the language to `language`.'
    },
    'module-ects-sum': {
        rule: 'When every `module` of a micro-credential states its ECTS credits and the credential states `workload N ects`, the modules\' credits add up to the workload.',
        why: 'The credits of the components and of the whole appear side by side on the certificate and in the Europass export (`hasPart`); if they disagree, one of them is wrong (ECTS Users\' Guide; Annex II principle 5, learning pathways).',
        fires: 'microcredential Sustainability {\n    title "Micro-credential in Sustainability"\n    workload 5 ects\n    module Climate {\n        workload 2 ects\n    }\n    module Biodiversity {\n        workload 2 ects\n    }\n}',
        fixed: 'microcredential Sustainability {\n    title "Micro-credential in Sustainability"\n    workload 5 ects\n    module Climate {\n        workload 2 ects\n    }\n    module Biodiversity {\n        workload 3 ects\n    }\n}',
        fix: 'Correct the credits of a module or the workload of the credential.'
    },
    'assessment-weights': {
        rule: 'When assessments state a `weight N%`, each weight is more than 0 and at most 100, and the stated weights of the credential sum to 100.',
        why: 'Learners read the weights to know how their grade is made; weights that do not add up to the whole grade are not a valid description of the assessment (Annex II principle 4, valid assessment).',
        fires: 'microcredential Sustainability {\n    title "Micro-credential in Sustainability"\n    assessment Quizzes {\n        weight 30%\n    }\n    assessment Essay {\n        weight 60%\n    }\n}',
        fixed: 'microcredential Sustainability {\n    title "Micro-credential in Sustainability"\n    assessment Quizzes {\n        weight 30%\n    }\n    assessment Essay {\n        weight 70%\n    }\n}',
        fix: 'Correct the weights so that they sum to 100%, or state the weight of every assessment.'
    },
    'value-did': {
        rule: 'A provider\'s `did` is a decentralized identifier a verifier can resolve without a ledger: `did:web:<host name>[:<path>]` (the provider publishes `https://<host name>/.well-known/did.json`) or an Ed25519 `did:key:z6Mk…` as `mcred keys new` prints it. An invalid `did` is not stated: the credentials stay unsigned.',
        why: 'The `did` becomes the issuer id of signed Open Badges; a verifier finds the signing key through it, and rejects a credential whose issuer is not the controller of the key that signed it.',
        fires: 'provider HELSINKI {\n    name "University of Helsinki"\n    did "https://www.helsinki.fi"\n}',
        fixed: 'provider HELSINKI {\n    name "University of Helsinki"\n    did "did:web:www.helsinki.fi"\n}',
        fix: 'Write the provider\'s web domain as `did:web:<domain>`, or the did:key that `mcred keys new` printed.'
    },
    'roster-path': {
        rule: 'A cohort\'s `roster "…"` resolves inside the folder of its `.mcred` file (or a folder below it) or inside a workspace folder, also once symbolic links are resolved, and is a regular file of at most 50 MB: not a folder, a device, a FIFO or a file of the system (`/proc`, `/etc`). The editor and `mcred check` report it; the export refuses it. Messages never quote the file.',
        why: 'The roster is read when credentials are exported, often in CI where secrets live in files and in the environment: a programme must not make the export read, or print, a file that is not its roster, or hang on a pipe or a device.',
        fires: 'cohort Spring2026 of AIEthics {\n    issued 2026-06-30\n    roster "/proc/self/environ"\n}',
        fixed: 'cohort Spring2026 of AIEthics {\n    issued 2026-06-30\n    roster "learners.csv"\n}',
        fix: 'Put the roster next to the programme and name it by its relative path.'
    },
    'value-learner-id': {
        rule: 'A learner\'s `id` in a cohort, or in a roster row, that has a URI scheme uses `mailto:`, `did:`, `https:` or `urn:` (any case; a bare e-mail address is read as `mailto:`). Any other scheme (`javascript:`, `data:`, `file:`, `http:`) is refused. In a roster, an identifier without a scheme (a student number) is carried as an identifier entry.',
        why: 'The identifier becomes the credential subject\'s `id`, which wallets and verifiers display and may follow: a `javascript:` or `data:` id is an attack on them, a `file:` id points nowhere.',
        fires: 'cohort Spring2026 of AIEthics {\n    issued 2026-06-30\n    learner "Jane Doe" id "javascript:alert(1)"\n}',
        fixed: 'cohort Spring2026 of AIEthics {\n    issued 2026-06-30\n    learner "Jane Doe" id "mailto:jane.doe@example.org"\n}',
        fix: 'Write the learner\'s real identifier: an e-mail address, a DID, an https: address or a URN.'
    },
    'learner-duplicate': {
        rule: 'A learner appears once in a cohort. Identifiers are compared after normalising them: trimmed, Unicode NFC, the scheme in lower case, a bare e-mail address read as `mailto:` and the domain of an e-mail address in lower case; a learner without an identifier is compared by name (NFC). The export refuses the same learner twice for one credential and date across cohorts and rosters too.',
        why: 'Two lines for one learner issue the same credential twice on one date (Annex I element 1 identifies one learner per credential); one of them is usually a typing or merging error.',
        fires: 'cohort Spring2026 of AIEthics {\n    issued 2026-06-30\n    learner "Jane Doe" id "jane.doe@example.org"\n    learner "Jane Doe" id "MAILTO:jane.doe@example.org"\n}',
        fixed: 'cohort Spring2026 of AIEthics {\n    issued 2026-06-30\n    learner "Jane Doe" id "mailto:jane.doe@example.org"\n}',
        fix: 'Remove one of the two lines (or correct the identifier of a different learner).'
    },
    'pathway-stack-mismatch': {
        rule: 'Stacking is written on both sides: the micro-credential says `stackable into P` and the pathway P says `includes` it. A micro-credential that is stackable into a pathway that does not include it, or a pathway that includes a micro-credential that does not say it is stackable into it, is reported (warning), on the side that states the relation alone. Targets that are micro-credentials are not judged (they include nothing).',
        why: 'Learners and recognisers read stackability on the credential (the optional Annex I element) and pathways read it on their parts; when the two disagree, one of them promises a route that the other does not offer (Annex II principle 5, learning pathways).',
        fires: 'microcredential A {\n    workload 5 ects\n    stackable into P\n}\n\nmicrocredential B {\n    workload 5 ects\n}\n\npathway P {\n    includes B\n}',
        fixed: 'microcredential A {\n    workload 5 ects\n    stackable into P\n}\n\nmicrocredential B {\n    workload 5 ects\n    stackable into P\n}\n\npathway P {\n    includes A, B\n}',
        fix: 'Add the missing side, or remove the one-sided statement. Quick fixes: "Add A to the includes of P" (on `stackable into`) and "Say that B is stackable into P" (on `includes`).'
    },
    'pathway-level': {
        rule: "When a pathway states its level (`level eqf N`, or a QF-EHEA cycle read as its EQF level) and a part states a higher one, the pathway's level is below that part's (information).",
        why: 'A larger credential that stacks a part at a higher level under-declares what its holders achieved, or the part is misplaced; recognisers compare levels (Annex II principle 5, EQF).',
        fires: 'microcredential A {\n    level eqf 7\n}\n\npathway P {\n    includes A\n    level eqf 6\n}',
        fixed: 'microcredential A {\n    level eqf 7\n}\n\npathway P {\n    includes A\n    level eqf 7\n}',
        fix: 'Raise the pathway\'s level to its highest part\'s, or move the part out. Quick fix: "Set <pathway> to EQF level N" (its highest part\'s level).'
    },
    'qa-review-due': {
        rule: 'A programme that states a review cycle (`review every N years|months`) and has cohorts is due for review when the cycle has passed since its last cohort (the latest date of issuing, or end of period, among its cohorts in any file), counted up to today (information). Today is the date of the machine (UTC), or the `MCRED_TODAY` environment variable (`YYYY-MM-DD`) for reproducible runs; `mcred catalogue --today` sets it for the catalogue.',
        why: 'Quality assurance is a cycle: the programme is reviewed at the interval it promises (Annex II principle 1, quality; ESG 2015 standard 1.9, on-going monitoring and periodic review).',
        fires: 'microcredential A {\n    qualityAssurance {\n        review every 1 year\n    }\n}\n\ncohort First of A {\n    issued 2020-01-15\n}',
        fixed: 'microcredential A {\n    qualityAssurance {\n        review every 1 year\n    }\n}\n\ncohort First of A {\n    issued 2020-01-15\n}\n\ncohort Next of A {\n    issued 2099-01-15\n}',
        fix: 'Review the programme, and run its next cohort; or state the cycle the programme actually follows.'
    },

    // §3.4 QA gaps — the 5-step design method
    'qa-audience-target': {
        rule: 'The `audience` block names the target group: `target "…"`. (When the whole audience block is missing, each of the four audience checks reports it.)',
        why: 'Design method step 1: a programme responds to the needs of a specific target audience (Annex II principles 3 and 8).',
        fires: 'microcredential AIEthics {\n    audience {\n        needsAnalysis "Employer survey, 2025"\n    }\n}',
        fixed: 'microcredential AIEthics {\n    audience {\n        target "IT and business professionals who deploy AI tools"\n        needsAnalysis "Employer survey, 2025"\n    }\n}',
        fix: 'Add `target "…"`. Quick fix: "Add the audience block" / "Add target".'
    },
    'qa-audience-needs': {
        rule: 'The `audience` block gives evidence of a needs analysis of the target group: `needsAnalysis "…"`.',
        why: 'Design method step 1: "there is clear evidence of the target group\'s needs analysis" (Annex II principle 3, relevance).',
        fires: 'microcredential AIEthics {\n    audience {\n        target "IT professionals"\n    }\n}',
        fixed: 'microcredential AIEthics {\n    audience {\n        target "IT professionals"\n        needsAnalysis "Employer survey, 2025 (120 responses)"\n    }\n}',
        fix: 'Add `needsAnalysis "…"`. Quick fix: "Add needsAnalysis".'
    },
    'qa-audience-codesign': {
        rule: 'The `audience` block names the stakeholders who co-designed the concept: `coDesignedWith "…"`.',
        why: 'Design method step 1: "proof of the inclusion of stakeholders in the co-designing of the concept" (Annex II principle 3).',
        fires: 'microcredential AIEthics {\n    audience {\n        target "IT professionals"\n    }\n}',
        fixed: 'microcredential AIEthics {\n    audience {\n        target "IT professionals"\n        coDesignedWith "Regional chamber of commerce"\n    }\n}',
        fix: 'Add `coDesignedWith "…"`. Quick fix: "Add coDesignedWith".'
    },
    'qa-audience-upskilling': {
        rule: 'The `audience` block states the needs the programme meets: `purpose upskilling` and/or `reskilling`.',
        why: 'Design method step 1: "there are upskilling and reskilling needs to be met with the programme".',
        fires: 'microcredential AIEthics {\n    audience {\n        target "IT professionals"\n    }\n}',
        fixed: 'microcredential AIEthics {\n    audience {\n        target "IT professionals"\n        purpose upskilling\n    }\n}',
        fix: 'Add `purpose …`. Quick fix: "Add purpose".'
    },
    'qa-structure-defined': {
        rule: 'The structure is defined in detail: the micro-credential states its `duration N weeks` (days, months, hours). Workload and level are Annex I elements (`eu-workload`, `eu-level`).',
        why: 'Design method step 2: "the structure of the micro-credential is defined in detail (duration and workload, ECTS, qualification level)".',
        fires: 'microcredential AIEthics {\n    workload 5 ects\n}',
        fixed: 'microcredential AIEthics {\n    workload 5 ects\n    duration 6 weeks\n}',
        fix: 'Add `duration N unit`. Quick fix: "Add the duration".'
    },
    'qa-structure-outcomes': {
        rule: 'Each outcome refers to skills and competences: it links a skill URI (`skill "…"`), or its statement starts with a measurable action verb (Bloom\'s taxonomy: explain, apply, analyse, evaluate, design, …; after a lead-in such as "The learner will be able to"), or contains one in a verb position ("Understand and apply …"). "Understand", "know", "be aware of", "learn about" alone are flagged with measurable verbs to use instead. An outcome without a statement is flagged too.',
        why: 'Design method step 2: "a clear definition of the learning outcomes, with reference to the skills and competences to be developed". An outcome that cannot be observed cannot be assessed (Annex II principles 2 and 6).',
        fires: 'microcredential AIEthics {\n    outcome LO1 "Understand the main ethical principles of AI"\n}',
        fixed: 'microcredential AIEthics {\n    outcome LO1 "Explain the main ethical principles of AI"\n}',
        fix: 'Rephrase with a measurable verb, or link an ESCO skill. Quick fix: "Start with \'Explain\'" (and other verbs).'
    },
    'qa-structure-assessment-aligned': {
        rule: 'Every outcome is covered by at least one assessment (`covers LO1, …`). Reported on each uncovered outcome.',
        why: 'Design method step 2: "the assessment methods are aligned with the objectives"; an outcome that is not assessed is not certified (Annex II principle 4, valid assessment).',
        fires: 'microcredential AIEthics {\n    outcome LO1 "Explain the principles"\n    outcome LO2 "Evaluate an application"\n    assessment Audit {\n        covers LO1\n    }\n}',
        fixed: 'microcredential AIEthics {\n    outcome LO1 "Explain the principles"\n    outcome LO2 "Evaluate an application"\n    assessment Audit {\n        covers LO1, LO2\n    }\n}',
        fix: 'Add the outcome to an assessment\'s `covers`. Quick fix: "Add LO2 to the covers of Audit".'
    },
    'qa-structure-transparency': {
        rule: 'Every assessment states its grading scheme: `grading "…"` ("pass/fail", "0–30", "A–F").',
        why: 'Design method step 2: "the certification guarantees the transparency of the learning outcomes reached" (Annex II principles 2 and 4).',
        fires: 'microcredential AIEthics {\n    assessment Audit {\n        type project\n    }\n}',
        fixed: 'microcredential AIEthics {\n    assessment Audit {\n        type project\n        grading "pass/fail"\n    }\n}',
        fix: 'Add `grading "…"`. Quick fix: "Add the grading scheme".'
    },
    'qa-format-modes': {
        rule: 'The `format` block states the teaching mode (`mode online | onsite | blended`), and it agrees with the form of participation when both are stated.',
        why: 'Design method step 3: "the teaching modes are compliant to the users\' needs"; a mode that contradicts the participation misinforms learners.',
        fires: 'microcredential AIEthics {\n    participation online\n    format {\n        mode onsite\n    }\n}',
        fixed: 'microcredential AIEthics {\n    participation online\n    format {\n        mode online\n    }\n}',
        fix: 'Add or correct `mode`. Quick fix: "Add the teaching mode" / "Use the participation\'s mode".'
    },
    'qa-format-methodology': {
        rule: 'The `format` block describes the teaching methodology: `methodology "…"`.',
        why: 'Design method step 3: "the proposed methodology is likely to make the training effective and fulfil the learning outcomes".',
        fires: 'microcredential AIEthics {\n    format {\n        mode online\n    }\n}',
        fixed: 'microcredential AIEthics {\n    format {\n        mode online\n        methodology "Case studies, flipped classroom"\n    }\n}',
        fix: 'Add `methodology "…"`. Quick fix: "Add methodology".'
    },
    'qa-format-sustainability': {
        rule: 'The `format` block says why the format is sustainable: `sustainability "…"`.',
        why: 'Design method step 3: "the proposed format is sustainable both for the issuing bodies and for the target group".',
        fires: 'microcredential AIEthics {\n    format {\n        mode online\n    }\n}',
        fixed: 'microcredential AIEthics {\n    format {\n        mode online\n        sustainability "Reuses the university\'s e-learning platform"\n    }\n}',
        fix: 'Add `sustainability "…"`. Quick fix: "Add sustainability".'
    },
    'qa-method-defined': {
        rule: 'The QA methodology is clearly defined: every procedure states its timing (`exAnte` before delivery, `exPost` after), and both internal and external QA are stated. When there is no QA procedure at all, `eu-quality-assurance` (an error) reports it and this check is not repeated, but readiness counts it as a gap.',
        why: 'Design method step 4: "a clear definition of the QA methodology used (internal/external, ex-ante/ex-post)"; Annex II principle 1 expects internal and external quality assurance.',
        fires: 'microcredential AIEthics {\n    qualityAssurance {\n        internal exAnte "Design approved by the QA committee"\n    }\n}',
        fixed: 'microcredential AIEthics {\n    qualityAssurance {\n        internal exAnte "Design approved by the QA committee"\n        external exPost agency "ANVUR"\n    }\n}',
        fix: 'Add the missing side or timing. Quick fix: "Add external QA" / "Add internal QA" / "Say exAnte".'
    },
    'qa-method-stakeholders': {
        rule: 'The `qualityAssurance` block names the stakeholders involved in defining it: `stakeholders "…", "…"`.',
        why: 'Design method step 4: "different stakeholders have been involved in the definition of the QA methodology"; Annex II principle 8 involves learners in QA.',
        fires: 'microcredential AIEthics {\n    qualityAssurance {\n        internal exAnte "Approved"\n    }\n}',
        fixed: 'microcredential AIEthics {\n    qualityAssurance {\n        internal exAnte "Approved"\n        stakeholders "employers", "learners"\n    }\n}',
        fix: 'Add `stakeholders "…"`. Quick fix: "Add stakeholders".'
    },
    'qa-method-tools': {
        rule: 'The QA builds on existing tools or standards: `standards "…"` in the block or `standard "…"` on a procedure (ESG 2015, EQAVET, ISO 21001, …).',
        why: 'Design method step 4: "existing tools and expertise in QA have been employed"; the Recommendation asks for QA "following agreed standards".',
        fires: 'microcredential AIEthics {\n    qualityAssurance {\n        external exPost agency "ANVUR"\n    }\n}',
        fixed: 'microcredential AIEthics {\n    qualityAssurance {\n        external exPost agency "ANVUR" standard "ESG 2015 Part 1"\n    }\n}',
        fix: 'Name the standard. Quick fix: "Add standards".'
    },
    'qa-business-model': {
        rule: 'The `business` block defines the business model: `model "…"`.',
        why: 'Design method step 5: "a clear definition of the business model to be applied for the programme".',
        fires: 'microcredential AIEthics {\n    business {\n        fee 300 EUR\n    }\n}',
        fixed: 'microcredential AIEthics {\n    business {\n        model "Fee-based, co-financed by industry partners"\n        fee 300 EUR\n    }\n}',
        fix: 'Add `model "…"`, or waive the check with the reason. Quick fix: "Add model".'
    },
    'qa-business-sustainability': {
        rule: 'The `business` block states the short- and medium-run sustainability and the long-run plan: `sustainability short "…" medium "…" long "…"`.',
        why: 'Design method step 5: "the model is sustainable in the short and medium run, while there is a plan to be applied in the long run".',
        fires: 'microcredential AIEthics {\n    business {\n        sustainability short "Break-even at 25 learners"\n    }\n}',
        fixed: 'microcredential AIEthics {\n    business {\n        sustainability short "Break-even at 25 learners" medium "Partner co-funding" long "Lifelong-learning catalogue"\n    }\n}',
        fix: 'Add the missing runs. Quick fix: "Add the medium, long run".'
    },
    'qa-business-administration': {
        rule: 'The `business` block says how students are administered (`administration "…"`) and which learner typologies it serves (`learnerTypes students, professionals, jobseekers, other`).',
        why: 'Design method step 5: "the student administration procedures are consistent with the business model, and different typologies of users are dealt with".',
        fires: 'microcredential AIEthics {\n    business {\n        administration "Enrolment through the university portal"\n    }\n}',
        fixed: 'microcredential AIEthics {\n    business {\n        administration "Enrolment through the university portal"\n        learnerTypes students, professionals\n    }\n}',
        fix: 'Add the missing line(s). Quick fix: "Add administration" / "Add learnerTypes".'
    },

    // Waivers
    'waiver-reason': {
        rule: 'A waiver states its reason: `waive <code> "reason"`. A waiver without a reason waives nothing.',
        why: 'A waiver is a documented exception: an auditor must be able to judge it, and `mcred check` lists it with its reason.',
        fires: 'microcredential AIEthics {\n    waive qa-business-model\n}',
        fixed: 'microcredential AIEthics {\n    waive qa-business-model "State-funded, free to learners"\n}',
        fix: 'Add the reason. Quick fix: "Add a reason".'
    },
    'waiver-unknown-code': {
        rule: 'A waiver names a check that exists and may be waived: the optional Annex I elements, `eu-workload-ects`, the `value-*` checks and the QA checks. The mandatory Annex I elements and the rules of the language (syntax, references, names, pathways, waivers) cannot be waived. Such a waiver waives nothing.',
        why: 'A misspelt code would silently waive nothing; a mandatory Annex I element is required by the Council Recommendation for every micro-credential.',
        fires: 'microcredential AIEthics {\n    waive qa-busines-model "State-funded"\n}',
        fixed: 'microcredential AIEthics {\n    waive qa-business-model "State-funded"\n}',
        fix: 'Correct the code. Quick fix: "did you mean" the closest codes.'
    },
    'waiver-unused': {
        rule: 'A waiver waives a check that the credential would otherwise fail (information). A second waiver of the same code is unused too. Waivers of checks raised on cohorts (`eu-opt-grade`) are not judged, since their cohorts may live in other files.',
        why: 'A waiver claims an exception; one that is not needed makes the credential look weaker than it is and hides a future regression.',
        fires: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n    waive eu-opt-prerequisites "Open to all"\n    prerequisites "None"\n}',
        fixed: 'microcredential AIEthics {\n    title "AI & Digital Ethics"\n    prerequisites "None"\n}',
        fix: 'Remove the waiver. Quick fix: "Remove the unused waiver".'
    },

    // The language
    'syntax-error': {
        rule: 'The file follows the .mcred syntax (docs/language.md). The message says what is wrong in the programme\'s words: a word of the language in another case ("write `ects` in lower case"), a property the block does not have, with the one likely meant ("`credits` is not a property of a micro-credential; did you mean `workload`?"), a block that is not closed ("the `assessment Audit {` opened on line 12 is not closed"), or what may follow a property. A line that cannot be read states nothing, and the rest of its block is still read. While a top-level element has a syntax error, its completeness checks (Annex I, optional elements, QA gaps) wait, so that nothing is reported missing because of the error.',
        why: 'Nothing else can be judged reliably until the text parses.',
        fires: 'microcredential AIEthics {\n    language en en\n}',
        fixed: 'microcredential AIEthics {\n    language en\n}',
        fix: 'Correct the text at the position shown. Quick fix for a word in the wrong case or a property with a likely meaning: "Write `ects`", "Write `workload`".'
    },
    'ref-unresolved': {
        rule: 'Every reference (`awardedBy`, `covers`, `stackable into`, `includes`, `cohort … of`) names a provider, outcome, micro-credential or pathway declared in the workspace (any file).',
        why: 'An unresolved reference leaves an element without its target: an awarding body without a country, an outcome without an assessment.',
        fires: 'microcredential AIEthics {\n    awardedBy UNIFX\n}',
        fixed: P + 'microcredential AIEthics {\n    awardedBy UNIFI\n}',
        fix: 'Correct the name or declare it. Quick fix for awarding bodies: "Create provider UNIFX".'
    }
};
