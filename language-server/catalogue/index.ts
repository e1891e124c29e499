import type { Catalogue } from './catalogue-model.js';
import { renderCsv } from './render-csv.js';
import { renderCatalogueHtml, type CatalogueHtmlOptions } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

export { buildCatalogue, type CatalogueInput } from './build-catalogue.js';
export type * from './catalogue-model.js';
export { CATALOGUE_SECTIONS, renderCatalogueHtml, type CatalogueHtmlOptions } from './render-html.js';
export { renderCsv } from './render-csv.js';
export { renderJson } from './render-json.js';
export { renderMarkdown } from './render-markdown.js';

export const CATALOGUE_FORMATS = ['html', 'md', 'json', 'csv'] as const;
export type CatalogueFormat = typeof CATALOGUE_FORMATS[number];

/** Renders the catalogue in one of the formats (HTML options apply to `html` only). */
export async function renderCatalogue(catalogue: Catalogue, format: CatalogueFormat, options: CatalogueHtmlOptions = {}): Promise<string> {
    switch (format) {
        case 'html': return renderCatalogueHtml(catalogue, options);
        case 'md': return renderMarkdown(catalogue, options);
        case 'json': return renderJson(catalogue);
        case 'csv': return renderCsv(catalogue);
    }
}
