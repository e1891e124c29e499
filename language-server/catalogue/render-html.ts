import { html, Html, joinHtml, type HtmlValue } from '../report/escape.js';
import { catalogueCss } from './catalogue-css.js';
import type { Catalogue, CatalogueCredential, CataloguePathway, CatalogueSource } from './catalogue-model.js';
import { CLUSTER_ABOVE, layoutGraph, type LaidOutGraph, type LaidOutNode } from './graph-layout.js';

export interface CatalogueHtmlOptions {
    /**
     * `standalone` (default): one self-contained file, its own light and dark palettes, the table
     * script allowed by its hash. `vscode`: a webview page in the theme's colours whose nonce'd
     * script also turns places and graph nodes into links (`postMessage`).
     */
    readonly target?: 'standalone' | 'vscode';
    /** The Content-Security-Policy nonce (required for `vscode`). */
    readonly nonce?: string;
    /** Shown in the footer (`mcred 0.1.0`). */
    readonly generator?: string;
}

/** The section ids of the page, in order. */
export const CATALOGUE_SECTIONS = ['summary', 'programmes', 'stacking', 'pathways', 'joint-awards', 'recognition', 'reviews'] as const;

/**
 * The catalogue as one HTML document: inline CSS and SVG, nothing fetched (the
 * Content-Security-Policy forbids it), every string from the files escaped by the `html` tag. The
 * table is complete without script; the one constant script adds sorting and filtering.
 */
