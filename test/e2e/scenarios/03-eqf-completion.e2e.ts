import { expect, test } from 'vitest';
import { FixtureServer, positionOf } from '../support/expected.js';
import { WAIT_MS, withWorkbench } from '../support/workbench.js';

// Scenario 3: on a new line of a programme, the user types `level eqf ` and presses Ctrl+Space:
// the suggest widget lists the eight EQF levels, as the server proposes them.
test('typing `level eqf ` and Ctrl+Space lists the eight EQF levels', async () => {
    const file = 'missing-qa.mcred';
    const text = FixtureServer.text(file);
    const line = positionOf(text, '    level eqf 7').line;
    const edited = text.replace('    level eqf 7\n', '    level eqf 7\n    level eqf \n');
    const server = await FixtureServer.load('workspace', { [file]: edited });
    const expected = await server.completionLabels(file, positionOf(edited, '    level eqf \n', '    level eqf '.length));
    expect(expected).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);

    await withWorkbench('03-eqf-completion', async workbench => {
        await workbench.openFile(file);
        await workbench.goToLine(line + 1);
        await workbench.page.keyboard.press('End');
        await workbench.page.keyboard.press('Enter');
        await workbench.page.keyboard.type('level eqf ');
        await workbench.suggest();
        await expect.poll(() => workbench.suggestLabels(), { timeout: WAIT_MS }).toEqual(expected);
    });
});
