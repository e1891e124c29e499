import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** True when the suite is asked to run against a server that never publishes diagnostics. */
export function breakServerRequested(): boolean {
    return process.env.MCRED_E2E_BREAK_SERVER === '1';
}

/** Bundles test/e2e/support/broken-server-main.ts like the real server (scripts/build.mjs). */
export async function buildBrokenServer(outFile: string): Promise<void> {
    await esbuild.build({
        entryPoints: [path.join(ROOT, 'test/e2e/support/broken-server-main.ts')],
        outfile: outFile,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        logLevel: 'warning',
        banner: { js: readFileSync(path.join(ROOT, 'scripts/polyfills.cjs'), 'utf8') },
        mainFields: ['module', 'main']
    });
}

/** Replaces the language server of the mcred extension installed in `extensionsDir`. */
export function breakInstalledServer(extensionsDir: string, brokenServer: string): void {
    const installed = readdirSync(extensionsDir).filter(name => /^mcred\.mcred-/.test(name));
    const target = installed.map(name => path.join(extensionsDir, name, 'out', 'server.cjs')).find(file => existsSync(file));
    if (!target) throw new Error(`e2e: no installed mcred extension in ${extensionsDir}`);
    copyFileSync(brokenServer, target);
    console.error(`e2e: MCRED_E2E_BREAK_SERVER=1: replaced ${path.relative(ROOT, target)} with a server that never publishes diagnostics`);
}
