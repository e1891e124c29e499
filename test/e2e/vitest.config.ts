import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: the scenarios in test/e2e/scenarios, one at a time (each starts its own
// code-server and Chromium; the machine has 2 cores). Not part of `npm test`.
export default defineConfig({
    root: fileURLToPath(new URL('../..', import.meta.url)),
    test: {
        include: ['test/e2e/scenarios/**/*.e2e.ts'],
        globalSetup: ['./test/e2e/global-setup.ts'],
        setupFiles: ['./test/setup/polyfills.ts'],
        fileParallelism: false,
        testTimeout: 180_000,
        hookTimeout: 600_000
    }
});
