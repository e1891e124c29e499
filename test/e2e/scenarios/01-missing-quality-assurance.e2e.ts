import { expect, test } from 'vitest';
import { oneLine, serverDiagnostics } from '../support/expected.js';
import { withWorkbench } from '../support/workbench.js';

// Scenario 1: a programme that states no quality assurance (Annex I element 11). The user sees a
// red squiggle whose hover gives the server's message, and the Problems panel lists it with its
// code `eu-quality-assurance`.
test('a programme missing its quality assurance shows eu-quality-assurance as a squiggle and in Problems', async () => {
    const expected = (await serverDiagnostics('missing-qa.mcred')).find(d => d.code === 'eu-quality-assurance');
    expect(expected, 'the fixture must raise eu-quality-assurance').toBeDefined();
    const message = oneLine(typeof expected!.message === 'string' ? expected!.message : expected!.message.value);

    await withWorkbench('01-missing-quality-assurance', async workbench => {
        const editor = await workbench.openFile('missing-qa.mcred');
        const squiggle = editor.locator('.squiggly-error').first();
        await squiggle.waitFor({ state: 'attached' });

        expect(oneLine(await workbench.hoverText(squiggle))).toContain(message);

        const problems = await workbench.openProblems();
        const row = problems.locator('.monaco-list-row', { hasText: 'eu-quality-assurance' }).first();
        await row.waitFor({ state: 'visible' });
        const rowText = oneLine(await row.innerText());
        expect(rowText).toContain(message);
        expect(rowText).toContain(`[Ln ${expected!.range.start.line + 1}, Col ${expected!.range.start.character + 1}]`);
    });
});
