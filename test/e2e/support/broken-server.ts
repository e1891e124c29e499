import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedExtensionDir } from '../../../scripts/code-server.mjs';

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

/** Replaces the language server of the mcred extension installed in the run's profile. */
export function breakInstalledServer(runDir: string, brokenServer: string): void {
    const target = path.join(installedExtensionDir(runDir), 'out', 'server.cjs');
    if (!existsSync(target)) throw new Error(`e2e: the installed extension has no ${target}`);
    copyFileSync(brokenServer, target);
    console.error(`e2e: MCRED_E2E_BREAK_SERVER=1: replaced ${path.relative(ROOT, target)} with a server that never publishes diagnostics`);
}
