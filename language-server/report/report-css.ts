/**
 * The report's stylesheet. The rules use a few variables; the palette that sets them differs:
 * the standalone file has its own light and dark palettes (`prefers-color-scheme`, light in
 * print), the VS Code webview maps them to the theme's variables (light, dark, high contrast).
 */

export const STANDALONE_PALETTE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --track: #e8ecf0; --panel: #f6f8fa;
  --pass: #1a7f37; --gap: #cf222e; --waived: #9a6700; --pending: #6e7781; --accent: #0969da; --annex1: #0969da; --qa: #1a7f37;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --track: #262c36; --panel: #151b23;
    --pass: #3fb950; --gap: #f85149; --waived: #d29922; --pending: #9198a1; --accent: #4493f8; --annex1: #4493f8; --qa: #3fb950;
  }
}
@media print {
  :root {
    --bg: #ffffff; --fg: #000000; --muted: #444c56; --border: #aab4be; --track: #e8ecf0; --panel: #f6f8fa;
    --pass: #116329; --gap: #a40e26; --waived: #7d4e00; --pending: #57606a; --accent: #0550ae; --annex1: #0550ae; --qa: #116329;
  }
}`;

export const VSCODE_PALETTE = `
:root {
  --bg: var(--vscode-editor-background);
  --fg: var(--vscode-editor-foreground);
  --muted: var(--vscode-descriptionForeground);
  --border: var(--vscode-panel-border, var(--vscode-widget-border, rgba(128, 128, 128, 0.35)));
  --track: var(--vscode-editorWidget-background, rgba(128, 128, 128, 0.2));
  --panel: var(--vscode-sideBar-background, transparent);
  --pass: var(--vscode-charts-green, var(--vscode-testing-iconPassed));
  --gap: var(--vscode-charts-red, var(--vscode-errorForeground));
  --waived: var(--vscode-charts-yellow, var(--vscode-editorWarning-foreground));
  --pending: var(--vscode-disabledForeground, var(--vscode-descriptionForeground));
  --accent: var(--vscode-textLink-foreground);
  --annex1: var(--vscode-charts-blue, var(--vscode-textLink-foreground));
  --qa: var(--vscode-charts-green, var(--vscode-testing-iconPassed));
  --font: var(--vscode-font-family);
  --mono: var(--vscode-editor-font-family, monospace);
}
body.vscode-high-contrast, body.vscode-high-contrast-light {
  --border: var(--vscode-contrastBorder);
  --track: transparent;
}
body.vscode-high-contrast .track, body.vscode-high-contrast-light .track { stroke: var(--vscode-contrastBorder); }
body.vscode-high-contrast rect.track, body.vscode-high-contrast-light rect.track { stroke-width: 1; }
button.loc, button.fix {
  font: inherit; font-size: 0.9em; color: var(--vscode-textLink-foreground); background: none; border: 1px solid transparent;
  padding: 0 0.2em; cursor: pointer; border-radius: 3px;
}
button.fix { color: var(--vscode-button-foreground); background: var(--vscode-button-background); margin-left: 0.4em; }
button.loc:hover { text-decoration: underline; }
button.fix:hover { background: var(--vscode-button-hoverBackground); }
button.loc:focus-visible, button.fix:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }`;

const RULES = `
* { box-sizing: border-box; }
html { background: var(--bg); }
body { margin: 0; padding: 1.5rem 2rem 3rem; background: var(--bg); color: var(--fg); font-family: var(--font); font-size: 14px; line-height: 1.45; }
main { max-width: 70rem; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: 0 0 0.2rem; }
h2 { font-size: 1.3rem; margin: 0; }
h3 { font-size: 1.05rem; margin: 1.6rem 0 0.4rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--border); }
h4 { font-size: 0.95rem; margin: 1rem 0 0.2rem; }
p { margin: 0.3rem 0; }
.subtitle, .meta, .focus, .note, figcaption { color: var(--muted); }
.focus { font-style: italic; }
.name, code, .code { font-family: var(--mono); font-size: 0.9em; }
h2 .name { font-weight: normal; color: var(--muted); margin-left: 0.4em; }
.kind { font-size: 0.75rem; font-weight: normal; border: 1px solid var(--border); border-radius: 1em; padding: 0 0.5em; margin-left: 0.4em; vertical-align: middle; }
.count { font-weight: normal; color: var(--muted); margin-left: 0.4em; }
section.credential, section.pathway { margin-top: 2.5rem; padding-top: 1rem; border-top: 3px solid var(--border); }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--border); }
th { font-weight: 600; background: var(--panel); }
td.num, th.num { text-align: right; white-space: nowrap; }
td.status-cell { white-space: nowrap; }
td.score-cell { white-space: nowrap; }
.code { white-space: nowrap; }
.loc.code { white-space: normal; overflow-wrap: anywhere; }
table.annex1, table.optional, table.checks, table.principles, table.unesco { table-layout: fixed; }
table.annex1 th:nth-child(1), table.principles th:nth-child(1), table.unesco th:nth-child(1) { width: 2.5rem; }
table.annex1 th:nth-child(2), table.optional th:nth-child(1) { width: 32%; }
table.annex1 th:nth-child(3), table.optional th:nth-child(2) { width: 9.5rem; }
table.annex1 th:nth-child(5), table.optional th:nth-child(4) { width: 25%; }
table.checks th:nth-child(1) { width: 36%; }
table.checks th:nth-child(2) { width: 7rem; }
table.principles th:nth-child(2), table.unesco th:nth-child(2) { width: 36%; }
table.principles th:nth-child(3), table.unesco th:nth-child(3) { width: 14rem; }
.gap-message code, .waiver-reason code { font-family: var(--mono); font-size: 0.9em; }
td .note { font-size: 0.9em; }
tfoot td { font-weight: 600; }
.status { font-weight: 600; white-space: nowrap; }
.status-pass, .status-stated, .status-met { color: var(--pass); }
.status-gap, .status-missing, .status-unmet, .status-hole, .status-placeholder, .status-invalid, .status-unjudged { color: var(--gap); }
.evidence { margin: 0; }
.evidence code { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); white-space: pre-wrap; }
.blockers { margin: .25rem 0 .5rem 1.25rem; }
.status-waived { color: var(--waived); }
.status-pending { color: var(--pending); }
.verdict { font-weight: 600; margin-top: 0.4rem; }
.verdict-issuable { color: var(--pass); }
.verdict-not-issuable { color: var(--gap); }
.verdict-pathway-open { color: var(--waived); }
.gap-message { margin: 0.1rem 0; }
.waiver-reason { margin: 0.1rem 0; }
.supports { display: flex; flex-wrap: wrap; gap: 0.2rem 0.6rem; }
.supports .code { white-space: nowrap; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; margin: 0.6rem 0; color: var(--muted); }
.overview { display: flex; flex-wrap: wrap; gap: 1rem 1.5rem; align-items: flex-start; margin: 1rem 0; }
/* A figure is as wide as its chart; the caption wraps to that width. */
figure { margin: 0; display: table; }
figcaption { display: table-caption; caption-side: bottom; font-size: 0.85rem; margin-top: 0.2rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.4rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--border); color: var(--muted); font-size: 0.9rem; }
footer h2 { font-size: 1rem; color: var(--fg); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.svg-defs { position: absolute; width: 0; height: 0; overflow: hidden; }
svg.chart { max-width: 100%; height: auto; overflow: visible; }
svg text { fill: var(--fg); font-family: var(--font); font-size: 12px; }
svg .axis-label { fill: var(--fg); }
svg .value-label { fill: var(--muted); }
svg .gap-label { fill: var(--gap); font-weight: 600; }
svg .gauge-score { font-size: 26px; font-weight: 700; }
svg .gauge-label { fill: var(--muted); font-size: 12px; }
svg .track { stroke: var(--track); fill: var(--track); }
svg circle.track { fill: none; }
svg .arc-annex1 { stroke: var(--annex1); }
svg .arc-qa { stroke: var(--qa); }
svg .bar-pass { fill: var(--pass); }
svg .bar-waived { stroke: var(--waived); stroke-width: 1; }
svg .hatch-bg { fill: var(--bg); }
svg .hatch-line { stroke: var(--waived); }
svg .bar-gap { stroke: var(--gap); stroke-width: 2; }
svg .bar-score { fill: var(--accent); }
svg .grid { stroke: var(--border); stroke-width: 1; fill: none; }
svg .radar-shape { fill: var(--accent); fill-opacity: 0.25; stroke: var(--accent); stroke-width: 2; }
svg .radar-marker { fill: var(--accent); }
svg .radar-marker-none { fill: var(--bg); stroke: var(--muted); stroke-width: 1.5; }
svg .cell { fill: none; stroke: var(--border); stroke-width: 1; }
svg .cell-covered { fill: var(--pass); fill-opacity: 0.18; stroke: var(--pass); }
svg .tick { stroke: var(--pass); }
svg.mini-bar { vertical-align: middle; margin-right: 0.4rem; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { padding: 0; font-size: 10.5pt; }
  main { max-width: none; }
  section.credential, section.pathway { break-before: page; border-top: none; margin-top: 0; }
  h2, h3, h4 { break-after: avoid; }
  tr, figure, .overview, dl.facts { break-inside: avoid; }
  button.fix { display: none; }
}`;

export function reportCss(target: 'standalone' | 'vscode'): string {
    return (target === 'vscode' ? VSCODE_PALETTE : STANDALONE_PALETTE) + RULES;
}
