// Import: credentials (Open Badges 3.0, Europass ELM 3.2, EBSI EDC) back into `.mcred` programmes. Pure.
export * from './import-credentials.js';
export type { LostFact } from './json-cursor.js';
