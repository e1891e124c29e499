import { defineConfig } from 'vitest/config';

export default defineConfig({
    // JSON-LD contexts (`standards/**/*.jsonld`) are imported as JSON, as esbuild's `.jsonld` loader does in the build.
    plugins: [{
        name: 'jsonld-as-json',
        transform(code: string, id: string) {
            if (id.endsWith('.jsonld')) return { code: `export default ${code};`, map: null };
            // SHACL shapes (`*.ttl`) are imported as text, as esbuild's `.ttl` text loader does in the build.
            return id.endsWith('.ttl') ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined;
        }
    }],
    test: {
        include: ['test/**/*.test.ts'],
        exclude: ['test/e2e/**', 'node_modules/**'],
        setupFiles: ['./test/setup/polyfills.ts'],
        testTimeout: 30_000,
        coverage: {
            provider: 'v8',
            include: ['language-server/**/*.ts', 'extension/**/*.ts'],
            // The browser entries run only in VS Code for the web (the e2e web scenario); no test
            // loads them in Node, and the coverage provider cannot parse them untransformed.
            exclude: ['language-server/generated/**', 'language-server/main-browser.ts', 'extension/main-browser.ts'],
            reporter: ['text-summary', 'json-summary', 'html'],
            reportsDirectory: 'coverage'
        }
    }
});
