import { GrammarUtils, type ConfigurationProvider, type IndexManager, type LangiumDocument } from 'langium';
import type { CodeLensProvider, LangiumServices } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import { isMicroCredential, type Model } from '../generated/ast.js';
import { readiness } from '../model/readiness.js';
import { EXPORT_OPEN_BADGE_COMMAND, SHOW_QA_REPORT_COMMAND } from '../protocol.js';
import { readinessSummary, readinessTitle } from './readiness-summary.js';
import { cohortsByCredential } from './workspace-cohorts.js';


/**
 * Above each micro-credential: whether it can be issued, how many of the eleven Annex I elements it
 * states and QA m/17 (the tooltip lists what is not stated), "QA report" and "Export…".
 */
export class McredCodeLensProvider implements CodeLensProvider {
    private readonly index: IndexManager;
    private readonly configuration: ConfigurationProvider;

    constructor(services: LangiumServices) {
        this.index = services.shared.workspace.IndexManager;
        this.configuration = services.shared.workspace.ConfigurationProvider;
    }

    async provideCodeLens(document: LangiumDocument): Promise<CodeLens[]> {
        const settings = await this.configuration.getConfiguration('mcred', 'codeLens') as { enable?: boolean } | undefined;
        if (settings?.enable === false) return [];
        const credentials = (document.parseResult.value as Model).elements.filter(isMicroCredential);
        if (credentials.length === 0) return [];
        const cohorts = cohortsByCredential(this.index);
        const uri = document.uri.toString();
        return credentials.flatMap(credential => {
            const range = (GrammarUtils.findNodeForProperty(credential.$cstNode, 'name') ?? credential.$cstNode)?.range;
            if (!range) return [];
            const summary = readinessSummary(readiness({ credential, cohorts: cohorts.get(credential) ?? [] }));
            const missing = [summary.issuableText, ...summary.annex1Missing.length > 0 ? ['', 'Annex I elements not stated:', ...summary.annex1Missing] : ['Every Annex I element is stated.']].join('\n');
            return [
                { range, command: { title: readinessTitle(summary), command: '', tooltip: missing } },
                { range, command: { title: 'QA report', command: SHOW_QA_REPORT_COMMAND, arguments: [uri, credential.name], tooltip: 'Show the QA report of this micro-credential beside the editor' } },
                { range, command: { title: 'Export…', command: EXPORT_OPEN_BADGE_COMMAND, arguments: [uri, credential.name], tooltip: 'Export as Open Badge 3.0' } }
            ];
        });
    }
}
