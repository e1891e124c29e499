import { expect, test } from 'vitest';
import { FixtureServer, plainText, positionOf } from '../support/expected.js';
import { withWorkbench } from '../support/workbench.js';

// Scenario 5: the mouse rests on the keyword `workload`: the hover explains the Annex I element
// (notional workload) as the server documents it.
test('hovering `workload` shows its Annex I explanation', async () => {
    const file = 'missing-qa.mcred';
    const markdown = await (await FixtureServer.load()).hover(file, positionOf(FixtureServer.text(file), 'workload', 2));
    expect(markdown).toMatch(/Annex I element 7/);
    const paragraphs = markdown.split('\n').map(plainText).filter(Boolean);

    await withWorkbench('05-hover-workload', async workbench => {
        await workbench.openFile(file);
        const shown = await workbench.hoverText(workbench.word('workload'), paragraphs[0]);
        for (const paragraph of paragraphs) expect(shown).toContain(paragraph);
    });
});
