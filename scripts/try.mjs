// `npm run try`: VS Code in the browser for people without VS Code. Packages the extension, starts
// code-server (installed on first use into .cache/code-server) on 127.0.0.1 with the .vsix
// installed and the examples/ folder open, prints the URL, and stops everything on Ctrl+C.
//
//   npm run try [-- --port N] [-- FOLDER]
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer, installExtension, killGroup, prepareProfile, startCodeServer } from './code-server.mjs';
import { packageExtension } from './package.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 8080;
const folderArg = args.find((arg, index) => !arg.startsWith('--') && (portIndex < 0 || index !== portIndex + 1));
const folder = path.resolve(root, folderArg ?? 'examples');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`try: --port needs a port number (got ${args[portIndex + 1]})`);
    process.exit(2);
}
if (!existsSync(folder)) {
    console.error(`try: ${path.relative(process.cwd(), folder) || folder} does not exist`);
    process.exit(2);
}

ensureCodeServer();
const { vsix } = packageExtension({ quiet: true });
const runDir = path.join(root, '.e2e', 'try');
rmSync(runDir, { recursive: true, force: true });
prepareProfile(runDir);
installExtension(runDir, vsix);

const server = await startCodeServer({ runDir, folder, port });
let stopping = false;
const stop = async signal => {
    if (stopping) return;
    stopping = true;
    console.log(`\ntry: ${signal}: stopping code-server…`);
    await server.stop();
    process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('exit', () => {
    if (!stopping) killGroup(server.pid);
});

console.log(`\nmcred in VS Code for the web: ${server.url}`);
console.log(`(${path.relative(root, folder)} is open; edits are saved there. Ctrl+C stops the server.)`);
// Keep running until a signal arrives.
setInterval(() => undefined, 1 << 30);
