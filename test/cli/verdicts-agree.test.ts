import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Model } from '../../language-server/generated/ast.js';
import { documentStatus } from '../../language-server/lsp/document-status.js';
import { createMcredServices } from '../../language-server/mcred-module.js';
import type { QaReport } from '../../language-server/report/report-model.js';

// One truth for readiness: the built `mcred check` (text), `mcred report --format json`, the
// code lens and the `mcred/documentStatus` request (status bar) give the same Issuable verdict
// and QA m/17 for every credential of every example.
const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'bin/mcred.cjs');

type Verdicts = Map<string, string>;

function cli(...args: string[]): string {
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect([0, 1]).toContain(run.status);
    return run.stdout;
}

/** `  examples/x.mcred:4 Name "Title" — Issuable: no — … · Annex I 9/11 · QA 17/17 (1 waived) — …` */
function fromCheck(text: string): Verdicts {
    const verdicts: Verdicts = new Map();
    for (const match of text.matchAll(/^ {2}(\S+):\d+ (\S+)(?: ".*?")? — Issuable: (yes|no)\b.*? · Annex I \d+\/11 · QA (\d+)\/17/gm)) {
        verdicts.set(`${match[1]} ${match[2]}`, `${match[3]} ${match[4]}/17`);
    }
    return verdicts;
}

function fromReport(report: QaReport): Verdicts {
    return new Map(report.files.flatMap(file => file.credentials.map(c =>
        [`${file.file} ${c.name}`, `${c.readiness.issuable ? 'yes' : 'no'} ${c.readiness.qaAddressed}/${c.readiness.qaTotal}`] as const)));
}

async function fromEditor(files: readonly string[]): Promise<{ lens: Verdicts; status: Verdicts }> {
    const { mcred, shared } = createMcredServices(EmptyFileSystem);
    const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder, IndexManager } = shared.workspace;
    const documents = files.map(file => {
        const document = LangiumDocumentFactory.fromString<Model>(readFileSync(path.join(ROOT, file), 'utf8'), URI.file(path.join(ROOT, file)));
        LangiumDocuments.addDocument(document);
        return [file, document] as const;
    });
    await DocumentBuilder.build(documents.map(([, d]) => d), { validation: true });
    const lens: Verdicts = new Map();
    const status: Verdicts = new Map();
    for (const [file, document] of documents as ReadonlyArray<readonly [string, LangiumDocument<Model>]>) {
        const lenses = await mcred.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
        const names = document.parseResult.value.elements.filter(e => e.$type === 'MicroCredential').map(e => (e as { name: string }).name);
        lenses.filter(l => l.command?.title.startsWith('Issuable')).forEach((l, i) => {
            const match = /^Issuable: (yes|no) · Annex I \d+\/11 · QA (\d+)\/17$/.exec(l.command!.title)!;
            lens.set(`${file} ${names[i]}`, `${match[1]} ${match[2]}/17`);
        });
        for (const credential of documentStatus(document, IndexManager).credentials) {
            status.set(`${file} ${credential.name}`, `${credential.issuable ? 'yes' : 'no'} ${credential.qaPassed}/${credential.qaTotal}`);
        }
    }
    return { lens, status };
}

describe('Issuable and QA m/17 agree on every surface, for every example', () => {
    test('mcred check, mcred report --format json, the code lens and the status request', async () => {
        const files = readdirSync(path.join(ROOT, 'examples'), { recursive: true })
            .map(name => `examples/${String(name).split(path.sep).join('/')}`)
            .filter(name => name.endsWith('.mcred')).sort();
        const check = fromCheck(cli('check', 'examples'));
        const report = fromReport(JSON.parse(cli('report', 'examples', '--format', 'json')) as QaReport);
        const { lens, status } = await fromEditor(files);
        expect(check.size).toBeGreaterThan(60);
        expect([...report.keys()].sort()).toEqual([...check.keys()].sort());
        for (const [key, verdict] of check) {
            expect(report.get(key), `report ${key}`).toBe(verdict);
            expect(lens.get(key), `code lens ${key}`).toBe(verdict);
            expect(status.get(key), `status ${key}`).toBe(verdict);
        }
        // Both verdicts occur: the comparison is not vacuous.
        expect(new Set([...check.values()].map(v => v.split(' ')[0]))).toEqual(new Set(['yes', 'no']));
    }, 120_000);
});
