import * as nodeModule from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `out/server.cjs`, what VS Code and `mcred-language-server` start: a loader of a few lines for
 * the language server of `main.ts`, which is bundled as ES module chunks (`out/server/`) so that
 * what validation does not need (the signing stack, the exporters, the catalogue's graph layout:
 * most of the code) is read and compiled only when a command first needs it. It also turns on
 * Node's compile cache where the runtime has one (Node >= 22.1; absent on Node 20, where this is
 * a no-op): a second start then skips compiling the server's code (issue 18).
 */
const enableCompileCache = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
if (typeof enableCompileCache === 'function') {
    try {
        // The default cache folder (under os.tmpdir()); NODE_DISABLE_COMPILE_CACHE=1 turns it off.
        enableCompileCache();
    } catch {
        // A cache that cannot be written only costs speed.
    }
}

import(pathToFileURL(path.join(__dirname, 'server', 'main.mjs')).href).catch((error: unknown) => {
    process.stderr.write(`mcred-language-server: cannot start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
});
