/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML report in a real browser: headless Chromium (Debian `chromium`) driven by
// playwright-core. Two examples render with their sections visible, no console error and no
// network request (every request is intercepted and fails the test); a hostile file runs no
// script; the webview page's nonce'd script runs under its CSP and posts the place of a gap.
// Screenshots land in test-results/ (git-ignored). Skipped, with a message, without Chromium.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReport, renderHtml } from '../../language-server/report/index.js';
import { CHROMIUM_AVAILABLE, launchChromium, openOffline, warnIfNoChromium, type Observed } from '../support/offline-browser.js';
import { check } from '../support/validate.js';

const RESULTS = path.resolve('test-results');
const AVAILABLE = CHROMIUM_AVAILABLE;
warnIfNoChromium('report-browser.test.ts');

const EXAMPLES = ['ai-digital-ethics.mcred', 'ai-tools-teaching-assessment.mcred'];

/** The HTML reports of the two examples, each with the whole examples/ folder as its workspace. */
async function exampleReports(): Promise<Map<string, string>> {
    const files = Object.fromEntries(readdirSync('examples').filter(f => f.endsWith('.mcred')).map(f => [f, readFileSync(`examples/${f}`, 'utf8')]));
    const { documents } = await check(files);
    return new Map(EXAMPLES.map(file => [file, renderHtml(buildReport({
        documents: documents.filter(d => d.uri.path.endsWith(`/${file}`)),
        workspace: documents,
        fileLabel: uri => `examples/${uri.path.split('/').pop()}`
    }), { generator: 'mcred (browser test)' })]));
}

let reports: Map<string, string>;

let browser: Browser;

function open(html: string, colorScheme: 'light' | 'dark' = 'light', init?: () => void): Promise<Observed> {
    return openOffline(browser, html, { colorScheme, viewport: { width: 1100, height: 900 }, ...(init ? { init } : {}) });
}

