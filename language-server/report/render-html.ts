import { html, Html, type HtmlValue } from './escape.js';
import { reportCss } from './report-css.js';
import type {
    CheckGap, CredentialReport, ElementEntry, EvidenceEntry, PathwayReport, QaCheckEntry, QaReport, ScoredEntry, SourceLocation, StepEntry, SupportStatus
} from './report-model.js';
import { coverageGrid, IdSource, radarChart, readinessGauge, scoreBar, scoreText, stepBars, svgDefinitions } from './svg.js';
import { UNESCO_SOURCE } from './unesco-definition.js';

export interface HtmlOptions {
    /**
     * `standalone` (default): a self-contained file with its own light and dark palettes, no
     * script. `vscode`: a webview page that follows the VS Code theme, with a nonce'd script that
     * turns places into links (`postMessage`).
     */
    readonly target?: 'standalone' | 'vscode';
    /** The Content-Security-Policy nonce of the webview's style and script (required for `vscode`). */
    readonly nonce?: string;
    /** The id of the section to scroll to when the webview opens (`credential-<Name>`). */
    readonly focus?: string;
    /** Shown in the footer (`mcred 0.1.0`). */
    readonly generator?: string;
}

/** The id of a credential's (or pathway's) section, for links and for the webview's focus. */
export function sectionId(kind: 'credential' | 'pathway', name: string): string {
    return `${kind}-${name}`;
}

const STATUS_TEXT: Record<string, { glyph: string; word: string }> = {
    'stated': { glyph: '✓', word: 'stated' },
    'missing': { glyph: '✗', word: 'missing' },
    'hole': { glyph: '✗', word: 'a hole' },
    'placeholder': { glyph: '✗', word: 'a placeholder' },
    'invalid': { glyph: '✗', word: 'invalid' },
    'unjudged': { glyph: '✗', word: 'not judged' },
    'pending': { glyph: '○', word: 'awaits a cohort' },
    'pass': { glyph: '✓', word: 'passed' },
    'gap': { glyph: '✗', word: 'gap' },
    'waived': { glyph: '⊘', word: 'waived' },
    'met': { glyph: '✓', word: 'met' },
    'unmet': { glyph: '✗', word: 'not met' }
};

function status(value: string): Html {
    const text = STATUS_TEXT[value];
    return html`<span class="status status-${value}"><span aria-hidden="true">${text.glyph}</span> ${text.word}</span>`;
}

/**
 * The report as one HTML document: inline CSS and SVG, nothing fetched (a Content-Security-Policy
 * forbids it), every string from the files escaped, A4 print rules.
 */
