import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import {
    ExportRequestError, planExport, type ExportPlan, type ExportProblem, type ExportRequest
} from '../export/export-plan.js';
import { EXPORT_FORMAT_IDS } from '../export/formats.js';
import { formatOption, parseCommandArgs, type Command, type CommandResult } from './command.js';
import { displayPath, readSourceFiles, withSiblings } from './source-files.js';
import { UsageError } from './usage-error.js';
import { loadWorkspace } from './workspace.js';
import { writeFilesAtomically, WriteError } from './write-files.js';

/** Where `mcred export` writes without `--out`; the VS Code setting `mcred.export.outputFolder` has the same default. */
export const DEFAULT_OUTPUT_FOLDER = path.join('out', 'credentials');

export const exportCommand: Command = {
    name: 'export',
    summary: 'export credentials as Open Badges 3.0 or Europass (ELM) JSON-LD, per learner or as a template',
    usage: 'mcred export <file|folder>... --format ob3|elm [--cohort NAME | --roster file.csv | --template]'
        + ' [--credential NAME] [--issued YYYY-MM-DD] [--out dir] [--reveal-identity]',
    async run(args: string[]): Promise<CommandResult> {
        const { values, positionals } = parseCommandArgs(args, {
            format: { type: 'string' },
            cohort: { type: 'string' },
            roster: { type: 'string' },
            template: { type: 'boolean' },
            credential: { type: 'string' },
            issued: { type: 'string' },
            out: { type: 'string' },
            'reveal-identity': { type: 'boolean' }
        });
        if (values.format === undefined) {
            throw new UsageError(`--format is required (${EXPORT_FORMAT_IDS.join(' or ')})`);
        }
        const format = formatOption(values.format, EXPORT_FORMAT_IDS, EXPORT_FORMAT_IDS[0]);
        const targets = readSourceFiles(positionals);
        const roster = values.roster !== undefined ? readRoster(values.roster) : undefined;
        const outFolder = path.resolve(values.out ?? DEFAULT_OUTPUT_FOLDER);

        const { documents } = await loadWorkspace(withSiblings(targets));
        const targetPaths = new Set(targets.map(t => t.path));
        const request: ExportRequest = {
            format,
            ...(values.credential !== undefined ? { credential: values.credential } : {}),
            ...(values.cohort !== undefined ? { cohort: values.cohort } : {}),
            ...(roster ? { roster } : {}),
            ...(values.template ? { template: true } : {}),
            ...(values.issued !== undefined ? { issued: values.issued } : {}),
            ...(values['reveal-identity'] ? { revealIdentity: true } : {}),
            today: new Date().toISOString().slice(0, 10)
        };
        let plan: ExportPlan;
        try {
            plan = await planExport({
                documents: documents.filter(d => targetPaths.has(d.uri.fsPath)),
                workspace: documents,
                readText: uri => readFile(uri.fsPath, 'utf8')
            }, request);
        } catch (error) {
            if (error instanceof ExportRequestError) throw new UsageError(error.message);
            throw error;
        }
        if (plan.problems.length > 0) {
            return {
                stdout: '',
                stderr: plan.problems.map(problemLine).join('\n') + '\nNothing was exported.\n',
                exitCode: 1
            };
        }
        try {
            writeFilesAtomically(outFolder, plan.documents.map(d => ({ name: d.fileName, get text() { return d.text; } })));
        } catch (error) {
            if (error instanceof WriteError) throw new UsageError(error.message);
            throw error;
        }
        return { stdout: report(plan, outFolder), ...warningsOf(plan), exitCode: 0 };
    }
};

function warningsOf(plan: ExportPlan): { stderr?: string } {
    return plan.warnings.length > 0 ? { stderr: plan.warnings.map(w => `warning: ${w}\n`).join('') } : {};
}

function readRoster(file: string): { text: string; source: string } {
    try {
        return { text: readFileSync(file, 'utf8'), source: displayPath(path.resolve(file)) };
    } catch (error) {
        throw new UsageError(`${file}: cannot read the roster (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
}

function problemLine(problem: ExportProblem): string {
    const file = problem.uri ? displayPath(URI.parse(problem.uri).fsPath) : problem.source;
    const where = file ? `${file}${problem.line !== undefined ? `:${problem.line}` : ''}${problem.column !== undefined ? `:${problem.column}` : ''}` : '';
    const code = problem.code ? `${problem.code} ` : '';
    return problem.code === undefined && problem.line !== undefined && problem.uri
        ? `${where} ${problem.message}`
        : `${where ? `${where} ` : ''}error ${code}${problem.message}`;
}

function report(plan: ExportPlan, outFolder: string): string {
    const lines = [`Wrote ${plan.documents.length} ${plan.format.label} document${plan.documents.length === 1 ? '' : 's'} to ${displayPath(outFolder)}:`];
    for (const document of plan.documents) {
        const what = document.learner
            ? `${document.credential}, ${document.learner}${document.cohort ? `, cohort ${document.cohort}` : ''}`
            : `${document.credential}, achievement template (no learner)`;
        lines.push(`  ${document.fileName}  (${what})`);
    }
    lines.push(...plan.notes.map(note => `Note: ${note}`));
    return lines.join('\n') + '\n';
}
