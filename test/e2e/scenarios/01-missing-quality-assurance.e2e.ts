import { expect, test } from 'vitest';
import { FixtureServer, oneLine } from '../support/expected.js';
import { withWorkbench } from '../support/workbench.js';

// Scenario 1: a programme that states no quality assurance (Annex I element 11). The user sees a
// red squiggle whose hover gives the server's message, and the Problems panel lists it with its
// code `eu-quality-assurance` and position.
test('a programme missing its quality assurance shows eu-quality-assurance as a squiggle and in Problems', async () => {
    const expected = (await FixtureServer.load()).diagnostic('missing-qa.mcred', 'eu-quality-assurance');

    await withWorkbench('01-missing-quality-assurance', async workbench => {
        const editor = await workbench.openFile('missing-qa.mcred');
        const squiggle = editor.locator('.squiggly-error').first();
        await squiggle.waitFor({ state: 'attached' });

        expect(await workbench.hoverText(squiggle, expected.text)).toContain('eu-quality-assurance');

        const problems = await workbench.openProblems();
        const row = problems.locator('.monaco-list-row', { hasText: 'eu-quality-assurance' }).first();
        await row.waitFor({ state: 'visible' });
        const rowText = oneLine(await row.innerText());
        expect(rowText).toContain(expected.text);
        expect(rowText).toContain(`[Ln ${expected.range.start.line + 1}, Col ${expected.range.start.character + 1}]`);
    });
});
