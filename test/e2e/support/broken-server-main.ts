// TEST-ONLY language server for proving that the e2e suite can fail (MCRED_E2E_BREAK_SERVER=1):
// the real mcred server, except that it never publishes diagnostics. The harness builds it and
// copies it over out/server.cjs of the installed extension; it is never part of the product.
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createMcredServices } from '../../../language-server/mcred-module.js';

const connection = createConnection(ProposedFeatures.all);
connection.sendDiagnostics = () => Promise.resolve();
const { shared } = createMcredServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
