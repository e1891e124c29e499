import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { multiFileWorkspace, renderMcred, renderYaml, roster, singleFileWorkspace, toData, type FileModel } from './workspace-model.js';
import { YAML_SCHEMA } from './yaml-schema.js';

/** Where generated workspaces go (git-ignored). */
export const WORKSPACES = path.resolve('bench/workspaces');
export const SCHEMA_FILE = path.join(WORKSPACES, 'mcred-catalogue.schema.json');

export interface Workspace {
    readonly id: string;
    /** `single`: one file of `lines` lines; `files`: `count` files. */
    readonly kind: 'single' | 'files';
    readonly folder: string;
    /** Absolute paths per format, same order (file i of every format holds the same content). */
    readonly mcred: string[];
    readonly yaml: string[];
    readonly json: string[];
    readonly mcredLines: number;
    readonly yamlLines: number;
    readonly bytes: number;
}

export const SINGLE_SIZES = [1_000, 10_000, 50_000, 100_000];
export const FILE_COUNTS = [250, 1_000, 2_000];

const GENERATOR_VERSION = '2';

function label(lines: number): string {
    return lines >= 1000 ? `${lines / 1000}k` : String(lines);
}

/** Writes (or reuses, when the generator version matches) one workspace in the three formats. */
export function writeWorkspace(id: string, kind: Workspace['kind'], files: Array<{ name: string; file: FileModel }>): Workspace {
    const folder = path.join(WORKSPACES, id);
    const stamp = path.join(folder, 'manifest.json');
    if (existsSync(stamp)) {
        const manifest = JSON.parse(readFileSync(stamp, 'utf8')) as Workspace & { version: string };
        if (manifest.version === GENERATOR_VERSION) return manifest;
    }
    rmSync(folder, { recursive: true, force: true });
    const result: Workspace = { id, kind, folder, mcred: [], yaml: [], json: [], mcredLines: 0, yamlLines: 0, bytes: 0 };
    const counts = { mcredLines: 0, yamlLines: 0, bytes: 0 };
    for (const format of ['mcred', 'yaml', 'json'] as const) mkdirSync(path.join(folder, format), { recursive: true });
    for (const { name, file } of files) {
        const mcred = renderMcred(file);
        const data = toData(file);
        const yaml = renderYaml(data);
        const json = JSON.stringify(data, undefined, 2);
        const target = (format: string) => path.join(folder, format, `${name}.${format}`);
        writeFileSync(target('mcred'), mcred);
        writeFileSync(target('yaml'), yaml);
        writeFileSync(target('json'), json);
        result.mcred.push(target('mcred'));
        result.yaml.push(target('yaml'));
        result.json.push(target('json'));
        counts.mcredLines += mcred.split('\n').length;
        counts.yamlLines += yaml.split('\n').length;
        counts.bytes += Buffer.byteLength(mcred);
    }
    const workspace = { ...result, ...counts };
    writeFileSync(stamp, JSON.stringify({ ...workspace, version: GENERATOR_VERSION }, undefined, 2));
    return workspace;
}

/** Generates every benchmark workspace (reusing those already written) and the YAML schema. */
export function generateWorkspaces(options: { sizes?: number[]; counts?: number[] } = {}): Workspace[] {
    mkdirSync(WORKSPACES, { recursive: true });
    writeFileSync(SCHEMA_FILE, JSON.stringify(YAML_SCHEMA, undefined, 2));
    const workspaces: Workspace[] = [];
    for (const lines of options.sizes ?? SINGLE_SIZES) {
        workspaces.push(writeWorkspace(`single-${label(lines)}`, 'single', [{ name: `catalogue-${label(lines)}`, file: singleFileWorkspace(lines) }]));
    }
    for (const count of options.counts ?? FILE_COUNTS) {
        workspaces.push(writeWorkspace(`files-${count}`, 'files', multiFileWorkspace(count)));
    }
    return workspaces;
}

/** A roster of `learners` learners, for `mcred export`. */
export function writeExportWorkspace(learners: number): { roster: string; out: string } {
    const folder = path.join(WORKSPACES, 'export');
    mkdirSync(folder, { recursive: true });
    const rosterFile = path.join(folder, `learners-${learners}.csv`);
    writeFileSync(rosterFile, roster(learners));
    return { roster: rosterFile, out: path.join(folder, 'out') };
}
