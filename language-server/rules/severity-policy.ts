import { ISSUE_CODES, isIssueCode, RULES, type IssueCode, type Severity } from './issue-codes.js';
import { Vocabulary } from '../vocab/vocabulary.js';

/**
 * Severity configuration: the `mcred.json` project file, the VS Code settings `mcred.profile` /
 * `mcred.severity`, and the CLI's `--profile`. Pure: parsing, validation and the resulting policy;
 * the language server and the CLI only find and read the file.
 *
 * Format (mcred.json at the workspace root):
 *
 *     { "profile": "default" | "strict",
 *       "severity": { "<code>": "error" | "warning" | "information" | "hint" | "off" } }
 *
 * Precedence, lowest first (each layer overrides the ones before it, code by code):
 *   1. the rule table's defaults (docs/rules.md);
 *   2. the profile: `strict` raises every QA gap of the design method (`qa-*`) to an error; the
 *      profile in effect is the one stated by the highest layer that states one;
 *   3. the VS Code settings `mcred.severity` (editor only);
 *   4. mcred.json `severity`;
 *   5. the CLI's `--profile` (replaces the profile only; explicit codes still win).
 * mcred.json wins over the editor settings so that the editor and `mcred check` in CI agree on
 * everything the project file states; the settings fill in what it leaves out.
 */

export const PROFILES = ['default', 'strict'] as const;
export type Profile = (typeof PROFILES)[number];

export const CONFIGURED_SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type ConfiguredSeverity = (typeof CONFIGURED_SEVERITIES)[number];

export const CONFIG_FILE_NAME = 'mcred.json';

/** One layer of configuration. */
export interface RuleConfig {
    readonly profile?: Profile;
    readonly severity?: Readonly<Partial<Record<IssueCode, ConfiguredSeverity>>>;
}

/** A configuration that cannot be used; `message` is one line, for the CLI's exit-2 report. */
export class ConfigError extends Error {
    override readonly name = 'ConfigError';
}

const CODES = new Vocabulary('mcred check codes', undefined, ISSUE_CODES.map(code => ({ code, label: code })));

/** Parses the text of an mcred.json file; `origin` names it in error messages. */
export function parseRuleConfigText(text: string, origin: string): RuleConfig {
    let json: unknown;
    try {
        // Editors on Windows save JSON with a byte order mark; JSON.parse refuses it.
        json = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
    } catch (error) {
        throw new ConfigError(`${origin}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
    }
    return parseRuleConfig(json, origin);
}

/** Validates a configuration object (mcred.json content or the `mcred` settings section). */
export function parseRuleConfig(json: unknown, origin: string): RuleConfig {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new ConfigError(`${origin}: expected an object like {"profile": "strict", "severity": {"qa-business-model": "off"}}`);
    }
    const { profile, severity, ...rest } = json as Record<string, unknown>;
    const unknownKeys = Object.keys(rest).filter(key => key !== '$schema');
    if (unknownKeys.length > 0) {
        throw new ConfigError(`${origin}: unknown setting '${unknownKeys[0]}' (expected "profile" and "severity")`);
    }
    return {
        ...profile === undefined || profile === null ? {} : { profile: parseProfile(profile, `${origin}: "profile"`) },
        ...severity === undefined || severity === null ? {} : { severity: parseSeverityMap(severity, origin) }
    };
}

export function parseProfile(value: unknown, where: string): Profile {
    if (typeof value === 'string' && (PROFILES as readonly string[]).includes(value)) return value as Profile;
    throw new ConfigError(`${where}: unknown profile ${JSON.stringify(value)} (expected ${PROFILES.map(p => `"${p}"`).join(' or ')})`);
}

function parseSeverityMap(value: unknown, origin: string): Partial<Record<IssueCode, ConfiguredSeverity>> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ConfigError(`${origin}: "severity" must be an object mapping check codes to severities`);
    }
    const map: Partial<Record<IssueCode, ConfiguredSeverity>> = {};
    for (const [code, level] of Object.entries(value)) {
        if (!isIssueCode(code)) {
            const suggestions = CODES.suggest(code, 1).map(c => c.code);
            throw new ConfigError(`${origin}: unknown check code '${code}' in "severity"${suggestions.length ? ` (did you mean '${suggestions[0]}'?)` : ''}`);
        }
        if (typeof level !== 'string' || !(CONFIGURED_SEVERITIES as readonly string[]).includes(level)) {
            throw new ConfigError(`${origin}: severity of '${code}' is ${JSON.stringify(level)} (expected one of ${CONFIGURED_SEVERITIES.join(', ')})`);
        }
        map[code] = level as ConfiguredSeverity;
    }
    return map;
}

/** The severities in effect, from configuration layers given lowest precedence first. */
export class SeverityPolicy {
    static readonly DEFAULT = new SeverityPolicy([]);

    readonly profile: Profile;
    private readonly explicit: ReadonlyMap<IssueCode, ConfiguredSeverity>;

    constructor(layers: readonly RuleConfig[]) {
        this.profile = [...layers].reverse().find(layer => layer.profile)?.profile ?? 'default';
        const explicit = new Map<IssueCode, ConfiguredSeverity>();
        for (const layer of layers) {
            for (const [code, severity] of Object.entries(layer.severity ?? {}) as Array<[IssueCode, ConfiguredSeverity]>) {
                explicit.set(code, severity);
            }
        }
        this.explicit = explicit;
    }

    /**
     * The severity a finding of `code` is shown with, given the severity it was reported with
     * (the table's default, or the second level a rule documents, e.g. `value-ects` above 60).
     */
    severityOf(code: IssueCode, reported: Severity = RULES[code].severity): ConfiguredSeverity {
        const explicit = this.explicit.get(code);
        if (explicit) return explicit;
        if (this.profile === 'strict' && RULES[code].family === 'qa-design-method') return 'error';
        return reported;
    }

    /** The codes whose severity differs from the default table (for reports). */
    get overrides(): ReadonlyMap<IssueCode, ConfiguredSeverity> {
        return this.explicit;
    }
}
