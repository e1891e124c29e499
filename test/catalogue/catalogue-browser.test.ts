/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The catalogue page in a real browser: headless Chromium (Debian `chromium`) driven by
// playwright-core. The examples render with every section, one SVG edge per stacking relation,
// sorting and filtering working (the table script is allowed by its hash), no console error and
// no network request; hostile titles show as text; the webview page posts the place of a node.
// Screenshots land in test-results/. Skipped, with a message, without Chromium.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCatalogue, CATALOGUE_SECTIONS, renderCatalogueHtml, type Catalogue } from '../../language-server/catalogue/index.js';
import { CHROMIUM_AVAILABLE, launchChromium, openOffline, warnIfNoChromium, type Observed } from '../support/offline-browser.js';
import { check } from '../support/validate.js';

const RESULTS = path.resolve('test-results');
const AVAILABLE = CHROMIUM_AVAILABLE;
warnIfNoChromium('catalogue-browser.test.ts');

let browser: Browser;
let catalogue: Catalogue;

function open(html: string, colorScheme: 'light' | 'dark' = 'light', init?: () => void): Promise<Observed> {
    return openOffline(browser, html, { colorScheme, viewport: { width: 1400, height: 1000 }, ...(init ? { init } : {}) });
}

describe.skipIf(!AVAILABLE)('the catalogue page in headless Chromium', () => {
    beforeAll(async () => {
        mkdirSync(RESULTS, { recursive: true });
        const files = Object.fromEntries(readdirSync('examples').filter(f => f.endsWith('.mcred')).map(f => [f, readFileSync(`examples/${f}`, 'utf8')]));
        const [launched, { documents }] = await Promise.all([launchChromium(), check(files)]);
        browser = launched;
        catalogue = buildCatalogue({ documents, today: '2026-12-01', fileLabel: uri => `examples/${uri.path.split('/').pop()}` });
    });

    afterAll(async () => {
        await browser?.close();
    });

    test('the examples: every section, every credential, one edge per stacking relation, no error, no request', async () => {
        const { page, problems, requests } = await open(await renderCatalogueHtml(catalogue, { generator: 'mcred (browser test)' }));
        const seen = await page.evaluate(() => ({
            sections: [...document.querySelectorAll('main > section')].map(s => s.id),
            rows: [...document.querySelectorAll('#programme-table tbody tr')].map(r => r.id),
            pathways: [...document.querySelectorAll('#pathways tbody > tr')].map(r => r.id),
            nodes: [...document.querySelectorAll('svg.graph [data-node]')].map(n => n.getAttribute('data-node')),
            edges: [...document.querySelectorAll('svg.graph path.edge')].map(e => `${e.getAttribute('data-from')}→${e.getAttribute('data-to')}`),
            labels: [...document.querySelectorAll('svg.graph text.edge-label')].map(t => t.textContent),
            graphWidth: document.querySelector('svg.graph')!.getBoundingClientRect().width,
            toolsShown: !(document.getElementById('programme-tools') as HTMLElement).hidden
        }));
        expect(seen.sections).toEqual([...CATALOGUE_SECTIONS]);
        expect(seen.rows).toEqual(catalogue.credentials.map(c => `row-${c.name}`));
        expect(seen.pathways).toEqual(catalogue.pathways.map(p => `pathway-${p.name}`));
        expect(seen.nodes.sort()).toEqual(catalogue.graph.nodes.map(n => n.id).sort());
        expect(seen.edges.sort()).toEqual(catalogue.graph.edges.map(e => `${e.from}→${e.to}`).sort());
        expect(seen.edges.length).toBe(4);
        expect(seen.labels.every(l => /^\d+(\.\d+)? ECTS$/.test(l ?? ''))).toBe(true);
        expect(seen.graphWidth).toBeGreaterThan(200);
        expect(seen.toolsShown).toBe(true);
        for (const c of catalogue.credentials) {
            expect(await page.locator(`#row-${c.name} td:nth-child(3)`).innerText()).toContain(c.issuable ? 'yes' : 'no');
        }
        await page.screenshot({ path: path.join(RESULTS, 'catalogue-examples.png'), fullPage: true });
        // The README's picture: from the summary to the stacking graph.
        const bottom = await page.evaluate(() => document.getElementById('stacking')!.getBoundingClientRect().bottom + window.scrollY);
        await page.screenshot({ path: path.join(RESULTS, 'catalogue-overview.png'), clip: { x: 0, y: 0, width: 1400, height: Math.ceil(bottom) + 8 }, fullPage: true });

        // Sorting by ECTS (descending after two clicks) and filtering.
        const ects = page.getByRole('button', { name: 'ECTS' });
        await ects.click();
        await ects.click();
        const sorted = await page.evaluate(() => [...document.querySelectorAll('#programme-table tbody tr')].map(r => Number(r.children[5].getAttribute('data-sort'))));
        expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
        await page.selectOption('#programme-which', 'blocked');
        const blocked = catalogue.credentials.filter(c => !c.issuable).length;
        expect(await page.locator('#programme-table tbody tr:not(.hidden)').count()).toBe(blocked);
        await page.selectOption('#programme-which', 'all');
        await page.fill('#programme-filter', 'Leuven');
        expect(await page.locator('#programme-table tbody tr:not(.hidden)').count()).toBe(catalogue.credentials.filter(c => [...c.awardedBy, ...c.contributing].some(a => a.includes('Leuven'))).length);
        expect(problems).toEqual([]);
        expect(requests).toEqual([]);
        await page.close();
    });

    test('without script the table is complete; dark palette; A4 landscape print', async () => {
        const html = await renderCatalogueHtml(catalogue);
        const context = await browser.newContext({ colorScheme: 'dark', javaScriptEnabled: false, viewport: { width: 1400, height: 900 } });
        const page = await context.newPage();
        await page.setContent(html);
        expect(await page.locator('#programme-table tbody tr').count()).toBe(catalogue.credentials.length);
        expect(await page.locator('#programme-tools').isVisible()).toBe(false);
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
        await page.screenshot({ path: path.join(RESULTS, 'catalogue-examples-dark.png'), fullPage: false });
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, path: path.join(RESULTS, 'catalogue-examples.pdf') });
        const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(pdf.toString('latin1'));
        expect(Number(box?.[1])).toBeGreaterThan(Number(box?.[2]));
        await context.close();
    });

    test('hostile titles: text, never markup; nothing runs, nothing is fetched', async () => {
        const hostile = `provider P { name "<img src=https://evil.example/p.png>" country FI }
provider Q { name "Q</title><script>window.__pwned = true</script>" country FI }
microcredential M {
    title "<script>window.__pwned = true</script><img src=x onerror=\\"window.__pwned = true\\">"
    awardedBy P, Q
    stackable into W
    recognition "</li><svg onload=\\"window.__pwned = true\\">"
}
pathway W { title "\\"><a href=javascript:alert(1)>x</a>" includes M awardedBy P }`;
        const { documents } = await check({ 'hostile.mcred': hostile });
        const page = (await open(await renderCatalogueHtml(buildCatalogue({ documents, today: '2026-12-01' }))));
        expect(await page.page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
        expect(await page.page.locator('img, iframe, main svg:not(.graph), a[href^="javascript"]').count()).toBe(0);
        expect(await page.page.locator('main script').count()).toBe(0);
        expect(await page.page.locator('#row-M td').first().innerText()).toContain('<script>window.__pwned = true</script>');
        expect(await page.page.locator('svg.graph path.edge').count()).toBe(1);
        expect(page.problems).toEqual([]);
        expect(page.requests).toEqual([]);
        await page.page.close();
    });

    test('the webview page: its nonce\'d script runs under the CSP; a click on a graph node posts its place', async () => {
        const html = await renderCatalogueHtml(catalogue, { target: 'vscode', nonce: 'dGVzdG5vbmNl' });
        const { page, problems, requests } = await open(html, 'dark', () => {
            const w = window as unknown as { __posted: unknown[]; acquireVsCodeApi: () => unknown };
            w.__posted = [];
            w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.__posted.push(m), getState: () => undefined, setState: () => undefined });
        });
        await page.locator('svg.graph [data-node="AIDigitalEthics"]').click();
        const posted = await page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted);
        const c = catalogue.credentials.find(x => x.name === 'AIDigitalEthics')!;
        expect(posted).toEqual([{ type: 'reveal', uri: c.uri, line: c.line, column: 1, endLine: c.line, endColumn: 1 }]);
        expect(problems).toEqual([]);
        expect(requests).toEqual([]);
        await page.close();
    });
});
