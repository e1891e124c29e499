import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { buildReport, renderReport, REPORT_FORMATS, type ReportFormat } from '../report/index.js';
import { formatOption, parseCommandArgs, type Command, type CommandResult } from './command.js';
import { readCliRuleConfig } from './rule-config-file.js';
import { displayPath, inputFolders, readSourceFiles, withSiblings } from './source-files.js';
import { UsageError } from './usage-error.js';
import { loadWorkspace } from './workspace.js';
import { writeFilesAtomically, WriteError } from './write-files.js';

const EXTENSION_FORMATS: Record<string, ReportFormat> = { '.html': 'html', '.htm': 'html', '.md': 'md', '.markdown': 'md', '.json': 'json' };

export const reportCommand: Command = {
    name: 'report',
    summary: 'write the QA report of micro-credentials: Annex I, the 5-step design method, Annex II principles, coverage, workload',
    usage: 'mcred report <file|folder>... [--format html|md|json] [--out file] [--profile default|strict] [--config mcred.json]',
    async run(args: string[]): Promise<CommandResult> {
        const { values, positionals } = parseCommandArgs(args, {
            format: { type: 'string' },
            out: { type: 'string' },
            profile: { type: 'string' },
            config: { type: 'string' }
        });
        const out = values.out;
        const fallback = out !== undefined ? EXTENSION_FORMATS[path.extname(out).toLowerCase()] ?? 'html' : 'html';
        const format = formatOption(values.format, REPORT_FORMATS, fallback);
        if (out !== undefined && (out === '' || out.endsWith('/') || out.endsWith(path.sep) || (existsSync(out) && statSync(out).isDirectory()))) {
            throw new UsageError(`--out ${out}: is a folder; give the report's file name (e.g. ${path.join(out || '.', `qa-report.${format}`)})`);
        }
        const targets = readSourceFiles(positionals);
        const config = readCliRuleConfig(positionals, values.config, values.profile);
        const { documents } = await loadWorkspace(withSiblings(targets), config.policy, { disk: true, folders: inputFolders(positionals) });
        const targetPaths = new Set(targets.map(t => t.path));
        const report = buildReport({
            documents: documents.filter(d => targetPaths.has(d.uri.fsPath)),
            workspace: documents,
            fileLabel: uri => displayPath(uri.fsPath)
        });
        const text = renderReport(report, format, { generator: `mcred ${process.env['MCRED_VERSION'] ?? 'development'}` });
        const exitCode = report.summary.errors > 0 ? 1 : 0;
        if (out === undefined) return { stdout: text, exitCode };
        const file = path.resolve(out);
        try {
            writeFilesAtomically(path.dirname(file), [{ name: path.basename(file), text }]);
        } catch (error) {
            if (error instanceof WriteError) throw new UsageError(error.message);
            throw error;
        }
        const s = report.summary;
        return {
            stdout: `Wrote ${displayPath(file)} (${format}): ${plural(s.credentials, 'micro-credential')}, ${plural(s.pathways, 'pathway')}; `
                + `${s.ready} ready; ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')} in ${plural(s.files, 'file')}.\n`,
            exitCode
        };
    }
};

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
