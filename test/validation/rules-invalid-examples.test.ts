import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../support/validate.js';

/**
 * The invalid examples of the non-Annex-I rules (examples/invalid/{opt,value,ref,syntax,pathway,qa,waiver,roster,learner}-*.mcred):
 * each raises exactly the codes of its `// expect:` header, checked alone and together with the
 * others. (The data-driven test of the whole examples/ folder covers them too once merged.)
 */
const FOLDER = 'examples/invalid';
const OWN = /^(opt|value|ref|syntax|pathway|qa|waiver|i18n|module|assessment|roster|learner)-.*\.mcred$/;
const files = readdirSync(FOLDER).filter(name => OWN.test(name)).sort();
const texts = Object.fromEntries(files.map(name => [name, readFileSync(path.join(FOLDER, name), 'utf8')]));
const expected = (name: string) => /^\/\/ expect: (.*)$/m.exec(texts[name])![1].split(',').map(code => code.trim()).sort();

describe('invalid examples of the non-Annex-I rules', () => {
    test('there is one for every such code', async () => {
        const { ISSUE_CODES, RULES } = await import('../../language-server/rules/issue-codes.js');
        const covered = new Set(files.flatMap(expected));
        const ours = ISSUE_CODES.filter(code => RULES[code].family !== 'annex1-mandatory');
        expect(ours.filter(code => !covered.has(code))).toEqual([]);
    });

    test.each(files)('%s raises exactly its header\'s codes alone', async name => {
        expect((await check({ [name]: texts[name] })).codes).toEqual(expected(name));
    });

    test('and together with the others', async () => {
        const { documents } = await check(texts);
        documents.forEach((document, i) => {
            const codes = [...new Set((document.diagnostics ?? []).map(d => String(d.code)))].sort();
            expect([files[i], codes]).toEqual([files[i], expected(files[i])]);
        });
    });
});
