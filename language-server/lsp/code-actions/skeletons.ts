import type { MicroCredential } from '../../generated/ast.js';
import { escapeSnippet } from './text-edits.js';

/**
 * The skeletons quick fixes insert, in snippet syntax (`\t` for one more level of indentation).
 * They state nothing nobody decided: every value is a hole `?` (a tab stop whose default is `?`,
 * so that one keystroke replaces it and completion at the hole offers the legal values), never a
 * plausible number, date, code or sentence. Holes parse and stay errors until a person fills them.
 * Where the language has no hole (a learner's name, the reason of `level none`, one run of the
 * business sustainability) the skeleton writes the text `"?"`, which is a placeholder, not a value.
 */

/** A hole at tab stop `n`: `?` selected, typed over or completed. */
export const hole = (n = 1) => `\${${n}:?}`;

export const PARTICIPATION = ['online', 'onsite', 'blended'] as const;
export const SUPERVISION = ['supervised-with-id', 'supervised', 'unsupervised', 'unsupervised-with-id'] as const;

export function today(): string {
    return new Date().toISOString().slice(0, 10);
}

export const SKELETONS = {
    title: () => `title ${hole()}`,
    awardedBy: () => `awardedBy ${hole()}`,
    outcome: (name: string) => `outcome ${escapeSnippet(name)} ${hole()}`,
    workload: () => `workload ${hole()}`,
    level: () => `level ${hole()}`,
    levelReason: () => ` "${hole()}"`,
    duration: () => `duration ${hole()}`,
    participation: () => `participation ${hole()}`,
    assessmentType: () => `type ${hole()}`,
    supervision: () => `supervision ${hole()}`,
    grading: () => `grading ${hole()}`,
    grade: () => ` grade ${hole()}`,
    /** `assessment Assessment { type ? covers … }`: the covered outcomes are the credential's, or a hole. */
    assessment: (credential: MicroCredential, covers: readonly string[] = credential.outcomes.map(o => o.name)) => [
        'assessment ${1:Assessment} {',
        `\ttype ${hole(2)}`,
        named(covers).length > 0 ? `\tcovers ${named(covers).map(escapeSnippet).join(', ')}` : `\tcovers ${hole(3)}`,
        '}'
    ].join('\n'),
    prerequisites: () => `prerequisites ${hole()}`,
    furtherInfo: () => `furtherInfo ${hole()}`,
    stackableInto: () => `stackable ${hole()}`,
    standalone: () => 'standalone',
    country: () => `country ${hole()}`,
    roster: () => `roster ${hole()}`,
    learner: () => `learner "${hole()}" id ${hole(2)}`,
    issued: () => `issued ${hole()}`,

    // Design-method blocks and their lines
    target: () => `target ${hole()}`,
    needsAnalysis: () => `needsAnalysis ${hole()}`,
    coDesignedWith: () => `coDesignedWith ${hole()}`,
    purposes: () => `purpose ${hole()}`,
    audience: () => ['audience {', `\ttarget ${hole(1)}`, `\tneedsAnalysis ${hole(2)}`, `\tcoDesignedWith ${hole(3)}`, `\tpurpose ${hole(4)}`, '}'].join('\n'),
    mode: (participation: string | undefined) => `mode ${participation ?? hole()}`,
    methodology: () => `methodology ${hole()}`,
    formatSustainability: () => `sustainability ${hole()}`,
    format: (participation: string | undefined) => [
        'format {', `\tmode ${participation ?? hole(1)}`, `\tmethodology ${hole(2)}`, `\tsustainability ${hole(3)}`, '}'
    ].join('\n'),
    internal: () => `internal ${hole()}`,
    external: () => `external ${hole()}`,
    stakeholders: () => `stakeholders ${hole()}`,
    standards: () => `standards ${hole()}`,
    qualityAssurance: () => ['qualityAssurance {', `\tinternal ${hole()}`, '}'].join('\n'),
    model: () => `model ${hole()}`,
    businessSustainability: () => `sustainability ${hole()}`,
    /** One more run after an existing `sustainability short "…"`: the language has no hole there. */
    sustainabilityRuns: (runs: readonly string[]) => runs.map((run, i) => ` ${run} "${hole(i + 1)}"`).join(''),
    administration: () => `administration ${hole()}`,
    learnerTypes: () => `learnerTypes ${hole()}`,
    business: () => [
        'business {', `\tmodel ${hole(1)}`, `\tsustainability ${hole(2)}`, `\tadministration ${hole(3)}`, `\tlearnerTypes ${hole(4)}`, '}'
    ].join('\n'),
    provider: (name: string) => [`provider ${escapeSnippet(name)} {`, `\tname ${hole(1)}`, `\tcountry ${hole(2)}`, '}'].join('\n')
};

/** The names that exist: an outcome cut short by a syntax error has none, whatever the generated type says. */
function named(names: readonly string[]): string[] {
    return names.filter(name => (name as string | undefined) !== undefined);
}
