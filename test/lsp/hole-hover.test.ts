import { EmptyFileSystem } from 'langium';
import { clearDocuments, expectHover } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { holeMarkdown } from '../../language-server/lsp/hole-docs.js';
import { createMcredServices } from '../../language-server/mcred-module.js';

const { mcred, shared } = createMcredServices(EmptyFileSystem);
const hover = expectHover(mcred);

afterEach(() => clearDocuments(shared));

const PROVIDERS = 'provider UNIFI { name "Università di Firenze" country IT }\nprovider KUL { name "KU Leuven" country BE }\n';

describe('hover on a hole says what is to decide, what it stands for and the legal values', () => {
    test.each([
        ['microcredential X {\n    level <|>?\n}', /\*\*`level \?`\*\* — still to decide.*Annex I element 8.*`eqf 1` … `eqf 8`.*`qf-ehea short-cycle\|first\|second\|third`.*`none "…"`.*counts as missing/s],
        ['microcredential X {\n    participation <|>?\n}', /\*\*`participation \?`\*\*.*Annex I element 10.*One of: `online`, `onsite`, `blended`\./s],
        ['microcredential X {\n    assessment A {\n        type <|>?\n    }\n}', /\*\*`type \?`\*\*.*Annex I element 9.*`written-exam`.*`project`/s],
        ['provider P {\n    country <|>?\n}', /\*\*`country \?`\*\*.*Annex I element 3.*ISO 3166-1 alpha-2/s],
        [`${PROVIDERS}microcredential X {\n    awardedBy <|>?\n}`, /\*\*`awardedBy \?`\*\*.*Annex I element 4.*`UNIFI`, `KUL`|`KUL`, `UNIFI`/s],
        ['microcredential X {\n    outcome LO1 "Explain A"\n    assessment A {\n        covers <|>?\n    }\n}', /\*\*`covers \?`\*\*.*`LO1`/s],
        ['microcredential X {\n    qualityAssurance {\n        internal <|>?\n    }\n}', /\*\*`internal \?`\*\*.*Annex I element 11.*`exAnte`/s],
        ['microcredential X {\n    outcome LO1 <|>?\n}', /\*\*`outcome \?`\*\*.*Annex I element 6.*`outcome LO1 "Explain …"`/s],
        ['cohort C of X {\n    issued <|>?\n}', /\*\*`issued \?`\*\*.*Annex I element 5/s],
        ['microcredential X {\n    title <|>?\n}', /\*\*`title \?`\*\*.*Annex I element 2.*Write it as in `title "/s]
    ])('%j', async (text, expected) => {
        await hover({ text, index: 0, hover: expected });
    });

    test('the text names no invented value', () => {
        const markdown = holeMarkdown({ property: 'workload', block: 'MicroCredential' });
        expect(markdown).toMatch(/^\*\*`workload \?`\*\* — still to decide/);
        expect(markdown).toContain('Completion (Ctrl+Space)');
    });
});
