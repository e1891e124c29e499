import { escapeMarkdown as md } from './escape.js';
import type { CredentialReport, ElementEntry, PathwayReport, QaCheckEntry, QaReport, ScoredEntry, SourceLocation } from './report-model.js';
import { UNESCO_SOURCE } from './unesco-definition.js';

const STATUS: Record<string, string> = {
    stated: '✅ stated',
    missing: '❌ missing',
    hole: '❌ a hole (still to decide)',
    placeholder: '❌ a placeholder (not a value)',
    invalid: '❌ invalid',
    unjudged: '❌ not judged (syntax error)',
    pending: '⏳ awaits a cohort',
    pass: '✅ passed',
    gap: '❌ gap',
    waived: '➖ waived',
    met: '✅',
    unmet: '❌'
};

const VERDICT: Record<string, string> = { 'issuable': '✅', 'not-issuable': '❌' };

/**
 * The report as GitHub-flavoured Markdown, for a pull request or a wiki: tables and words (every
 * status has a word beside its emoji), no HTML; every string from the files escaped.
 */
export function renderMarkdown(report: QaReport): string {
    const s = report.summary;
    const lines: string[] = [
        `# ${md(report.title)}`,
        '',
        `${report.files.map(f => md(f.file)).join(', ')} · ${plural(s.credentials, 'micro-credential')}, ${plural(s.pathways, 'pathway')} · ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`,
        ''
    ];
    const credentials = report.files.flatMap(f => f.credentials);
    const pathways = report.files.flatMap(f => f.pathways);
    if (credentials.length > 0) {
        lines.push(
            '| Micro-credential | Issuable | Annex I | QA checks |',
            '|---|---|--:|--:|',
            ...credentials.map(c => `| ${md(c.title)} (\`${c.name}\`) | ${VERDICT[c.readiness.verdict]} ${md(c.readiness.verdictText)} | ${c.readiness.annex1Stated}/${c.readiness.annex1Total} | ${c.readiness.qaAddressed}/${c.readiness.qaTotal} |`),
            ''
        );
    }
    if (pathways.length > 0) {
        lines.push(
            '| Pathway | Parts | ECTS | Sum of parts |',
            '|---|--:|--:|---|',
            ...pathways.map(p => `| ${md(p.title)} (\`${p.name}\`) | ${p.parts.length} | ${p.ects ?? '—'} | ${sumText(p)} |`),
            ''
        );
    }
    if (credentials.length === 0 && pathways.length === 0) lines.push('No micro-credential or pathway in these files.', '');
    for (const credential of credentials) lines.push(...credentialSection(credential));
    for (const pathway of pathways) lines.push(...pathwaySection(pathway));
    lines.push(
        '---',
        '',
        '*Issuable*: every one of the 11 Annex I elements stated with a valid value (no hole, placeholder, invalid value or syntax error) and no error. '
        + '*QA m/17*: the checks of the design method passed (each with the text that satisfies it) or waived with a reason. '
        + '*Principle and UNESCO scores*: the share of their supporting checks met, leaving out what only a cohort states while there is none. See docs/report.md.',
        ''
    );
    return lines.join('\n');
}

function where(location: SourceLocation): string {
    return `${md(location.file)}:${location.line}`;
}

