import { ISSUE_CODES, RULES } from './issue-codes.js';
import { CONFIGURED_SEVERITIES, PROFILES } from './severity-policy.js';

/**
 * The JSON schemas of the severity configuration, generated from the rule table so that every
 * code is offered with its summary and default: `schemas/mcred.schema.json` (mcred.json, wired
 * in package.json `jsonValidation`) and the `mcred.profile` / `mcred.severity` settings of
 * package.json `contributes.configuration`. Written by `npm run docs:rules`; a test fails when
 * the committed files are stale.
 */

const PROFILE_DESCRIPTIONS: Record<(typeof PROFILES)[number], string> = {
    default: 'The default severities of the rule table.',
    strict: 'Every QA gap of the 5-step design method (qa-*) is an error.'
};

function severityProperties(): Record<string, unknown> {
    return Object.fromEntries(ISSUE_CODES.map(code => [code, {
        type: 'string',
        enum: [...CONFIGURED_SEVERITIES],
        markdownDescription: `${RULES[code].summary} Default: \`${RULES[code].severity}\`. Source: ${RULES[code].source}.`
    }]));
}

const profileSchema = {
    type: 'string',
    enum: [...PROFILES],
    enumDescriptions: PROFILES.map(p => PROFILE_DESCRIPTIONS[p]),
    default: 'default'
};

/** The schema of mcred.json. */
export function mcredJsonSchema(): Record<string, unknown> {
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'mcred.json — severities of the mcred checks',
        description: 'Read by the mcred language server and by `mcred check`. It overrides the `mcred.profile` and `mcred.severity` settings code by code; `mcred check --profile` overrides its profile.',
        type: 'object',
        properties: {
            $schema: { type: 'string' },
            profile: { ...profileSchema, description: 'default, or strict: every QA gap of the design method is an error.' },
            severity: {
                type: 'object',
                description: 'Severity per check code: error, warning, information, hint or off.',
                properties: severityProperties(),
                additionalProperties: false
            }
        },
        additionalProperties: false
    };
}

/** The `mcred.profile` and `mcred.severity` entries of package.json contributes.configuration. */
export function severitySettings(): Record<string, unknown> {
    return {
        'mcred.profile': {
            ...profileSchema,
            markdownDescription: 'Severity profile of the checks: `strict` turns every QA gap of the design method into an error. An `mcred.json` at the workspace root that states a profile wins over this setting (so that the editor and `mcred check` in CI agree).'
        },
        'mcred.severity': {
            type: 'object',
            default: {},
            markdownDescription: 'Severity per check code (`error`, `warning`, `information`, `hint` or `off`), e.g. `{"qa-business-model": "off"}`. Codes stated in the workspace\'s `mcred.json` win over this setting. See docs/rules.md for every code.',
            properties: severityProperties(),
            additionalProperties: false
        }
    };
}

/**
 * package.json (as text) with its `contributes.configuration` holding the current severity
 * settings; other settings and the rest of the manifest are kept as they are.
 */
export function withSeveritySettings(packageJson: string): string {
    const manifest = JSON.parse(packageJson) as { contributes?: Record<string, unknown> };
    const contributes = manifest.contributes ??= {};
    const configuration = (contributes['configuration'] ?? {}) as { title?: string; properties?: Record<string, unknown> };
    contributes['configuration'] = {
        ...configuration,
        title: configuration.title ?? 'Micro-credential',
        properties: { ...configuration.properties, ...severitySettings() }
    };
    const validation = (contributes['jsonValidation'] ?? []) as Array<{ fileMatch: string; url: string }>;
    contributes['jsonValidation'] = [
        ...validation.filter(v => v.fileMatch !== 'mcred.json'),
        { fileMatch: 'mcred.json', url: './schemas/mcred.schema.json' }
    ];
    return JSON.stringify(manifest, undefined, 2) + '\n';
}
