// The import accepts exactly the JSON-LD contexts the repository holds (standards/), and names any other.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';
import { ImportError, importCredentials, KNOWN_CONTEXTS } from '../../language-server/import/index.js';
import { LOCAL_CONTEXTS } from '../support/offline-validators.js';

test('every context the import accepts has its local copy in standards/', () => {
    for (const context of KNOWN_CONTEXTS) {
        expect(LOCAL_CONTEXTS[context], context).toBeDefined();
        expect(existsSync(path.resolve('standards', LOCAL_CONTEXTS[context]))).toBe(true);
    }
});

test('a context not held locally is named in the refusal', () => {
    const text = JSON.stringify({ '@context': ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json'], type: ['VerifiableCredential', 'OpenBadgeCredential'] });
    expect(() => importCredentials([{ name: 'old.json', text }]))
        .toThrow(new ImportError('old.json', 'the context https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json is not held locally '
            + '(mcred works offline and never fetches a context)'));
});
