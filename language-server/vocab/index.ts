// Controlled vocabularies: pure data and lookups, shared by validation, completion, hover and export.
export * from './vocabulary.js';
export * from './eqf.js';
export * from './isced-f.js';
export * from './countries.js';
export * from './languages.js';
export * from './currencies.js';
export * from './esco.js';
export * from './europass.js';
export * from './action-verbs.js';
export * from './provider-kinds.js';
