import { html, type Html } from './escape.js';
import type { CoverageEntry, ReadinessEntry, ScoredEntry, StepEntry } from './report-model.js';

/**
 * The report's charts, as plain SVG built by pure functions. Colours come from CSS classes
 * (the stylesheet maps them to the light/dark palette or to VS Code's theme), never from style
 * attributes, so a strict Content-Security-Policy holds. Every chart is an image with a title and
 * a description that says in words what it shows; the tables beside it carry the same numbers.
 */

/** Unique element ids within one rendered document. */
export class IdSource {
    private next = 0;

    constructor(private readonly prefix = 'mcred') {}

    id(kind: string): string {
        return `${this.prefix}-${kind}-${++this.next}`;
    }
}

/** The patterns the charts refer to: defined once per document. */
export function svgDefinitions(): Html {
    return html`<svg class="svg-defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>
<pattern id="mcred-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="hatch-bg" width="6" height="6"/><line class="hatch-line" x1="0" y1="0" x2="0" y2="6" stroke-width="3"/></pattern>
</defs></svg>`;
}

const round = (n: number) => Math.round(n * 100) / 100;

function frame(ids: IdSource, kind: string, width: number, height: number, title: string, description: string, body: Html, cls = kind): Html {
    const titleId = ids.id(`${kind}-title`);
    const descId = ids.id(`${kind}-desc`);
    return html`<svg class="chart ${cls}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${titleId} ${descId}"><title id="${titleId}">${title}</title><desc id="${descId}">${description}</desc>${body}</svg>`;
}

/** An arc of a ring from the top, clockwise, covering `fraction` of the circle. */
function ringArc(cx: number, cy: number, r: number, fraction: number, cls: string, stroke?: string): Html {
    const circumference = 2 * Math.PI * r;
    const length = Math.max(0, Math.min(1, fraction)) * circumference;
    if (length === 0) return html``;
    return html`<circle class="${cls}" cx="${cx}" cy="${cy}" r="${r}" fill="none"${stroke ? html` stroke="${stroke}"` : ''} stroke-width="12" stroke-dasharray="${round(length)} ${round(circumference)}" transform="rotate(-90 ${cx} ${cy})"/>`;
}

/**
 * The readiness gauge: the outer ring is Annex I (elements stated of 11), the inner ring the QA
 * checks (passed, then waived hatched, of 17); the centre shows QA m/17. Whether the credential
 * can be issued is a yes/no verdict stated in words beside it, never a percentage.
 */
export function readinessGauge(readiness: ReadinessEntry, name: string, ids: IdSource): Html {
    const size = 170;
    const c = size / 2;
    const outer = 76;
    const inner = 60;
    const passed = readiness.qaPassed / readiness.qaTotal;
    const addressed = readiness.qaAddressed / readiness.qaTotal;
    const description = `${readiness.verdictText}. Annex I: ${readiness.annex1Stated} of ${readiness.annex1Total} elements stated`
        + `${readiness.annex1Pending > 0 ? ` (${readiness.annex1Pending} come with a cohort)` : ''}. `
        + `QA checks: ${readiness.qaAddressed} of ${readiness.qaTotal} addressed (${readiness.qaPassed} passed, ${readiness.qaWaived} waived).`;
    const body = html`<circle class="track" cx="${c}" cy="${c}" r="${outer}" fill="none" stroke-width="12"/>${
        ringArc(c, c, outer, readiness.annex1Stated / readiness.annex1Total, 'arc-annex1')}<circle class="track" cx="${c}" cy="${c}" r="${inner}" fill="none" stroke-width="12"/>${
        ringArc(c, c, inner, addressed, 'arc-waived', 'url(#mcred-hatch)')}${ringArc(c, c, inner, passed, 'arc-qa')
    }<text class="gauge-score" x="${c}" y="${c + 2}" text-anchor="middle">${readiness.qaAddressed}/${readiness.qaTotal}</text><text class="gauge-label" x="${c}" y="${c + 20}" text-anchor="middle">QA checks</text>`;
    return frame(ids, 'gauge', size, size, `Annex I and QA checks of ${name}`, description, body);
}

