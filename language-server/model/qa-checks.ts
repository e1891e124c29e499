import type { AstNode } from 'langium';
import type { Hole, MicroCredential, QaProcedure } from '../generated/ast.js';
import type { IssueCode, QaCode } from '../rules/issue-codes.js';
import { outcomeWording } from './outcome-wording.js';
import { isPlaceholder, isStatedText } from './placeholders.js';
import { evidenceOf, hasEvidence, judgeOutcomes, judgeQualityAssurance, type Evidence, type Judgement } from './stated.js';

/**
 * One gap found by a QA check: what is missing or weak, in a programme designer's words, and
 * where to show it. `facts` go on the diagnostic for quick fixes.
 */
export interface QaGap {
    readonly message: string;
    readonly node: AstNode;
    readonly property?: string;
    readonly keyword?: string;
    readonly index?: number;
    readonly facts?: Record<string, unknown>;
    /**
     * Set when the gap is already reported by another diagnostic (one cause, one diagnostic): the
     * Annex I rule of a missing element (the gap is its related information), or the `value-hole`,
     * `value-placeholder` or syntax error of the value. The check fails (QA m/17 shows a gap) but
     * no second diagnostic is raised.
     */
    readonly reportedAs?: IssueCode;
}

/** The outcome of a QA check: passed with the source text that satisfies it, or its gaps. */
export type QaResult =
    | { readonly passed: true; readonly evidence: readonly [Evidence, ...Evidence[]] }
    | { readonly passed: false; readonly gaps: readonly [QaGap, ...QaGap[]] };

/** A "what to look for" item of the 5-step design method (docs/rules.md). */
export interface QaCheck {
    readonly code: QaCode;
    readonly step: 1 | 2 | 3 | 4 | 5;
    /** What the check looks for, as the design method puts it. */
    readonly lookFor: string;
    /** Passed with its evidence, or failed with its gaps: a pass without evidence cannot be built. */
    readonly assess: (credential: MicroCredential) => QaResult;
    /** Every gap of the credential for this check; none means the check passes. */
    readonly gaps: (credential: MicroCredential) => QaGap[];
}

/** A text that states something: not a placeholder (placeholders are not values). */
const has = isStatedText;

/**
 * Where the evidence of a pass is: its source text is only read when the pass is reported
 * (`assess`); `gaps` only needs to know that there is some (the validator asks every check of
 * every credential, and most pass).
 */
interface EvidenceAt {
    readonly node: AstNode;
    readonly property?: string;
}

const at = (node: AstNode, property?: string): EvidenceAt => ({ node, property });

type Found = { gaps: QaGap[]; evidence: Array<EvidenceAt | undefined> };

/**
 * The result of a check: its gaps, or else its evidence. A check that finds no gap but no text
 * that satisfies it either has not passed: nothing states it.
 */
function result(code: QaCode, credential: MicroCredential, found: Found): QaResult {
    const [gap, ...gaps] = found.gaps;
    if (gap) return { passed: false, gaps: [gap, ...gaps] };
    const [first, ...rest] = found.evidence.flatMap(where => {
        const evidence = where && evidenceOf(where.node, where.property);
        return evidence ? [evidence] : [];
    });
    if (first) return { passed: true, evidence: [first, ...rest] };
    return { passed: false, gaps: [nothingStates(code, credential)] };
}

/** The gaps of a check, as `result` finds them, without reading the evidence's source text. */
function gapsOf(code: QaCode, credential: MicroCredential, found: Found): QaGap[] {
    if (found.gaps.length > 0) return [...found.gaps];
    return found.evidence.some(where => where !== undefined && hasEvidence(where.node, where.property)) ? [] : [nothingStates(code, credential)];
}

function nothingStates(code: QaCode, credential: MicroCredential): QaGap {
    return { message: `Nothing in '${credential.name}' states what ${code} looks for`, ...atName(credential), facts: { noEvidence: true } };
}

