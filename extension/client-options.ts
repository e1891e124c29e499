import type { LanguageClientOptions } from 'vscode-languageclient';

export const LANGUAGE_ID = 'mcred';
export const CLIENT_ID = 'mcred';
export const CLIENT_NAME = 'Micro-credential language server';

/** Client options shared by the Node and the web entry of the extension. */
export function clientOptions(): LanguageClientOptions {
    return {
        documentSelector: [
            { scheme: 'file', language: LANGUAGE_ID },
            { scheme: 'untitled', language: LANGUAGE_ID }
        ],
        synchronize: {
            configurationSection: 'mcred'
        }
    };
}
