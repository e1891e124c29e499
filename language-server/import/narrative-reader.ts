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
 * An assessment line of mcred's narrative: `Audit: project work; 30% of the grade; covers LO1,
 * LO2; blended; supervised with ID verification; grading: pass/fail; description`, headed by the
 * assessment's title or name. `sourceName` is the name the credential carries for it elsewhere
 * (OB 3.0 `otherIdentifier`), when it does. Returns undefined when the line is not in that shape.
 */
export function assessmentLine(
    line: string, outcomeNames: readonly string[], gradings?: string, sourceName?: string
): (ImportedAssessment & { coversNames: string[]; heading: string }) | undefined {
    let heading: string | undefined;
    let body = '';
    for (let i = line.indexOf(': '); i >= 0 && heading === undefined; i = line.indexOf(': ', i + 1)) {
        const first = line.slice(i + 2).split('; ')[0];
        if (first === 'type not stated' || conceptByLabel(VOCABS.assessment, first)) { heading = line.slice(0, i); body = line.slice(i + 2); }
    }
    if (heading === undefined || heading.length === 0) return undefined;
    const [first, ...rest] = body.split('; ');
    const type = first === 'type not stated' ? undefined : conceptByLabel(VOCABS.assessment, first);
    let coversNames: string[] = [];
    let mode: string | undefined;
    let supervision: string | undefined;
    let grading: string | undefined;
    let weight: number | undefined;
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
        const weightPart = /^(\d+(?:\.\d+)?)% of the grade$/.exec(part);
        if (weightPart && weight === undefined && description.length === 0) { weight = Number(weightPart[1]); continue; }
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
    // The heading is the title, or the name of an assessment without title (`Assessment 2` when it has none).
    const isName = (n: string) => /^[_a-zA-Z][\w-]*$/.test(n);
    const declaredName = sourceName !== undefined ? (isName(sourceName) ? sourceName : undefined) : (isName(heading) ? heading : undefined);
    const title = sourceName !== undefined
        ? (heading !== sourceName ? heading : undefined)
        : (!isName(heading) && !/^Assessment \d+$/.test(heading) ? heading : undefined);
    return {
        ...(declaredName ? { declaredName } : {}),
        ...(sourceName !== undefined && !declaredName ? { anonymous: true } : {}),
        ...(title ? { title } : {}),
        ...(type ? { type: type.code } : {}),
        ...(weight !== undefined ? { weight } : {}),
        coversNames,
        ...(mode ? { mode } : {}),
        ...(supervision ? { supervision } : {}),
        ...(grading ? { grading } : {}),
        ...(description.length > 0 ? { description: description.join('; ') } : {}),
        heading
    };
}

/**
 * A module line of mcred's narrative: `Climate.now; 2 ECTS, 50 hours; provided by University of
 * Helsinki, KU Leuven; covers LO1; description` (each part after the title optional). What comes
 * before the first of the workload, providers and coverage is the title, what comes after the
 * last of them the description (without any of them, the whole line is the title). The providers
 * are given as written (legal names joined by `, `).
 */
export function moduleLine(line: string, outcomeNames: readonly string[]): {
    title: string; ects?: number; hours?: number; providedBy?: string; coversNames: string[]; description?: string;
} | undefined {
    const parts = line.split('; ');
    let coversNames: string[] | undefined;
    let providedBy: string | undefined;
    let ects: number | undefined;
    let hours: number | undefined;
    let first = -1;
    let last = -1;
    parts.forEach((part, i) => {
        if (i === 0) return;
        const covers = /^covers (.+)$/.exec(part);
        const provided = /^provided by (.+)$/.exec(part);
        const workload = /^(?:(\d+(?:\.\d+)?) ECTS)?(?:, )?(?:(\d+(?:\.\d+)?) hours)?$/.exec(part);
        if (covers && !coversNames && covers[1].split(', ').every(n => outcomeNames.includes(n))) coversNames = covers[1].split(', ');
        else if (provided && providedBy === undefined) providedBy = provided[1];
        else if (workload && (workload[1] || workload[2]) && ects === undefined && hours === undefined) {
            if (workload[1]) ects = Number(workload[1]);
            if (workload[2]) hours = Number(workload[2]);
        } else return;
        if (first < 0) first = i;
        last = i;
    });
    const title = parts.slice(0, first < 0 ? parts.length : first).join('; ');
    const description = first < 0 ? '' : parts.slice(last + 1).join('; ');
    if (!title) return undefined;
    return {
        title,
        ...(ects !== undefined ? { ects } : {}),
        ...(hours !== undefined ? { hours } : {}),
        ...(providedBy ? { providedBy } : {}),
        coversNames: coversNames ?? [],
        ...(description ? { description } : {})
    };
}

/** A line of the `Translations` section: `Finnish (fi) — LO1: Selittää …` → `fi` and `LO1: Selittää …`. */
export function translationLine(line: string): { language: string; text: string } | undefined {
    const m = /^[^()]+ \(([a-z]{2,3})\) — (.+)$/s.exec(line);
    return m ? { language: m[1], text: m[2] } : undefined;
}