export function renderHtml(report: QaReport, options: HtmlOptions = {}): string {
    const target = options.target ?? 'standalone';
    if (target === 'vscode' && !options.nonce) throw new Error('renderHtml: a webview needs a nonce');
    const nonce = options.nonce ?? '';
    if (!/^[A-Za-z0-9+/=_-]*$/.test(nonce)) throw new Error('renderHtml: a nonce is base64 text');
    const ids = new IdSource();
    const r = new Renderer(target, ids);
    const csp = target === 'vscode'
        ? `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; font-src 'none'; connect-src 'none'; form-action 'none'; frame-src 'none'; base-uri 'none'`
        : "default-src 'none'; style-src 'unsafe-inline'; font-src 'none'; connect-src 'none'; form-action 'none'; frame-src 'none'; base-uri 'none'";
    const styleNonce = target === 'vscode' ? html` nonce="${nonce}"` : '';
    const sections = report.files.flatMap(file => [
        ...file.credentials.map(c => r.credential(c)),
        ...file.pathways.map(p => r.pathway(p))
    ]);
    const document = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${new Html(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${report.title}</title>
<style${styleNonce}>${new Html(reportCss(target))}</style>
</head>
<body>
${svgDefinitions()}
<main id="mcred-report"${options.focus ? html` data-focus="${options.focus}"` : ''}>
<header class="report-head">
<h1>${report.title}</h1>
<p class="subtitle">${report.files.map(f => f.file).join(', ')} · ${plural(report.summary.credentials, 'micro-credential')}, ${plural(report.summary.pathways, 'pathway')} · ${plural(report.summary.errors, 'error')}, ${plural(report.summary.warnings, 'warning')}</p>
</header>
${r.summary(report)}
${sections}
${r.footer(options.generator)}
</main>
${target === 'vscode' ? html`<script nonce="${nonce}">${new Html(WEBVIEW_SCRIPT)}</script>` : ''}
</body>
</html>
`;
    return document.value;
}

/**
 * The webview's only script (constant: no data from the files). Places are buttons with
 * `data-goto`; a click posts `{ type: 'reveal' | 'fix', uri, line, column, endLine, endColumn }`
 * to the extension. The scroll position survives re-renders (`setState`).
 */
const WEBVIEW_SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('mcred-report');
  const focus = main && main.dataset.focus || '';
  const state = vscode.getState() || {};
  if (focus && state.focus !== focus) {
    const target = document.getElementById(focus);
    if (target) target.scrollIntoView();
  } else if (typeof state.scrollY === 'number') {
    window.scrollTo(0, state.scrollY);
  }
  vscode.setState({ focus: focus, scrollY: window.scrollY });
  let timer;
  window.addEventListener('scroll', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { vscode.setState({ focus: focus, scrollY: window.scrollY }); }, 100);
  });
  document.addEventListener('click', function (event) {
    const element = event.target instanceof Element ? event.target.closest('[data-goto]') : null;
    if (!element) return;
    event.preventDefault();
    const d = element.dataset;
    vscode.postMessage({ type: d.goto, uri: d.uri, line: Number(d.line), column: Number(d.column), endLine: Number(d.endLine), endColumn: Number(d.endColumn) });
  });
  window.addEventListener('message', function (event) {
    const message = event.data;
    if (message && message.type === 'scrollTo') {
      const target = document.getElementById(message.id);
      if (target) target.scrollIntoView();
    }
  });
})();
`;

class Renderer {
    constructor(private readonly target: 'standalone' | 'vscode', private readonly ids: IdSource) {}

    /** A place in a file: a link in the webview, text in the file. */
    where(location: SourceLocation): Html {
        const text = `${location.file}:${location.line}`;
        if (this.target === 'standalone') return html`<span class="loc code">${text}</span>`;
        return html`<button type="button" class="loc code" ${this.goto('reveal', location)} title="Go to ${text}">${text}</button>`;
    }

    /** The source text that satisfies an element or a check, and its place (a link in the webview). */
    evidence(e: EvidenceEntry): Html {
        return html`<p class="evidence"><code>${e.text}</code> — ${this.where(e.location)}</p>`;
    }

    /** A gap's place, and in the webview a button that opens the quick fixes there. */
    gapWhere(location: SourceLocation): Html {
        if (this.target === 'standalone') return this.where(location);
        return html`${this.where(location)}<button type="button" class="fix" ${this.goto('fix', location)} title="Go to ${location.file}:${location.line} and show the quick fixes">Fix…</button>`;
    }

    private goto(kind: 'reveal' | 'fix', l: SourceLocation): Html {
        return html`data-goto="${kind}" data-uri="${l.uri}" data-line="${l.line}" data-column="${l.column}" data-end-line="${l.endLine}" data-end-column="${l.endColumn}"`;
    }

    summary(report: QaReport): Html {
        const credentials = report.files.flatMap(f => f.credentials);
        const pathways = report.files.flatMap(f => f.pathways);
        const headingId = this.ids.id('summary');
        const rows = credentials.map(c => html`<tr>
<td><a href="#${sectionId('credential', c.name)}">${c.title}</a> <span class="name">${c.name}</span></td>
<td>${this.where(c.location)}</td>
<td class="verdict-${c.readiness.verdict}">${c.readiness.verdictText}</td>
<td class="num">${c.readiness.annex1Stated}/${c.readiness.annex1Total}</td>
<td class="num">${c.readiness.qaAddressed}/${c.readiness.qaTotal}</td>
</tr>`);
        const pathwayRows = pathways.map(p => html`<tr>
<td><a href="#${sectionId('pathway', p.name)}">${p.title}</a> <span class="name">${p.name}</span></td>
<td>${this.where(p.location)}</td>
<td>${pathwayVerdict(p)}</td>
<td colspan="2">${plural(p.parts.length, 'part')}${p.ects !== undefined ? `, ${p.ects} ECTS` : ''}</td>
</tr>`);
        return html`<section class="summary" aria-labelledby="${headingId}">
<h2 id="${headingId}">Summary</h2>
${credentials.length === 0 && pathways.length === 0 ? html`<p>No micro-credential or pathway in these files.</p>` : html`<table>
<thead><tr><th scope="col">Credential</th><th scope="col">Declared</th><th scope="col">Issuable</th><th scope="col" class="num">Annex I</th><th scope="col" class="num">QA checks</th></tr></thead>
<tbody>${rows}${pathwayRows}</tbody>
</table>`}
<p class="legend"><span>${status('stated')} / ${status('pass')}: in place</span><span>${status('missing')} / ${status('gap')}: to fix</span><span>${status('waived')}: not applicable, with a written reason</span><span>${status('pending')}: stated by a cohort (an issuance)</span></p>
</section>`;
    }

    credential(c: CredentialReport): Html {
        const headingId = this.ids.id('credential');
        const r = c.readiness;
        const facts = [
            c.awardingBodies.length > 0 ? `Awarded by ${c.awardingBodies.join(', ')}` : undefined,
            c.level,
            c.workload.ects !== undefined ? `${c.workload.ects} ECTS` : c.workload.hours !== undefined ? `${c.workload.hours} hours` : undefined,
            c.workload.duration
        ].filter((f): f is string => f !== undefined);
        return html`<section class="credential" id="${sectionId('credential', c.name)}" aria-labelledby="${headingId}">
<header>
<h2 id="${headingId}">${c.title}<span class="name">${c.name}</span><span class="kind">micro-credential</span></h2>
<p class="meta">${facts.join(' · ')}${facts.length > 0 ? ' · ' : ''}${this.where(c.location)}</p>
<p class="verdict verdict-${r.verdict}">${r.verdictText}</p>
${r.blockers.length > 0 ? html`<ul class="blockers">${r.blockers.map(b => html`<li>${b}</li>`)}</ul>` : ''}
<p class="meta">Annex I ${r.annex1Stated}/${r.annex1Total} · QA ${r.qaAddressed}/${r.qaTotal} (${r.qaScore} %)${r.qaWaived > 0 ? `, ${r.qaWaived} waived` : ''}</p>
</header>
<div class="overview">
<figure>${readinessGauge(r, c.title, this.ids)}<figcaption>Outer ring: Annex I ${r.annex1Stated}/${r.annex1Total}${r.annex1Pending > 0 ? ` (${r.annex1Pending} with a cohort)` : ''}. Inner ring: QA ${r.qaAddressed}/${r.qaTotal}${r.qaWaived > 0 ? ` (${r.qaWaived} waived)` : ''}.</figcaption></figure>
<figure>${stepBars(c.steps, this.ids)}<figcaption>QA checks addressed per step of the design method (solid: passed, hatched: waived, dashed: gap)</figcaption></figure>
${c.principles.every(p => p.score === 100) ? '' : html`<figure>${radarChart(c.principles, `Annex II principles of ${c.title}`, this.ids)}<figcaption>Annex II principles: share of their supporting checks met</figcaption></figure>`}
</div>
${c.principles.every(p => p.score === 100) ? html`<p class="note principles-full">All ten Annex II principles are fully supported: every check that supports them is met.</p>` : ''}
${this.elements(c)}
${this.checks(c)}
${this.scores('Annex II — the ten European principles', 'principles', c.principles, html`<p class="note">Each principle is scored from the Annex I elements, optional elements and QA checks that support it (the rule table of <span class="code">docs/rules.md</span>); elements that only a cohort states are not judged until there is one.</p>`)}
${this.scores('The UNESCO definition of a micro-credential', 'unesco', c.unesco, html`<p class="note">${UNESCO_SOURCE.citation} The four points, each scored like the principles from the checks mapped to it.</p>`)}
${this.coverage(c)}
${this.workload(c)}
${this.cohorts(c)}
</section>`;
    }

    private elements(c: CredentialReport): Html {
        const row = (e: ElementEntry) => html`<tr>
${e.n !== undefined ? html`<td class="num">${e.n}</td>` : ''}<td>${e.label} <span class="code">${e.code}</span></td>
<td class="status-cell">${status(e.status)}</td>
<td>${e.evidence ? this.evidence(e.evidence) : ''}${e.value ?? ''}${e.detail ? html`${e.value || e.evidence ? html`<br>` : ''}<span class="note">${e.detail}</span>` : ''}</td>
<td>${e.status === 'stated' || e.status === 'pending' ? this.where(e.location) : this.gapWhere(e.location)}</td>
</tr>`;
        const optionalStated = c.optional.filter(e => e.status === 'stated').length;
        return html`<h3>Annex I — the eleven mandatory elements<span class="count">${c.readiness.annex1Stated}/${c.readiness.annex1Total} stated</span></h3>
<table class="annex1">
<thead><tr><th scope="col" class="num">#</th><th scope="col">Element</th><th scope="col">Status</th><th scope="col">Evidence</th><th scope="col">Where</th></tr></thead>
<tbody>${c.annex1.map(row)}</tbody>
</table>
<h3>Annex I — optional elements<span class="count">${optionalStated}/${c.optional.length} stated</span></h3>
<table class="optional">
<thead><tr><th scope="col">Element</th><th scope="col">Status</th><th scope="col">Evidence</th><th scope="col">Where</th></tr></thead>
<tbody>${c.optional.map(row)}</tbody>
</table>`;
    }

    private checks(c: CredentialReport): Html {
        const r = c.readiness;
        return html`<h3>The 5-step design method — 17 QA checks<span class="count">${r.qaAddressed}/${r.qaTotal} addressed${r.qaWaived > 0 ? ` (${r.qaWaived} waived)` : ''}</span></h3>
${c.steps.map(step => this.step(step))}`;
    }

    private step(step: StepEntry): Html {
        return html`<h4>Step ${step.n} · ${step.title}<span class="count">${step.passed + step.waived}/${step.total}</span></h4>
<p class="focus">${step.focus}</p>
<table class="checks">
<thead><tr><th scope="col">Check</th><th scope="col">Status</th><th scope="col">Evidence or gap</th></tr></thead>
<tbody>${step.checks.map(check => this.check(check))}</tbody>
</table>`;
    }

    private check(check: QaCheckEntry): Html {
        const gap = (g: CheckGap) => html`<p class="gap-message">${withCode(g.message)} — ${this.gapWhere(g.location)}${g.code !== check.code ? html` <span class="note">(reported as <span class="code">${g.code}</span>)</span>` : ''}</p>`;
        const detail: HtmlValue = check.status === 'waived' && check.waiver
            ? html`<p class="waiver-reason">Waived: “${check.waiver.reason}” — ${this.where(check.waiver.location)}</p>`
            : check.status === 'gap' ? check.gaps.map(gap)
                : check.status === 'pass' ? check.evidence.map(e => this.evidence(e)) : '';
        return html`<tr>
<td>${check.lookFor} <span class="code">${check.code}</span></td>
<td class="status-cell">${status(check.status)}</td>
<td>${detail}</td>
</tr>`;
    }

    private scores(title: string, kind: string, entries: readonly ScoredEntry[], note: Html): Html {
        const support = (code: string, s: SupportStatus) => html`<span class="code status-${s}"><span aria-hidden="true">${STATUS_TEXT[s]?.glyph ?? '○'}</span> ${code}<span class="visually-hidden">${s === 'pending' ? ' (awaits a cohort)' : s === 'met' ? ' (met)' : ' (not met)'}</span></span>`;
        return html`<h3>${title}</h3>
${note}
<table class="${kind}">
<thead><tr><th scope="col" class="num">#</th><th scope="col">${kind === 'unesco' ? 'Point' : 'Principle'}</th><th scope="col">Score</th><th scope="col">Supported by</th></tr></thead>
<tbody>${entries.map(e => html`<tr>
<td class="num">${e.n}</td>
<td><strong>${e.name}</strong><br><span class="note">${e.text}</span></td>
<td class="score-cell">${scoreBar(e, this.ids)}${scoreText(e)}</td>
<td><span class="supports">${e.supports.length === 0 ? html`<span class="note">no check supports it</span>` : e.supports.map(s => support(s.code, s.status))}</span></td>
</tr>`)}</tbody>
</table>`;
    }

    private coverage(c: CredentialReport): Html {
        const cov = c.coverage;
        const uncovered = cov.outcomes.filter(o => !o.covered).length;
        return html`<h3>Learning outcomes × assessments<span class="count">${cov.outcomes.length - uncovered}/${cov.outcomes.length} outcomes assessed</span></h3>
<figure>${coverageGrid(cov, c.title, this.ids)}<figcaption>Ticked: the assessment covers the outcome.</figcaption></figure>
<table class="outcomes">
<thead><tr><th scope="col">Outcome</th><th scope="col">Statement</th><th scope="col">Assessed by</th><th scope="col">Where</th></tr></thead>
<tbody>${cov.outcomes.map((o, i) => {
        const by = cov.assessments.filter((_, j) => cov.cells[i][j]).map(a => `${a.name}${a.type ? ` (${a.type})` : ''}`);
        return html`<tr><td class="code">${o.name}</td><td>${o.statement}</td><td>${by.length > 0 ? by.join(', ') : status('gap')}</td><td>${o.covered ? this.where(o.location) : this.gapWhere(o.location)}</td></tr>`;
    })}</tbody>
</table>`;
    }

    private workload(c: CredentialReport): Html {
        const w = c.workload;
        const rows: Array<[string, HtmlValue]> = [];
        if (w.ects !== undefined) rows.push(['ECTS credits', `${w.ects}`]);
        if (w.notionalHours) rows.push(['Notional learning hours', `${w.notionalHours.min}–${w.notionalHours.max} h (25–30 h per ECTS credit)`]);
        if (w.hours !== undefined) {
            rows.push(['Hours stated', html`${w.hours} h${w.consistent === false ? html` <span class="status status-gap"><span aria-hidden="true">✗</span> outside 25–30 h per ECTS</span>` : w.consistent ? html` <span class="status status-pass"><span aria-hidden="true">✓</span> consistent with the ECTS</span>` : ''}`]);
        }
        if (w.duration) rows.push(['Duration', w.duration]);
        rows.push(['Stacks into', c.stacksInto.length > 0
            ? c.stacksInto.map(t => `${t.title} (${t.kind === 'pathway' ? 'pathway' : 'micro-credential'}${t.ects !== undefined ? `, ${t.ects} ECTS` : ''})`).join('; ')
            : c.optional.find(o => o.code === 'eu-opt-stackability')?.value ?? 'not stated']);
        return html`<h3>Workload and stacking</h3>
<dl class="facts">${rows.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}</dl>`;
    }

    private cohorts(c: CredentialReport): Html {
        return html`<h3>Cohorts<span class="count">${c.cohorts.length}</span></h3>
${c.cohorts.length === 0 ? html`<p class="note">No cohort issues this micro-credential yet: the learner (Annex I element 1) and the date of issuing (element 5) come with one.</p>` : html`<table class="cohorts">
<thead><tr><th scope="col">Cohort</th><th scope="col">Issued</th><th scope="col" class="num">Learners listed</th><th scope="col">Roster</th><th scope="col">Where</th></tr></thead>
<tbody>${c.cohorts.map(k => html`<tr><td class="code">${k.name}</td><td>${k.issued ?? status('missing')}</td><td class="num">${k.learners}</td><td>${k.roster ?? ''}</td><td>${this.where(k.location)}</td></tr>`)}</tbody>
</table>`}`;
    }

    pathway(p: PathwayReport): Html {
        const headingId = this.ids.id('pathway');
        const facts = [p.awardingBodies.length > 0 ? `Awarded by ${p.awardingBodies.join(', ')}` : undefined, p.level].filter((f): f is string => f !== undefined);
        const sumNote = p.sum.cyclic ? 'the pathway contains itself: the sum is partial'
            : p.sum.withoutEcts.length > 0 ? `without ECTS: ${p.sum.withoutEcts.join(', ')}` : '';
        return html`<section class="pathway" id="${sectionId('pathway', p.name)}" aria-labelledby="${headingId}">
<header>
<h2 id="${headingId}">${p.title}<span class="name">${p.name}</span><span class="kind">pathway</span></h2>
<p class="meta">${facts.join(' · ')}${facts.length > 0 ? ' · ' : ''}${this.where(p.location)}</p>
<p class="verdict ${p.sumMatches === false || p.sum.cyclic ? 'verdict-not-issuable' : p.ects === undefined ? 'verdict-pathway-open' : 'verdict-issuable'}">${pathwayVerdict(p)}</p>
</header>
<h3>Parts and their sums<span class="count">${plural(p.parts.length, 'part')}</span></h3>
<table class="parts">
<thead><tr><th scope="col">Part</th><th scope="col">Kind</th><th scope="col" class="num">ECTS</th><th scope="col" class="num">Notional hours</th><th scope="col">Where</th></tr></thead>
<tbody>${p.parts.map(part => html`<tr>
<td>${part.title ?? ''} <span class="name">${part.name}</span></td>
<td>${part.kind === 'unresolved' ? status('missing') : part.kind === 'pathway' ? 'pathway' : 'micro-credential'}</td>
<td class="num">${part.ects ?? '—'}</td>
<td class="num">${part.notionalHours ? `${part.notionalHours.min}–${part.notionalHours.max}` : '—'}</td>
<td>${part.location ? this.where(part.location) : html`<span class="note">not declared in the workspace</span>`}</td>
</tr>`)}</tbody>
<tfoot>
<tr><td>Sum of the parts${sumNote ? html` <span class="note">(${sumNote})</span>` : ''}</td><td></td><td class="num">${p.sum.ects}</td><td class="num">${p.sum.notionalHours ? `${p.sum.notionalHours.min}–${p.sum.notionalHours.max}` : '—'}</td><td></td></tr>
<tr><td>Stated by the pathway</td><td></td><td class="num">${p.statedEcts ?? '—'}</td><td class="num">${p.statedEcts !== undefined && p.notionalHours ? `${p.notionalHours.min}–${p.notionalHours.max}` : '—'}</td><td>${p.sumMatches === undefined ? '' : p.sumMatches ? status('met') : status('unmet')}</td></tr>
</tfoot>
</table>
</section>`;
    }

    footer(generator: string | undefined): Html {
        const headingId = this.ids.id('scoring');
        return html`<footer aria-labelledby="${headingId}">
<h2 id="${headingId}">How the scores are computed</h2>
<p><strong>Issuable</strong> is a yes or a no, never a percentage: yes only when every one of the 11 mandatory Annex I elements is stated with a valid value (a hole <span class="code">?</span>, a placeholder such as “TBD”, an invalid value or a line with a syntax error is not stated) and the credential, its awarding bodies and its cohorts have no error. Elements 1 (learner) and 5 (date of issuing) are stated by a cohort; without one the credential cannot be issued yet. <strong>QA m/17</strong> counts the checks of the design method passed (each shows the text that satisfies it) or waived with a written reason.</p>
<p><strong>Step scores</strong> are the checks of the step passed or waived, of the checks of the step. <strong>Principle and UNESCO scores</strong> are the share of their supporting Annex I elements, optional elements and QA checks that are met, leaving out those only a cohort can state while there is none (“not judged yet” when nothing is left).</p>
<p>A <strong>waived</strong> check counts as addressed: the designer accounted for it in writing (<span class="code">waive &lt;code&gt; "reason"</span>); the reason is shown so that a reviewer can judge it.</p>
${generator ? html`<p>Generated by ${generator}.</p>` : ''}
</footer>`;
    }
}

/** A message with `code` spans (as the checks write them) rendered as <code>; everything escaped. */
function withCode(message: string): Html {
    return html`${message.split('`').map((part, i) => i % 2 === 1 ? html`<code>${part}</code>` : part)}`;
}

function pathwayVerdict(p: PathwayReport): string {
    if (p.sum.cyclic) return 'Contains itself: the sum of its parts is partial';
    if (p.sumMatches === false) return `Stated ${p.statedEcts} ECTS, but the parts sum to ${p.sum.ects} ECTS`;
    if (p.sumMatches) return `${p.statedEcts} ECTS, the sum of its parts`;
    if (p.ects !== undefined) return `${p.ects} ECTS (the sum of its parts)`;
    if (p.sum.withoutEcts.length > 0) return `${plural(p.sum.withoutEcts.length, 'part')} without ECTS`;
    return 'No ECTS stated';
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
