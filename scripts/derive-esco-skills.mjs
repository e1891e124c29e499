// Derives language-server/vocab/data/esco-skills.json (URI, label, alternative labels,
// description, collection) from the ESCO CSV subset in standards/esco/ and the skills used by
// the official samples. Run by hand when standards/esco changes; the output is committed.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const esco = file => path.join(root, 'standards/esco', file);

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
function parseCsv(text) {
    const rows = [];
    let row = [], field = '', quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
            else field += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
            if (c === '\r' && text[i + 1] === '\n') i++;
            row.push(field); rows.push(row); row = []; field = '';
        } else field += c;
    }
    if (field || row.length) { row.push(field); rows.push(row); }
    const [header, ...body] = rows;
    return body.filter(r => r.length > 1).map(r => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const skills = new Map();
function add(uri, label, altLabels, description, collection) {
    const existing = skills.get(uri);
    if (existing) {
        if (!existing.collections.includes(collection)) existing.collections.push(collection);
        return;
    }
    skills.set(uri, { uri, label, altLabels, description, collections: [collection] });
}
const split = s => s ? s.split(/\s*\|\s*|\n/).map(x => x.trim()).filter(Boolean) : [];

for (const [file, collection] of [['transversalSkillsCollection_en.csv', 'transversal'], ['ictSkillsCollection_en.csv', 'digital']]) {
    for (const r of parseCsv(readFileSync(esco(file), 'utf8'))) {
        add(r.conceptUri, r.preferredLabel, split(r.altLabels), r.description, collection);
    }
}
for (const s of JSON.parse(readFileSync(esco('esco-skills-in-official-samples.json'), 'utf8')).skills) {
    add(s.uri, s.label ?? s.prefLabel, [], '', 'official-samples');
}
const out = path.join(root, 'language-server/vocab/data/esco-skills.json');
mkdirSync(path.dirname(out), { recursive: true });
const list = [...skills.values()].sort((a, b) => a.label.localeCompare(b.label));
writeFileSync(out, JSON.stringify({
    $comment: 'Derived by scripts/derive-esco-skills.mjs from standards/esco (ESCO v1.1, © European Union, reuse under Decision 2011/833/EU). Do not edit.',
    conceptScheme: 'http://data.europa.eu/esco/concept-scheme/skills',
    skills: list
}, null, 1) + '\n');
console.log(`esco-skills.json: ${list.length} skills`);
