import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureCodeServer } from '../../scripts/code-server.mjs';
import { packageExtension } from '../../scripts/package.mjs';
import { breakServerRequested, buildBrokenServer } from './support/broken-server.js';
import { CHROMIUM } from './support/chromium.js';
import { ROOT } from './support/workbench.js';

declare module 'vitest' {
    export interface ProvidedContext {
        /** The packaged extension every scenario installs. */
        vsix: string;
        /** MCRED_E2E_BREAK_SERVER=1: install a server that never publishes diagnostics. */
        breakServer: boolean;
        brokenServer: string;
    }
}

/**
 * Once per e2e run: package the extension (`npm run package`, production build) unless
 * MCRED_E2E_VSIX names a .vsix, install code-server with Node 24 if the cache lacks it, and check
 * that Chromium is there.
 */
export default async function setup(project: TestProject): Promise<void> {
    if (!existsSync(CHROMIUM)) {
        throw new Error(`e2e: ${CHROMIUM} not found: run \`apt-get install -y chromium libkrb5-dev\` first`);
    }
    const started = Date.now();
    const { installSeconds } = ensureCodeServer();
    if (installSeconds > 0) console.log(`e2e: installed code-server in ${installSeconds.toFixed(0)} s`);

    let vsix = process.env.MCRED_E2E_VSIX;
    if (vsix) {
        vsix = path.resolve(vsix);
    } else {
        const packaged = packageExtension({ quiet: true });
        vsix = packaged.vsix;
        console.log(`e2e: packaged ${path.relative(ROOT, vsix)} (${(packaged.bytes / 1024).toFixed(0)} KiB, ${packaged.files.length} files)`);
    }
    project.provide('vsix', vsix);

    const breakServer = breakServerRequested();
    const brokenServer = path.join(ROOT, '.e2e', 'broken-server.cjs');
    if (breakServer) {
        mkdirSync(path.dirname(brokenServer), { recursive: true });
        await buildBrokenServer(brokenServer);
    }
    project.provide('breakServer', breakServer);
    project.provide('brokenServer', brokenServer);
    console.log(`e2e: setup took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
