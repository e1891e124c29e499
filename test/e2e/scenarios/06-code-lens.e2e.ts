import { expect, test } from 'vitest';
import { FixtureServer } from '../support/expected.js';
import { WAIT_MS, withWorkbench } from '../support/workbench.js';

// Scenario 6: above a micro-credential, a code lens shows how many Annex I elements it states
// ("Issuable: yes/no · Annex I n/11 · QA m/17", as the server counts them) next to "Export…".
test('a code lens "Annex I n/11" is shown above the credential', async () => {
    const file = 'missing-qa.mcred';
    const titles = await (await FixtureServer.load()).codeLensTitles(file);
    const annex = titles.find(title => /^Issuable: (yes|no) · Annex I \d+\/11 · QA \d+\/17$/.test(title));
    expect(annex, `the server's lenses: ${titles.join(', ')}`).toBeDefined();

    await withWorkbench('06-code-lens', async workbench => {
        await workbench.openFile(file);
        await expect.poll(() => workbench.codeLenses(), { timeout: WAIT_MS }).toContainEqual(titles.join(' | '));
    });
});
