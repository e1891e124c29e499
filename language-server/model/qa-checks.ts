import type { AstNode } from 'langium';
import type { MicroCredential, QaProcedure } from '../generated/ast.js';
import type { QaCode } from '../rules/issue-codes.js';
import { outcomeWording } from './outcome-wording.js';

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
     * Set when the gap is already reported, as an error, by the named Annex I rule: the check
     * fails (readiness shows a gap) but no second diagnostic is raised for the same line.
     */
    readonly reportedAs?: 'eu-quality-assurance';
}

/** A "what to look for" item of the 5-step design method (docs/rules.md). */
export interface QaCheck {
    readonly code: QaCode;
    readonly step: 1 | 2 | 3 | 4 | 5;
    /** What the check looks for, as the design method puts it. */
    readonly lookFor: string;
    /** Every gap of the credential for this check; none means the check passes. */
    readonly gaps: (credential: MicroCredential) => QaGap[];
}

const has = (text: string | undefined): text is string => text !== undefined && text.trim().length > 0;

/** Where to point when a whole block is missing: the credential's name. */
const atName = (credential: MicroCredential) => ({ node: credential, property: 'name' });

function missing(credential: MicroCredential, block: 'audience' | 'format' | 'qualityAssurance' | 'business', property: string, message: string): QaGap {
    const node = credential[block];
    return node
        ? { message, node, keyword: block, facts: { block, missing: property } }
        : { message, ...atName(credential), facts: { block, missing: property, blockMissing: true } };
}

const QA_KINDS = ['internal', 'external'] as const;

/**
 * The 17 checks of the 5-step design method, as pure predicates over a micro-credential. The
 * validator reports their gaps and `readiness()` scores them: both call these functions, so the
 * editor, the CLI and the QA report cannot disagree.
 */
