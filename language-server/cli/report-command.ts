import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
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
    usage: 'mcred report <file|folder>... [--format html|md|json] [--out file [--follow-symlink]] [--profile default|strict] [--config mcred.json]',
    async run(args: string[]): Promise<CommandResult> {
        const { values, positionals } = parseCommandArgs(args, {
            format: { type: 'string' },
            out: { type: 'string' },
            'follow-symlink': { type: 'boolean' },
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
        const file = outputFile(path.resolve(out), values['follow-symlink'] === true);
        try {
            writeFilesAtomically(path.dirname(file), [{ name: path.basename(file), text }]);
        } catch (error) {
            if (error instanceof WriteError) throw new UsageError(error.message);
            throw error;
        }
        const s = report.summary;
        return {
            stdout: `Wrote ${displayPath(file)} (${format}): ${plural(s.credentials, 'micro-credential')}, ${plural(s.pathways, 'pathway')}; `
                + `${s.issuable} issuable; ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')} in ${plural(s.files, 'file')}.\n`,
            exitCode
        };
    }
};

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The file `--out` names, checked before the report is written: a FIFO, device, socket or folder
 * is refused; a symbolic link is refused unless `--follow-symlink` asks to write through it, and
 * then only to a regular file in the same folder as the link (its real path), never out of it.
 */
function outputFile(file: string, followSymlink: boolean): string {
    let stat;
    try {
        stat = lstatSync(file);
    } catch {
        return file;
    }
    if (stat.isSymbolicLink()) {
        if (!followSymlink) {
            throw new UsageError(`--out ${displayPath(file)}: is a symbolic link; give --follow-symlink to write the file it points to`);
        }
        let real: string;
        try {
            real = realpathSync(file);
        } catch {
            throw new UsageError(`--out ${displayPath(file)}: is a symbolic link to a file that does not exist`);
        }
        const folder = realpathSync(path.dirname(file));
        const relative = path.relative(folder, real);
        if (relative.startsWith('..') || path.isAbsolute(relative)) {
            throw new UsageError(`--out ${displayPath(file)}: is a symbolic link out of its folder (to ${real}); refusing to write there`);
        }
        return outputFile(real, false);
    }
    if (!stat.isFile()) {
        throw new UsageError(`--out ${displayPath(file)}: is not a regular file (a FIFO, device or socket); give a file name`);
    }
    return file;
}
