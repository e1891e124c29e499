// `npm run package`: a production build (minified, no source maps), then `vsce package` run with
// Node 24 (@vscode/vsce 4 needs Node >= 22), giving mcred-<version>.vsix at the repository root.
// What goes in is decided by .vscodeignore (the bundles, the manifest, the language
// configuration, the grammar and the documents); the bundles are self-contained, so no
// node_modules tree is packaged (--no-dependencies). Its README is the user part of README.md
// (`userReadme`): a marketplace reader does not build from source.
//
//   node scripts/package.mjs [--skip-build] [--out FILE]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNode24 } from './node-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The .vsix file name for the version in package.json. */
export function vsixPath() {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    return path.join(root, `${pkg.name}-${pkg.version}.vsix`);
}

/**
 * Builds (unless `skipBuild`) and packages the extension. Returns the .vsix path and the list of
 * files it holds.
 * @returns {{ vsix: string, bytes: number, files: string[] }}
 */
export function packageExtension({ skipBuild = false, out = vsixPath(), quiet = false } = {}) {
    const stdio = ['ignore', quiet ? 'pipe' : 'inherit', 'inherit'];
    if (!skipBuild) {
        execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio });
    }
    const { node } = ensureNode24();
    const readme = path.join(root, 'out', 'vsix', 'README.md');
    mkdirSync(path.dirname(readme), { recursive: true });
    writeFileSync(readme, userReadme(readFileSync(path.join(root, 'README.md'), 'utf8')));
    execFileSync(node, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--readme-path', path.relative(root, readme), '--out', out],
        { cwd: root, stdio });
    const files = zipEntries(out);
    const unwanted = files.filter(file => /(^|\/)node_modules\/|^extension\/(test|language-server|scripts|standards)\/|\.ts$/.test(file));
    if (unwanted.length > 0) throw new Error(`package: ${path.basename(out)} holds files it must not: ${unwanted.join(', ')} (see .vscodeignore)`);
    return { vsix: out, bytes: statSync(out).size, files };
}

/**
 * The sections of README.md that are for developers, not for someone installing the extension.
 * @type {readonly string[]}
 */
export const DEVELOPER_SECTIONS = ['Quick start (from a clone)', 'Performance', 'Development'];

/**
 * README.md without its developer sections (each `## ` heading up to the next one).
 * @param {string} text
 * @returns {string}
 */
export function userReadme(text) {
    const sections = text.split(/^(?=## )/m);
    return sections.filter(section => !DEVELOPER_SECTIONS.some(title => section.startsWith(`## ${title}\n`))).join('');
}

/** The names of the entries of a zip file, from its central directory. */
export function zipEntries(file) {
    const zip = readFileSync(file);
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0) throw new Error(`${file} is not a zip file`);
    const count = zip.readUInt16LE(end + 10);
    let offset = zip.readUInt32LE(end + 16);
    const names = [];
    for (let i = 0; i < count; i++) {
        if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
        const nameLength = zip.readUInt16LE(offset + 28);
        const extraLength = zip.readUInt16LE(offset + 30);
        const commentLength = zip.readUInt16LE(offset + 32);
        names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
        offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const args = process.argv.slice(2);
    const outIndex = args.indexOf('--out');
    const { vsix, bytes, files } = packageExtension({
        skipBuild: args.includes('--skip-build'),
        out: outIndex >= 0 ? path.resolve(args[outIndex + 1]) : vsixPath()
    });
    console.log(`package: ${path.relative(process.cwd(), vsix)} (${(bytes / 1024).toFixed(0)} KiB, ${files.length} files)`);
    for (const file of files) console.log(`  ${file}`);
}
