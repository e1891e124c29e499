// The client/server protocol is declared once, in language-server/protocol.ts: no other source
// file spells a command or request id, and every client command the server's lenses run is one
// the extension contributes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import * as protocol from '../../language-server/protocol.js';

function sources(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
        return entry.name.endsWith('.ts') ? [path] : [];
    });
}

const ids = Object.entries(protocol).filter(([name, value]) => /_(COMMAND|REQUEST)$/.test(name) && typeof value === 'string')
    .map(([, value]) => value as string);

test('protocol.ts declares the commands and requests', () => {
    expect(ids).toEqual(expect.arrayContaining(['mcred.export', 'mcred.report', 'mcred/documentStatus', 'mcred.showQaReport']));
});

test('no other file of the server or the extension spells a protocol id', () => {
    const offenders = [...sources('language-server'), ...sources('extension')]
        .filter(file => !file.endsWith('protocol.ts'))
        .flatMap(file => ids.filter(id => readFileSync(file, 'utf8').includes(`'${id}'`)).map(id => `${file}: '${id}'`));
    expect(offenders).toEqual([]);
});

test('every client command of the protocol is contributed by the extension', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { commands: Array<{ command: string }> } };
    const contributed = new Set(manifest.contributes.commands.map(c => c.command));
    const serverCommands = new Set(protocol.SERVER_COMMANDS);
    const clientCommands = ids.filter(id => id.startsWith('mcred.') && !serverCommands.has(id));
    expect(clientCommands.filter(id => !contributed.has(id))).toEqual([]);
});