function check(code: QaCode, step: QaCheck['step'], lookFor: string, find: (credential: MicroCredential) => Found): QaCheck {
    return {
        code, step, lookFor,
        assess: credential => result(code, credential, find(credential)),
        gaps: credential => gapsOf(code, credential, find(credential))
    };
}

const pass = (...found: Array<EvidenceAt | undefined>): Found => ({ gaps: [], evidence: found });
const fail = (...gaps: QaGap[]): Found => ({ gaps, evidence: [] });

/** The gap is reported by the diagnostic of a judgement that is not `stated`. */
function reportedBy(judgement: Judgement, missingCode: IssueCode): IssueCode | undefined {
    switch (judgement.state) {
        case 'stated': return undefined;
        case 'missing': return missingCode;
        case 'hole': return 'value-hole';
        case 'placeholder': return 'value-placeholder';
        case 'invalid': return missingCode;
        case 'unjudged': return 'syntax-error';
    }
}

/** The hole name of a property, where it differs. */
const HOLE_NAMES: Record<string, string> = { purposes: 'purpose' };

/** Where to point when a whole block is missing: the credential's name. */
const atName = (credential: MicroCredential) => ({ node: credential, property: 'name' });

function missing(credential: MicroCredential, block: 'audience' | 'format' | 'qualityAssurance' | 'business', property: string, message: string): QaGap {
    const node = credential[block];
    if (!node) {
        const hole = credential.holes.some((h: Hole) => h.property === block);
        return { message, ...atName(credential), facts: { block, missing: property, blockMissing: true }, ...hole ? { reportedAs: 'value-hole' } : {} };
    }
    const value = (node as unknown as Record<string, unknown>)[property];
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    const hole = node.holes.some((h: Hole) => h.property === (HOLE_NAMES[property] ?? property));
    const placeholder = values.length > 0 && values.every(isPlaceholder);
    return {
        message, node, keyword: block, facts: { block, missing: property },
        ...hole ? { reportedAs: 'value-hole' } : placeholder ? { reportedAs: 'value-placeholder' } : {}
    };
}

const QA_KINDS = ['internal', 'external'] as const;

/**
 * The 17 checks of the 5-step design method, as pure predicates over a micro-credential. The
 * validator reports their gaps and `readiness()` scores them: both call these functions, so the
 * editor, the CLI and the QA report cannot disagree.
 */
