// Fails when the committed Langium output (language-server/generated/, the TextMate grammar) is
// not what `langium generate` makes from grammar/ today. Regenerates into a temporary folder and
// compares byte for byte, so it never touches the working tree.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = JSON.parse(readFileSync(path.join(root, 'langium-config.json'), 'utf8'));

export function checkGenerated() {
    const temp = mkdtempSync(path.join(tmpdir(), 'mcred-generated-'));
    try {
        const pairs = []; // [committed, fresh]
        const tempConfig = {
            ...config,
            out: path.join(temp, 'generated'),
            languages: config.languages.map((language, i) => {
                const fresh = path.join(temp, `textmate-${i}.json`);
                pairs.push([path.join(root, language.textMate.out), fresh]);
                return { ...language, grammar: path.join(root, language.grammar), textMate: { out: fresh } };
            })
        };
        const configFile = path.join(temp, 'langium-config.json');
        writeFileSync(configFile, JSON.stringify(tempConfig));
        execFileSync(process.execPath, [
            '--require', path.join(root, 'scripts/polyfills.cjs'),
            path.join(root, 'node_modules/langium-cli/bin/langium.js'), 'generate', '--file', configFile
        ], { stdio: 'pipe' });
        for (const file of readdirSync(path.join(temp, 'generated'))) {
            pairs.push([path.join(root, config.out, file), path.join(temp, 'generated', file)]);
        }
        const stale = pairs
            .filter(([committed, fresh]) => !existsSync(committed) || readFileSync(committed, 'utf8') !== readFileSync(fresh, 'utf8'))
            .map(([committed]) => path.relative(root, committed));
        return stale;
    } finally {
        rmSync(temp, { recursive: true, force: true });
    }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const stale = checkGenerated();
    if (stale.length > 0) {
        console.error(`Generated Langium code is stale: ${stale.join(', ')}\nRun \`npm run langium:generate\` and commit the result.`);
        process.exit(1);
    }
    console.log('Generated Langium code is up to date.');
}
