import { DefaultReferenceDescriptionProvider, interruptAndCheck, type LangiumDocument, type ReferenceDescription } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

/**
 * Langium's index of the references a document makes, computed from the references the linker has
 * just collected (`document.references`) instead of walking the whole syntax tree again with an
 * `await` per node. Same descriptions; it matters when an edit of a shared file (the providers)
 * relinks the hundreds of documents that reference it.
 */
export class McredReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        await interruptAndCheck(cancelToken);
        const descriptions: ReferenceDescription[] = [];
        for (const reference of document.references) {
            // The reference's own syntax node belongs to the node that holds the reference.
            const container = reference.$refNode?.astNode;
            if (container && !reference.error) {
                descriptions.push(...this.createInfoDescriptions({ reference, container, property: '' }));
            }
        }
        return descriptions;
    }
}
