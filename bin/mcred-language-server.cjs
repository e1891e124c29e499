#!/usr/bin/env node
// `mcred-language-server --stdio`: the language server for any LSP client, built by `npm run build`.
'use strict';
try {
    require('../out/server.cjs');
} catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND' && /out[\\/]server\.cjs/.test(error.message)) {
        process.stderr.write('mcred-language-server: not built yet: run `npm run build` first\n');
        process.exit(2);
    }
    throw error;
}