describe.skipIf(!AVAILABLE)('the HTML report in headless Chromium', () => {
    beforeAll(async () => {
        mkdirSync(RESULTS, { recursive: true });
        [browser, reports] = await Promise.all([launchChromium(), exampleReports()]);
    });

    afterAll(async () => {
        await browser?.close();
    });

    test.each([
        ['ai-digital-ethics.mcred', 'AI & Digital Ethics', 'credential-AIDigitalEthics', '17/17', 'Issuable: yes'],
        ['ai-tools-teaching-assessment.mcred', 'Incorporating AI Tools in Teaching & Assessment', 'credential-AIToolsTeachingAssessment', '17/17', 'Issuable: no — 2 elements missing (learner, date of issuing)']
    ])('%s: the sections are visible, no console error, no request', async (file, title, sectionId, score, verdict) => {
        const { page, problems, requests } = await open(reports.get(file)!);
        expect(await page.title()).toBe(`QA report — examples/${file}`);
        // One round trip: what a reader sees of the credential's section.
        const seen = await page.evaluate(id => {
            const section = document.getElementById(id)!;
            const visible = (e: Element) => {
                const box = e.getBoundingClientRect();
                return box.width > 0 && box.height > 0 && getComputedStyle(e).visibility === 'visible';
            };
            const text = (selector: string) => section.querySelector(selector)?.textContent ?? '';
            return {
                title: text('h2'),
                headings: [...section.querySelectorAll('h3')].filter(visible).map(h => h.firstChild?.textContent ?? ''),
                verdict: text('.verdict'),
                score: text('svg.gauge .gauge-score'),
                rows: ['annex1', 'optional', 'checks', 'principles', 'unesco'].map(t => section.querySelectorAll(`table.${t} tbody tr`).length),
                // Evidence: every passed check and every stated element shows its text and file:line.
                evidence: [...section.querySelectorAll('table.checks tbody tr, table.annex1 tbody tr')]
                    .filter(row => row.querySelector('.status-pass, .status-stated'))
                    .map(row => [...row.querySelectorAll('.evidence')].map(e => ({
                        text: e.querySelector('code')?.textContent?.trim() ?? '',
                        where: e.querySelector('.loc')?.textContent ?? ''
                    }))),
                principlesFull: section.querySelector('.principles-full') !== null,
                charts: ['gauge', 'steps', 'radar', 'coverage'].filter(kind => section.querySelector(`svg.${kind}`)).map(kind => {
                    const svg = section.querySelector(`svg.${kind}`)!;
                    const [titleId, descId] = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
                    return {
                        kind,
                        width: Math.round(svg.getBoundingClientRect().width),
                        role: svg.getAttribute('role'),
                        title: document.getElementById(titleId)?.textContent ?? '',
                        description: document.getElementById(descId)?.textContent ?? ''
                    };
                })
            };
        }, sectionId);
        expect(seen.title).toContain(title);
        expect(seen.headings).toEqual(['Annex I — the eleven mandatory elements', 'Annex I — optional elements', 'The 5-step design method — 17 QA checks',
            'Annex II — the ten European principles', 'The UNESCO definition of a micro-credential', 'Learning outcomes × assessments', 'Workload and stacking', 'Cohorts']);
        expect(seen.verdict).toBe(verdict);
        expect(seen.score).toBe(score);
        expect(seen.rows).toEqual([11, 5, 17, 10, 4]);
        expect(seen.evidence.length).toBeGreaterThanOrEqual(17 + 9);
        for (const shown of seen.evidence) {
            expect(shown.length).toBeGreaterThan(0);
            for (const e of shown) {
                expect(e.text).not.toBe('');
                expect(e.where).toMatch(/^examples\/[\w.-]+\.mcred:\d+$/);
            }
        }
        // The radar shows only when a principle is below 100 %; otherwise one line says all are full.
        expect(seen.charts.map(c => c.kind)).toEqual(seen.principlesFull ? ['gauge', 'steps', 'coverage'] : ['gauge', 'steps', 'radar', 'coverage']);
        for (const chart of seen.charts) {
            expect(chart.width, chart.kind).toBeGreaterThan(50);
            expect(chart.role, chart.kind).toBe('img');
            expect(chart.title, chart.kind).not.toBe('');
            expect(chart.description.length, chart.kind).toBeGreaterThan(20);
        }
        expect(await page.getByRole('img', { name: `Annex I and QA checks of ${title}` }).isVisible()).toBe(true);
        expect(problems).toEqual([]);
        expect(requests).toEqual([]);
        await page.screenshot({ path: path.join(RESULTS, `report-${file.replace('.mcred', '')}.png`), fullPage: true });
        await page.close();
    });

    test('dark palette (prefers-color-scheme) and A4 print: each credential starts a page', async () => {
        const { page, problems, requests } = await open(reports.get('ai-digital-ethics.mcred')!, 'dark');
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(background).toBe('rgb(13, 17, 23)');
        await page.screenshot({ path: path.join(RESULTS, 'report-ai-digital-ethics-dark.png'), fullPage: false });
        await page.emulateMedia({ media: 'print' });
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
        expect(await page.evaluate(() => getComputedStyle(document.querySelector('section.pathway')!).breakBefore)).toBe('page');
        const pdf = await page.pdf({ format: 'A4', printBackground: true, path: path.join(RESULTS, 'report-ai-digital-ethics.pdf') });
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        expect(pages).toBeGreaterThanOrEqual(3);
        expect(problems).toEqual([]);
        expect(requests).toEqual([]);
        await page.close();
    });

    test('a hostile file: its markup shows as text, no script runs, nothing is fetched', async () => {
        const { documents } = await check(readFileSync('test/fixtures/report/hostile.mcred', 'utf8'));
        const { page, problems, requests } = await open(renderHtml(buildReport({ documents })));
        expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
        expect(await page.locator('section.credential h2').first().innerText()).toContain('<script>window.__pwned = true</script><img src="https://evil.example/t.png"');
        expect(await page.locator('img, iframe, script').count()).toBe(0);
        expect(await page.getByText('no grade for "<img src=x onerror="window.__pwned = true">"').isVisible()).toBe(true);
        expect(problems).toEqual([]);
        expect(requests).toEqual([]);
        await page.close();
    });

    test('the webview page: its nonce\'d script runs under the CSP, a click on "Fix…" posts the place of the gap', async () => {
        const { documents } = await check(readFileSync('test/fixtures/report/hostile.mcred', 'utf8'));
        const html = renderHtml(buildReport({ documents }), { target: 'vscode', nonce: 'dGVzdG5vbmNl', focus: 'credential-Hostile' });
        const { page, problems, requests } = await open(html, 'dark', () => {
            const w = window as unknown as { __posted: unknown[]; acquireVsCodeApi: () => unknown };
            w.__posted = [];
            w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.__posted.push(m), getState: () => undefined, setState: () => undefined });
        });
        // What VS Code does: theme variables on <html> through the CSSOM, the theme's class on <body>.
        await page.evaluate(() => {
            const theme: Record<string, string> = {
                '--vscode-editor-background': '#1f1f1f', '--vscode-editor-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d',
                '--vscode-panel-border': '#2b2b2b', '--vscode-textLink-foreground': '#4daafc', '--vscode-charts-green': '#89d185',
                '--vscode-charts-red': '#f14c4c', '--vscode-charts-yellow': '#cca700', '--vscode-charts-blue': '#3794ff',
                '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff', '--vscode-font-family': 'system-ui, sans-serif',
                '--vscode-editorWidget-background': '#202020'
            };
            for (const [name, value] of Object.entries(theme)) document.documentElement.style.setProperty(name, value);
            document.body.classList.add('vscode-dark');
        });
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(31, 31, 31)');
        await page.screenshot({ path: path.join(RESULTS, 'report-webview-dark.png'), fullPage: false });
        await page.getByRole('button', { name: 'Fix…' }).first().click();
        await page.getByRole('button', { name: 'programme.mcred:10' }).first().click();
        const posted = await page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted);
        expect(posted).toEqual([
            { type: 'fix', uri: 'file:///workspace/programme.mcred', line: 9, column: 17, endLine: 9, endColumn: 24 },
            { type: 'reveal', uri: 'file:///workspace/programme.mcred', line: 10, column: 5, endLine: 10, endColumn: 125 }
        ]);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
        expect(problems).toEqual([]);
        expect(requests).toEqual([]);
        await page.close();
    });
});
