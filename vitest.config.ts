import { defineConfig } from 'vitest/config';

export default defineConfig({
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
