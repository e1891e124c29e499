import { isIssueCode, RULES } from '../validation/issue-codes.js';

/**
 * The full text of a rule for hovers, as Markdown. The rules documentation
 * (validation/rule-docs.ts, `ruleDocumentation(code)`) will replace the body of this function;
 * until then the rule table's summary and source are the text.
 */
export function ruleText(code: string): string | undefined {
    if (!isIssueCode(code)) return undefined;
    const rule = RULES[code];
    return `${rule.summary} — *${rule.source}*`;
}
