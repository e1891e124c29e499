import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { isMicroCredential, isPathway } from '../../language-server/generated/ast.js';
import { displaySvg, displaySvgBase64 } from '../../language-server/export/display-image.js';
import { credentialModel, type Issuance } from '../../language-server/model/credential-model.js';

const EXAMPLE = readFileSync('test/fixtures/language-md-example.mcred', 'utf8');

async function model() {
    const { documents } = await loadWorkspace([{ path: '/w/p.mcred', text: EXAMPLE }]);
    const elements = documents[0].parseResult.value.elements;
    return credentialModel(elements.filter(isMicroCredential)[0], elements.filter(isPathway));
}

function issuance(fullName: string, issued = '2026-06-30'): Issuance {
    return { learner: { fullName }, issued };
}

test('the base64 of the display image, encoded in parts, is the base64 of the whole SVG at every byte alignment', async () => {
    const credential = await model();
    // Names of every length modulo 3, multi-byte letters, wrapped over several lines, escaped characters, and other dates.
    const names = ['A', 'Ab', 'Abc', 'Zoë', 'Łukasz Żółć', '李小龍', 'Anne-Marie <O\'Brien> & Co', 'x'.repeat(47), 'A very long learner name that wraps over two lines at least once', ''];
    for (const date of ['2026-06-30', '2027-01-02']) {
        for (const name of names) {
            const learner = issuance(name, date);
            expect(displaySvgBase64(credential, learner), `${name} ${date}`).toBe(Buffer.from(displaySvg(credential, learner), 'utf8').toString('base64'));
        }
    }
    expect(displaySvgBase64(credential, undefined)).toBe(Buffer.from(displaySvg(credential, undefined), 'utf8').toString('base64'));
});

test('the display image names the learner and the date of issuing', async () => {
    const svg = displaySvg(await model(), issuance('Zoë <Doe>'));
    expect(svg).toContain('>Zoë &lt;Doe&gt;</text>');
    expect(svg).toContain('>Issued 2026-06-30</text>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1000" height=')).toBe(true);
    expect(svg.endsWith('</g>\n</svg>\n')).toBe(true);
});
