import { cpSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { inject } from 'vitest';
import { installExtension, prepareProfile, signalGroup, startCodeServer } from '../../../scripts/code-server.mjs';
import { breakInstalledServer } from './broken-server.js';
import { oneLine } from './expected.js';
import { startChromium, type RunningChromium } from './chromium.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const RUNS_DIR = path.join(ROOT, '.e2e', 'runs');
export const SCREENSHOTS_DIR = path.join(ROOT, 'test-results', 'e2e');
const FIXTURES_DIR = path.join(ROOT, 'test/e2e/fixtures');

/** How long one expectation waits for the workbench (the server is slow on a busy 2-core machine). */
export const WAIT_MS = 45_000;

export interface WorkbenchOptions {
    /** Folder under test/e2e/fixtures copied fresh as the opened workspace (default `workspace`). */
    readonly fixture?: string;
    /** Extra user settings. */
    readonly settings?: Record<string, unknown>;
}

/** A started server (code-server, test-web) that serves a workbench at `url`. */
export interface WorkbenchServer {
    readonly url: string;
    /** Its process group. */
    readonly pid: number;
    log(): string;
    stop(): Promise<void>;
}

/**
 * Runs one scenario in a fresh VS Code (code-server) with the packaged extension installed:
 * fresh profile, fresh copy of the fixture workspace, own Chromium. Whatever happens, a screenshot
 * is saved as test-results/e2e/<name>.png and code-server and Chromium are killed by process group.
 */
export async function withWorkbench(name: string, body: (workbench: Workbench) => Promise<void>, options: WorkbenchOptions = {}): Promise<void> {
    const { runDir, work } = freshRun(name, options.fixture);
    prepareProfile(runDir, options.settings);
    installExtension(runDir, inject('vsix'));
    if (inject('breakServer')) breakInstalledServer(runDir, inject('brokenServer'));
    await driveWorkbench(name, runDir, work, () => startCodeServer({ runDir, folder: work }), body);
}

/** A new, empty run folder with a fresh copy of the fixture workspace in `work`. */
export function freshRun(name: string, fixture = 'workspace'): { runDir: string; work: string } {
    const runDir = path.join(RUNS_DIR, name);
    rmSync(runDir, { recursive: true, force: true });
    const work = path.join(runDir, 'work');
    cpSync(path.join(FIXTURES_DIR, fixture), work, { recursive: true });
    return { runDir, work };
}

/**
 * Starts the server, then Chromium on the server's URL, waits for the workbench and runs the
 * scenario. Always: a screenshot, then both process groups killed (also if the worker exits).
 */
export async function driveWorkbench(name: string, runDir: string, folder: string, start: () => Promise<WorkbenchServer>,
    body: (workbench: Workbench) => Promise<void>): Promise<void> {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const groups = new Set<number>();
    const killOnExit = () => groups.forEach(pid => signalGroup(pid, 'SIGKILL'));
    process.once('exit', killOnExit);
    let server: WorkbenchServer | undefined;
    let browser: RunningChromium | undefined;
    let page: Page | undefined;
    try {
        server = await start();
        groups.add(server.pid);
        browser = await startChromium(path.join(runDir, 'chromium'));
        groups.add(browser.pid);
        const context = browser.browser.contexts()[0] ?? await browser.browser.newContext();
        page = context.pages()[0] ?? await context.newPage();
        await page.setViewportSize({ width: 1440, height: 900 });
        page.setDefaultTimeout(WAIT_MS);
        await page.goto(server.url);
        const workbench = new Workbench(page, folder);
        await workbench.ready();
        await body(workbench);
    } catch (error) {
        if (server && error instanceof Error) error.message += `\n--- server log (tail) ---\n${server.log().slice(-3000)}`;
        throw error;
    } finally {
        if (page) {
            await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), timeout: 10_000 }).catch((error: unknown) => {
                console.error(`e2e: no screenshot for ${name}: ${String(error)}`);
            });
        }
        await browser?.browser.close().catch(() => undefined);
        await browser?.stop();
        await server?.stop();
        process.removeListener('exit', killOnExit);
    }
}

/** What a user sees and does in the workbench, with the selectors that work in code-server 4.139. */
export class Workbench {
    constructor(readonly page: Page, readonly folder: string) {}

    async ready(): Promise<void> {
        await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible' });
        await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible' });
    }

    /** Ctrl+P, the file name, Enter; resolves when its editor is active. */
    async openFile(fileName: string): Promise<Locator> {
        await this.page.keyboard.press('Control+P');
        const input = this.page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor({ state: 'visible' });
        await input.fill(fileName);
        await this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
        await this.page.keyboard.press('Enter');
        await this.page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
        const editor = this.page.locator('.editor-group-container.active .monaco-editor').first();
        await editor.locator('.view-lines').waitFor({ state: 'visible' });
        return editor;
    }