/** Horizontal bars, one per step of the design method: passed, waived (hatched) and gaps (dashed outline) of its checks. */
export function stepBars(steps: readonly StepEntry[], ids: IdSource): Html {
    const label = 118;
    const bar = 200;
    const row = 26;
    const width = label + bar + 70;
    const height = steps.length * row + 4;
    const rows = steps.map((step, i) => {
        const y = i * row + 4;
        const unit = bar / step.total;
        const passedWidth = round(step.passed * unit);
        const waivedWidth = round(step.waived * unit);
        const gapWidth = round(step.gaps * unit);
        return html`<g class="step-row"><text class="axis-label" x="0" y="${y + 13}">${step.n} ${step.short}</text><rect class="track" x="${label}" y="${y}" width="${bar}" height="18" rx="3"/>${
            passedWidth > 0 && html`<rect class="bar-pass" x="${label}" y="${y}" width="${passedWidth}" height="18" rx="3"/>`}${
            waivedWidth > 0 && html`<rect class="bar-waived" x="${round(label + passedWidth)}" y="${y}" width="${waivedWidth}" height="18" fill="url(#mcred-hatch)"/>`}${
            gapWidth > 0 && html`<rect class="bar-gap" x="${round(label + passedWidth + waivedWidth + 1)}" y="${y + 1}" width="${Math.max(0, gapWidth - 2)}" height="16" fill="none" stroke-dasharray="4 3"/>`
        }<text class="value-label" x="${label + bar + 8}" y="${y + 13}">${step.passed + step.waived}/${step.total}</text></g>`;
    });
    const description = steps.map(s => `Step ${s.n} ${s.title}: ${s.passed} passed, ${s.waived} waived, ${s.gaps} ${s.gaps === 1 ? 'gap' : 'gaps'} of ${s.total}.`).join(' ');
    return frame(ids, 'steps', width, height, 'QA checks by step of the design method', description, html`${rows}`);
}

/** A radar of scores (0–100 per axis); axes without a score are drawn at 0 with a hollow marker. */
export function radarChart(entries: readonly ScoredEntry[], title: string, ids: IdSource,
    labelOf: (e: ScoredEntry) => string = e => `${e.n} ${e.name}${e.score === null ? ' (not judged)' : ''}`): Html {
    const width = 410;
    const height = 290;
    const cx = width / 2;
    const cy = height / 2;
    const r = 96;
    const n = entries.length;
    const point = (i: number, value: number) => {
        const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
        return { x: round(cx + r * value * Math.cos(angle)), y: round(cy + r * value * Math.sin(angle)) };
    };
    const rings = [0.25, 0.5, 0.75, 1].map(level =>
        html`<polygon class="grid" fill="none" points="${entries.map((_, i) => { const p = point(i, level); return `${p.x},${p.y}`; }).join(' ')}"/>`);
    const axes = entries.map((_, i) => {
        const p = point(i, 1);
        return html`<line class="grid" x1="${cx}" y1="${cy}" x2="${p.x}" y2="${p.y}"/>`;
    });
    const labels = entries.map((entry, i) => {
        const p = point(i, 1.12);
        const anchor = Math.abs(p.x - cx) < 8 ? 'middle' : p.x > cx ? 'start' : 'end';
        const dy = p.y < cy - r * 0.9 ? -2 : p.y > cy + r * 0.9 ? 10 : 4;
        return html`<text class="axis-label" x="${p.x}" y="${round(p.y + dy)}" text-anchor="${anchor}">${labelOf(entry)}</text>`;
    });
    const values = entries.map((entry, i) => point(i, (entry.score ?? 0) / 100));
    const shape = html`<polygon class="radar-shape" points="${values.map(p => `${p.x},${p.y}`).join(' ')}"/>`;
    const markers = entries.map((entry, i) =>
        html`<circle class="${entry.score === null ? 'radar-marker radar-marker-none' : 'radar-marker'}" cx="${values[i].x}" cy="${values[i].y}" r="3.5"/>`);
    const description = entries.map(e => `${e.n} ${e.name}: ${scoreText(e)}.`).join(' ');
    return frame(ids, 'radar', width, height, title, description, html`${rings}${axes}${shape}${markers}${labels}`);
}

