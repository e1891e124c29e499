import { commands, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { registerCatalogueCommand } from './commands/catalogue.js';
import { registerExportCommands } from './commands/export.js';
import { registerImportCommand } from './commands/import.js';
import { registerQaReportCommand } from './commands/qa-report.js';
import { NEW_PROGRAMME_COMMAND } from '../language-server/protocol.js';
import { newProgramme } from './new-programme.js';
import { McredStatusBar } from './status-bar.js';

/**
 * What both entries (Node: extension/main.ts, web: extension/main-browser.ts) do with their
 * client once created: register the commands and the QA report, start the client, show the
 * status bar. The entries differ only in how the server is started.
 */
export async function startClient(context: ExtensionContext, client: BaseLanguageClient): Promise<void> {
    context.subscriptions.push(client);
    registerExportCommands(context, client);
    registerImportCommand(context, client);
    registerQaReportCommand(context, client);
    registerCatalogueCommand(context, client);
    context.subscriptions.push(commands.registerCommand(NEW_PROGRAMME_COMMAND, newProgramme));
    await client.start();
    context.subscriptions.push(new McredStatusBar(client));
}
