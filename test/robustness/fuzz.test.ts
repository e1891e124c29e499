import { expect, test } from 'vitest';
import { formatFailure, fuzz, loadCorpus } from './fuzzer.js';

/**
 * Thousands of mutated programmes through the parser, the validator and every LSP service and
 * export path. The seed changes every run (so the corpus of variants grows over time) and is
 * printed; `MCRED_FUZZ_SEED` fixes it, `MCRED_FUZZ_ONLY` replays one variant,
 * `MCRED_FUZZ_VARIANTS` / `MCRED_FUZZ_SECONDS` change the budget.
 */
const env = process.env;
const seed = env.MCRED_FUZZ_SEED ? Number(env.MCRED_FUZZ_SEED) : Date.now() % 2 ** 31;
const only = env.MCRED_FUZZ_ONLY ? Number(env.MCRED_FUZZ_ONLY) : undefined;
const variants = Number(env.MCRED_FUZZ_VARIANTS ?? 3000);
const seconds = Number(env.MCRED_FUZZ_SECONDS ?? 20);

test(`fuzzing the parser, validator, LSP services and export (seed ${seed})`, async () => {
    const corpus = loadCorpus(['examples', 'test/fixtures']);
    expect(corpus.length).toBeGreaterThan(0);
    console.log(`mcred fuzz: seed ${seed}${only !== undefined ? `, replaying variant ${only}` : ''} (MCRED_FUZZ_SEED=${seed} to repeat)`);
    const minVariants = Math.min(variants, 500);
    const report = await fuzz({ seed, only, variants, minVariants, timeBudgetMs: seconds * 1000, corpus, stopAtFirstFailure: true });
    console.log(`mcred fuzz: ${report.variants} variants of ${corpus.length} files, ${report.calls} calls in ${(report.ms / 1000).toFixed(1)} s `
        + `(${Math.round(report.variants / (report.ms / 1000))} variants/s); stages: ${report.stages.join(', ')}; `
        + `heap growth ${Math.round(report.heapGrowthBytes / 2 ** 20)} MiB`);
    expect(report.failures.map(formatFailure)).toEqual([]);
    if (only === undefined) expect(report.variants).toBeGreaterThanOrEqual(minVariants);
    expect(report.heapGrowthBytes).toBeLessThan(512 * 2 ** 20);
}, (seconds + 90) * 1000);
