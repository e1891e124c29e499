import { STANDALONE_PALETTE, VSCODE_PALETTE } from '../report/report-css.js';

/**
 * The catalogue's stylesheet: the QA report's palettes (light and dark via `prefers-color-scheme`
 * in the file, the theme in VS Code), a summary strip, a wide table, the stacking graph's colours,
 * and A4 landscape print rules.
 */
export function catalogueCss(target: 'standalone' | 'vscode'): string {
    return (target === 'vscode' ? VSCODE_PALETTE : STANDALONE_PALETTE) + RULES;
}

const RULES = `
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.45 var(--font); }
main { max-width: 1500px; margin: 0 auto; padding: 1.2em 1.6em 3em; }
h1 { font-size: 1.55em; margin: 0 0 0.2em; }
h2 { font-size: 1.2em; margin: 1.8em 0 0.6em; padding-bottom: 0.2em; border-bottom: 1px solid var(--border); }
.subtitle, .note, footer { color: var(--muted); }
.code, code { font-family: var(--mono); font-size: 0.92em; }
nav.toc { display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; margin: 0.6em 0 0; }
nav.toc a { color: var(--accent); }
.strip { display: flex; flex-wrap: wrap; gap: 0.6em; margin: 1em 0 0; padding: 0; list-style: none; }
.strip li { flex: 1 1 9em; background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 0.5em 0.8em; }
.strip .n { display: block; font-size: 1.6em; font-weight: 600; }
.strip .what { color: var(--muted); font-size: 0.9em; }
.tools { display: flex; flex-wrap: wrap; gap: 0.6em; align-items: center; margin: 0 0 0.6em; }
.tools input, .tools select { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 4px; padding: 0.2em 0.4em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.3em 0.5em; border-bottom: 1px solid var(--border); }
th { background: var(--panel); font-weight: 600; white-space: nowrap; }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td .name { color: var(--muted); }
.yes { color: var(--pass); font-weight: 600; }
.no { color: var(--gap); font-weight: 600; }
.due { color: var(--waived); font-weight: 600; }
.why { display: block; color: var(--muted); font-size: 0.88em; }
tr.hidden { display: none; }
.graph-wrap { overflow: auto; border: 1px solid var(--border); border-radius: 6px; background: var(--panel); }
svg.graph { display: block; }
svg.graph .edge { fill: none; stroke: var(--muted); stroke-width: 1.4; }
svg.graph .edge.mismatch { stroke: var(--gap); stroke-dasharray: 5 3; }
svg.graph .edge-label { fill: var(--muted); font: 11px var(--font); }
svg.graph .arrow { fill: var(--muted); }
svg.graph .box { stroke-width: 1.5; rx: 5; }
svg.graph .box.ok { fill: color-mix(in srgb, var(--pass) 14%, var(--bg)); stroke: var(--pass); }
svg.graph .box.gaps { fill: color-mix(in srgb, var(--waived) 16%, var(--bg)); stroke: var(--waived); }
svg.graph .box.blocked { fill: color-mix(in srgb, var(--gap) 12%, var(--bg)); stroke: var(--gap); }
svg.graph .box.cluster { fill: var(--bg); stroke: var(--accent); }
svg.graph .box.joint { stroke-width: 3.5; }
svg.graph .box.pathway { stroke-dasharray: none; }
svg.graph text.t { fill: var(--fg); font: 12px var(--font); }
svg.graph text.t .first { font-weight: 600; }
svg.graph a:focus-visible .box, svg.graph g[data-goto]:focus-visible .box { stroke: var(--accent); stroke-width: 3; }
svg.graph g[data-goto] { cursor: pointer; }
.legend { display: flex; flex-wrap: wrap; gap: 1.2em; margin: 0.4em 0; color: var(--muted); font-size: 0.9em; }
.legend .sw { display: inline-block; width: 1em; height: 0.8em; border-radius: 2px; border: 2px solid; vertical-align: -0.05em; margin-right: 0.3em; }
.sw.ok { border-color: var(--pass); } .sw.gaps { border-color: var(--waived); } .sw.blocked { border-color: var(--gap); }
.sw.mismatch { border-color: var(--gap); border-style: dashed; height: 0; width: 1.6em; border-width: 2px 0 0; }
ul.plain { padding-left: 1.2em; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .tools, nav.toc { display: none; }
  tr.hidden { display: table-row; }
  h2 { break-after: avoid; }
  tr, .graph-wrap { break-inside: avoid; }
  .graph-wrap { overflow: visible; border: 0; }
  svg.graph { max-width: 100%; height: auto; }
}
`;