    /** Opens a file by clicking it in the Explorer (in VS Code for the web a Welcome page may hold the focus). */
    async openFromExplorer(fileName: string): Promise<Locator> {
        await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first().click();
        await this.page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
        const editor = this.page.locator('.editor-group-container.active .monaco-editor').first();
        await editor.locator('.view-lines').waitFor({ state: 'visible' });
        return editor;
    }

    /** The text of the status bar's language indicator, e.g. "Micro-credential". */
    async languageMode(): Promise<string> {
        return this.page.locator('#status\\.editor\\.mode').innerText();
    }

    /**
     * Moves the mouse over an element of the editor (a squiggle, a word) until a hover shows
     * `expected`, and returns the hover's text on one line. Decorations lie under the text layer,
     * so the mouse is moved to the element's centre instead of using `locator.hover()`. The move
     * is repeated: code lenses and inlay hints that arrive late shift the text under a resting
     * mouse, and VS Code then hides the hover until the mouse moves again.
     */
    async hoverText(target: Locator, expected: string): Promise<string> {
        const hover = this.page.locator('.monaco-hover:not(.hidden)').first();
        const deadline = Date.now() + WAIT_MS;
        let seen = '(no hover)';
        for (;;) {
            await target.waitFor({ state: 'attached', timeout: Math.max(1, deadline - Date.now()) });
            const box = await target.boundingBox();
            if (box) {
                await this.page.mouse.move(0, 0);
                await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
                try {
                    await hover.waitFor({ state: 'visible', timeout: 3000 });
                    seen = oneLine(await hover.innerText());
                    if (seen.includes(expected)) return seen;
                } catch {
                    // no hover yet: move again
                }
            }
            if (Date.now() > deadline) throw new Error(`e2e: no hover showing '${expected}' within ${WAIT_MS} ms; last seen: ${seen}`);
            await this.page.waitForTimeout(500);
        }
    }

    /** The token of the active editor whose text is exactly `word` (the n-th one). */
    word(word: string, nth = 0): Locator {
        const exact = new RegExp(`^\\s*${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
        return this.activeEditor().locator('.view-line span span').filter({ hasText: exact }).nth(nth);
    }

    activeEditor(): Locator {
        return this.page.locator('.editor-group-container.active .monaco-editor').first();
    }

    /** Ctrl+G, `line` (1-based), Enter: the cursor goes to the start of the line. */
    async goToLine(line: number): Promise<void> {
        await this.page.keyboard.press('Control+G');
        const input = this.page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor({ state: 'visible' });
        await input.fill(`:${line}`);
        await this.page.keyboard.press('Enter');
        await input.waitFor({ state: 'hidden' });
    }

    /** Ctrl+G, `line:column` (1-based), Enter. */
    async goTo(line: number, column: number): Promise<void> {
        await this.page.keyboard.press('Control+G');
        const input = this.page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor({ state: 'visible' });
        await input.fill(`:${line}:${column}`);
        await this.page.keyboard.press('Enter');
        await input.waitFor({ state: 'hidden' });
    }

    /** Ctrl+.; returns the quick fix menu (the action widget) once it lists an action. */
    async quickFixMenu(): Promise<Locator> {
        await this.page.keyboard.press('Control+.');
        const menu = this.page.locator('.action-widget');
        await menu.locator('.monaco-list-row.action').first().waitFor({ state: 'visible' });
        return menu;
    }

    /** Ctrl+Space; returns the labels the suggest widget lists (once it lists any). */
    async suggest(): Promise<Locator> {
        await this.page.keyboard.press('Control+Space');
        const widget = this.page.locator('.editor-widget.suggest-widget.visible');
        await widget.locator('.monaco-list-row').first().waitFor({ state: 'visible' });
        return widget;
    }

    /** The labels of the rows the suggest widget shows. */
    async suggestLabels(): Promise<string[]> {
        return this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row .label-name').allInnerTexts();
    }

    /** F1, the command's full title ("Category: Title"), Enter. */
    async runCommand(title: string): Promise<void> {
        await this.page.keyboard.press('F1');
        const input = this.page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor({ state: 'visible' });
        await input.fill(`>${title}`);
        await this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
        await this.page.keyboard.press('Enter');
    }

    /** The notification toast whose text contains `text`. */
    notification(text: string | RegExp): Locator {
        return this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
    }

    /** The code lens lines of the active editor, each as its text ("Annex I 10/11 | Export…"). */
    async codeLenses(): Promise<string[]> {
        return (await this.activeEditor().locator('.codelens-decoration').allInnerTexts()).map(oneLine);
    }

    /** Ctrl+Shift+M; returns the Problems panel once it lists at least one marker. */
    async openProblems(): Promise<Locator> {
        await this.page.keyboard.press('Control+Shift+M');
        const panel = this.page.locator('.markers-panel');
        await panel.locator('.monaco-list-row').first().waitFor({ state: 'visible' });
        return panel;
    }
}