function credentialSection(c: CredentialReport): string[] {
    const r = c.readiness;
    const facts = [
        c.awardingBodies.length > 0 ? `awarded by ${c.awardingBodies.map(md).join(', ')}` : undefined,
        c.level && md(c.level),
        c.workload.ects !== undefined ? `${c.workload.ects} ECTS${c.workload.notionalHours ? ` (${c.workload.notionalHours.min}–${c.workload.notionalHours.max} notional hours)` : ''}`
            : c.workload.hours !== undefined ? `${c.workload.hours} hours` : undefined,
        c.workload.duration && md(c.workload.duration),
        where(c.location)
    ].filter(Boolean);
    const lines = [
        `## ${md(c.title)} (\`${c.name}\`)`,
        '',
        facts.join(' · '),
        '',
        `**${VERDICT[r.verdict]} ${md(r.verdictText)}**`,
        '',
        ...r.blockers.length > 0 ? [...r.blockers.map(b => `- ${md(b)}`), ''] : [],
        `Annex I ${r.annex1Stated}/${r.annex1Total}${r.annex1Pending > 0 ? ` (${r.annex1Pending} with a cohort)` : ''} · QA ${r.qaAddressed}/${r.qaTotal} (${r.qaScore} %)${r.qaWaived > 0 ? `, ${r.qaWaived} waived` : ''}.`,
        '',
        `### Annex I — mandatory elements: ${r.annex1Stated}/${r.annex1Total}`,
        '',
        '| # | Element | Status | Evidence | Where |',
        '|--:|---|---|---|---|',
        ...c.annex1.map(e => `| ${e.n} | ${elementRow(e)}`),
        '',
        `### Annex I — optional elements: ${c.optional.filter(e => e.status === 'stated').length}/${c.optional.length}`,
        '',
        '| Element | Status | Evidence | Where |',
        '|---|---|---|---|',
        ...c.optional.map(e => `| ${elementRow(e)}`),
        '',
        `### Design method — QA checks: ${r.qaAddressed}/${r.qaTotal}`,
        '',
        '| Step | Check | Status | Evidence or gap |',
        '|---|---|---|---|',
        ...c.steps.flatMap(step => step.checks.map(check => `| ${step.n} ${md(step.short)} | ${md(check.lookFor)} \`${check.code}\` | ${STATUS[check.status]} | ${checkDetail(check)} |`)),
        '',
        '### Annex II principles',
        '',
        ...c.principles.every(p => p.score === 100)
            ? ['All ten Annex II principles are fully supported: every check that supports them is met.', '']
            : scoreTable('Principle', c.principles),
        '### UNESCO definition',
        '',
        `${md(UNESCO_SOURCE.citation)}`,
        '',
        ...scoreTable('Point', c.unesco),
        ...coverageTable(c),
        '### Workload and stacking',
        '',
        ...workloadLines(c),
        ''
    ];
    if (c.cohorts.length > 0) {
        lines.push(
            '### Cohorts',
            '',
            '| Cohort | Issued | Learners listed | Roster | Where |',
            '|---|---|--:|---|---|',
            ...c.cohorts.map(k => `| \`${k.name}\` | ${k.issued ?? STATUS.missing} | ${k.learners} | ${k.roster ? md(k.roster) : ''} | ${where(k.location)} |`),
            ''
        );
    }
    return lines;
}

function elementRow(e: ElementEntry): string {
    const stated = [e.evidence && code(e.evidence.text), e.value && md(e.value), e.detail && `*${md(e.detail)}*`].filter(Boolean).join(' — ');
    return `${md(e.label)} \`${e.code}\` | ${STATUS[e.status]} | ${stated} | ${where(e.location)} |`;
}

function checkDetail(check: QaCheckEntry): string {
    if (check.status === 'waived' && check.waiver) return `Waived: “${md(check.waiver.reason)}” (${where(check.waiver.location)})`;
    if (check.status === 'gap') return check.gaps.map(g => `${md(g.message)} (${where(g.location)})`).join(' · ');
    if (check.status === 'pass') return check.evidence.map(e => `${code(e.text)} (${where(e.location)})`).join(' · ');
    return '';
}

/** Source text on one line, escaped like every string from the file (no markup survives). */
function code(text: string): string {
    return `«${md(text.replace(/\s*\n\s*/g, ' '))}»`;
}

