import type { AstNode, DiagnosticInfo, ValidationAcceptor, ValidationSeverity } from 'langium';
import { RULES, type IssueCode, type Severity } from '../rules/issue-codes.js';

/** What a check attaches to a diagnostic, for code actions and the severity policy. */
export interface McredDiagnosticData {
    readonly code: IssueCode;
    /** Extra facts a quick fix needs (e.g. the invalid value, the missing element). */
    readonly [key: string]: unknown;
}

const LANGIUM_SEVERITY: Record<Severity, ValidationSeverity> = {
    error: 'error',
    warning: 'warning',
    information: 'info',
    hint: 'hint'
};

/**
 * Reports one finding of a rule: the default severity and the rule's source come from the rule
 * table, so every message ends by naming what it enforces. Severity configuration and waivers
 * are applied afterwards, in one place (McredDocumentValidator).
 *
 * `severity` is for the few rules whose table entry documents two levels (`value-ects`: error at
 * or below zero, warning above 60); every other finding takes the table's default.
 */
export function report<N extends AstNode>(
    accept: ValidationAcceptor,
    code: IssueCode,
    message: string,
    where: Omit<DiagnosticInfo<N>, 'code' | 'data'>,
    facts: Record<string, unknown> = {},
    severity: Severity = RULES[code].severity
): void {
    const rule = RULES[code];
    const data: McredDiagnosticData = { ...facts, code };
    accept(langiumSeverity(severity), `${shortenQuoted(message)} — ${rule.source}.`, { ...where, code, data });
}

/** Longest quoted value a message repeats in full; a longer one is cut (`'xxxx…'`). */
const MAX_QUOTED = 80;

/** A message quotes the wrong value; a 1 MB value is not repeated in every diagnostic and hover. */
function shortenQuoted(message: string): string {
    if (message.length <= 4 * MAX_QUOTED) return message;
    return message.replace(/(['"`])([^'"`\n]{81,}?)\1/g, (_, quote: string, value: string) => `${quote}${[...value].slice(0, MAX_QUOTED).join('')}…${quote}`);
}

function langiumSeverity(severity: Severity): ValidationSeverity {
    return LANGIUM_SEVERITY[severity];
}
