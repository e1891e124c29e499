import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, GrammarUtils, isCompositeCstNode, type CstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { nodesForProperty } from '../../language-server/model/stated.js';

/** Every property name some CST node of the tree is assigned to. */
function features(root: CstNode): Set<string> {
    const found = new Set<string>(['name', 'title', 'nothing-has-this-property']);
    const walk = (node: CstNode) => {
        const assignment = GrammarUtils.findAssignment(node);
        if (assignment) found.add(assignment.feature);
        if (isCompositeCstNode(node)) node.content.forEach(walk);
    };
    walk(root);
    return found;
}

const files = [
    ...readdirSync('examples').filter(f => f.endsWith('.mcred')).map(f => path.join('examples', f)),
    ...readdirSync('examples/invalid').filter(f => f.endsWith('.mcred')).map(f => path.join('examples/invalid', f))
];

describe('the property index of the evidence (nodesForProperty)', () => {
    test.each(files)('finds what GrammarUtils.findNodesForProperty finds, in the same order: %s', async file => {
        const { documents } = await loadWorkspace([{ path: path.resolve(file), text: readFileSync(file, 'utf8') }]);
        const root = documents[0].parseResult.value;
        const properties = [...features(root.$cstNode!)];
        let compared = 0;
        for (const node of AstUtils.streamAst(root)) {
            const cst = node.$cstNode;
            if (!cst) continue;
            for (const property of properties) {
                const ours = nodesForProperty(cst, property);
                const langium = GrammarUtils.findNodesForProperty(cst, property);
                // The same node objects (not equal copies), in the same order.
                expect(ours.length, `${node.$type}.${property}`).toBe(langium.length);
                ours.forEach((found, i) => expect(found === langium[i], `${node.$type}.${property}[${i}]`).toBe(true));
                compared++;
            }
        }
        expect(compared).toBeGreaterThan(0);
    });
});
