#!/usr/bin/env node
// `mcred` CLI: the bundle built by `npm run build` (scripts/build.mjs).
'use strict';
try {
    require('../out/cli.cjs');
} catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND' && /out[\\/]cli\.cjs/.test(error.message)) {
        process.stderr.write('mcred: not built yet: run `npm run build` first\n');
        process.exit(2);
    }
    throw error;
}