function scoreTable(label: string, entries: readonly ScoredEntry[]): string[] {
    return [
        `| # | ${label} | Score | Supported by |`,
        '|--:|---|---|---|',
        ...entries.map(e => `| ${e.n} | ${md(e.name)} | ${scoreCell(e)} | ${e.supports.map(s => `${s.status === 'pending' ? '⏳' : STATUS[s.status]} \`${s.code}\``).join(', ')} |`),
        ''
    ];
}

/** `██████░░░░ 60% (3/5)`: a text bar, so the score reads in any Markdown viewer. */
function scoreCell(e: ScoredEntry): string {
    if (e.score === null) return 'not judged yet';
    const filled = Math.round(e.score / 10);
    return `${'█'.repeat(filled)}${'░'.repeat(10 - filled)} ${e.score}% (${e.met}/${e.judged})`;
}

function coverageTable(c: CredentialReport): string[] {
    const cov = c.coverage;
    if (cov.outcomes.length === 0) return ['### Learning outcomes × assessments', '', 'No learning outcome stated.', ''];
    return [
        `### Learning outcomes × assessments: ${cov.outcomes.filter(o => o.covered).length}/${cov.outcomes.length} assessed`,
        '',
        `| Outcome | ${cov.assessments.map(a => `\`${a.name}\`${a.type ? ` ${md(a.type)}` : ''}`).join(' | ')}${cov.assessments.length > 0 ? ' | ' : ''}Assessed |`,
        `|---|${cov.assessments.map(() => ':-:|').join('')}---|`,
        ...cov.outcomes.map((o, i) => `| \`${o.name}\` ${md(o.statement)} | ${cov.assessments.map((_, j) => cov.cells[i][j] ? '✅' : ' ').join(' | ')}${cov.assessments.length > 0 ? ' | ' : ''}${o.covered ? 'yes' : `❌ no (${where(o.location)})`} |`),
        ''
    ];
}

function workloadLines(c: CredentialReport): string[] {
    const w = c.workload;
    const lines: string[] = [];
    if (w.ects !== undefined) lines.push(`- ECTS credits: ${w.ects}${w.notionalHours ? ` (${w.notionalHours.min}–${w.notionalHours.max} notional hours at 25–30 h per credit)` : ''}`);
    if (w.hours !== undefined) lines.push(`- Hours stated: ${w.hours}${w.consistent === false ? ' ❌ outside 25–30 h per ECTS' : w.consistent ? ' ✅ consistent with the ECTS' : ''}`);
    if (w.duration) lines.push(`- Duration: ${md(w.duration)}`);
    lines.push(`- Stacks into: ${c.stacksInto.length > 0 ? c.stacksInto.map(t => `${md(t.title)} (${t.kind === 'pathway' ? 'pathway' : 'micro-credential'}${t.ects !== undefined ? `, ${t.ects} ECTS` : ''})`).join('; ') : 'not stated'}`);
    return lines;
}

function pathwaySection(p: PathwayReport): string[] {
    const facts = [p.awardingBodies.length > 0 ? `awarded by ${p.awardingBodies.map(md).join(', ')}` : undefined, p.level && md(p.level), where(p.location)].filter(Boolean);
    return [
        `## Pathway: ${md(p.title)} (\`${p.name}\`)`,
        '',
        facts.join(' · '),
        '',
        '| Part | Kind | ECTS | Notional hours | Where |',
        '|---|---|--:|--:|---|',
        ...p.parts.map(part => `| ${part.title ? `${md(part.title)} ` : ''}(\`${part.name}\`) | ${part.kind === 'unresolved' ? '❌ not declared' : part.kind === 'pathway' ? 'pathway' : 'micro-credential'} | ${part.ects ?? '—'} | ${part.notionalHours ? `${part.notionalHours.min}–${part.notionalHours.max}` : '—'} | ${part.location ? where(part.location) : ''} |`),
        `| **Sum of the parts** | | **${p.sum.ects}** | ${p.sum.notionalHours ? `${p.sum.notionalHours.min}–${p.sum.notionalHours.max}` : '—'} | |`,
        `| **Stated** | | **${p.statedEcts ?? '—'}** | | ${p.sumMatches === undefined ? '' : p.sumMatches ? '✅ matches' : '❌ differs'} |`,
        '',
        sumText(p),
        ''
    ];
}

function sumText(p: PathwayReport): string {
    if (p.sum.cyclic) return '❌ contains itself: the sum is partial';
    if (p.sumMatches === false) return `❌ stated ${p.statedEcts} ECTS, the parts sum to ${p.sum.ects}`;
    if (p.sumMatches) return `✅ ${p.sum.ects} ECTS`;
    if (p.sum.withoutEcts.length > 0) return `⚠️ without ECTS: ${p.sum.withoutEcts.map(n => `\`${n}\``).join(', ')}`;
    return `${p.sum.ects} ECTS`;
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
