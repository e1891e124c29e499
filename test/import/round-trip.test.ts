// The round trip: every micro-credential of the valid examples, exported in each format and
// imported back, gives the same programme (names, title, translations, ECTS, level, outcomes,
// modules, assessments with their titles, weights and coverage, participation, providers with
// alliance members and partners, learners and the Annex I summary).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isCohort, isMicroCredential, isPathway, type Cohort, type MicroCredential, type Model } from '../../language-server/generated/ast.js';
import { credentialModel, cohortLearners, type CredentialModel, type ProviderModel } from '../../language-server/model/credential-model.js';
import { ANNEX1_ELEMENTS } from '../../language-server/model/annex1-elements.js';
import { cohortCredential } from '../../language-server/model/credential-contexts.js';
import { parseRoster } from '../../language-server/export/roster.js';
import { importCredentials } from '../../language-server/import/index.js';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { EXAMPLES_DIR, exportFiles, loadFiles, validMcredFiles } from '../support/export-fixtures.js';

const files = validMcredFiles(EXAMPLES_DIR);

interface Programme {
    credential: MicroCredential;
    model: CredentialModel;
    cohorts: Cohort[];
}

function programmes(models: readonly Model[]): Programme[] {
    const pathways = models.flatMap(m => m.elements.filter(isPathway));
    const cohorts = models.flatMap(m => m.elements.filter(isCohort));
    return models.flatMap(m => m.elements.filter(isMicroCredential)).map(credential => ({
        credential,
        model: credentialModel(credential, pathways),
        cohorts: cohorts.filter(c => cohortCredential(c) === credential)
    }));
}

/** A provider as the round trip must give it back (members by their own facts, not a country nobody wrote). */
function providerFacts(p: ProviderModel): Record<string, unknown> {
    return {
        name: p.name, legalName: p.legalName, country: p.country?.code, region: p.region, did: p.did,
        members: p.members?.map(providerFacts)
    };
}

/** What must survive the round trip, as plain data. */
function essentials({ model }: Programme) {
    return {
        name: model.name,
        title: model.title,
        titleTranslations: model.titleTranslations,
        description: model.description,
        descriptionTranslations: model.descriptionTranslations,
        ects: model.workload.ects,
        hours: model.workload.hours,
        level: { eqf: model.level.eqf?.code, qfEhea: model.level.qfEhea?.code, none: model.level.notApplicable },
        languages: model.languages.map(l => l.code),
        fields: model.fields.map(f => f.code),
        participation: model.participation?.code,
        setting: model.setting?.code,
        duration: model.duration?.iso,
        outcomes: model.outcomes.map(o => ({ name: o.name, statement: o.statement, translations: o.statementTranslations, skills: o.skills.map(s => s.uri) })),
        modules: model.modules?.map(m => ({
            name: m.name, title: m.title, titleTranslations: m.titleTranslations, description: m.description,
            descriptionTranslations: m.descriptionTranslations, ects: m.ects, hours: m.hours,
            providers: m.providers.map(p => p.name), covers: m.covers
        })),
        assessments: model.assessments.map(a => ({
            name: a.declaredName, title: a.title, titleTranslations: a.titleTranslations, type: a.type?.code, weight: a.weight,
            covers: a.covers, supervision: a.supervision?.code, grading: a.grading,
            description: a.description, descriptionTranslations: a.descriptionTranslations
        })),
        providers: model.awardingBodies.map(providerFacts),
        contributors: model.contributors?.map(providerFacts),
        qualityAssurance: model.qualityAssurance?.procedures.map(p => p.text),
        prerequisites: model.prerequisites,
        prerequisitesTranslations: model.prerequisitesTranslations,
        recognition: model.recognition,
        recognitionTranslations: model.recognitionTranslations
    };
}

/** Learners by date of issuing: `date|name|id|grade|given|family`, sorted. */
function learners(programme: Programme, folder: string): string[] {
    const rows: string[] = [];
    for (const cohort of programme.cohorts) {
        const inline = cohortLearners(cohort).map(l => ({ ...l, issued: cohort.issued }));
        const roster = cohort.roster
            ? parseRoster(readFileSync(path.resolve(folder, cohort.roster), 'utf8'), cohort.roster).learners
                .map(l => ({ ...l, issued: l.issued ?? cohort.issued })) : [];
        for (const l of [...inline, ...roster]) rows.push([l.issued, l.fullName, l.identifier, l.grade, l.givenName, l.familyName].join('|'));
    }
    return rows.sort();
}

function annexSummary(programme: Programme): Record<string, boolean> {
    return Object.fromEntries(ANNEX1_ELEMENTS.map(e => [e.code, e.statedIn({ credential: programme.credential, cohorts: programme.cohorts }) !== undefined]));
}

/** A learner's identifier as the exports carry it: a bare email address is a `mailto:` URI. */
function normaliseIds(rows: string[]): string[] {
    return rows.map(r => r.replace(/\|([^|:@\s]+@[^|\s]+)\|/, '|mailto:$1|')).sort();
}

describe('round trip: import(export(programme)) gives the programme back', async () => {
    const documents = await loadFiles(files);
    const originals = programmes(documents.map(d => d.parseResult.value));
    test('there are programmes to try', () => expect(originals.length).toBeGreaterThan(3));

    test('second-edition programmes (modules, translations, alliances, assessment titles and weights) are among them', () => {
        expect(originals.some(o => o.credential.modules.length > 0 && o.credential.awardedBy.some(ref => ref.ref?.members.length))).toBe(true);
        expect(originals.some(o => o.credential.titleTranslations.length > 0)).toBe(true);
        expect(originals.some(o => o.credential.assessments.some(a => a.title !== undefined && a.weight !== undefined))).toBe(true);
    });

    describe.each(['ob3', 'elm'] as const)('%s', format => {
        test.each(originals.map(o => [o.model.name, o] as const))('%s', async (_name, original) => {
            // Open Badges hash learners' identities by default; the issue's round trip uses --reveal-identity.
            const plan = await exportFiles(files, { format, credential: original.model.name, revealIdentity: true });
            expect(plan.problems).toEqual([]);
            const result = importCredentials(plan.documents.map(d => ({ name: d.fileName, text: d.text })));
            const { documents: imported } = await loadWorkspace([{ path: path.resolve('imported.mcred'), text: result.text }]);
            const doc = imported[0];
            expect(doc.parseResult.lexerErrors).toEqual([]);
            expect(doc.parseResult.parserErrors).toEqual([]);
            const back = programmes([doc.parseResult.value]);
            expect(back).toHaveLength(1);
            expect(essentials(back[0])).toEqual(essentials(original));
            expect(learners(back[0], '.')).toEqual(normaliseIds(learners(original, path.dirname(original.credential.$container.$document!.uri.fsPath))));
            expect(annexSummary(back[0])).toEqual(annexSummary(original));
        });
    });
});
