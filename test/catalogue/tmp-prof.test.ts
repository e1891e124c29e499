import { test } from 'vitest';
import { buildCatalogue } from '../../language-server/catalogue/index.js';
import { layoutGraph } from '../../language-server/catalogue/graph-layout.js';
import { renderCatalogueHtml } from '../../language-server/catalogue/render-html.js';
import { loadWorkspace } from '../../language-server/cli/workspace.js';
import { multiFileWorkspace, renderMcred } from '../../bench/workspace-model.js';
test('prof', async () => {
    const files = multiFileWorkspace(2000).map(({ name, file }) => ({ path: `/b/${name}.mcred`, text: renderMcred(file) }));
    const { documents } = await loadWorkspace(files);
    for (let i = 0; i < 3; i++) {
        let t = performance.now();
        const c = buildCatalogue({ documents });
        console.log('build', Math.round(performance.now() - t));
        t = performance.now();
        await layoutGraph(c.graph);
        console.log('layout', Math.round(performance.now() - t));
        t = performance.now();
        await renderCatalogueHtml(c);
        console.log('html', Math.round(performance.now() - t));
    }
}, 300000);
