import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentState, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterEach, describe, expect, test } from 'vitest';
import { FileChangeType } from 'vscode-languageserver';
import type { Model } from '../../language-server/generated/ast.js';
import { createMcredServices } from '../../language-server/mcred-module.js';
import { ConfigError, parseRuleConfigText, SeverityPolicy } from '../../language-server/rules/severity-policy.js';
import { check, edit, EXAMPLE, severityName, withCode } from '../support/validate.js';

const withoutModel = edit(EXAMPLE, /\n {8}model "Fee-based[^\n]*/, '');

describe('mcred.json format', () => {
    test('a valid configuration', () => {
        expect(parseRuleConfigText('{"$schema": "x", "profile": "strict", "severity": {"qa-business-model": "off"}}', 'mcred.json'))
            .toEqual({ profile: 'strict', severity: { 'qa-business-model': 'off' } });
    });

    test.each([
        ['{', 'mcred.json: not valid JSON'],
        ['[]', 'mcred.json: expected an object'],
        ['{"profile": "lenient"}', 'mcred.json: "profile": unknown profile "lenient" (expected "default" or "strict")'],
        ['{"severity": {"qa-busines-model": "off"}}', "mcred.json: unknown check code 'qa-busines-model' in \"severity\" (did you mean 'qa-business-model'?)"],
        ['{"severity": {"qa-business-model": "fatal"}}', "mcred.json: severity of 'qa-business-model' is \"fatal\" (expected one of error, warning, information, hint, off)"],
        ['{"severity": []}', 'mcred.json: "severity" must be an object'],
        ['{"rules": {}}', "mcred.json: unknown setting 'rules'"]
    ])('%s is rejected with a one-line reason', (text, reason) => {
        expect(() => parseRuleConfigText(text, 'mcred.json')).toThrow(ConfigError);
        try {
            parseRuleConfigText(text, 'mcred.json');
        } catch (error) {
            expect((error as Error).message).toContain(reason);
            expect((error as Error).message).not.toContain('\n');
        }
    });
});

describe('severity policy', () => {
    test('precedence: defaults < profile < settings < mcred.json, code by code', () => {
        const settings = { profile: 'default' as const, severity: { 'qa-business-model': 'hint' as const, 'eu-opt-grade': 'warning' as const } };
        const project = { profile: 'strict' as const, severity: { 'qa-business-model': 'information' as const } };
        const policy = new SeverityPolicy([settings, project]);
        expect(policy.profile).toBe('strict');
        expect(policy.severityOf('qa-business-model')).toBe('information');
        expect(policy.severityOf('eu-opt-grade')).toBe('warning');
        expect(policy.severityOf('qa-audience-target')).toBe('error');
        expect(policy.severityOf('eu-opt-prerequisites')).toBe('information');
        expect(policy.severityOf('value-ects', 'warning')).toBe('warning');
    });

    test('strict turns QA gaps into errors; explicit severities and "off" apply in the server\'s diagnostics', async () => {
        expect(withCode(await check(withoutModel, [{ profile: 'strict' }]), 'qa-business-model').map(severityName)).toEqual(['error']);
        expect((await check(withoutModel, [{ severity: { 'qa-business-model': 'off' } }])).diagnostics).toEqual([]);
        expect(withCode(await check(withoutModel, [{ profile: 'strict', severity: { 'qa-business-model': 'hint' } }]), 'qa-business-model').map(severityName)).toEqual(['hint']);
    });
});

describe('the language server reads mcred.json and the mcred settings', () => {
    let folder: string | undefined;
    afterEach(() => {
        if (folder) rmSync(folder, { recursive: true, force: true });
        folder = undefined;
    });

    async function serve() {
        folder = mkdtempSync(path.join(tmpdir(), 'mcred-severity-'));
        const services = createMcredServices(NodeFileSystem);
        const rootUri = pathToFileURL(folder).href;
        await services.shared.lsp.LanguageServer.initialize({ processId: null, rootUri, workspaceFolders: [{ uri: rootUri, name: 'w' }], capabilities: {} });
        const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = services.shared.workspace;
        const document = LangiumDocumentFactory.fromString<Model>(withoutModel, URI.file(path.join(folder, 'programme.mcred')));
        LangiumDocuments.addDocument(document);
        const severities = () => (document.diagnostics ?? []).filter(d => d.code === 'qa-business-model').map(severityName);
        const validated = () => new Promise<void>(resolve => {
            const disposable = DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => {
                disposable.dispose();
                resolve();
            });
        });
        return { services, folder, document, severities, validated, build: () => DocumentBuilder.build([document], { validation: true }) };
    }

    test('mcred.json at the workspace root sets the severities; editing it re-validates the documents', async () => {
        const server = await serve();
        writeFileSync(path.join(server.folder, 'mcred.json'), '{"profile": "strict"}');
        await server.build();
        expect(server.severities()).toEqual(['error']);

        writeFileSync(path.join(server.folder, 'mcred.json'), '{"severity": {"qa-business-model": "off"}}');
        const revalidated = server.validated();
        server.services.shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({
            changes: [{ uri: pathToFileURL(path.join(server.folder, 'mcred.json')).href, type: FileChangeType.Changed }]
        });
        await revalidated;
        expect(server.severities()).toEqual([]);
    });

    test('the mcred settings apply where mcred.json says nothing, and a settings change re-validates', async () => {
        const server = await serve();
        writeFileSync(path.join(server.folder, 'mcred.json'), '{"severity": {"eu-opt-grade": "off"}}');
        await server.build();
        expect(server.severities()).toEqual(['warning']);
        const revalidated = server.validated();
        server.services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { mcred: { profile: 'strict' } } });
        await revalidated;
        expect(server.severities()).toEqual(['error']);
    });

    test('an invalid mcred.json is ignored (with a warning) instead of breaking validation', async () => {
        const server = await serve();
        writeFileSync(path.join(server.folder, 'mcred.json'), '{"profile": "lenient"}');
        const warn = console.warn;
        const warnings: string[] = [];
        console.warn = (message: string) => warnings.push(message);
        try {
            await server.build();
        } finally {
            console.warn = warn;
        }
        expect(server.severities()).toEqual(['warning']);
        expect(warnings[0]).toContain('unknown profile "lenient"');
    });
});
