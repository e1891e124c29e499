import type { QaReport } from './report-model.js';

/** The report model as JSON (2-space indented, a final newline), for other tools. */
export function renderJson(report: QaReport): string {
    return JSON.stringify(report, undefined, 2) + '\n';
}
