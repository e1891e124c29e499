import { describe, expect, test } from 'vitest';
import { fixesFor } from '../../support/code-actions.js';
import { check, edit, EXAMPLE } from '../../support/validate.js';

/** Applies the fix and checks that the result raises none of the code any more. */
async function expectFix(before: string | Record<string, string>, code: string, title: string, after: Record<string, string> | string) {
    const fixes = await fixesFor(before, code);
    const fixed = fixes.apply(title);
    const expected = typeof after === 'string' ? { 'programme.mcred': after } : after;
    for (const [file, text] of Object.entries(expected)) expect(fixed[file]).toBe(text);
    const again = await check(fixed);
    expect(again.codes).not.toContain(code);
}

describe('pathway-stack-mismatch', () => {
    test('on `stackable into`: add the credential to the includes of the pathway, in its own file', async () => {
        const credential = 'microcredential A {\n    workload 5 ects\n    stackable into P\n}\n';
        const pathway = 'microcredential B {\n    workload 5 ects\n    stackable into P\n}\n\npathway P {\n    includes B\n}\n';
        await expectFix({ 'a.mcred': credential, 'p.mcred': pathway }, 'pathway-stack-mismatch', 'Add A to the includes of P',
            { 'a.mcred': credential, 'p.mcred': pathway.replace('includes B', 'includes B, A') });
    });

    test('on `includes`: the part says it is stackable into the pathway (appended, written, or instead of standalone)', async () => {
        const without = edit(EXAMPLE, /\n {4}stackable into AILiteracyPathway/, '');
        await expectFix(without, 'pathway-stack-mismatch', 'Say that AIDigitalEthics is stackable into AILiteracyPathway', EXAMPLE);
        const standalone = edit(EXAMPLE, 'stackable into AILiteracyPathway', 'standalone');
        await expectFix(standalone, 'pathway-stack-mismatch', 'Say that AIDigitalEthics is stackable into AILiteracyPathway (instead of standalone)', EXAMPLE);
    });
});

describe('pathway-level', () => {
    test('raise the pathway to its highest part', async () => {
        const low = edit(EXAMPLE, /level eqf 6( +\/\/ workload)/, 'level eqf 5$1');
        await expectFix(low, 'pathway-level', 'Set AILiteracyPathway to EQF level 6', EXAMPLE);
    });
});
