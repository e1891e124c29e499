// The QA report command as the manifest declares it, the code lens calls it and the webview's
// messages are accepted (the webview itself runs in the e2e suite).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isPlace } from '../../extension/commands/qa-report-messages.js';

interface Manifest {
    contributes: {
        commands: Array<{ command: string; title: string; category?: string }>;
        menus: Record<string, Array<{ command: string; when?: string }>>;
    };
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;

describe('mcred.showQaReport', () => {
    test('"Micro-credential: Show QA report" in the palette, the editor title and context menus of .mcred files', () => {
        expect(pkg.contributes.commands).toContainEqual({ command: 'mcred.showQaReport', title: 'Show QA report', category: 'Micro-credential' });
        expect(pkg.contributes.menus['commandPalette']).toContainEqual({ command: 'mcred.showQaReport', when: 'editorLangId == mcred' });
        for (const menu of ['editor/title', 'editor/context']) {
            expect(pkg.contributes.menus[menu].find(m => m.command === 'mcred.showQaReport')?.when, menu).toBe('resourceLangId == mcred');
        }
    });

    test('both entries (desktop and web) register it, through their shared start function', () => {
        expect(readFileSync('extension/start-client.ts', 'utf8').match(/registerQaReportCommand\(context, client\)/g)).toHaveLength(1);
        for (const entry of ['extension/main.ts', 'extension/main-browser.ts']) {
            expect(readFileSync(entry, 'utf8').match(/await startClient\(context, client\)/g), entry).toHaveLength(1);
        }
    });

    test('only well-formed places from the webview are accepted', () => {
        const place = { type: 'fix', uri: 'file:///w/p.mcred', line: 9, column: 17, endLine: 9, endColumn: 24 };
        expect(isPlace(place)).toBe(true);
        expect(isPlace({ ...place, type: 'reveal', uri: 'untitled:Untitled-1' })).toBe(true);
        // On the web the workspace has its own scheme: places in it are accepted, file: ones are not.
        expect(isPlace({ ...place, uri: 'vscode-test-web://mount/p.mcred' }, 'vscode-test-web')).toBe(true);
        expect(isPlace(place, 'vscode-test-web')).toBe(false);
        expect(isPlace({ ...place, uri: 'command:workbench.action.terminal.new' }, 'command')).toBe(false);
        for (const bad of [
            null, 'fix', {}, { ...place, type: 'run' }, { ...place, uri: 'command:workbench.action.terminal.new' }, { ...place, uri: 'https://evil.example' },
            { ...place, line: 0 }, { ...place, column: 1.5 }, { ...place, endLine: '9' }, { ...place, uri: 42 }
        ]) {
            expect(isPlace(bad), JSON.stringify(bad)).toBe(false);
        }
    });
});
