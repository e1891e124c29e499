import type { QaReport } from './report-model.js';
import { renderHtml, type HtmlOptions } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

export { buildReport, type ReportInput } from './build-report.js';
export type * from './report-model.js';
export { renderHtml, sectionId, type HtmlOptions } from './render-html.js';
export { renderJson } from './render-json.js';
export { renderMarkdown } from './render-markdown.js';

export const REPORT_FORMATS = ['html', 'md', 'json'] as const;
export type ReportFormat = typeof REPORT_FORMATS[number];

/** Renders the report in one of the formats (HTML options apply to `html` only). */
export function renderReport(report: QaReport, format: ReportFormat, options: HtmlOptions = {}): string {
    switch (format) {
        case 'html': return renderHtml(report, options);
        case 'md': return renderMarkdown(report);
        case 'json': return renderJson(report);
    }
}
