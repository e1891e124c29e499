import type { Catalogue, CatalogueCredential } from './catalogue-model.js';

/**
 * The catalogue for spreadsheets: one row per micro-credential (RFC 4180: comma-separated, CRLF,
 * fields with a comma, quote or line break quoted, quotes doubled). A text cell that a spreadsheet
 * would read as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is prefixed
 * with an apostrophe (OWASP CSV injection advice), so a title can never run.
 */
export function renderCsv(catalogue: Catalogue): string {
    const columns: Array<[string, (c: CatalogueCredential) => string | number | boolean | undefined]> = [
        ['name', c => c.name],
        ['title', c => c.title],
        ['file', c => c.file],
        ['line', c => c.line],
        ['awarded by', c => c.awardedBy.join('; ')],
        ['contributing', c => c.contributing.join('; ')],
        ['joint', c => c.joint],
        ['issuable', c => c.issuable],
        ['missing', c => c.missing.join('; ')],
        ['errors', c => c.errors],
        ['annex I stated', c => c.annex1.stated],
        ['annex I total', c => c.annex1.total],
        ['qa addressed', c => c.qa.addressed],
        ['qa total', c => c.qa.total],
        ['qa gaps', c => c.qa.gaps.join('; ')],
        ['ects', c => c.ects],
        ['hours', c => c.hours],
        ['eqf', c => c.level.eqf],
        ['qf-ehea', c => c.level.qfEhea],
        ['languages', c => c.languages.join('; ')],
        ['modules', c => c.modules.map(m => m.name).join('; ')],
        ['cohorts', c => c.cohorts.length],
        ['learners', c => c.learners],
        ['review cycle', c => c.review?.cycle],
        ['last cohort', c => c.review?.lastCohort],
        ['next review', c => c.review?.nextDue],
        ['review due', c => c.review?.due],
        ['stacks into', c => c.stacksInto.join('; ')]
    ];
    const rows = [columns.map(([header]) => header), ...catalogue.credentials.map(c => columns.map(([, value]) => cell(value(c))))];
    return rows.map(row => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | boolean | undefined): string {
    if (value === undefined) return '';
    if (typeof value !== 'string') return String(value);
    return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(field: string): string {
    return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
