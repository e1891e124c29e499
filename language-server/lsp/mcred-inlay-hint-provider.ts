import { GrammarUtils, type AstNode, type ConfigurationProvider, type LangiumDocument } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor, type LangiumServices } from 'langium/lsp';
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver';
import { isMicroCredential, isPathway } from '../generated/ast.js';
import { HOURS_PER_ECTS, notionalHours, pathwayEcts } from '../model/workload.js';

interface InlayHintSettings {
    readonly workloadHours: boolean;
    readonly pathwayEcts: boolean;
}

/**
 * Facts the designer would otherwise compute: after `workload 5 ects`, the notional hours it
 * implies (125–150 h); after a pathway's `includes`, the summed ECTS of its parts.
 */
export class McredInlayHintProvider extends AbstractInlayHintProvider {
    private readonly configuration: ConfigurationProvider;
    private settings: InlayHintSettings = { workloadHours: true, pathwayEcts: true };

    constructor(services: LangiumServices) {
        super();
        this.configuration = services.shared.workspace.ConfigurationProvider;
    }

    override async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken?: CancellationToken): Promise<InlayHint[] | undefined> {
        const configured = await this.configuration.getConfiguration('mcred', 'inlayHints') as Partial<InlayHintSettings> | undefined;
        this.settings = { workloadHours: configured?.workloadHours ?? true, pathwayEcts: configured?.pathwayEcts ?? true };
        return super.getInlayHints(document, params, cancelToken);
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if ((isMicroCredential(node) || isPathway(node)) && node.ects !== undefined && this.settings.workloadHours) {
            const unit = GrammarUtils.findNodeForKeyword(node.$cstNode, 'ects');
            if (unit) {
                const hours = notionalHours(node.ects);
                acceptor({
                    position: unit.range.end,
                    label: `≈ ${hours.min}–${hours.max} h`,
                    paddingLeft: true,
                    tooltip: `Notional learning hours implied by ${node.ects} ECTS (${HOURS_PER_ECTS.min}–${HOURS_PER_ECTS.max} hours per credit, ECTS Users' Guide).`
                });
            }
        }
        if (isPathway(node) && node.includes.length > 0 && this.settings.pathwayEcts) {
            const parts = GrammarUtils.findNodesForProperty(node.$cstNode, 'includes');
            const last = parts[parts.length - 1];
            if (last) {
                const sum = pathwayEcts(node);
                const incomplete = sum.withoutEcts.length > 0 ? ` + ? (${sum.withoutEcts.join(', ')} without ECTS)` : '';
                acceptor({
                    position: last.range.end,
                    label: `Σ ${sum.total} ECTS${incomplete}${sum.cyclic ? ' (contains itself)' : ''}`,
                    paddingLeft: true,
                    tooltip: `Sum of the ECTS of the ${sum.counted} part${sum.counted === 1 ? '' : 's'} this pathway includes.`
                });
            }
        }
    }
}