export function scoreText(entry: ScoredEntry): string {
    return entry.score === null ? 'not judged yet' : `${entry.score}% (${entry.met} of ${entry.judged})`;
}

/** A small bar for a table cell: the score as a filled share of the track. */
export function scoreBar(entry: ScoredEntry, ids: IdSource): Html {
    const width = 100;
    const filled = entry.score === null ? 0 : round(entry.score);
    return frame(ids, 'bar', width, 10, `${entry.name}: ${scoreText(entry)}`, scoreText(entry),
        html`<rect class="track" x="0" y="0" width="${width}" height="10" rx="2"/>${filled > 0 && html`<rect class="bar-score" x="0" y="0" width="${filled}" height="10" rx="2"/>`}`,
        'mini-bar');
}

/**
 * The learning outcome × assessment grid: a ticked cell where an assessment covers an outcome;
 * an outcome no assessment covers has its row marked "not assessed".
 */
export function coverageGrid(coverage: CoverageEntry, name: string, ids: IdSource): Html {
    const cell = 30;
    const labelWidth = Math.min(220, 20 + 8 * Math.max(4, ...coverage.outcomes.map(o => o.name.length)));
    const headerHeight = Math.min(150, 24 + 6 * Math.max(4, ...coverage.assessments.map(a => a.name.length)));
    const columns = Math.max(1, coverage.assessments.length);
    const width = labelWidth + columns * cell + 120;
    const height = headerHeight + Math.max(1, coverage.outcomes.length) * cell + 4;
    const headers = coverage.assessments.map((assessment, j) => {
        const x = labelWidth + j * cell + cell / 2;
        return html`<text class="axis-label" x="${x}" y="${headerHeight - 6}" transform="rotate(-45 ${x} ${headerHeight - 6})">${assessment.name}</text>`;
    });
    const rows = coverage.outcomes.map((outcome, i) => {
        const y = headerHeight + i * cell;
        const cells = coverage.assessments.map((assessment, j) => {
            const x = labelWidth + j * cell;
            const covered = coverage.cells[i][j];
            return html`<g><title>${outcome.name} ${covered ? 'is covered by' : 'is not covered by'} ${assessment.name}</title><rect class="${covered ? 'cell cell-covered' : 'cell'}" x="${x + 2}" y="${y + 2}" width="${cell - 4}" height="${cell - 4}" rx="3"/>${
                covered && html`<path class="tick" d="M${x + 9} ${y + 16} l5 5 l9 -11" fill="none" stroke-width="3"/>`}</g>`;
        });
        const status = outcome.covered
            ? html``
            : html`<text class="gap-label" x="${labelWidth + columns * cell + 8}" y="${y + cell / 2 + 4}">✗ not assessed</text>`;
        return html`<text class="${outcome.covered ? 'axis-label' : 'axis-label gap-label'}" x="0" y="${y + cell / 2 + 4}">${outcome.name}</text>${cells}${status}`;
    });
    const empty = coverage.outcomes.length === 0
        ? html`<text class="axis-label" x="0" y="${headerHeight + 18}">No learning outcome stated</text>` : html``;
    const description = coverage.outcomes.length === 0 ? 'No learning outcome is stated.' : coverage.outcomes.map((o, i) => {
        const by = coverage.assessments.filter((_, j) => coverage.cells[i][j]).map(a => a.name);
        return by.length > 0 ? `${o.name} is assessed by ${by.join(', ')}.` : `${o.name} is not assessed.`;
    }).join(' ');
    return frame(ids, 'coverage', width, height, `Learning outcomes × assessments of ${name}`, description, html`${headers}${rows}${empty}`);
}
