// code-server (VS Code in the browser, from the npm registry) for the e2e suite and `npm run try`.
// Installed once, with Node 24, into the git-ignored folder .cache/code-server. Every run gets its
// own profile (user data, extensions, XDG folders) under a run folder, and is stopped by killing
// its whole process group (code-server, the extension host and the language server).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { node24Env } from './node-runtime.mjs';

export const CODE_SERVER_VERSION = '4.139.1';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prefix = path.join(root, '.cache', 'code-server');
const entry = path.join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const marker = path.join(prefix, `installed-${CODE_SERVER_VERSION}`);

/** User settings for a quiet, deterministic workbench. */
export const USER_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'files.autoSave': 'off',
    'files.hotExit': 'off',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.codeLens': true
};

/**
 * Installs code-server under .cache/code-server if it is not there yet (about two minutes: its
 * native modules are built with node-gyp against the Node 24 headers; the kerberos module needs
 * Debian's libkrb5-dev). Returns the entry script to run with Node 24.
 * @returns {{ entry: string, node: string, env: NodeJS.ProcessEnv, installSeconds: number }}
 */
export function ensureCodeServer() {
    const env = node24Env();
    const node = path.join(env.PATH.split(path.delimiter)[0], 'node');
    let installSeconds = 0;
    if (!existsSync(marker) || !existsSync(entry)) {
        const started = Date.now();
        mkdirSync(prefix, { recursive: true });
        console.error(`code-server: installing code-server@${CODE_SERVER_VERSION} into ${path.relative(root, prefix)} (a few minutes, once)…`);
        execFileSync('npm', ['install', '--prefix', prefix, '--foreground-scripts', '--no-audit', '--no-fund', '--no-save',
            `code-server@${CODE_SERVER_VERSION}`], { stdio: ['ignore', 'inherit', 'inherit'], env });
        if (!existsSync(entry)) throw new Error(`code-server: ${entry} is missing after the install`);
        installSeconds = (Date.now() - started) / 1000;
        writeFileSync(marker, `${new Date().toISOString()} ${installSeconds.toFixed(0)} s\n`);
    }
    return { entry, node, env, installSeconds };
}

/** The folders of one run's fresh profile. */
export function profileDirs(runDir) {
    return {
        user: path.join(runDir, 'user'),
        extensions: path.join(runDir, 'extensions'),
        xdgConfig: path.join(runDir, 'xdg', 'config'),
        xdgData: path.join(runDir, 'xdg', 'data'),
        xdgCache: path.join(runDir, 'xdg', 'cache'),
        config: path.join(runDir, 'config.yaml')
    };
}

function profileEnv(runDir, base) {
    const dirs = profileDirs(runDir);
    return {
        ...base,
        EXTENSIONS_GALLERY: '{}',
        XDG_CONFIG_HOME: dirs.xdgConfig,
        XDG_DATA_HOME: dirs.xdgData,
        XDG_CACHE_HOME: dirs.xdgCache,
        VSCODE_PROXY_URI: ''
    };
}

/** Creates the profile folders and the user settings of a run. */
export function prepareProfile(runDir, settings = {}) {
    const dirs = profileDirs(runDir);
    for (const dir of [dirs.user, dirs.extensions, dirs.xdgConfig, dirs.xdgData, dirs.xdgCache, path.join(dirs.user, 'User')]) {
        mkdirSync(dir, { recursive: true });
    }
    writeFileSync(path.join(dirs.user, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 4));
    writeFileSync(dirs.config, 'auth: none\ncert: false\n');
    return dirs;
}

/** Installs a .vsix into the run's extensions folder with `code-server --install-extension`. */
export function installExtension(runDir, vsix) {
    const { entry: cs, node, env } = ensureCodeServer();
    const dirs = profileDirs(runDir);
    execFileSync(node, [cs, '--config', dirs.config, '--user-data-dir', dirs.user, '--extensions-dir', dirs.extensions,
        '--install-extension', vsix, '--force'], { stdio: ['ignore', 'pipe', 'pipe'], env: profileEnv(runDir, env), timeout: 120_000 });
}

/** The folder into which `installExtension` unpacked the extension `publisher.name` (from package.json by default). */
export function installedExtensionDir(runDir, id = undefined) {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const prefixOf = `${(id ?? `${pkg.publisher}.${pkg.name}`).toLowerCase()}-`;
    const extensions = profileDirs(runDir).extensions;
    const found = readdirSync(extensions).find(name => name.toLowerCase().startsWith(prefixOf) && existsSync(path.join(extensions, name, 'package.json')));
    if (!found) throw new Error(`code-server: no extension ${prefixOf}* installed in ${extensions}`);
    return path.join(extensions, found);
}

/**
 * Starts code-server in its own process group on 127.0.0.1 (port chosen by the system, or
 * `port`) with the run's profile, and resolves once /healthz answers.
 * @returns {Promise<{ url: string, pid: number, log: () => string, stop: () => Promise<void> }>}
 */
export async function startCodeServer({ runDir, folder, port = 0, timeoutMs = 60_000 }) {
    const { entry: cs, node, env } = ensureCodeServer();
    const dirs = profileDirs(runDir);
    const args = [cs, '--config', dirs.config, '--user-data-dir', dirs.user, '--extensions-dir', dirs.extensions,
        '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--disable-getting-started-override', '--disable-proxy', folder];
    const child = spawn(node, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: profileEnv(runDir, env) });
    const pid = child.pid;
    let output = '';
    child.stdout.on('data', chunk => { output += chunk; });
    child.stderr.on('data', chunk => { output += chunk; });
    const stop = () => killGroup(pid, child);
    try {
        const base = await new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`code-server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
            const onData = () => {
                const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\/?/.exec(output);
                if (match) {
                    clearTimeout(timer);
                    resolve(match[1]);
                }
            };
            child.stdout.on('data', onData);
            child.stderr.on('data', onData);
            child.once('exit', code => {
                clearTimeout(timer);
                reject(new Error(`code-server exited (${code}) before listening:\n${output}`));
            });
        });
        await waitForHealth(`${base}/healthz`, timeoutMs);
        return { url: `${base}/?folder=${encodeURIComponent(folder)}`, pid, log: () => output, stop };
    } catch (error) {
        await stop();
        throw error;
    }
}

async function waitForHealth(url, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        try {
            const response = await globalThis.fetch(url);
            if (response.ok) return;
        } catch {
            // not yet listening
        }
        if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
        await delay(200);
    }
}

/**
 * Kills a process group (`kill -- -PID`): SIGTERM, then SIGKILL if anything of it is still
 * alive after `graceMs`. Resolves when the group is gone.
 */
export async function killGroup(pid, child, graceMs = 3000) {
    if (!pid) return;
    if (!signalGroup(pid, 'SIGTERM')) return;
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline) {
        await delay(100);
        if (!signalGroup(pid, 0)) return;
    }
    signalGroup(pid, 'SIGKILL');
    if (child && child.exitCode === null) await new Promise(resolve => child.once('exit', resolve));
}

/** Sends a signal to the process group `pid`; false when the group no longer exists. */
export function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
        return true;
    } catch (error) {
        if (error.code === 'ESRCH') return false;
        throw error;
    }
}
