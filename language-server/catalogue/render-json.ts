import type { Catalogue } from './catalogue-model.js';

/** The catalogue model as JSON (format `mcred-catalogue`, version 1). */
export function renderJson(catalogue: Catalogue): string {
    return JSON.stringify(catalogue, undefined, 2) + '\n';
}
