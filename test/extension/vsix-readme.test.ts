// The .vsix carries the user part of the README: what the extension does and how to install it,
// not how to build it from a clone (scripts/package.mjs passes it to vsce with --readme-path).
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { DEVELOPER_SECTIONS, userReadme } from '../../scripts/package.mjs';

test('the user README keeps every user section and drops the developer ones', () => {
    const readme = readFileSync('README.md', 'utf8');
    const user = userReadme(readme);
    for (const title of DEVELOPER_SECTIONS) {
        expect(readme).toContain(`## ${title}\n`);
        expect(user).not.toContain(`## ${title}\n`);
    }
    expect(user).not.toContain('npm ci');
    for (const title of ['Install', 'The language', 'Editor features', 'CLI', 'Settings']) expect(user).toContain(`## ${title}\n`);
    expect(user.startsWith('# mcred\n')).toBe(true);
});
