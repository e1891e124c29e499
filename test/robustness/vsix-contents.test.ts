import { existsSync, readFileSync } from 'node:fs';
import { minimatch } from 'minimatch';
import { expect, test } from 'vitest';

/**
 * Finding 12: the .vsix lacked `schemas/mcred.schema.json`, which its manifest names
 * (`jsonValidation`), so mcred.json got no validation or completion in VS Code. Every path the
 * manifest names must be let into the package by .vscodeignore (vsce's rule: the last pattern
 * that matches a path decides, `!` lets it in) and exist.
 */
interface Manifest {
    main?: string;
    browser?: string;
    icon?: string;
    contributes?: {
        languages?: Array<{ configuration?: string; icon?: { light?: string; dark?: string } }>;
        grammars?: Array<{ path?: string }>;
        jsonValidation?: Array<{ url?: string }>;
    };
}

function manifestPaths(manifest: Manifest): string[] {
    const c = manifest.contributes ?? {};
    const paths = [
        manifest.main, manifest.browser, manifest.icon,
        ...(c.languages ?? []).flatMap(l => [l.configuration, l.icon?.light, l.icon?.dark]),
        ...(c.grammars ?? []).map(g => g.path),
        ...(c.jsonValidation ?? []).map(j => j.url).filter(url => url !== undefined && !/^[a-z]+:/i.test(url))
    ];
    return paths.filter((p): p is string => typeof p === 'string').map(p => p.replace(/^\.\//, ''));
}

function packaged(file: string, ignore: readonly string[]): boolean {
    let included = true;
    for (const line of ignore) {
        const pattern = line.trim();
        if (pattern === '' || pattern.startsWith('#')) continue;
        const negated = pattern.startsWith('!');
        if (minimatch(file, negated ? pattern.slice(1) : pattern, { dot: true })) included = negated;
    }
    return included;
}

test('every path package.json names is in the .vsix (and exists)', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
    const ignore = readFileSync('.vscodeignore', 'utf8').split('\n');
    const paths = manifestPaths(manifest);
    expect(paths).toContain('schemas/mcred.schema.json');
    expect(paths.filter(p => !packaged(p, ignore))).toEqual([]);
    // Bundles exist after `npm run build`; sources always.
    expect(paths.filter(p => !p.startsWith('out/') && !existsSync(p))).toEqual([]);
});

test('the language server\'s module chunks are in the .vsix (out/server.cjs only loads out/server/)', () => {
    const ignore = readFileSync('.vscodeignore', 'utf8').split('\n');
    for (const file of ['out/server/main.mjs', 'out/server/chunks/chunk-ABCD1234.mjs', 'out/server/chunks/catalogue-command-ABCD1234.mjs']) {
        expect(packaged(file, ignore), file).toBe(true);
    }
    expect(packaged('out/server/main.mjs.map', ignore)).toBe(false);
});
