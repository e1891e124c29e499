import { EmptyFileSystem } from 'langium';
import { expect, test } from 'vitest';
import type { Assessment } from '../../language-server/generated/ast.js';
import { createMcredServices } from '../../language-server/mcred-module.js';
import { formatFailure, fuzz, loadCorpus, variant } from './fuzzer.js';

/**
 * The fuzzer can fail: with a crash planted in a rare case (an assessment that lost both its type
 * and its outcomes, which only some truncations and line deletions produce), a fixed seed finds it,
 * names the variant, and replaying that variant alone crashes again.
 */
const SEED = 20261129;

function servicesWithPlantedCrash() {
    const services = createMcredServices(EmptyFileSystem);
    services.mcred.validation.ValidationRegistry.register({
        Assessment: (assessment: Assessment) => {
            if (assessment.type === undefined && assessment.covers.length === 0) {
                throw new Error('planted crash');
            }
        }
    });
    return services;
}

test('the fuzzer finds a planted crash and can replay it', async () => {
    const corpus = loadCorpus(['test/fixtures']);
    const report = await fuzz({ seed: SEED, variants: 3000, timeBudgetMs: 40_000, corpus, createServices: servicesWithPlantedCrash });
    expect(report.failures.length).toBeGreaterThan(0);
    const [failure] = report.failures;
    expect(failure.stage).toBe('validation');
    expect(failure.error).toContain('planted crash');
    expect(formatFailure(failure)).toContain(`MCRED_FUZZ_SEED=${SEED} MCRED_FUZZ_ONLY=${failure.index}`);
    // The failing variant is rare (not the first one tried) …
    expect(failure.index).toBeGreaterThan(0);
    // … reproducible from (seed, index) alone …
    expect(variant(SEED, failure.index, corpus).text).toBe(failure.text);
    const replay = await fuzz({ seed: SEED, only: failure.index, variants: 1, timeBudgetMs: 10_000, corpus, createServices: servicesWithPlantedCrash });
    expect(replay.variants).toBe(1);
    expect(replay.failures[0]?.error).toContain('planted crash');
    // … and without the planted check the same variant passes.
    const clean = await fuzz({ seed: SEED, only: failure.index, variants: 1, timeBudgetMs: 10_000, corpus });
    expect(clean.failures).toEqual([]);
}, 90_000);
