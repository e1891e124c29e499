import { expect, test } from 'vitest';
import { FixtureServer, oneLine } from '../support/expected.js';
import { WAIT_MS, withWorkbench } from '../support/workbench.js';

// Scenario 2: on the eu-quality-assurance diagnostic, Ctrl+. offers the server's quick fix; it
// inserts the quality assurance block with a hole (`internal ?`), never an invented procedure, and
// the Problems panel no longer says the block is missing (the hole is what remains to decide).
test('Ctrl+. on eu-quality-assurance inserts the block with a hole', async () => {
    const file = 'missing-qa.mcred';
    const server = await FixtureServer.load();
    const diagnostic = server.diagnostic(file, 'eu-quality-assurance');
    const [title] = await server.codeActionTitles(file, diagnostic);
    expect(title, 'the server offers a quick fix').toBeDefined();

    await withWorkbench('02-quick-fix-quality-assurance', async workbench => {
        const editor = await workbench.openFile(file);
        await editor.locator('.squiggly-error').first().waitFor({ state: 'attached' });
        await workbench.goTo(diagnostic.range.start.line + 1, diagnostic.range.start.character + 1);
        const menu = await workbench.quickFixMenu();
        await menu.locator('.monaco-list-row.action', { hasText: title }).first().click();

        await expect.poll(async () => oneLine(await editor.locator('.view-lines').innerText()), { timeout: WAIT_MS }).toMatch(/qualityAssurance \{\s*internal \?/);
        const problems = workbench.page.locator('.markers-panel');
        await workbench.page.keyboard.press('Control+Shift+M');
        await problems.waitFor({ state: 'visible' });
        await expect.poll(() => problems.innerText(), { timeout: WAIT_MS }).not.toContain('eu-quality-assurance');
    });
});
