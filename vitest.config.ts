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
            exclude: ['language-server/generated/**'],
            reporter: ['text-summary', 'json-summary', 'html'],
            reportsDirectory: 'coverage'
        }
    }
});
