import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `npm run test:fast`: the pure and in-process tests, for the inner loop (under a minute). Left
 * out, because they start processes, browsers or heavy validators: the CLI tests (each spawns
 * `mcred`), the stdio language-server tests, the headless-Chromium report test, the official
 * schema/SHACL validation of exports, the fuzzer and the other robustness tests, and ESLint's
 * type-aware lint tests. `npm test` (CI and the README) runs everything.
 */
export const SLOW_TESTS = [
    'test/cli/**',
    'test/robustness/**',
    'test/lint/house-style.test.ts',
    'test/report/report-browser.test.ts',
    'test/export/official-validation.test.ts',
    'test/export/offline-validators.test.ts',
    'test/lsp/*stdio*.test.ts',
    'test/lsp/editor-performance.test.ts',
    'test/lsp/many-files.test.ts',
    'test/lsp/rules-server.test.ts',
    'test/lsp/windowed-completion.test.ts'
];

export default mergeConfig(base, defineConfig({
    test: {
        exclude: [...SLOW_TESTS]
    }
}));
