/// <reference lib="dom" />
// Headless Chromium (Debian `chromium`) for the browser tests of self-contained pages (the QA
// report, the catalogue): every network request is intercepted, recorded and aborted, and console
// errors and warnings are collected, so a test can require "no request, no problem".
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env['MCRED_CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_AVAILABLE = existsSync(CHROMIUM);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Warns once that the browser tests of `file` are skipped, and how to get Chromium. */
export function warnIfNoChromium(file: string): void {
    if (!CHROMIUM_AVAILABLE) {
        console.warn(`${file}: skipped — no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set MCRED_CHROMIUM to its path)`);
    }
}

export function launchChromium(): Promise<Browser> {
    return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export interface Observed {
    readonly page: Page;
    /** Console errors and warnings, and uncaught page errors. */
    readonly problems: string[];
    /** Every URL the page asked for (none is served). */
    readonly requests: string[];
}

export interface OpenOptions {
    readonly colorScheme?: 'light' | 'dark';
    readonly viewport?: { readonly width: number; readonly height: number };
    /** A script to run before the page's own (e.g. a stand-in for the webview API). */
    readonly init?: () => void;
}

/** Opens `html` in a fresh context that reaches no network. */
export async function openOffline(browser: Browser, html: string, options: OpenOptions = {}): Promise<Observed> {
    const context = await browser.newContext({
        colorScheme: options.colorScheme ?? 'light', viewport: options.viewport ?? { width: 1100, height: 900 }, javaScriptEnabled: true
    });
    const requests: string[] = [];
    const problems: string[] = [];
    await context.route('**/*', route => {
        requests.push(route.request().url());
        return route.abort();
    });
    const page = await context.newPage();
    page.on('request', request => {
        if (!requests.includes(request.url())) requests.push(request.url());
    });
    page.on('console', message => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', error => problems.push(`page error: ${error.message}`));
    if (options.init) {
        await page.addInitScript(options.init);
        await page.goto('about:blank');
    }
    await page.setContent(html, { waitUntil: 'load' });
    return { page, problems, requests };
}
