import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import addFormatsPlugin from 'ajv-formats';
import schema from '../../standards/ob3/schema/ob_v3p0_achievementcredential_schema.json' with { type: 'json' };

/** The official OB 3.0 AchievementCredential JSON Schema (draft 2019-09), compiled once, offline. */
let validator: ValidateFunction | undefined;

export function ob3SchemaErrors(document: unknown): string[] {
    if (!validator) {
        const ajv = new Ajv2019({ strict: false, allErrors: true });
        // ajv-formats is CommonJS: its default export arrives as `module.exports`, the plugin as `.default`.
        const plugin = addFormatsPlugin as unknown as { default?: (ajv: Ajv2019) => Ajv2019 } & ((ajv: Ajv2019) => Ajv2019);
        (plugin.default ?? plugin)(ajv);
        validator = ajv.compile(schema as object);
    }
    return validator(document) ? [] : (validator.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
