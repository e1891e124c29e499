import type { ImportedAssessment, ImportedQaProcedure } from './imported-model.js';
import { conceptByLabel, VOCABS } from './concepts.js';

/**
 * mcred's own narrative (OB 3.0 `criteria.narrative` in Markdown, ELM notes `Title: line; line`)
 * read back into facts. Only lines in exactly the shape mcred writes are read; anything else is
 * left to the caller to list as not imported.
 */

export interface NarrativeSection {
    readonly title: string;
    readonly lines: string[];
}

/** `## Title\n\n- line\n- line` sections; undefined when the text is not in that shape. */
export function markdownSections(text: string): NarrativeSection[] | undefined {
    const sections: NarrativeSection[] = [];
    for (const block of text.split(/\n(?=## )/)) {
        const m = /^## (.+)\n\n((?:- .*(?:\n|$))+)\s*$/.exec(block.trim() + '\n');
        if (!m) return undefined;
        sections.push({ title: m[1].trim(), lines: m[2].split('\n').filter(l => l.startsWith('- ')).map(l => l.slice(2)) });
    }
    return sections.length > 0 ? sections : undefined;
}

/** An ELM note `Title: a; b` split into its title and lines (semicolons inside brackets kept). */
export function noteSection(text: string, titles: readonly string[]): NarrativeSection | undefined {
    const title = titles.find(t => text.startsWith(`${t}: `));
    if (!title) return undefined;
    return { title, lines: splitOutside(text.slice(title.length + 2), '; ') };
}

/** `a; b (c; d); e` → `a`, `b (c; d)`, `e`: split where not inside brackets. */
export function splitOutside(text: string, separator: string): string[] {
    const parts: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (depth === 0 && text.startsWith(separator, i)) {
            parts.push(text.slice(start, i));
            start = i + separator.length;
            i += separator.length - 1;
        }
    }
    parts.push(text.slice(start));
    return parts.map(p => p.trim()).filter(p => p.length > 0);
}

const TIMING: Record<string, 'exAnte' | 'exPost'> = { 'ex ante': 'exAnte', 'ex post': 'exPost' };

/** `External, ex post by ANVUR (ESG 2015 Part 1): text` → a procedure. */
export function qaProcedure(line: string): ImportedQaProcedure | undefined {
    const m = /^(Internal|External)(?:, (ex ante|ex post))?(?: by (.+?))?(?: \(([^()]*)\))?(?:: (.*))?$/.exec(line);
    if (!m) return undefined;
    return {
        kind: m[1] === 'Internal' ? 'internal' : 'external',
        ...(m[2] ? { timing: TIMING[m[2]] } : {}),
        ...(m[3] ? { agency: m[3] } : {}),
        standards: m[4] ? m[4].split('; ') : [],
        ...(m[5] ? { description: m[5] } : {})
    };
}

export interface QaFromLines {
    procedures: ImportedQaProcedure[];
    stakeholders: string[];
    standards: string[];
    review?: { every: number; unit: string };
    feedback: string[];
    text: string[];
}

export function qaFromLines(lines: readonly string[]): QaFromLines {
    const qa: QaFromLines = { procedures: [], stakeholders: [], standards: [], feedback: [], text: [] };
    for (const line of lines) {
        const procedure = qaProcedure(line);
        const review = /^Reviewed every (\d+) (years?|months?)$/.exec(line);
        if (procedure) qa.procedures.push(procedure);
        else if (line.startsWith('Stakeholders involved: ')) qa.stakeholders.push(...line.slice(23).split(', '));
        else if (line.startsWith('Standards and tools: ')) qa.standards.push(...line.slice(21).split(', '));
        else if (line.startsWith('Feedback: ')) qa.feedback.push(...line.slice(10).split(', '));
        else if (review) qa.review = { every: Number(review[1]), unit: review[2].startsWith('year') ? 'years' : 'months' };
        else qa.text.push(line);
    }
    return qa;
}

/**
 * An assessment line of mcred's narrative: `Audit: project work; covers LO1, LO2; blended;
 * supervised with ID verification; grading: pass/fail; description`. Returns undefined when the
 * line is not in that shape.
 */
export function assessmentLine(line: string, outcomeNames: readonly string[], gradings?: string): (ImportedAssessment & { coversNames: string[] }) | undefined {
    const m = /^([_a-zA-Z][\w-]*|Assessment \d+): (.*)$/.exec(line);
    if (!m) return undefined;
    const [first, ...rest] = m[2].split('; ');
    const type = first === 'type not stated' ? undefined : conceptByLabel(VOCABS.assessment, first);
    if (first !== 'type not stated' && !type) return undefined;
    let coversNames: string[] = [];
    let mode: string | undefined;
    let supervision: string | undefined;
    let grading: string | undefined;
    const description: string[] = [];
    for (let p = 0; p < rest.length; p++) {
        const part = rest[p];
        if (part.startsWith('grading: ') && !grading && description.length === 0) {
            // A grading may itself hold `; `: the longest run of parts that is one of the stated gradings.
            let k = 1;
            if (gradings) {
                for (let n = rest.length - p; n > 1; n--) {
                    const candidate = [part.slice(9), ...rest.slice(p + 1, p + n)].join('; ');
                    if (`; ${gradings}; `.includes(`; ${candidate}; `)) { k = n; break; }
                }
            }
            grading = [part.slice(9), ...rest.slice(p + 1, p + k)].join('; ');
            p += k - 1;
            continue;
        }
        const covers = /^covers (.+)$/.exec(part);
        if (covers && covers[1].split(', ').every(n => outcomeNames.includes(n)) && coversNames.length === 0) {
            coversNames = covers[1].split(', ');
            continue;
        }
        const modeConcept = conceptByLabel(VOCABS.participation, part);
        if (modeConcept && !mode && description.length === 0) { mode = modeConcept.code; continue; }
        const sup = conceptByLabel(VOCABS.supervision, part);
        if (sup && !supervision && description.length === 0) { supervision = sup.code; continue; }
        description.push(part);
    }
    return {
        ...(m[1].startsWith('Assessment ') ? {} : { declaredName: m[1] }),
        ...(type ? { type: type.code } : {}),
        coversNames,
        ...(mode ? { mode } : {}),
        ...(supervision ? { supervision } : {}),
        ...(grading ? { grading } : {}),
        ...(description.length > 0 ? { description: description.join('; ') } : {})
    };
}
