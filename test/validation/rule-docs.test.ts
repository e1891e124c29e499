import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { mcredJsonSchema, withSeveritySettings } from '../../language-server/rules/config-schema.js';
import { ISSUE_CODES } from '../../language-server/rules/issue-codes.js';
import { ruleDocumentation, ruleMarkdown, rulesDocument } from '../../language-server/rules/rule-docs.js';
import { check } from '../support/validate.js';

describe('rule documentation', () => {
    test.each(ISSUE_CODES)('%s has its full text, why it matters, an example that fires and its fix', async code => {
        const doc = ruleDocumentation(code)!;
        expect(doc.rule.length).toBeGreaterThan(30);
        expect(doc.why.length).toBeGreaterThan(30);
        expect(doc.fix.length).toBeGreaterThan(10);
        expect((await check(doc.example.fires)).codes).toContain(code);
        expect((await check(doc.example.fixed)).codes).not.toContain(code);
    });

    test('an unknown code has no documentation', () => {
        expect(ruleDocumentation('qa-nothing')).toBeUndefined();
        expect(ruleMarkdown('qa-nothing')).toBeUndefined();
    });

    test('the Markdown of a rule names its severity, source, principles and waivability', () => {
        const markdown = ruleMarkdown('qa-business-model')!;
        expect(markdown).toContain('### `qa-business-model`');
        expect(markdown).toContain('warning; design method step 5 (business model). Annex II: 10 Information and guidance. May be waived with a reason.');
        expect(ruleMarkdown('value-ects')).toContain('error (warning above 60 ECTS)');
        expect(ruleMarkdown('eu-title')).toContain('Cannot be waived.');
    });

    test('docs/rules.md is generated from the rule table and up to date (npm run docs:rules)', () => {
        const committed = readFileSync('docs/rules.md', 'utf8');
        expect(committed).toBe(rulesDocument());
        for (const code of ISSUE_CODES) expect(committed).toContain(`### \`${code}\``);
    });

    test('schemas/mcred.schema.json and the package.json settings are up to date (npm run docs:rules)', () => {
        expect(JSON.parse(readFileSync('schemas/mcred.schema.json', 'utf8'))).toEqual(mcredJsonSchema());
        const manifest = readFileSync('package.json', 'utf8');
        expect(JSON.parse(withSeveritySettings(manifest))).toEqual(JSON.parse(manifest));
        type Setting = { properties?: object; default?: unknown };
        const settings = (JSON.parse(manifest) as { contributes: { configuration: { properties: Record<string, Setting> } } })
            .contributes.configuration.properties;
        expect(Object.keys(settings['mcred.severity'].properties!)).toEqual(ISSUE_CODES);
        expect(settings['mcred.profile'].default).toBe('default');
    });
});

describe('schemas/mcred.schema.json', () => {
    test('accepts what parseRuleConfig accepts and rejects unknown codes and severities', async () => {
        const { Ajv } = await import('ajv');
        const validate = new Ajv({ strict: false }).compile(mcredJsonSchema());
        expect(validate({ $schema: './schemas/mcred.schema.json', profile: 'strict', severity: { 'qa-business-model': 'off', 'eu-opt-grade': 'hint' } })).toBe(true);
        expect(validate({ severity: { 'qa-busines-model': 'off' } })).toBe(false);
        expect(validate({ severity: { 'qa-business-model': 'loud' } })).toBe(false);
        expect(validate({ profile: 'lenient' })).toBe(false);
        expect(validate({ rules: {} })).toBe(false);
    });
});
