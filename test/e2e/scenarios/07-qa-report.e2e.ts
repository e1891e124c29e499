import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { CredentialReport, QaReport } from '../../../language-server/report/index.js';
import { FixtureServer, oneLine, positionOf } from '../support/expected.js';
import { WAIT_MS, withWorkbench } from '../support/workbench.js';

// Scenario 7: with a complete programme open, the user runs "Micro-credential: Show QA report"
// from the command palette: a webview opens beside the editor with the report the server builds
// (title, the credential's verdict and readiness gauge, the 11 Annex I elements, the 17 QA
// checks). Deleting the `participation` line updates it (element 10 missing, new verdict and
// score). Closed, it opens again from the "QA report" code lens, showing the edited programme
// scrolled to the lens's credential.
test('"Show QA report" opens the report beside the editor, it follows an edit, and the code lens opens it too', async () => {
    const file = 'ai-ethics.mcred';
    const text = FixtureServer.text(file);
    const participation = /^ *participation .*\n/m.exec(text);
    expect(participation, 'the fixture states its form of participation').not.toBeNull();
    const line = positionOf(text, participation![0]).line;
    const edited = text.replace(participation![0], '');
    const before = shown((await FixtureServer.load()).report(file));
    const after = shown((await FixtureServer.load('workspace', { [file]: edited })).report(file));
    expect(before.annex1).toHaveLength(11);
    expect(before.checks).toHaveLength(17);
    expect(after.annex1, 'deleting `participation` changes Annex I').not.toEqual(before.annex1);
    // The verdict changes (Issuable: no, element 10 missing); the QA figure may not (it is QA only).
    expect(after.verdict).not.toBe(before.verdict);

    await withWorkbench('07-qa-report', async workbench => {
        const { page } = workbench;
        await workbench.openFile(file);
        await workbench.runCommand('Micro-credential: Show QA report');
        const tab = page.locator('.tabs-container .tab', { hasText: `QA report: ${file}` });
        await tab.waitFor({ state: 'visible' });
        const groups = page.locator('.editor-group-container');
        expect(await groups.count(), 'the report opens beside the editor').toBe(2);
        await expect.poll(() => seen(page, before.name), { timeout: WAIT_MS }).toEqual(before);

        await workbench.goToLine(line + 1);
        await page.keyboard.press('Shift+ArrowDown');
        await page.keyboard.press('Delete');
        await expect.poll(() => seen(page, after.name), { timeout: WAIT_MS }).toEqual(after);

        await tab.locator('.tab-actions .action-label[aria-label^="Close"]').click();
        await tab.waitFor({ state: 'detached' });
        await page.locator('.monaco-editor .codelens-decoration a', { hasText: 'QA report' }).first().click();
        await tab.waitFor({ state: 'visible' });
        await expect.poll(() => seen(page, after.name), { timeout: WAIT_MS }).toEqual(after);
        expect(await reportPage(page).locator('main#mcred-report').getAttribute('data-focus'), 'the lens scrolls to its credential')
            .toBe(`credential-${after.name}`);
    });
});

/** What the webview shows of a report: the parts the scenario compares. */
interface Shown {
    readonly name: string;
    readonly title: string;
    readonly verdict: string;
    readonly score: string;
    /** `<n> <status>` per Annex I row. */
    readonly annex1: readonly string[];
    /** `<code> <status>` per QA check row. */
    readonly checks: readonly string[];
}

/** What the webview should show for the report's one credential. */
function shown(report: QaReport): Shown {
    const credential: CredentialReport = report.files[0].credentials[0];
    return {
        name: credential.name,
        title: report.title,
        verdict: credential.readiness.verdictText,
        score: `${credential.readiness.qaAddressed}/${credential.readiness.qaTotal}`,
        annex1: credential.annex1.map(e => `${e.n} ${e.status}`),
        checks: credential.steps.flatMap(step => step.checks.map(c => `${c.code} ${c.status}`))
    };
}

/** The report page inside the webview (code-server nests it: the webview's frame, then its active frame). */
function reportPage(page: Page): FrameLocator {
    return page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
}

/** What the webview shows now (the page is replaced on each update, so every read locates afresh). */
async function seen(page: Page, name: string): Promise<Shown> {
    const main = reportPage(page).locator('main#mcred-report');
    const section = main.locator(`section#credential-${name}`);
    const rows = (table: Locator, first: string) => table.evaluateAll((trs, selector) => trs.map(tr =>
        `${tr.querySelector(selector)?.textContent?.trim()} ${/status-(\w+)/.exec(tr.querySelector('.status-cell .status')?.className ?? '')?.[1]}`), first);
    return {
        name,
        title: oneLine(await main.locator('h1').innerText()),
        verdict: oneLine(await section.locator('.verdict').first().innerText()),
        score: oneLine(await section.locator('svg.gauge .gauge-score').textContent() ?? ''),
        annex1: await rows(section.locator('table.annex1 tbody tr'), 'td.num'),
        checks: await rows(section.locator('table.checks tbody tr'), 'td .code')
    };
}
