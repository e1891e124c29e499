import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, GrammarUtils, isCompositeCstNode, type CstNode } from 'langium';
import { describe, expect, test } from 'vitest';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { isMicroCredential } from '../../language-server/generated/ast.js';
import { QA_CHECKS } from '../../language-server/model/qa-checks.js';
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

describe('the gaps of a QA check (without reading its evidence)', () => {
    test.each(files)('are the gaps of its assessment, and none when it passes: %s', async file => {
        const { documents } = await loadWorkspace([{ path: path.resolve(file), text: readFileSync(file, 'utf8') }]);
        const credentials = AstUtils.streamAst(documents[0].parseResult.value).filter(isMicroCredential).toArray();
        for (const credential of credentials) {
            for (const check of QA_CHECKS) {
                const assessed = check.assess(credential);
                expect(check.gaps(credential), `${credential.name} ${check.code}`).toEqual(assessed.passed ? [] : [...assessed.gaps]);
            }
        }
    });

    test('a check whose evidence has no source text (a credential built by hand) fails with "nothing states"', () => {
        const credential = { $type: 'MicroCredential', name: 'Built', outcomes: [], assessments: [], holes: [], waivers: [], duration: { $type: 'Duration' } };
        const duration = QA_CHECKS.find(check => check.code === 'qa-structure-defined');
        expect(duration).toBeDefined();
        const assessed = duration!.assess(credential as never);
        expect(assessed.passed).toBe(false);
        expect(duration!.gaps(credential as never)).toEqual(assessed.passed ? [] : [...assessed.gaps]);
    });
});
