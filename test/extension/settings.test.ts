import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

interface Setting {
    readonly default?: unknown;
    readonly description?: string;
    readonly markdownDescription?: string;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: { configuration: { properties: Record<string, Setting> }; commands: Array<{ command: string; title: string; category?: string }> };
};
const SETTINGS = Object.entries(pkg.contributes.configuration.properties);

/** The README and every page of docs/, where settings are documented. */
const DOCS = ['README.md', ...(existsSync('docs') ? readdirSync('docs').filter(f => f.endsWith('.md')).map(f => `docs/${f}`) : [])]
    .map(file => readFileSync(file, 'utf8')).join('\n');

describe('settings', () => {
    test.each(SETTINGS)('%s has a default and a description in package.json', (_key, setting) => {
        expect(setting.default).toBeDefined();
        expect(setting.markdownDescription ?? setting.description).toBeTruthy();
    });

    test.each(SETTINGS)('%s is documented with its default', (key, setting) => {
        const row = DOCS.split('\n').find(line => line.includes(`\`${key}\``));
        expect(row, `${key} is not documented in README.md or docs/`).toBeDefined();
        expect(row).toContain(`\`${JSON.stringify(setting.default)}\``);
    });
});

describe('commands', () => {
    test('every command is in the Micro-credential category', () => {
        for (const command of pkg.contributes.commands) {
            expect(command.command).toMatch(/^mcred\./);
            expect(command.category).toBe('Micro-credential');
        }
        expect(pkg.contributes.commands.map(c => c.command)).toContain('mcred.newProgramme');
    });
});
