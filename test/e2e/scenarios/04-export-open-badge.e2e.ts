import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { validateOb3Credential } from '../../support/offline-validators.js';
import { FixtureServer } from '../support/expected.js';
import { WAIT_MS, withWorkbench } from '../support/workbench.js';

// Scenario 4: with a complete programme open, the user runs "Micro-credential: Export as Open
// Badge 3.0" from the command palette: the credentials appear in the output folder
// (`mcred.export.outputFolder`, default out/credentials), the first opens in an editor, and each
// validates against the official OB 3.0 AchievementCredential schema.
test('"Export as Open Badge 3.0" from the palette writes valid credentials and opens the first', async () => {
    const file = 'ai-ethics.mcred';
    expect((await FixtureServer.load()).diagnostics(file).filter(d => d.severity === 1)).toEqual([]);

    await withWorkbench('04-export-open-badge', async workbench => {
        await workbench.openFile(file);
        await workbench.runCommand('Micro-credential: Export as Open Badge 3.0');
        const toast = workbench.notification(/Exported \d+/);
        await toast.waitFor({ state: 'visible', timeout: WAIT_MS });
        const count = Number(/Exported (\d+)/.exec(await toast.innerText())?.[1]);

        const folder = path.join(workbench.folder, 'out', 'credentials');
        const written = readdirSync(folder).filter(name => !name.startsWith('.'));
        expect(written).toHaveLength(count);
        expect(count).toBeGreaterThan(0);
        for (const name of written) {
            const result = validateOb3Credential(JSON.parse(readFileSync(path.join(folder, name), 'utf8')));
            expect(result.errors, name).toEqual([]);
        }
        const active = await workbench.page.locator('.tabs-container .tab.active').getAttribute('data-resource-name');
        expect(written).toContain(active);
    });
});
