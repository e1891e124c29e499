import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import { credentialContexts } from '../model/credential-contexts.js';
import { issuableText, readiness, type Readiness } from '../model/readiness.js';
import { evidenceLine } from '../model/stated.js';
import { waiverProblems, type WaiverProblem } from '../model/waivers.js';
import type { SeverityPolicy } from '../rules/severity-policy.js';
import { formatOption, parseCommandArgs, type Command, type CommandResult } from './command.js';
import { findConfigFile, readCliRuleConfig } from './rule-config-file.js';
import { displayPath, inputFolders, readSourceFiles, workspaceOf } from './source-files.js';
import { loadWorkspace } from './workspace.js';

/** One diagnostic as `mcred check --format json` prints it (1-based lines and columns). */
export interface CheckFinding {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: SeverityName;
    readonly code: string;
    readonly message: string;
}

type SeverityName = 'error' | 'warning' | 'information' | 'hint';

const SEVERITY_NAMES: Record<DiagnosticSeverity, SeverityName> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'information',
    [DiagnosticSeverity.Hint]: 'hint'
};

export const checkCommand: Command = {
    name: 'check',
    summary: 'validate .mcred files against the EU Annex I elements and the QA design method',
    usage: 'mcred check <file|folder>... [--format text|json] [--profile default|strict] [--config mcred.json]',
    async run(args: string[]): Promise<CommandResult> {
        const { values, positionals } = parseCommandArgs(args, {
            format: { type: 'string' },
            profile: { type: 'string' },
            config: { type: 'string' }
        });
        const format = formatOption(values.format, ['text', 'json'] as const, 'text');
        const files = readSourceFiles(positionals);
        const config = readCliRuleConfig(positionals, values.config, values.profile);
        const workspace = workspaceOf(files, findConfigFile(positionals));
        const loaded = await loadWorkspace(workspace.files, config.policy, { disk: true, folders: inputFolders(positionals) });
        // Only the named files are reported; the rest of the workspace resolves their references.
        const documents = loaded.documents.filter(document => workspace.named.has(document.uri.fsPath));
        const findings = documents.flatMap(findingsOf);
        const hasErrors = findings.some(f => f.severity === 'error');
        const stdout = format === 'json'
            ? JSON.stringify(findings, undefined, 2) + '\n'
            : textReport(documents, loaded.documents, findings, [`Workspace: ${workspace.description}`, configLine(config.file, config.policy)]);
        return { stdout, exitCode: hasErrors ? 1 : 0 };
    }
};

export function findingsOf(document: LangiumDocument): CheckFinding[] {
    const file = displayPath(document.uri.fsPath);
    return (document.diagnostics ?? [])
        .map(diagnostic => toFinding(file, diagnostic))
        .sort((a, b) => a.line - b.line || a.column - b.column);
}

function toFinding(file: string, diagnostic: Diagnostic): CheckFinding {
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error],
        code: String(diagnostic.code ?? 'unknown'),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
    };
}

const WAIVER_PROBLEMS: Record<WaiverProblem['kind'], string> = {
    'unknown-code': 'no such check',
    'not-waivable': 'this check cannot be waived',
    'no-reason': 'a waiver needs a reason',
    'placeholder-reason': 'the reason is still a placeholder'
};

function configLine(file: string | undefined, policy: SeverityPolicy): string {
    const changed = policy.overrides.size;
    return `Severities: ${file ?? 'no mcred.json'}, profile ${policy.profile}`
        + (changed > 0 ? `, ${changed} ${changed === 1 ? 'code' : 'codes'} changed` : '');
}

function textReport(documents: ReadonlyArray<LangiumDocument<Model>>, workspace: ReadonlyArray<LangiumDocument<Model>>,
    findings: readonly CheckFinding[], summary: readonly string[]): string {
    const lines = findings.map(f => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
    // The credentials of the named files, with their cohorts from any file of the workspace.
    const named = new Set(documents.map(d => d.parseResult.value));
    const contexts = credentialContexts(workspace.map(d => d.parseResult.value))
        .filter(context => named.has(context.credential.$container));
    if (contexts.length > 0) {
        lines.push('', 'Credentials:');
        for (const context of contexts) {
            const { credential } = context;
            // The credential's findings: those inside it and inside the cohorts that issue it.
            const spans = [credential, ...context.cohorts].map(spanOf);
            const own = findings.filter(f => spans.some(s => s.file === f.file && f.line >= s.start && f.line <= s.end));
            const title = credential.title ? ` "${credential.title}"` : '';
            const state = readiness(context);
            const waived = state.qaWaived > 0 ? ` (${state.qaWaived} waived)` : '';
            lines.push(`  ${spans[0].file}:${spans[0].start} ${credential.name}${title}`
                + ` — ${issuableText(state)} · Annex I ${state.annex1Present}/${state.annex1Total} · QA ${state.qaAddressed}/${state.qaTotal}${waived} — ${countsText(own)}`);
            lines.push(...annex1Lines(state));
            if (context.cohorts.length === 0) lines.push('      no cohort yet: the learner (1) and the date of issuing (5) come with one');
            const gaps = state.qa.filter(q => q.status === 'gap').map(q => q.check.code);
            if (gaps.length > 0) lines.push(`      QA gaps: ${gaps.join(', ')}`);
            for (const waiver of credential.waivers) {
                const line = (waiver.$cstNode?.range.start.line ?? 0) + 1;
                const problems = waiverProblems(waiver).map(p => WAIVER_PROBLEMS[p.kind]);
                const reason = waiver.reason?.trim() ? `"${waiver.reason}"` : '(no reason)';
                lines.push(`      waived ${waiver.code}: ${reason}${problems.length ? ` — not in effect: ${problems.join(', ')}` : ''} (${spans[0].file}:${line})`);
            }
        }
    }
    lines.push('', ...summary, `Checked ${plural(documents.length, 'file')}, ${plural(contexts.length, 'credential')}: ${countsText(findings)}.`);
    return lines.join('\n') + '\n';
}

const STATE_WORDS = { missing: 'missing', hole: 'a hole', placeholder: 'a placeholder', invalid: 'invalid', unjudged: 'not judged' } as const;

/** The Annex I elements that are not stated, grouped by why: `Annex I missing: 8 eu-level`. */
function annex1Lines(state: Readiness): string[] {
    const lines: string[] = [];
    for (const kind of ['missing', 'hole', 'placeholder', 'invalid', 'unjudged'] as const) {
        const elements = state.annex1.filter(e => e.judgement.state === kind).map(({ element, judgement }) => {
            const where = judgement.state === 'unjudged' ? ` (syntax error on line ${judgement.syntaxError.line})`
                : judgement.state === 'hole' || judgement.state === 'placeholder' || judgement.state === 'invalid' ? ` (line ${evidenceLine(judgement.evidence)})` : '';
            return `${element.n} ${element.code}${where}`;
        });
        if (elements.length > 0) lines.push(`      Annex I ${STATE_WORDS[kind]}: ${elements.join(', ')}`);
    }
    return lines;
}

/** The file and 1-based line span of a node, as findings state them. */
function spanOf(node: AstNode): { file: string; start: number; end: number } {
    const range = node.$cstNode?.range;
    return {
        file: displayPath(AstUtils.getDocument(node).uri.fsPath),
        start: (range?.start.line ?? 0) + 1,
        end: (range?.end.line ?? 0) + 1
    };
}

function countsText(findings: readonly CheckFinding[]): string {
    const count = (severity: SeverityName) => findings.filter(f => f.severity === severity).length;
    return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('information')} information`;
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
