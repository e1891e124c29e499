import jsonld from 'jsonld';
import { Parser as N3Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import noCvShapes from '../../standards/elm/shacl/EDC-generic-no-cv-3.2.ttl';
import fullShapes from '../../standards/elm/shacl/EDC-generic-full-3.2.ttl';
import type { DocumentLoader } from './document-loader.js';

/**
 * The official EDC SHACL shapes (ELM 3.2, with the controlled-vocabulary constraints) on a
 * Europass credential, as `mcred verify` checks it: JSON-LD → RDF with the local contexts → N3 →
 * rdf-validate-shacl. The two properties only the Europass sealing service adds (`issued`, the
 * issuer's eIDAS identifier) are set apart: they are expected to be missing before sealing.
 */
const SEALING_ONLY = [
    { path: 'https://www.w3.org/2018/credentials#issued', what: 'the sealing date (issued)' },
    { path: 'https://www.w3.org/2018/credentials#issuer', what: "the issuer's eIDAS legal identifier" }
];

let validator: SHACLValidator | undefined;

export async function elmShapeResults(document: unknown, documentLoader: DocumentLoader): Promise<{ violations: string[]; sealingOnly: string[] }> {
    const nquads = await jsonld.toRDF(document as Parameters<typeof jsonld.toRDF>[0], {
        format: 'application/n-quads',
        safe: true,
        documentLoader
    } as unknown as jsonld.Options.ToRdf) as unknown as string;
    const data = new Store(new N3Parser({ format: 'N-Quads' }).parse(nquads));
    if (!validator) {
        const shapes = new Store();
        shapes.addQuads(new N3Parser().parse(noCvShapes));
        shapes.addQuads(new N3Parser().parse(fullShapes));
        // The profiles import each other by URI (owl:imports); both are loaded here.
        validator = new SHACLValidator(shapes, { importGraph: () => new Store() });
    }
    const report = await validator.validate(data);
    const violations: string[] = [];
    const sealingOnly: string[] = [];
    for (const result of report.results) {
        const path = result.path?.value ?? '';
        const sealing = SEALING_ONLY.find(s => s.path === path);
        if (sealing) {
            sealingOnly.push(sealing.what);
            continue;
        }
        violations.push(`${path.replace(/^.*[#/]/, '') || 'a node'} of ${result.focusNode?.value ?? '?'}: ${result.message.map(m => m.value).join('; ')}`);
    }
    return { violations, sealingOnly: SEALING_ONLY.map(s => s.what).filter(what => sealingOnly.includes(what)) };
}
