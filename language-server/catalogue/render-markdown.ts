import { escapeMarkdown as md } from '../report/escape.js';
import type { Catalogue, CatalogueCredential } from './catalogue-model.js';

/** The catalogue as GitHub-flavoured Markdown: summary, programmes, pathways, stacking, joint awards, reviews. */
export function renderMarkdown(catalogue: Catalogue, options: { readonly generator?: string } = {}): string {
    const s = catalogue.summary;
    const lines: string[] = [
        `# ${md(catalogue.title)}`,
        '',
        `${s.programmes} programmes · ${s.issuable} issuable · ${s.ectsOffered} ECTS offered · ${s.pathways} pathways · ${s.providers} providers · ${s.learners} learners in ${s.cohorts} cohorts`
        + ` · ${s.reviewsDue} QA reviews due · ${s.stackMismatches} stacking mismatches (as of ${catalogue.today})`,
        '',
        '## Programmes',
        '',
        '| Programme | File | Awarded by | Issuable | Annex I | QA | ECTS | Level | Languages | Cohorts | Learners | Next review |',
        '|---|---|---|---|---|---|---|---|---|---|---|---|'
    ];
    for (const c of catalogue.credentials) {
        lines.push(`| ${md(c.title)} (\`${c.name}\`) | ${md(c.file)}:${c.line} | ${md(c.awardedBy.join(', ') || '—')}`
            + ` | ${issuableText(c)} | ${c.annex1.stated}/${c.annex1.total} | ${c.qa.addressed}/${c.qa.total}`
            + ` | ${c.ects ?? (c.hours !== undefined ? `${c.hours} h` : '—')} | ${md(c.level.text ?? '—')} | ${md(c.languages.join(', ') || '—')}`
            + ` | ${c.cohorts.length} | ${c.learners} | ${c.review?.nextDue ? `${c.review.nextDue}${c.review.due ? ' (due)' : ''}` : '—'} |`);
    }
    lines.push('', '## Pathways', '');
    if (catalogue.pathways.length === 0) lines.push('No pathway.');
    for (const p of catalogue.pathways) {
        lines.push(`### ${md(p.title)} (\`${p.name}\`)`, '', `${md(p.file)}:${p.line} · awarded by ${md(p.awardedBy.join(', ') || '—')} · level ${md(p.level.text ?? '—')}`, '');
        lines.push(`- ECTS: ${p.statedEcts !== undefined ? `${p.statedEcts} stated` : 'not stated'}; parts sum to ${p.sumEcts ?? `unknown (no ECTS: ${md(p.partsWithoutEcts.join(', '))})`}${p.ectsMatch === false ? ' — **mismatch**' : ''}`);
        lines.push(`- Every part issuable: ${p.allPartsIssuable ? 'yes' : 'no'}`);
        if (p.partsAboveLevel.length > 0) lines.push(`- Parts above the pathway's level: ${md(p.partsAboveLevel.join(', '))}`);
        for (const part of p.parts) {
            lines.push(`  - ${md(part.name)} (${part.kind}${part.ects !== undefined ? `, ${part.ects} ECTS` : ''}${part.issuable === undefined ? '' : part.issuable ? ', issuable' : ', not issuable'})`);
        }
        lines.push('');
    }
    lines.push('## Stacking', '');
    if (catalogue.graph.edges.length === 0) lines.push('No stacking relation.');
    for (const e of catalogue.graph.edges) {
        const how = [e.stackableInto ? '`stackable into`' : undefined, e.includes ? '`includes`' : undefined].filter(Boolean).join(' and ');
        const problem = e.mismatch === 'not-included' ? ' — **mismatch**: the pathway does not include it'
            : e.mismatch === 'not-declared' ? ' — **mismatch**: it does not say `stackable into` the pathway' : '';
        lines.push(`- ${md(e.from)} → ${md(e.to)}${e.ects !== undefined ? ` (${e.ects} ECTS)` : ''}: ${how}${problem}`);
    }
    lines.push('', '## Joint awards', '');
    if (catalogue.jointAwards.length === 0) lines.push('No joint award.');
    for (const j of catalogue.jointAwards) lines.push(`- ${md(j.credential)} (${j.kind}): ${md(j.providers.join(', '))}`);
    lines.push('', '## Recognition', '');
    const recognised = [...catalogue.credentials, ...catalogue.pathways].filter(c => c.recognition);
    if (recognised.length === 0) lines.push('No recognition statement.');
    for (const c of recognised) lines.push(`- **${md(c.title)}**: ${md(c.recognition!)}`);
    lines.push('', '## QA reviews', '');
    const reviewed = catalogue.credentials.filter(c => c.review);
    if (reviewed.length === 0) lines.push('No review cycle stated.');
    for (const c of reviewed) {
        const r = c.review!;
        lines.push(`- ${md(c.title)}: review ${r.cycle}; ${r.lastCohort ? `last cohort ${r.lastCohort}, next review ${r.nextDue}${r.due ? ' — **due**' : ''}` : 'no dated cohort yet'}`);
    }
    if (options.generator) lines.push('', `_${md(options.generator)}_`);
    return lines.join('\n') + '\n';
}

function issuableText(c: CatalogueCredential): string {
    return c.issuable ? 'yes' : `no: ${md(c.missing.join(', '))}`;
}