export const QA_CHECKS: readonly QaCheck[] = [
    // Step 1 — target audience
    check('qa-audience-target', 1, 'A target group is named.',
        c => has(c.audience?.target) ? pass(at(c.audience, 'target')) : fail(missing(c, 'audience', 'target',
            `Name the target group of '${c.name}': add \`target "…"\` to the audience block`))),
    check('qa-audience-needs', 1, "There is clear evidence of the target group's needs analysis.",
        c => has(c.audience?.needsAnalysis) ? pass(at(c.audience, 'needsAnalysis')) : fail(missing(c, 'audience', 'needsAnalysis',
            `Give the evidence of a needs analysis of the target group of '${c.name}': add \`needsAnalysis "…"\` (survey, employer consultation, labour-market data)`))),
    check('qa-audience-codesign', 1, 'There is proof of the inclusion of stakeholders in the co-designing of the concept.',
        c => {
            const index = c.audience?.coDesignedWith.findIndex(has) ?? -1;
            return index >= 0 ? pass(at(c.audience!, 'coDesignedWith')) : fail(missing(c, 'audience', 'coDesignedWith',
                `Say which stakeholders co-designed '${c.name}': add \`coDesignedWith "…"\` (employers, professional bodies, learners)`));
        }),
    check('qa-audience-upskilling', 1, 'There are upskilling and reskilling needs to be met with the programme.',
        c => (c.audience?.purposes.length ?? 0) > 0 ? pass(at(c.audience!, 'purposes')) : fail(missing(c, 'audience', 'purposes',
            `Say which needs '${c.name}' meets: add \`purpose upskilling\` and/or \`reskilling\` to the audience block`))),

    // Step 2 — structure
    check('qa-structure-defined', 2, 'The structure is defined in detail: duration (workload and level are Annex I elements).',
        c => c.duration ? pass(at(c, 'duration')) : fail({
            message: `State how long '${c.name}' runs: add \`duration N weeks\` (or days, months, hours)`,
            ...atName(c), facts: { missing: 'duration' },
            ...c.holes.some(h => h.property === 'duration') ? { reportedAs: 'value-hole' as const } : {}
        })),
    check('qa-structure-outcomes', 2, 'Learning outcomes are defined with reference to the skills and competences to be developed.',
        c => {
            const element = judgeOutcomes({ credential: c, cohorts: [] });
            if (c.outcomes.length === 0) {
                return fail({ message: `'${c.name}' states no learning outcome`, ...atName(c), reportedAs: reportedBy(element, 'eu-learning-outcomes') ?? 'eu-learning-outcomes' });
            }
            const gaps = c.outcomes.flatMap((outcome): QaGap[] => {
                if (outcome.skills.some(has)) return [];
                if (outcome.statementHole) {
                    return [{ message: `Outcome '${outcome.name}' is still to decide`, node: outcome, property: 'name', reportedAs: 'value-hole' }];
                }
                if (!has(outcome.statement)) {
                    return [{
                        message: `Outcome '${outcome.name}' has no statement: say what the learner can do, e.g. \`outcome ${outcome.name} "Explain …"\``,
                        node: outcome, property: 'name', facts: { outcome: outcome.name, missing: 'statement' },
                        ...outcome.statement !== undefined ? { reportedAs: 'value-placeholder' as const } : {}
                    }];
                }
                const wording = outcomeWording(outcome.statement);
                if (wording.measurable) return [];
                const message = wording.vague
                    ? `Outcome '${outcome.name}' relies on "${wording.vague.phrase}" alone, which cannot be observed or assessed: say what the learner does, e.g. ${wording.vague.instead.map(v => `"${v}"`).join(', ')} — or link an ESCO skill with \`skill "…"\``
                    : `Outcome '${outcome.name}' does not start with a measurable action verb (explain, apply, analyse, evaluate, design, …) — rephrase it or link an ESCO skill with \`skill "…"\``;
                return [{
                    message, node: outcome, property: 'statement',
                    facts: { outcome: outcome.name, ...(wording.vague ? { vague: wording.vague } : {}) }
                }];
            });
            return gaps.length > 0 ? fail(...gaps) : pass(...c.outcomes.map(o => at(o)));
        }),
    check('qa-structure-assessment-aligned', 2, 'The assessment methods are aligned with the objectives: every outcome is assessed.',
        c => {
            if (c.outcomes.length === 0) {
                return fail({ message: `'${c.name}' states no learning outcome to assess`, ...atName(c), reportedAs: 'eu-learning-outcomes' });
            }
            if (c.assessments.length === 0) {
                // One cause, one diagnostic: `eu-assessment-type` says there is no assessment; the
                // outcomes it leaves unassessed are its related information.
                return fail(...c.outcomes.map((outcome): QaGap => ({
                    message: `Outcome '${outcome.name}' is not assessed: '${c.name}' has no assessment that covers it`,
                    node: outcome, property: 'name', facts: { outcome: outcome.name }, reportedAs: 'eu-assessment-type'
                })));
            }
            const covered = new Set(c.assessments.flatMap(a => a.covers.map(ref => ref.ref)));
            const gaps = c.outcomes.filter(outcome => !covered.has(outcome)).map((outcome): QaGap => ({
                message: `Outcome '${outcome.name}' is not covered by any assessment: add it to an assessment's \`covers\``,
                node: outcome, property: 'name', facts: { outcome: outcome.name }
            }));
            return gaps.length > 0 ? fail(...gaps) : pass(...c.assessments.filter(a => a.covers.length > 0).map(a => at(a, 'covers')));
        }),
    check('qa-structure-transparency', 2, 'The certificate guarantees the transparency of the learning outcomes reached: every assessment states its grading.',
        c => {
            if (c.assessments.length === 0) {
                return fail({ message: `'${c.name}' has no assessment whose grading the certificate could show`, ...atName(c), reportedAs: 'eu-assessment-type' });
            }
            const gaps = c.assessments.filter(a => !has(a.grading)).map((assessment): QaGap => ({
                message: `Assessment${assessment.name ? ` '${assessment.name}'` : ''} states no grading scheme, so the certificate cannot show what was reached: add \`grading "…"\` (e.g. "pass/fail", "0–30")`,
                node: assessment, keyword: 'assessment', facts: { missing: 'grading', assessment: assessment.name },
                ...assessment.holes.some(h => h.property === 'grading') ? { reportedAs: 'value-hole' as const }
                    : assessment.grading !== undefined ? { reportedAs: 'value-placeholder' as const } : {}
            }));
            return gaps.length > 0 ? fail(...gaps) : pass(...c.assessments.map(a => at(a, 'grading')));
        }),

    // Step 3 — teaching and learning format
    check('qa-format-modes', 3, "The teaching modes are stated and suit the learners' needs (consistent with the form of participation).",
        c => {
            const mode = c.format?.mode;
            if (!mode) {
                return fail(missing(c, 'format', 'mode',
                    `State the teaching mode of '${c.name}': add \`mode online\`, \`onsite\` or \`blended\` to the format block`));
            }
            if (c.participation && c.participation !== mode) {
                return fail({
                    message: `The teaching mode (${mode}) contradicts the form of participation (${c.participation}): make them agree`,
                    node: c.format!, property: 'mode', facts: { mode, participation: c.participation }
                });
            }
            return pass(at(c.format!, 'mode'));
        }),
    check('qa-format-methodology', 3, 'The proposed methodology is likely to make the training effective and fulfil the outcomes.',
        c => has(c.format?.methodology) ? pass(at(c.format, 'methodology')) : fail(missing(c, 'format', 'methodology',
            `Describe the teaching methodology of '${c.name}': add \`methodology "…"\` (case studies, flipped classroom, labs)`))),
    check('qa-format-sustainability', 3, 'The format is sustainable both for the issuing bodies and for the target group.',
        c => has(c.format?.sustainability) ? pass(at(c.format, 'sustainability')) : fail(missing(c, 'format', 'sustainability',
            `Say why the format of '${c.name}' is sustainable for the issuer and the learners: add \`sustainability "…"\` to the format block`))),

    // Step 4 — quality assurance
    check('qa-method-defined', 4, 'There is a clear definition of the QA methodology used (internal/external, ex-ante/ex-post).',
        c => {
            const qa = c.qualityAssurance;
            const element = judgeQualityAssurance({ credential: c, cohorts: [] });
            const by = reportedBy(element, 'eu-quality-assurance');
            if (!qa || by) {
                return fail({
                    message: `'${c.name}' defines no QA methodology`, ...(qa ? { node: qa, keyword: 'qualityAssurance' } : atName(c)),
                    reportedAs: by ?? 'eu-quality-assurance'
                });
            }
            const gaps: QaGap[] = qa.procedures.filter(p => !p.timing).map((procedure: QaProcedure) => ({
                message: `Say when this ${procedure.kind} QA happens: \`${procedure.kind} exAnte\` (before delivery) or \`${procedure.kind} exPost\` (after)`,
                node: procedure, property: 'kind', facts: { missing: 'timing', kind: procedure.kind }
            }));
            for (const kind of QA_KINDS.filter(k => !qa.procedures.some(p => p.kind === k))) {
                gaps.push({
                    message: kind === 'external'
                        ? `Only internal QA is stated: add the external QA that underpins '${c.name}' (\`external exPost agency "…" standard "…"\`), as Annex II principle 1 expects internal and external QA`
                        : `Only external QA is stated: add the internal QA of '${c.name}' (\`internal exAnte "…"\`)`,
                    node: qa, keyword: 'qualityAssurance', facts: { missing: kind }
                });
            }
            return gaps.length > 0 ? fail(...gaps) : pass(...qa.procedures.map(p => at(p)));
        }),
    check('qa-method-stakeholders', 4, 'Different stakeholders have been involved in the definition of the QA methodology.',
        c => {
            const by = reportedBy(judgeQualityAssurance({ credential: c, cohorts: [] }), 'eu-quality-assurance');
            if (c.qualityAssurance?.stakeholders.some(has)) return pass(at(c.qualityAssurance, 'stakeholders'));
            const gap = missing(c, 'qualityAssurance', 'stakeholders',
                `Say which stakeholders took part in defining the QA of '${c.name}': add \`stakeholders "…"\` (employers, learners, …)`);
            return fail(by && !gap.reportedAs ? { ...gap, reportedAs: by } : gap);
        }),
    check('qa-method-tools', 4, 'Existing tools and expertise in QA have been employed (ESG, EQAVET, …).',
        c => {
            const qa = c.qualityAssurance;
            const by = reportedBy(judgeQualityAssurance({ credential: c, cohorts: [] }), 'eu-quality-assurance');
            const sources = [
                ...qa?.standards.some(has) ? [at(qa, 'standards')] : [],
                ...qa?.procedures.filter(p => p.standards.some(has)).map(p => at(p, 'standards')) ?? []
            ];
            if (sources.length > 0) return pass(...sources);
            const gap = missing(c, 'qualityAssurance', 'standards',
                `Name the QA standards or tools '${c.name}' builds on: add \`standards "…"\` (ESG 2015 Part 1, EQAVET, ISO 21001, …)`);
            return fail(by && !gap.reportedAs ? { ...gap, reportedAs: by } : gap);
        }),

    // Step 5 — business model and student administration
    check('qa-business-model', 5, 'There is a clear definition of the business model to be applied.',
        c => has(c.business?.model) ? pass(at(c.business, 'model')) : fail(missing(c, 'business', 'model',
            `Define the business model of '${c.name}': add \`model "…"\` (fee-based, publicly funded, co-financed, …)`))),
    check('qa-business-sustainability', 5, 'The model is sustainable in the short and medium run, with a plan for the long run.',
        c => {
            const business = c.business;
            const runs = (['short', 'medium', 'long'] as const).filter(run => !has(business?.[`${run}Run`]));
            if (runs.length === 0) return pass(...(['shortRun', 'mediumRun', 'longRun'] as const).map(run => at(business!, run)));
            const gap = missing(c, 'business', `${runs[0]}Run`,
                `Say how '${c.name}' is sustained in the ${runs.join(', ')} run: add \`sustainability ${runs.map(r => `${r} "…"`).join(' ')}\``);
            const hole = business?.holes.some(h => h.property === 'sustainability');
            return fail({ ...gap, ...hole ? { reportedAs: 'value-hole' as const } : {}, facts: { ...gap.facts, missing: 'sustainability', runs } });
        }),
    check('qa-business-administration', 5, 'Student administration is consistent with the business model and deals with each typology of learners.',
        c => {
            const business = c.business;
            const lacks = [
                ...has(business?.administration) ? [] : ['administration'],
                ...(business?.learnerTypes.length ?? 0) > 0 ? [] : ['learnerTypes']
            ];
            if (lacks.length === 0) return pass(at(business!, 'administration'), at(business!, 'learnerTypes'));
            const message = lacks.length === 2
                ? `Say how learners of '${c.name}' are enrolled and administered (\`administration "…"\`) and which learner typologies that serves (\`learnerTypes students, professionals\`)`
                : lacks[0] === 'administration'
                    ? `Say how learners of '${c.name}' are enrolled and administered: add \`administration "…"\``
                    : `Say which learner typologies the administration of '${c.name}' serves: add \`learnerTypes students, professionals\` (or jobseekers, other)`;
            const gap = missing(c, 'business', lacks[0], message);
            return fail({ ...gap, facts: { ...gap.facts, lacks } });
        })
];
