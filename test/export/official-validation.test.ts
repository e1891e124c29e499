// Every export of every valid example, for every learner, checked against the official artefacts
// in standards/, offline: OB 3.0 JSON Schema + JSON-LD safe-mode expansion; ELM JSON-LD
// safe-mode expansion + the EDC SHACL shapes (generic profile with its vocabulary constraints).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isCohort } from '../../language-server/generated/ast.js';
import { ELM_SEALING_SERVICE_PROPERTIES } from '../../language-server/export/elm.js';
import type { ExportedDocument } from '../../language-server/export/export-plan.js';
import { parseRoster } from '../../language-server/export/roster.js';
import { EXAMPLES_DIR, exportFiles, loadFiles, validMcredFiles } from '../support/export-fixtures.js';
import {
    expandSafely, validateElmShacl, validateOb3Achievement, validateOb3Credential, type ShaclViolation
} from '../support/offline-validators.js';

const SOURCES: Array<{ name: string; files: string[] }> = [
    { name: 'reference example of docs/language.md', files: ['test/fixtures/language-md-example.mcred'] },
    { name: 'joint programme fixture', files: ['test/fixtures/export/joint-programme.mcred'] },
    { name: 'second-edition example (translations, modules, partners, alliance, weights), hole filled', files: ['test/fixtures/export/second-edition.mcred'] },
    { name: 'examples/ (every valid example, as one workspace)', files: validMcredFiles(EXAMPLES_DIR) }
];

/**
 * The SHACL results an unsigned credential must show, and nothing else: the properties only the
 * Europass sealing service adds. rdf-validate-shacl reports the missing eIDAS identifier as the
 * issuer not conforming to IssuerNodeShape (whose only constraint is that identifier).
 */
const EXPECTED_SEALING_VIOLATIONS = [
    { path: 'https://www.w3.org/2018/credentials#issued', message: 'Less than 1 values' },
    { path: 'https://www.w3.org/2018/credentials#issuer', message: 'Value does not have shape <http://data.europa.eu/snb/model/ap/edc-generic-no-cv/IssuerNodeShape>' }
];

/** Adds what the sealing service would: the sealing date and an eIDAS legal identifier for the issuer. */
function sealed(document: Record<string, unknown>): Record<string, unknown> {
    const issuer = document['issuer'] as Record<string, unknown>;
    const country = ((issuer['location'] as Array<Record<string, unknown>>)[0]['address'] as Array<Record<string, unknown>>)[0]['countryCode'];
    return {
        ...document,
        issued: document['validFrom'],
        issuer: {
            ...issuer,
            eIDASIdentifier: { id: 'urn:example:eidas', type: 'LegalIdentifier', notation: 'EIDAS-PLACEHOLDER', spatial: country }
        }
    };
}

function summary(violations: readonly ShaclViolation[]) {
    return violations.map(v => ({ path: v.path, message: v.message }));
}

/** Learners a set of files issues: `learner` lines plus roster rows, per cohort. */
async function learnerCount(files: readonly string[]): Promise<number> {
    const documents = await loadFiles(files);
    let count = 0;
    for (const document of documents) {
        for (const cohort of document.parseResult.value.elements.filter(isCohort)) {
            count += cohort.learners.length;
            if (cohort.roster) {
                const csv = readFileSync(path.join(path.dirname(document.uri.fsPath), cohort.roster), 'utf8');
                count += parseRoster(csv, cohort.roster).learners.length;
            }
        }
    }
    return count;
}

test('the sealing-service properties named here are those the exporter documents', () => {
    expect(EXPECTED_SEALING_VIOLATIONS.map(v => v.path)[0]).toBe(ELM_SEALING_SERVICE_PROPERTIES[0].path);
    expect(ELM_SEALING_SERVICE_PROPERTIES[1].path).toBe('http://data.europa.eu/snb/model/elm/eidasLegalIdentifier');
});

describe.each(SOURCES)('$name', ({ files }) => {
    const run = files.length > 0 ? test : test.skip;
    // SHACL validation of every learner of every example takes seconds; leave room on a loaded machine.
    const slow = { timeout: 180_000 };

    run('every learner: OB 3.0 credential passes the official JSON Schema and expands in JSON-LD safe mode', slow, async () => {
        const plan = await exportFiles(files, { format: 'ob3' });
        expect(plan.problems).toEqual([]);
        const credentials = plan.documents.filter(d => d.learner !== undefined);
        expect(credentials.length).toBe(await learnerCount(files));
        for (const document of plan.documents) {
            const json = JSON.parse(document.text) as Record<string, unknown>;
            const result = document.learner !== undefined ? validateOb3Credential(json) : validateOb3Achievement(json);
            expect(result.errors, document.fileName).toEqual([]);
            await expect(expandSafely(json), document.fileName).resolves.toBeDefined();
            if (document.learner !== undefined) {
                expect((json['credentialSubject'] as { achievement: { achievementType: string } }).achievement.achievementType).toBe('MicroCredential');
            }
        }
    });

    run('every credential: the OB 3.0 achievement template passes the Achievement schema and expands', slow, async () => {
        const plan = await exportFiles(files, { format: 'ob3', template: true });
        expect(plan.problems).toEqual([]);
        expect(plan.documents.length).toBeGreaterThan(0);
        for (const document of plan.documents) {
            const json = JSON.parse(document.text) as unknown;
            expect(validateOb3Achievement(json).errors, document.fileName).toEqual([]);
            expect(validateOb3Credential(json).valid).toBe(false); // a template is not a credential
            await expect(expandSafely(json)).resolves.toBeDefined();
        }
    });

    run('every learner: the Europass credential expands and passes the EDC SHACL shapes except what the sealing service adds', slow, async () => {
        const plan = await exportFiles(files, { format: 'elm' });
        expect(plan.problems).toEqual([]);
        expect(plan.documents.filter(d => d.learner !== undefined).length).toBe(await learnerCount(files));
        for (const document of plan.documents) {
            await checkElm(document);
        }
    });

    run('every credential: the Europass achievement template (Qualification) passes the EDC SHACL shapes', slow, async () => {
        const plan = await exportFiles(files, { format: 'elm', template: true });
        expect(plan.problems).toEqual([]);
        for (const document of plan.documents) {
            await checkElm(document);
        }
    });
});

async function checkElm(document: ExportedDocument): Promise<void> {
    const json = JSON.parse(document.text) as Record<string, unknown>;
    await expect(expandSafely(json), document.fileName).resolves.toBeDefined();
    const violations = await validateElmShacl(json, 'full');
    if (document.learner === undefined) {
        expect(summary(violations), document.fileName).toEqual([]);
        return;
    }
    expect(summary(violations), document.fileName).toEqual(expect.arrayContaining(EXPECTED_SEALING_VIOLATIONS));
    expect(violations.length, document.fileName).toBe(EXPECTED_SEALING_VIOLATIONS.length);
    expect(summary(await validateElmShacl(sealed(json), 'full')), `${document.fileName} once sealed`).toEqual([]);
}
