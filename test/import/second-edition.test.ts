// Second-edition facts that the examples do not exercise survive the round trip in both formats:
// an alliance with a country and a DID of its own and a member without country, a contributing
// provider that is not a member, a legal name with a comma, an assessment without a name but
// with a title (holding `: `) and a weight, a module taught by two providers with a description
// (holding `; `).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isMicroCredential, isProvider, type Model } from '../../language-server/generated/ast.js';
import { credentialModel, type ProviderModel } from '../../language-server/model/credential-model.js';
import { importCredentials } from '../../language-server/import/index.js';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { exportFiles, loadFiles } from '../support/export-fixtures.js';

const SOURCE = `
provider ALLY {
    name "Northern Alliance"
    country SE
    kind alliance
    members UNIA, UNIB
    did "did:web:ally.example.org"
}
provider UNIA {
    name "University A, Campus North"
    country FI
    region "Uusimaa"
}
provider UNIB {
    name "University B"
}
provider PARTNER {
    name "Partner Lab"
    country DE
    region "Bavaria"
}
microcredential Edge {
    title "Edge cases"
    awardedBy ALLY
    deliveredWith PARTNER
    language en
    level eqf 5
    workload 3 ects
    participation online
    outcome LO1 "Do a thing"
    module PartOne {
        title "Part one"
        description "Reading; then writing"
        workload 30 hours
        providedBy UNIA, PARTNER
        covers LO1
    }
    assessment {
        title "Final: exam"
        type written-exam
        weight 100%
        covers LO1
    }
    qualityAssurance {
        internal exAnte "Approved by the board"
    }
}
cohort Winter of Edge {
    issued 2026-01-10
    learner "Ada Byron" id "did:example:ada" grade "pass"
}
`;

function provider(p: ProviderModel): unknown {
    return { name: p.name, legalName: p.legalName, country: p.country?.code, region: p.region, did: p.did, members: p.members?.map(provider) };
}

function facts(model: Model) {
    const credential = model.elements.find(isMicroCredential)!;
    const m = credentialModel(credential, []);
    return {
        providers: m.awardingBodies.map(provider),
        contributors: m.contributors?.map(provider),
        modules: m.modules?.map(x => ({
            name: x.name, title: x.title, description: x.description, hours: x.hours, providers: x.providers.map(p => p.name), covers: x.covers
        })),
        assessments: m.assessments.map(a => ({ name: a.declaredName, title: a.title, type: a.type?.code, weight: a.weight, covers: a.covers }))
    };
}

describe('second-edition round trip beyond the examples', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'mcred-second-edition-'));
    const file = path.join(folder, 'edge.mcred');
    writeFileSync(file, SOURCE);
    const [original] = await loadFiles([file]);
    test('the source is valid', () => {
        expect(original.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
    });

    test.each(['ob3', 'elm'] as const)('%s', async format => {
        const plan = await exportFiles([file], { format, credential: 'Edge', revealIdentity: true });
        expect(plan.problems).toEqual([]);
        const result = importCredentials(plan.documents.map(d => ({ name: d.fileName, text: d.text })));
        const { documents } = await loadWorkspace([{ path: path.join(folder, `imported-${format}.mcred`), text: result.text }]);
        const back = documents[0].parseResult.value;
        expect(documents[0].parseResult.parserErrors).toEqual([]);
        const expected = facts(original.parseResult.value);
        if (format === 'elm') {
            // An ELM organisation node needs a location: an alliance member without a country is named only in
            // the "Delivered with" note, with its legal name, and the import names it from its legal name.
            expected.providers = expected.providers.map(p => ({
                ...(p as object),
                members: ((p as { members?: Array<{ name: string }> }).members ?? []).map(m => m.name === 'UNIB' ? { ...m, name: 'UniversityB' } : m)
            }));
        }
        expect(facts(back)).toEqual(expected);
        // The alliance's own country, not its members'; no country for the member that states none.
        const unib = back.elements.filter(isProvider).find(p => p.legalName === 'University B');
        expect(unib?.country).toBeUndefined();
    });
});
