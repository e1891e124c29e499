// `npm run package`: a production build (minified, no source maps), then `vsce package` run with
// Node 24 (@vscode/vsce 4 needs Node >= 22), giving mcred-<version>.vsix at the repository root.
// What goes in is decided by .vscodeignore (the bundles, the manifest, the language
// configuration, the grammar and the documents); the bundles are self-contained, so no
// node_modules tree is packaged (--no-dependencies).
//
//   node scripts/package.mjs [--skip-build] [--out FILE]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNode24 } from './node24.mjs';

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
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const args = [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', out];
    if (!pkg.repository) args.push('--allow-missing-repository');
    if (!['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some(name => existsSync(path.join(root, name)))) args.push('--skip-license');
    execFileSync(node, args, { cwd: root, stdio });
    const listing = execFileSync(node, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'],
        { cwd: root, encoding: 'utf8' });
    const files = listing.split('\n').map(line => line.trim()).filter(Boolean);
    return { vsix: out, bytes: statSync(out).size, files };
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
