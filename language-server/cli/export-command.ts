import * as path from 'node:path';
import { URI } from 'langium';
import {
    ExportRequestError, planExport, type ExportPlan, type ExportProblem, type ExportRequest
} from '../export/export-plan.js';
import { EXPORT_FORMAT_IDS } from '../export/formats.js';
import { formatOption, parseCommandArgs, type Command, type CommandResult } from './command.js';
import { displayPath, inputFolders, readSourceFiles, withSiblings } from './source-files.js';
import { decodeRoster } from '../export/roster.js';
import { MAX_ROSTER_BYTES } from '../export/roster-location.js';
import { readRegularFile } from '../workspace/node-files.js';
import { UsageError } from './usage-error.js';
import { loadWorkspace } from './workspace.js';
import { ExportWriteError, writeExportSet } from '../workspace/export-set-writer.js';

/** Where `mcred export` writes without `--out`; the VS Code setting `mcred.export.outputFolder` has the same default. */
export const DEFAULT_OUTPUT_FOLDER = path.join('out', 'credentials');

export const exportCommand: Command = {
    name: 'export',
    summary: 'export credentials as Open Badges 3.0 or Europass (ELM) JSON-LD, per learner or as a template',
    usage: 'mcred export <file|folder>... --format ob3|elm [--cohort NAME | --roster file.csv | --template]'
        + ' [--credential NAME] [--issued YYYY-MM-DD] [--roster-encoding windows-1252] [--out dir]',
    async run(args: string[]): Promise<CommandResult> {
        const { values, positionals } = parseCommandArgs(args, {
            format: { type: 'string' },
            cohort: { type: 'string' },
            roster: { type: 'string' },
            template: { type: 'boolean' },
            credential: { type: 'string' },
            issued: { type: 'string' },
            'roster-encoding': { type: 'string' },
            out: { type: 'string' }
        });
        const encoding = values['roster-encoding'];
        if (values.format === undefined) {
            throw new UsageError(`--format is required (${EXPORT_FORMAT_IDS.join(' or ')})`);
        }
        const format = formatOption(values.format, EXPORT_FORMAT_IDS, EXPORT_FORMAT_IDS[0]);
        const targets = readSourceFiles(positionals);
        const roster = values.roster !== undefined ? readRoster(values.roster, encoding) : undefined;
        const outFolder = path.resolve(values.out ?? DEFAULT_OUTPUT_FOLDER);

        const folders = inputFolders(positionals);
        const { documents } = await loadWorkspace(withSiblings(targets), undefined, { disk: true, folders });
        const targetPaths = new Set(targets.map(t => t.path));
        const request: ExportRequest = {
            format,
            ...(values.credential !== undefined ? { credential: values.credential } : {}),
            ...(values.cohort !== undefined ? { cohort: values.cohort } : {}),
            ...(roster ? { roster } : {}),
            ...(values.template ? { template: true } : {}),
            ...(values.issued !== undefined ? { issued: values.issued } : {})
        };
        let plan: ExportPlan;
        try {
            plan = await planExport({
                documents: documents.filter(d => targetPaths.has(d.uri.fsPath)),
                workspace: documents,
                workspaceFolders: folders.map(folder => URI.file(folder)),
                readText: (uri, roots) => new Promise<string>(resolve => resolve(readRosterFile(uri.fsPath, roots.map(root => root.fsPath), encoding)))
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
            await writeExportSet(outFolder, plan.documents.map(d => ({ name: d.fileName, get text() { return d.text; } })), { exitOnSignal: true });
        } catch (error) {
            if (error instanceof ExportWriteError) throw new UsageError(error.message);
            throw error;
        }
        return { stdout: report(plan, outFolder), exitCode: 0 };
    }
};

function readRoster(file: string, encoding: string | undefined): { text: string; source: string } {
    try {
        // Named on the command line: anywhere, but a regular file under the size limit.
        return { text: readRosterFile(file, undefined, encoding), source: displayPath(path.resolve(file)) };
    } catch (error) {
        throw new UsageError(`${file}: cannot read the roster (${error instanceof Error ? error.message : String(error)})`);
    }
}

/** A roster's text: a regular file of at most 50 MB (inside `roots` when given), UTF-8 or `encoding`. */
function readRosterFile(file: string, roots: readonly string[] | undefined, encoding: string | undefined): string {
    return decodeRoster(readRegularFile(file, roots, MAX_ROSTER_BYTES), encoding);
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
