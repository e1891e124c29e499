import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { buildCatalogue, CATALOGUE_FORMATS, renderCatalogue, type CatalogueFormat } from '../catalogue/index.js';
import { formatOption, parseCommandArgs, type Command, type CommandResult } from './command.js';
import { readCliRuleConfig } from './rule-config-file.js';
import { displayPath, inputFolders, readSourceFiles } from './source-files.js';
import { UsageError } from './usage-error.js';
import { loadWorkspace } from './workspace.js';
import { writeFilesAtomically, WriteError } from './write-files.js';

const EXTENSION_FORMATS: Record<string, CatalogueFormat> = {
    '.html': 'html', '.htm': 'html', '.md': 'md', '.markdown': 'md', '.json': 'json', '.csv': 'csv'
};

export const catalogueCommand: Command = {
    name: 'catalogue',
    summary: 'write the catalogue of a workspace: every programme at a glance, pathways, the stacking graph, joint awards, QA review dates',
    usage: 'mcred catalogue <file|folder>... [--format html|md|json|csv] [--out file] [--today YYYY-MM-DD] [--profile default|strict] [--config mcred.json]',
    async run(args: string[]): Promise<CommandResult> {
        const { values, positionals } = parseCommandArgs(args, {
            format: { type: 'string' },
            out: { type: 'string' },
            today: { type: 'string' },
            profile: { type: 'string' },
            config: { type: 'string' }
        });
        const out = values.out;
        const fallback = out !== undefined ? EXTENSION_FORMATS[path.extname(out).toLowerCase()] ?? 'html' : 'html';
        const format = formatOption(values.format, CATALOGUE_FORMATS, fallback);
        if (out !== undefined && (out === '' || out.endsWith('/') || out.endsWith(path.sep) || (existsSync(out) && statSync(out).isDirectory()))) {
            throw new UsageError(`--out ${out}: is a folder; give the catalogue's file name (e.g. ${path.join(out || '.', `catalogue.${format}`)})`);
        }
        const today = values.today;
        if (today !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(today) && !Number.isNaN(Date.parse(`${today}T00:00:00Z`)))) {
            throw new UsageError(`--today ${today}: expected a date as YYYY-MM-DD`);
        }
        const files = readSourceFiles(positionals);
        const config = readCliRuleConfig(positionals, values.config, values.profile);
        const { documents, services } = await loadWorkspace(files, config.policy, {
            disk: true, folders: inputFolders(positionals), ...(today !== undefined ? { today } : {})
        });
        const catalogue = buildCatalogue({ documents, fileLabel: uri => displayPath(uri.fsPath), today: services.mcred.validation.Clock.today() });
        const text = await renderCatalogue(catalogue, format, { generator: `mcred ${process.env['MCRED_VERSION'] ?? 'development'}` });
        if (out === undefined) return { stdout: text, exitCode: 0 };
        const file = path.resolve(out);
        try {
            writeFilesAtomically(path.dirname(file), [{ name: path.basename(file), text }]);
        } catch (error) {
            if (error instanceof WriteError) throw new UsageError(error.message);
            throw error;
        }
        const s = catalogue.summary;
        return {
            stdout: `Wrote ${displayPath(file)} (${format}): ${plural(s.programmes, 'programme')} (${s.issuable} issuable), ${plural(s.pathways, 'pathway')}, `
                + `${plural(catalogue.graph.edges.length, 'stacking relation')} (${s.stackMismatches} mismatched), ${s.reviewsDue} QA reviews due, from ${plural(s.files, 'file')}.\n`,
            exitCode: 0
        };
    }
};

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
