import { Uri, window, workspace } from 'vscode';
import { programmeFileName, programmeName, programmeTemplate } from '../language-server/programme-template.js';
import { LANGUAGE_ID } from './client-options.js';


/**
 * "Micro-credential: New programme from template": asks for the programme's title and opens a
 * new .mcred file with a provider, a complete micro-credential (every Annex I element, every block
 * of the design method) and its first cohort: the title is the one typed, every other value a
 * hole `?` to fill in (completion at a hole offers the legal values). In a workspace the file is created in the first folder (never replacing
 * a file); without one it is an untitled document.
 */
export async function newProgramme(): Promise<void> {
    const title = await window.showInputBox({
        title: 'New micro-credential programme',
        prompt: 'Title of the micro-credential',
        placeHolder: 'AI & Digital Ethics',
        validateInput: text => programmeName(text) ? undefined : 'Type a title with at least one letter or digit.'
    });
    const name = title && programmeName(title);
    if (!title || !name) return;
    const content = programmeTemplate(name, title.trim());
    const folder = workspace.workspaceFolders?.[0];
    if (!folder) {
        const document = await workspace.openTextDocument({ language: LANGUAGE_ID, content });
        await window.showTextDocument(document);
        return;
    }
    const target = await freeFile(folder.uri, programmeFileName(name));
    await workspace.fs.writeFile(target, new TextEncoder().encode(content));
    await window.showTextDocument(await workspace.openTextDocument(target));
}

/** `name.mcred`, or `name-2.mcred`, … when it exists. */
async function freeFile(folder: Uri, fileName: string): Promise<Uri> {
    const base = fileName.replace(/\.mcred$/, '');
    for (let n = 1; ; n++) {
        const candidate = Uri.joinPath(folder, n === 1 ? fileName : `${base}-${n}.mcred`);
        const exists = await workspace.fs.stat(candidate).then(() => true, () => false);
        if (!exists) return candidate;
    }
}
