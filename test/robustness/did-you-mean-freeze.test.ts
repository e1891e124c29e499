import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { COUNTRIES, ISCED_F_FIELDS } from '../../language-server/vocab/index.js';
import { LspStdioClient } from '../support/lsp-stdio-client.js';

/**
 * Finding 4: one long wrong value froze the server. "Did you mean" computed a full edit distance
 * against every code and label on the main thread: a 200,000-character `field` blocked every
 * request for 15.7 s (1 MB: 80 s on every edit); 100,000 lines each with a bad country took
 * `mcred check` 67 s and 1.35 GB. Time limits are measured in CPU time where the machine is
 * shared (MCRED_TIMING_SLACK multiplies them on a slow machine).
 */
const SLACK = Number(process.env['MCRED_TIMING_SLACK'] ?? '1');
const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');
const CLI = path.resolve('bin/mcred.cjs');
// Not a run of x's, which is a placeholder (value-placeholder): a wrong value the checks look up.
const MEGABYTE_VALUE = 'ab'.repeat(512 * 1024);
const BAD_COUNTRIES = ['XQ', 'Italy', 'DEU', 'zz', 'QQ'];
let folder: string;

function countriesFile(lines: number): string {
    let text = '';
    for (let i = 0; i < lines; i++) text += `provider P${i} { country ${BAD_COUNTRIES[i % BAD_COUNTRIES.length]} }\n`;
    return text;
}

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mcred-did-you-mean-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('bounded "did you mean"', () => {
    test('a 1 MB wrong value gets no suggestion and costs next to nothing', () => {
        const started = performance.now();
        expect(ISCED_F_FIELDS.suggest(MEGABYTE_VALUE)).toEqual([]);
        expect(COUNTRIES.suggest(`I${'t'.repeat(200_000)}`)).toEqual([]);
        expect(performance.now() - started).toBeLessThan(200 * SLACK);
        expect(COUNTRIES.suggest('Italyy').map(c => c.code)).toContain('IT');
    });

    test('mcred check on 100,000 lines each with a wrong country: within 10 s of CPU time', () => {
        const file = path.join(folder, 'countries.mcred');
        writeFileSync(file, countriesFile(100_000));
        const run = spawnSync('bash', ['-c', 'TIMEFORMAT="%3U %3S"; time node "$0" check "$1" --format json > "$1.json"', CLI, file],
            { encoding: 'utf8', timeout: 300_000 });
        expect(run.status).toBe(1);
        const [user, system] = run.stderr.trim().split(/\s+/).slice(-2).map(Number);
        expect(user + system).toBeLessThan(10 * SLACK);
        const findings = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as Array<{ code: string; message: string }>;
        expect(findings.filter(f => f.code === 'value-country')).toHaveLength(100_000);
        expect(findings[1].message).toContain('did you mean IT (Italy)');
    }, 300_000);

    test('a diagnostic never carries a 1 MB value in its message', () => {
        const file = path.join(folder, 'big-value.mcred');
        writeFileSync(file, EXAMPLE.replace('field "0223"', `field "${MEGABYTE_VALUE}"`));
        const run = spawnSync(process.execPath, [CLI, 'check', file, '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
        const findings = JSON.parse(run.stdout) as Array<{ code: string; message: string }>;
        expect(findings.map(f => f.code)).toEqual(['value-isced-f']);
        expect(findings[0].message.length).toBeLessThan(1000);
    }, 60_000);
});

describe('the language server stays responsive', { timeout: 120_000 }, () => {
    test('hovers answer within 200 ms while a 1 MB value and 100,000 wrong countries are validated', async () => {
        const client = LspStdioClient.start();
        try {
            await client.initialize(pathToFileURL(folder).href);
            const small = pathToFileURL(path.join(folder, 'small.mcred')).href;
            await client.open(small, EXAMPLE);
            const titleLine = EXAMPLE.split('\n').findIndex(line => line.includes('level eqf 6'));
            const hover = async () => {
                const started = performance.now();
                await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: titleLine, character: 6 } });
                return performance.now() - started;
            };
            expect(await hover()).toBeLessThan(1000 * SLACK); // warm-up
            const big = pathToFileURL(path.join(folder, 'big.mcred')).href;
            const done = client.nextDiagnostics(big);
            await client.sendOpen(big, EXAMPLE.replace(/\b(UNIFI|AIDigitalEthics|AILiteracyPathway|Spring2026)\b/g, 'Big$1')
                .replace('field "0223"', `field "${MEGABYTE_VALUE}"`));
            const countries = pathToFileURL(path.join(folder, 'countries-editor.mcred')).href;
            const countriesDone = client.nextDiagnostics(countries);
            await client.sendOpen(countries, countriesFile(20_000));
            let finished = false;
            void Promise.all([done, countriesDone]).then(() => { finished = true; });
            const times: number[] = [];
            while (!finished) {
                times.push(await hover());
                await new Promise(resolve => setTimeout(resolve, 50));
            }
            const [published] = await Promise.all([done, countriesDone]);
            expect(published.diagnostics.map(d => d.code)).toContain('value-isced-f');
            expect(times.length).toBeGreaterThan(0);
            // The median answers within 200 ms while the checks run (they yield between nodes). The
            // 90th percentile also meets the pauses in which the 20,000-line file is parsed, indexed
            // and linked, each in one piece (about 0.4–0.6 s on a 2-core machine; an incremental
            // parse would shorten them): bounded, not frozen (before the fix: 15.7 s).
            const sorted = [...times].sort((a, b) => a - b);
            expect(sorted[Math.floor(sorted.length * 0.5)]).toBeLessThan(200 * SLACK);
            expect(sorted[Math.floor(sorted.length * 0.9)]).toBeLessThan(1000 * SLACK);
        } finally {
            await client.shutdown();
        }
    });
});
