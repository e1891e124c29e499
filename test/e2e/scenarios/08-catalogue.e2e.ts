import type { FrameLocator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { FixtureServer, positionOf } from '../support/expected.js';
import { WAIT_MS, withWorkbench } from '../support/workbench.js';

// Scenario 8: the user runs "Micro-credential: Show catalogue" from the command palette: a webview
// opens with every programme of the workspace (one table row per micro-credential, the stacking
// graph). Changing a programme's title updates the page (debounced) without reopening it. The
// workbench screenshot is saved as test-results/e2e/08-catalogue.png.
test('"Show catalogue" opens the workspace catalogue, and it follows an edit', async () => {
    const file = 'ai-ethics.mcred';
    const text = FixtureServer.text(file);
    const title = /^ {4}title "([^"]*)"/m.exec(text);
    expect(title, 'the fixture states a title').not.toBeNull();
    const line = positionOf(text, title![0]).line;

    await withWorkbench('08-catalogue', async workbench => {
        const { page } = workbench;
        await workbench.openFile(file);
        await workbench.runCommand('Micro-credential: Show catalogue');
        const tab = page.locator('.tabs-container .tab', { hasText: 'Catalogue' });
        await tab.waitFor({ state: 'visible' });
        await expect.poll(() => titles(page), { timeout: WAIT_MS }).toContain(title![1]);
        expect(await catalogue(page).locator('svg.graph').count(), 'the stacking graph is drawn').toBe(1);

        await page.locator('.tabs-container .tab', { hasText: file }).first().click();
        await workbench.goToLine(line + 1);
        await page.keyboard.press('End');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.type(' (edited)');
        await tab.click();
        await expect.poll(() => titles(page), { timeout: WAIT_MS }).toContain(`${title![1]} (edited)`);
    });
});

/** The programme titles the catalogue's table shows. */
async function titles(page: Page): Promise<string[]> {
    return catalogue(page).locator('#programme-table tbody tr td:first-child strong').allInnerTexts().catch(() => []);
}

/** The catalogue page inside the webview (code-server nests it: the webview's frame, then its active frame). */
function catalogue(page: Page): FrameLocator {
    return page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
}
