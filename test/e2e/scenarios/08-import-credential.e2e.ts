import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { importCredentials } from '../../../language-server/import/index.js';
import { WAIT_MS, withWorkbench } from '../support/workbench.js';

// Scenario 8: with the European Commission's micro-credential sample (a Europass credential) open,
// the user runs "Micro-credential: Import credential as programme" from the command palette: the
// programme is written beside it (europass-sample.mcred), opens in an editor with its holes
// (`qualityAssurance ?`, the element the sample lacks), and the notification says what is missing.
test('"Import credential as programme" writes the programme beside the credential and opens it with its holes', async () => {
    await withWorkbench('08-import-credential', async workbench => {
        await workbench.openFile('europass-sample.jsonld');
        await workbench.runCommand('Micro-credential: Import credential as programme');
        const toast = workbench.notification(/Imported Europass ELM 3\.2 as DigitalMicroCredentialCreation/);
        await toast.waitFor({ state: 'visible', timeout: WAIT_MS });
        expect(await toast.innerText()).toMatch(/holes: qualityAssurance/);

        await workbench.page.locator('.tabs-container .tab.active', { hasText: 'europass-sample.mcred' }).waitFor({ timeout: WAIT_MS });
        const editor = workbench.page.locator('.editor-group-container.active .monaco-editor').first();
        await editor.locator('.view-lines', { hasText: 'qualityAssurance ?' }).waitFor({ timeout: WAIT_MS });

        const written = path.join(workbench.folder, 'europass-sample.mcred');
        expect(existsSync(written)).toBe(true);
        const source = path.join(workbench.folder, 'europass-sample.jsonld');
        expect(readFileSync(written, 'utf8')).toBe(importCredentials([{ name: 'europass-sample.jsonld', text: readFileSync(source, 'utf8') }]).text);
    });
});