export const QA_CHECKS: readonly QaCheck[] = [
    // Step 1 — target audience
    {
        code: 'qa-audience-target', step: 1, lookFor: 'A target group is named.',
        gaps: c => has(c.audience?.target) ? [] : [missing(c, 'audience', 'target',
            `Name the target group of '${c.name}': add \`target "…"\` to the audience block`)]
    },
    {
        code: 'qa-audience-needs', step: 1, lookFor: "There is clear evidence of the target group's needs analysis.",
        gaps: c => has(c.audience?.needsAnalysis) ? [] : [missing(c, 'audience', 'needsAnalysis',
            `Give the evidence of a needs analysis of the target group of '${c.name}': add \`needsAnalysis "…"\` (survey, employer consultation, labour-market data)`)]
    },
    {
        code: 'qa-audience-codesign', step: 1, lookFor: 'There is proof of the inclusion of stakeholders in the co-designing of the concept.',
        gaps: c => c.audience?.coDesignedWith.some(has) ? [] : [missing(c, 'audience', 'coDesignedWith',
            `Say which stakeholders co-designed '${c.name}': add \`coDesignedWith "…"\` (employers, professional bodies, learners)`)]
    },
    {
        code: 'qa-audience-upskilling', step: 1, lookFor: 'There are upskilling and reskilling needs to be met with the programme.',
        gaps: c => (c.audience?.purposes.length ?? 0) > 0 ? [] : [missing(c, 'audience', 'purposes',
            `Say which needs '${c.name}' meets: add \`purpose upskilling\` and/or \`reskilling\` to the audience block`)]
    },

    // Step 2 — structure
    {
        code: 'qa-structure-defined', step: 2, lookFor: 'The structure is defined in detail: duration (workload and level are Annex I elements).',
        gaps: c => c.duration ? [] : [{
            message: `State how long '${c.name}' runs: add \`duration N weeks\` (or days, months, hours)`,
            ...atName(c), facts: { missing: 'duration' }
        }]
    },
    {
        code: 'qa-structure-outcomes', step: 2, lookFor: 'Learning outcomes are defined with reference to the skills and competences to be developed.',
        gaps: c => c.outcomes.flatMap((outcome): QaGap[] => {
            if (outcome.skills.some(has)) return [];
            if (!has(outcome.statement)) {
                return [{
                    message: `Outcome '${outcome.name}' has no statement: say what the learner can do, e.g. \`outcome ${outcome.name} "Explain …"\``,
                    node: outcome, property: 'name', facts: { outcome: outcome.name, missing: 'statement' }
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
        })
    },
    {
        code: 'qa-structure-assessment-aligned', step: 2, lookFor: 'The assessment methods are aligned with the objectives: every outcome is assessed.',
        gaps: c => {
            const covered = new Set(c.assessments.flatMap(a => a.covers.map(ref => ref.ref)));
            return c.outcomes.filter(outcome => !covered.has(outcome)).map(outcome => ({
                message: c.assessments.length === 0
                    ? `Outcome '${outcome.name}' is not assessed: '${c.name}' has no assessment that covers it`
                    : `Outcome '${outcome.name}' is not covered by any assessment: add it to an assessment's \`covers\``,
                node: outcome, property: 'name', facts: { outcome: outcome.name }
            }));
        }
    },
    {
        code: 'qa-structure-transparency', step: 2, lookFor: 'The certificate guarantees the transparency of the learning outcomes reached: every assessment states its grading.',
        gaps: c => c.assessments.filter(a => !has(a.grading)).map(assessment => ({
            message: `Assessment${assessment.name ? ` '${assessment.name}'` : ''} states no grading scheme, so the certificate cannot show what was reached: add \`grading "…"\` (e.g. "pass/fail", "0–30")`,
            node: assessment, keyword: 'assessment', facts: { missing: 'grading', assessment: assessment.name }
        }))
    },

    // Step 3 — teaching and learning format
    {
        code: 'qa-format-modes', step: 3, lookFor: "The teaching modes are stated and suit the learners' needs (consistent with the form of participation).",
        gaps: c => {
            const mode = c.format?.mode;
            if (!mode) {
                return [missing(c, 'format', 'mode',
                    `State the teaching mode of '${c.name}': add \`mode online\`, \`onsite\` or \`blended\` to the format block`)];
            }
            if (c.participation && c.participation !== mode) {
                return [{
                    message: `The teaching mode (${mode}) contradicts the form of participation (${c.participation}): make them agree`,
                    node: c.format!, property: 'mode', facts: { mode, participation: c.participation }
                }];
            }
            return [];
        }
    },
    {
        code: 'qa-format-methodology', step: 3, lookFor: 'The proposed methodology is likely to make the training effective and fulfil the outcomes.',
        gaps: c => has(c.format?.methodology) ? [] : [missing(c, 'format', 'methodology',
            `Describe the teaching methodology of '${c.name}': add \`methodology "…"\` (case studies, flipped classroom, labs)`)]
    },
    {
        code: 'qa-format-sustainability', step: 3, lookFor: 'The format is sustainable both for the issuing bodies and for the target group.',
        gaps: c => has(c.format?.sustainability) ? [] : [missing(c, 'format', 'sustainability',
            `Say why the format of '${c.name}' is sustainable for the issuer and the learners: add \`sustainability "…"\` to the format block`)]
    },

    // Step 4 — quality assurance
    {
        code: 'qa-method-defined', step: 4, lookFor: 'There is a clear definition of the QA methodology used (internal/external, ex-ante/ex-post).',
        gaps: c => {
            const qa = c.qualityAssurance;
            if (!qa || qa.procedures.length === 0) {
                return [{
                    message: `'${c.name}' defines no QA methodology`, ...(qa ? { node: qa, keyword: 'qualityAssurance' } : atName(c)),
                    reportedAs: 'eu-quality-assurance'
                }];
            }
            const gaps: QaGap[] = qa.procedures.filter(p => !p.timing).map((procedure: QaProcedure) => ({
                message: `Say when this ${procedure.kind} QA happens: \`${procedure.kind} exAnte\` (before delivery) or \`${procedure.kind} exPost\` (after)`,
                node: procedure, property: 'kind', facts: { missing: 'timing', kind: procedure.kind }
            }));
            for (const kind of QA_KINDS.filter(k => !qa.procedures.some(p => p.kind === k))) {
                gaps.push({
                    message: kind === 'external'
                        ? `Only internal QA is stated: add the external QA that underpins '${c.name}' (e.g. \`external exPost agency "…" standard "ESG 2015 Part 1"\`), as Annex II principle 1 expects internal and external QA`
                        : `Only external QA is stated: add the internal QA of '${c.name}' (e.g. \`internal exAnte "Design approved by the QA committee"\`)`,
                    node: qa, keyword: 'qualityAssurance', facts: { missing: kind }
                });
            }
            return gaps;
        }
    },
    {
        code: 'qa-method-stakeholders', step: 4, lookFor: 'Different stakeholders have been involved in the definition of the QA methodology.',
        gaps: c => c.qualityAssurance?.stakeholders.some(has) ? [] : [missing(c, 'qualityAssurance', 'stakeholders',
            `Say which stakeholders took part in defining the QA of '${c.name}': add \`stakeholders "employers", "learners"\``)]
    },
    {
        code: 'qa-method-tools', step: 4, lookFor: 'Existing tools and expertise in QA have been employed (ESG, EQAVET, …).',
        gaps: c => {
            const qa = c.qualityAssurance;
            const standards = [...qa?.standards ?? [], ...qa?.procedures.flatMap(p => p.standards) ?? []];
            return standards.some(has) ? [] : [missing(c, 'qualityAssurance', 'standards',
                `Name the QA standards or tools '${c.name}' builds on: add \`standards "ESG 2015 Part 1"\` (or EQAVET, ISO 21001, …)`)];
        }
    },

    // Step 5 — business model and student administration
    {
        code: 'qa-business-model', step: 5, lookFor: 'There is a clear definition of the business model to be applied.',
        gaps: c => has(c.business?.model) ? [] : [missing(c, 'business', 'model',
            `Define the business model of '${c.name}': add \`model "…"\` (fee-based, publicly funded, co-financed, …)`)]
    },
    {
        code: 'qa-business-sustainability', step: 5, lookFor: 'The model is sustainable in the short and medium run, with a plan for the long run.',
        gaps: c => {
            const business = c.business;
            const runs = (['short', 'medium', 'long'] as const).filter(run => !has(business?.[`${run}Run`]));
            if (runs.length === 0) return [];
            return [missing(c, 'business', 'sustainability',
                `Say how '${c.name}' is sustained in the ${runs.join(', ')} run: add \`sustainability ${runs.map(r => `${r} "…"`).join(' ')}\``)]
                .map(gap => ({ ...gap, facts: { ...gap.facts, runs } }));
        }
    },
    {
        code: 'qa-business-administration', step: 5, lookFor: 'Student administration is consistent with the business model and deals with each typology of learners.',
        gaps: c => {
            const business = c.business;
            const lacks = [
                ...has(business?.administration) ? [] : ['administration'],
                ...(business?.learnerTypes.length ?? 0) > 0 ? [] : ['learnerTypes']
            ];
            if (lacks.length === 0) return [];
            const message = lacks.length === 2
                ? `Say how learners of '${c.name}' are enrolled and administered (\`administration "…"\`) and which learner typologies that serves (\`learnerTypes students, professionals\`)`
                : lacks[0] === 'administration'
                    ? `Say how learners of '${c.name}' are enrolled and administered: add \`administration "…"\``
                    : `Say which learner typologies the administration of '${c.name}' serves: add \`learnerTypes students, professionals\` (or jobseekers, other)`;
            return [missing(c, 'business', lacks[0], message)]
                .map(gap => ({ ...gap, facts: { ...gap.facts, lacks } }));
        }
    }
];