export async function renderCatalogueHtml(catalogue: Catalogue, options: CatalogueHtmlOptions = {}): Promise<string> {
    const target = options.target ?? 'standalone';
    if (target === 'vscode' && !options.nonce) throw new Error('renderCatalogueHtml: a webview needs a nonce');
    const nonce = options.nonce ?? '';
    if (!/^[A-Za-z0-9+/=_-]*$/.test(nonce)) throw new Error('renderCatalogueHtml: a nonce is base64 text');
    const scriptSource = target === 'vscode' ? `'nonce-${nonce}'` : `'${await scriptHash()}'`;
    const styleSource = target === 'vscode' ? `'nonce-${nonce}'` : "'unsafe-inline'";
    const csp = `default-src 'none'; style-src ${styleSource}; script-src ${scriptSource}; img-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; frame-src 'none'; base-uri 'none'`;
    const nonceAttribute = target === 'vscode' ? html` nonce="${nonce}"` : '';
    const graph = await layoutGraph(catalogue.graph);
    const r = new Renderer(target);
    const s = catalogue.summary;
    const document = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${new Html(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${catalogue.title}</title>
<style${nonceAttribute}>${new Html(catalogueCss(target))}</style>
</head>
<body>
<main id="mcred-catalogue">
<header>
<h1>${catalogue.title}</h1>
<p class="subtitle">${plural(s.files, 'file')} · review dates as of ${catalogue.today}</p>
<nav class="toc" aria-label="Sections">${CATALOGUE_SECTIONS.map(id => html`<a href="#${id}">${SECTION_TITLES[id]}</a>`)}</nav>
</header>
<section id="summary" aria-label="Summary">
<ul class="strip">
${strip(s.programmes, 'programmes')}${strip(s.issuable, 'issuable now')}${strip(s.ectsOffered, 'ECTS offered')}${strip(s.providers, 'providers')}${strip(s.learners, 'learners')}
${strip(s.pathways, 'pathways')}${strip(s.reviewsDue, 'QA reviews due')}${strip(s.stackMismatches, 'stacking mismatches')}
</ul>
</section>
${r.programmes(catalogue)}
${r.stacking(catalogue, graph)}
${r.pathways(catalogue.pathways)}
${r.jointAwards(catalogue)}
${r.recognition(catalogue)}
${r.reviews(catalogue)}
<footer><p>${options.generator ?? 'mcred'} · ${plural(s.programmes, 'micro-credential')}, ${plural(s.pathways, 'pathway')}</p></footer>
</main>
<script${nonceAttribute}>${new Html(SCRIPT)}</script>
</body>
</html>
`;
    return document.value;
}

const SECTION_TITLES: Record<typeof CATALOGUE_SECTIONS[number], string> = {
    'summary': 'Summary',
    'programmes': 'Programmes',
    'stacking': 'Stacking graph',
    'pathways': 'Pathways',
    'joint-awards': 'Joint awards',
    'recognition': 'Recognition',
    'reviews': 'QA reviews'
};

/**
 * The page's only script (constant: no data from the files). Sorting: a button in each column
 * header sorts by the cells' `data-sort`. Filtering: the text box and the select hide rows. In a
 * webview, a click on a place or a graph node posts `{ type: 'reveal', uri, line, ... }`.
 */
const SCRIPT = `
(function () {
  var table = document.getElementById('programme-table');
  var tools = document.getElementById('programme-tools');
  if (table && tools) {
    tools.hidden = false;
    var body = table.tBodies[0];
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, column) {
      var label = th.textContent;
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.classList.contains('num');
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute('data-sort') || '';
          var y = b.cells[column].getAttribute('data-sort') || '';
          var order = numeric ? (Number(x || -1) - Number(y || -1)) : x.localeCompare(y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    var text = document.getElementById('programme-filter');
    var which = document.getElementById('programme-which');
    var count = document.getElementById('programme-count');
    var filter = function () {
      var words = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
      var kind = which.value;
      var shown = 0;
      Array.prototype.forEach.call(body.rows, function (row) {
        var haystack = row.textContent.toLowerCase();
        var ok = words.every(function (w) { return haystack.indexOf(w) >= 0; })
          && (kind === 'all' || row.getAttribute('data-' + kind) === 'true');
        row.classList.toggle('hidden', !ok);
        if (ok) shown++;
      });
      count.textContent = shown + ' of ' + body.rows.length;
    };
    text.addEventListener('input', filter);
    which.addEventListener('change', filter);
    filter();
  }
  if (typeof acquireVsCodeApi === 'function') {
    var vscode = acquireVsCodeApi();
    var state = vscode.getState() || {};
    if (typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
    var timer;
    window.addEventListener('scroll', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { vscode.setState({ scrollY: window.scrollY }); }, 100);
    });
    var go = function (event) {
      var element = event.target instanceof Element ? event.target.closest('[data-goto]') : null;
      if (!element) return;
      event.preventDefault();
      var d = element.dataset;
      vscode.postMessage({ type: 'reveal', uri: d.uri, line: Number(d.line), column: 1, endLine: Number(d.line), endColumn: 1 });
    };
    document.addEventListener('click', go);
    document.addEventListener('keydown', function (event) { if (event.key === 'Enter') go(event); });
  }
})();
`;

let hash: string | undefined;

/** The CSP source that allows exactly the constant script (`sha256-…`), with the platform's Web Crypto. */
export async function scriptHash(): Promise<string> {
    if (hash) return hash;
    const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(SCRIPT));
    hash = `sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
    return hash;
}

function strip(n: number, what: string): Html {
    return html`<li><span class="n">${n}</span> <span class="what">${what}</span></li>`;
}

class Renderer {
    constructor(private readonly target: 'standalone' | 'vscode') {}

    /** A place in a file: text in the file, a link in the webview. */
    where(place: Pick<CatalogueSource, 'file' | 'uri' | 'line'>): Html {
        const text = `${place.file}:${place.line}`;
        if (this.target === 'standalone') return html`<span class="code loc">${text}</span>`;
        return html`<button type="button" class="loc code" data-goto="reveal" data-uri="${place.uri}" data-line="${place.line}" title="Go to ${text}">${text}</button>`;
    }

    programmes(catalogue: Catalogue): Html {
        const rows = catalogue.credentials.map(c => this.programmeRow(c));
        return html`<section id="programmes">
<h2>Programmes</h2>
<div class="tools" id="programme-tools" hidden>
<label>Filter <input id="programme-filter" type="search" placeholder="title, provider, language…"></label>
<label>Show <select id="programme-which">
<option value="all">all programmes</option><option value="issuable">issuable now</option><option value="blocked">not issuable</option><option value="due">QA review due</option><option value="joint">joint awards</option>
</select></label>
<span id="programme-count" class="note" aria-live="polite"></span>
</div>
<div class="table-wrap">
<table id="programme-table">
<thead><tr><th>Programme</th><th>Awarded by</th><th>Issuable</th><th class="num">Annex I</th><th class="num">QA</th><th class="num">ECTS</th><th class="num">Hours</th><th>Level</th><th>Languages</th><th>Modules</th><th class="num">Cohorts</th><th class="num">Learners</th><th>Next QA review</th><th>Stacks into</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
${catalogue.credentials.length === 0 ? html`<p class="note">No micro-credential.</p>` : ''}
</section>`;
    }

    programmeRow(c: CatalogueCredential): Html {
        const review = c.review;
        return html`<tr id="row-${c.name}" data-issuable="${c.issuable}" data-blocked="${!c.issuable}" data-due="${review?.due === true}" data-joint="${c.joint}">
<td data-sort="${c.title.toLowerCase()}"><strong>${c.title}</strong> <span class="name code">${c.name}</span><br>${this.where(c)}</td>
<td data-sort="${c.awardedBy.join(', ').toLowerCase()}">${c.awardedBy.join(', ') || '—'}${c.joint ? html` <span class="due">joint</span>` : ''}${c.contributing.length > 0 ? html`<span class="why">with ${c.contributing.join(', ')}</span>` : ''}</td>
<td data-sort="${c.issuable ? 0 : 1}">${c.issuable ? html`<span class="yes">✓ yes</span>` : html`<span class="no">✗ no</span><span class="why">${c.missing.join('; ')}</span>`}</td>
<td class="num" data-sort="${c.annex1.stated}">${c.annex1.stated}/${c.annex1.total}</td>
<td class="num" data-sort="${c.qa.addressed}" title="${c.qa.gaps.join(', ')}">${c.qa.addressed}/${c.qa.total}${c.qa.gaps.length > 0 ? html`<span class="why">${plural(c.qa.gaps.length, 'gap')}</span>` : ''}</td>
<td class="num" data-sort="${c.ects ?? ''}">${c.ects ?? '—'}</td>
<td class="num" data-sort="${c.hours ?? ''}">${c.hours ?? '—'}</td>
<td data-sort="${c.level.eqf ?? ''}">${c.level.text ?? '—'}</td>
<td data-sort="${c.languages.join(',')}">${c.languages.join(', ') || '—'}</td>
<td data-sort="${c.modules.length}">${c.modules.length === 0 ? '—' : joinHtml(c.modules.map(m => html`${m.title}${m.ects !== undefined ? ` (${m.ects} ECTS)` : ''}`), ', ')}</td>
<td class="num" data-sort="${c.cohorts.length}">${c.cohorts.length}</td>
<td class="num" data-sort="${c.learners}">${c.learners}</td>
<td data-sort="${review?.nextDue ?? ''}">${review ? html`${review.nextDue ?? 'no dated cohort'}${review.due ? html` <span class="due">due</span>` : ''}<span class="why">${review.cycle}</span>` : '—'}</td>
<td data-sort="${c.stacksInto.join(',')}">${c.stacksInto.join(', ') || (c.standalone ? 'standalone' : '—')}</td>
</tr>`;
    }

    stacking(catalogue: Catalogue, graph: LaidOutGraph): Html {
        const total = catalogue.graph.nodes.length;
        const note = graph.clustered
            ? html`<p class="note">The catalogue has ${total} credentials and pathways: above ${CLUSTER_ABOVE} the graph is drawn by awarding provider: on the left one box per provider for its credentials as parts, on the right one box per provider for the credentials they stack into, and one arrow per pair labelled with the number of stacking relations. Every relation is listed in the pathways section.</p>`
            : '';
        const mismatches = catalogue.graph.edges.filter(e => e.mismatch);
        return html`<section id="stacking">
<h2>Stacking graph</h2>
<p class="legend"><span><span class="sw ok"></span>issuable</span><span><span class="sw gaps"></span>issuable, QA gaps</span><span><span class="sw blocked"></span>not issuable (pathway: a part is not)</span><span><span class="sw mismatch"></span><code>stackable into</code> and <code>includes</code> disagree</span><span>thick border: joint award</span></p>
${note}
${catalogue.graph.nodes.length === 0 ? html`<p class="note">No credential.</p>` : html`<div class="graph-wrap">${this.svg(graph)}</div>`}
${mismatches.length > 0 ? html`<ul class="plain">${mismatches.map(e => html`<li><span class="no">mismatch</span> ${e.from} → ${e.to}: ${e.mismatch === 'not-included' ? `${e.from} says stackable into ${e.to}, which does not include it` : `${e.to} includes ${e.from}, which does not say stackable into it`}</li>`)}</ul>` : ''}
</section>`;
    }

    svg(graph: LaidOutGraph): Html {
        const edges = graph.edges.map(e => {
            const relation = e.edge;
            const title = relation
                ? `${relation.from} → ${relation.to}: ${[relation.stackableInto ? 'stackable into' : undefined, relation.includes ? 'includes' : undefined].filter(Boolean).join(' and ')}${relation.mismatch ? ' (mismatch)' : ''}`
                : `${e.relations} stacking relations`;
            return html`<path class="edge${relation?.mismatch ? ' mismatch' : ''}" d="${e.path}" marker-end="url(#arrow)"${relation ? html` data-from="${relation.from}" data-to="${relation.to}"` : ''}><title>${title}</title></path>${e.label ? html`<text class="edge-label" x="${e.label.x}" y="${e.label.y + 10}">${e.label.text}</text>` : ''}`;
        });
        return html`<svg class="graph" xmlns="http://www.w3.org/2000/svg" width="${graph.width}" height="${graph.height}" viewBox="0 0 ${graph.width} ${graph.height}" role="img" aria-label="Stacking graph">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow" d="M0,0 L10,5 L0,10 z"/></marker></defs>
<g class="edges">${edges}</g>
<g class="nodes">${graph.nodes.map(n => this.node(n))}</g>
</svg>`;
    }

    node(n: LaidOutNode): Html {
        const c = n.node;
        const state = !c ? 'cluster' : !c.issuable ? 'blocked' : c.gaps > 0 ? 'gaps' : 'ok';
        const classes = ['box', state, c?.kind === 'pathway' ? 'pathway' : '', c?.joint ? 'joint' : ''].filter(Boolean).join(' ');
        const text = html`<text class="t" x="${n.x + 8}" y="${n.y + 17}">${n.lines.map((line, i) => html`<tspan x="${n.x + 8}" dy="${i === 0 ? 0 : 15}"${i === 0 ? html` class="first"` : ''}>${line}</tspan>`)}</text>`;
        const title = c ? `${c.title} (${c.id}) — ${c.file}:${c.line}` : `${n.cluster?.provider}: ${n.cluster?.members} credentials and pathways`;
        const shape = html`<rect class="${classes}" x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="5"/>${text}<title>${title}</title>`;
        if (!c) return html`<g class="node">${shape}</g>`;
        if (this.target === 'vscode') {
            return html`<g class="node" data-node="${c.id}" data-goto="reveal" data-uri="${c.uri}" data-line="${c.line}" tabindex="0" role="link" aria-label="${title}">${shape}</g>`;
        }
        return html`<a class="node" data-node="${c.id}" href="#${c.kind === 'pathway' ? 'pathway' : 'row'}-${c.id}">${shape}</a>`;
    }

    pathways(pathways: readonly CataloguePathway[]): Html {
        return html`<section id="pathways">
<h2>Pathways</h2>
${pathways.length === 0 ? html`<p class="note">No pathway.</p>` : html`<div class="table-wrap"><table>
<thead><tr><th>Pathway</th><th>Awarded by</th><th>Parts</th><th class="num">ECTS stated</th><th class="num">Parts sum</th><th>Level</th><th>Every part issuable</th></tr></thead>
<tbody>${pathways.map(p => html`<tr id="pathway-${p.name}">
<td><strong>${p.title}</strong> <span class="name code">${p.name}</span><br>${this.where(p)}</td>
<td>${p.awardedBy.join(', ') || '—'}${p.joint ? html` <span class="due">joint</span>` : ''}</td>
<td><ul class="plain">${p.parts.map(part => html`<li>${part.name}${part.kind === 'unresolved' ? html` <span class="no">unresolved</span>` : html` <span class="why">${part.kind === 'pathway' ? 'pathway · ' : ''}${part.ects !== undefined ? `${part.ects} ECTS · ` : ''}${part.issuable ? 'issuable' : 'not issuable'}</span>`}</li>`)}</ul></td>
<td class="num">${p.statedEcts ?? '—'}</td>
<td class="num">${p.sumEcts ?? '—'}${p.ectsMatch === false ? html`<span class="why no">differs from the stated ECTS</span>` : ''}${p.partsWithoutEcts.length > 0 ? html`<span class="why">without ECTS: ${p.partsWithoutEcts.join(', ')}</span>` : ''}</td>
<td>${p.level.text ?? '—'}${p.partsAboveLevel.length > 0 ? html`<span class="why due">below its parts ${p.partsAboveLevel.join(', ')}</span>` : ''}</td>
<td>${p.allPartsIssuable ? html`<span class="yes">✓ yes</span>` : html`<span class="no">✗ no</span>`}</td>
</tr>`)}</tbody></table></div>`}
</section>`;
    }

    jointAwards(catalogue: Catalogue): Html {
        const joint = catalogue.jointAwards;
        const providers = [...new Set(joint.flatMap(j => j.providers))].sort();
        return html`<section id="joint-awards">
<h2>Joint awards</h2>
${joint.length === 0 ? html`<p class="note">No credential is awarded by more than one provider.</p>` : html`<div class="table-wrap"><table>
<thead><tr><th>Credential</th>${providers.map(p => html`<th>${p}</th>`)}</tr></thead>
<tbody>${joint.map(j => html`<tr><td>${j.credential}${j.kind === 'pathway' ? html` <span class="why">pathway</span>` : ''}</td>${providers.map(p => html`<td>${j.providers.includes(p) ? html`<span class="yes" title="awards">●</span>` : ''}</td>`)}</tr>`)}</tbody>
</table></div>`}
</section>`;
    }

    recognition(catalogue: Catalogue): Html {
        const stated = [...catalogue.credentials, ...catalogue.pathways].filter(c => c.recognition);
        return html`<section id="recognition">
<h2>Recognition</h2>
${stated.length === 0 ? html`<p class="note">No recognition statement.</p>` : html`<ul class="plain">${stated.map(c => html`<li><strong>${c.title}</strong> ${this.where(c)}<br>${c.recognition}</li>`)}</ul>`}
</section>`;
    }

    reviews(catalogue: Catalogue): Html {
        const reviewed = catalogue.credentials.filter(c => c.review)
            .sort((a, b) => (a.review!.nextDue ?? '9999').localeCompare(b.review!.nextDue ?? '9999'));
        const missing = catalogue.credentials.filter(c => !c.review);
        return html`<section id="reviews">
<h2>QA reviews</h2>
<p class="note">Next review = the last cohort's date (issued, or end of its period) plus the review cycle; due when that date is on or before ${catalogue.today}.</p>
${reviewed.length === 0 ? html`<p class="note">No review cycle stated.</p>` : html`<div class="table-wrap"><table>
<thead><tr><th>Programme</th><th>Review</th><th>Last cohort</th><th>Next review</th><th>Status</th></tr></thead>
<tbody>${reviewed.map(c => html`<tr><td>${c.title} ${this.where(c)}</td><td>${c.review!.cycle}</td><td>${c.review!.lastCohort ?? '—'}</td><td>${c.review!.nextDue ?? '—'}</td><td>${c.review!.due ? html`<span class="due">due</span>` : c.review!.nextDue ? 'on time' : 'no dated cohort yet'}</td></tr>`)}</tbody>
</table></div>`}
${missing.length > 0 ? html`<p class="note">No review cycle stated: ${joinHtml(missing.map(c => c.title as HtmlValue), ', ')}.</p>` : ''}
</section>`;
    }
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
