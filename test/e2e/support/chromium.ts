import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { killGroup } from '../../../scripts/code-server.mjs';

/** Debian's chromium (`apt-get install -y chromium`); MCRED_E2E_CHROMIUM overrides it. */
export const CHROMIUM = process.env.MCRED_E2E_CHROMIUM ?? '/usr/bin/chromium';

export interface RunningChromium {
    readonly browser: Browser;
    readonly pid: number;
    stop(): Promise<void>;
}

/**
 * Starts headless Chromium in its own process group with a fresh profile folder and connects
 * playwright-core to it over the DevTools protocol. We start the process ourselves (rather than
 * `launchPersistentContext`) so that we own its PID and can always kill its whole group.
 */
export async function startChromium(profileDir: string, timeoutMs = 30_000): Promise<RunningChromium> {
    if (!existsSync(CHROMIUM)) {
        throw new Error(`e2e: ${CHROMIUM} not found: install it with \`apt-get install -y chromium\``);
    }
    mkdirSync(profileDir, { recursive: true });
    const child = spawn(CHROMIUM, [
        '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
        '--window-size=1440,900', `--user-data-dir=${profileDir}`, '--remote-debugging-address=127.0.0.1',
        '--remote-debugging-port=0', 'about:blank'
    ], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    const pid = child.pid;
    if (pid === undefined) throw new Error(`e2e: could not start ${CHROMIUM}`);
    const stop = () => killGroup(pid, child);
    try {
        const endpoint = await new Promise<string>((resolve, reject) => {
            let output = '';
            const timer = setTimeout(() => reject(new Error(`chromium did not open its DevTools port within ${timeoutMs} ms:\n${output}`)), timeoutMs);
            child.stderr.on('data', (chunk: Buffer) => {
                output += chunk.toString();
                const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
                if (match) {
                    clearTimeout(timer);
                    resolve(match[1]);
                }
            });
            child.once('exit', code => {
                clearTimeout(timer);
                reject(new Error(`chromium exited (${code}) before listening:\n${output}`));
            });
        });
        const browser = await chromium.connectOverCDP(endpoint, { timeout: timeoutMs });
        return { browser, pid, stop };
    } catch (error) {
        await stop();
        throw error;
    }
}
