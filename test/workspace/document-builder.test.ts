import { DefaultDocumentBuilder, DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { CancellationTokenSource, DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMcredServices } from '../../language-server/mcred-module.js';
import { type McredDocumentBuilder } from '../../language-server/workspace/mcred-document-builder.js';

const PROVIDER = (name: string, country = 'IT') => `provider ${name} {\n    name "University ${name}"\n    country ${country}\n}\n`;
const CREDENTIAL = (name: string, provider: string) => `microcredential ${name} {
    title "Programme ${name}"
    awardedBy ${provider}
    language en
    level eqf 6
    workload 5 ects
    participation online
    outcome LO1 "Explain the principles"
    assessment Exam {
        type written-exam
        covers LO1
    }
    qualityAssurance {
        internal exAnte "Approved by the QA committee"
    }
}
`;

const uriOf = (name: string) => URI.parse(`file:///workspace/${name}.mcred`);

/** A workspace in memory whose files are "open in the editor" (so they can be re-read). */
async function workspace(files: Record<string, string>) {
    const { shared, mcred } = createMcredServices(EmptyFileSystem);
    const builder = shared.workspace.DocumentBuilder as McredDocumentBuilder;
    await shared.workspace.WorkspaceManager.initialized({});
    const versions = new Map<string, number>();
    const linked: string[] = [];
    const validated: string[] = [];
    const nameOf = (document: LangiumDocument) => document.uri.path.replace(/^\/workspace\/|\.mcred$/g, '');
    builder.onDocumentPhase(DocumentState.Linked, document => { linked.push(nameOf(document)); });
    builder.onDocumentPhase(DocumentState.Validated, document => { validated.push(nameOf(document)); });
    const write = (name: string, text: string) => {
        const version = (versions.get(name) ?? 0) + 1;
        versions.set(name, version);
        shared.workspace.TextDocuments.set(TextDocument.create(uriOf(name).toString(), 'mcred', version, text));
        builder.scheduleUpdate([uriOf(name)], []);
    };
    const remove = (name: string) => {
        shared.workspace.TextDocuments.delete(uriOf(name).toString());
        builder.scheduleUpdate([], [uriOf(name)]);
    };
    Object.entries(files).forEach(([name, text]) => write(name, text));
    await builder.settled();
    const document = (name: string) => shared.workspace.LangiumDocuments.getDocument(uriOf(name))!;
    // The errors only: the minimal programmes below leave the design method's checks (warnings) open.
    const codes = (name: string) => (document(name).diagnostics ?? []).filter(d => d.severity === DiagnosticSeverity.Error).map(d => d.code);
    /** Runs `action`, waits for the resulting update, and returns which documents it linked / validated. */
    const track = async (action: () => void) => {
        linked.length = 0;
        validated.length = 0;
        action();
        await builder.settled();
        return { linked: [...linked].sort(), validated: [...validated] };
    };
    return { shared, mcred, builder, write, remove, document, codes, track };
}

describe('McredDocumentBuilder: only what a change affects is rebuilt', () => {
    test('an edit relinks the documents that reference the edited one, and no other', async () => {
        const ws = await workspace({
            providers: PROVIDER('UNIFI'),
            a: CREDENTIAL('A', 'UNIFI'),
            b: CREDENTIAL('B', 'UNIFI'),
            unrelated: `provider Other {\n    country FR\n}\n`,
            broken: CREDENTIAL('C', 'NoSuchProvider')
        });
        expect(ws.codes('broken')).toContain('ref-unresolved');
        expect(ws.codes('a')).not.toContain('ref-unresolved');

        const providerEdit = await ws.track(() => ws.write('providers', PROVIDER('UNIFI', 'DE')));
        // Langium would also relink `broken` (it has an unresolved reference) and nothing checks `unrelated`.
        expect(providerEdit.linked).toEqual(['a', 'b', 'providers']);
        expect(providerEdit.validated[0]).toBe('providers');

        const credentialEdit = await ws.track(() => ws.write('a', CREDENTIAL('A', 'UNIFI').replace('eqf 6', 'eqf 5')));
        expect(credentialEdit.linked).toEqual(['a']);
        expect(credentialEdit.validated).toEqual(['a']);
    });

    test('a document with an unresolved reference is relinked when the name gets declared, and again when it goes', async () => {
        const ws = await workspace({ providers: PROVIDER('UNIFI'), broken: CREDENTIAL('C', 'Later') });
        expect(ws.codes('broken')).toContain('ref-unresolved');

        const declared = await ws.track(() => ws.write('later', PROVIDER('Later')));
        expect(declared.linked).toEqual(['broken', 'later']);
        expect(ws.codes('broken')).not.toContain('ref-unresolved');

        const removed = await ws.track(() => ws.remove('later'));
        expect(removed.linked).toEqual(['broken']);
        expect(ws.codes('broken')).toContain('ref-unresolved');
    });

    test('renaming a declaration relinks the documents that used the old name', async () => {
        const ws = await workspace({ providers: PROVIDER('UNIFI'), a: CREDENTIAL('A', 'UNIFI') });
        await ws.track(() => ws.write('providers', PROVIDER('UNIPI')));
        expect(ws.codes('a')).toContain('ref-unresolved');
        await ws.track(() => ws.write('providers', PROVIDER('UNIFI')));
        expect(ws.codes('a')).not.toContain('ref-unresolved');
    });

    test('a document that declares a name another file also declares is revalidated', async () => {
        const ws = await workspace({ one: PROVIDER('Twin'), other: PROVIDER('Elsewhere') });
        const twin = await ws.track(() => ws.write('two', PROVIDER('Twin')));
        expect(twin.validated.sort()).toEqual(['one', 'two']);
    });
});

describe('McredDocumentBuilder: coalescing', () => {
    test('changes that arrive together are built as one update', async () => {
        const ws = await workspace({ providers: PROVIDER('UNIFI') });
        const updates: number[] = [];
        ws.builder.onUpdate(changed => { updates.push(changed.length); });
        const names = Array.from({ length: 60 }, (_, i) => `c${i}`);
        await ws.track(() => names.forEach((name, i) => ws.write(name, CREDENTIAL(`C${i}`, 'UNIFI'))));
        // The first change of a burst may be built on its own; the rest come together.
        expect(updates.length).toBeLessThanOrEqual(2);
        expect(updates.reduce((a, b) => a + b, 0)).toBe(60);
        names.forEach(name => expect(ws.codes(name)).not.toContain('ref-unresolved'));
    });

    test('a request waits for a queued change of its document instead of answering from the old text', async () => {
        const ws = await workspace({ providers: PROVIDER('UNIFI'), a: CREDENTIAL('A', 'UNIFI') });
        ws.write('a', CREDENTIAL('Renamed', 'UNIFI'));
        await ws.builder.waitUntil(DocumentState.Linked, uriOf('a'));
        expect(ws.document('a').textDocument.getText()).toContain('Renamed');
        expect(ws.document('a').state).toBeGreaterThanOrEqual(DocumentState.Linked);
        await ws.builder.settled();
    });
});

describe('McredDocumentBuilder: documents that vanish', () => {
    test('a buffer closed before its update ran (no file on disk) is dropped, and later updates still work', async () => {
        const ws = await workspace({ providers: PROVIDER('UNIFI'), unsaved: CREDENTIAL('Unsaved', 'UNIFI') });
        ws.write('unsaved', CREDENTIAL('Unsaved', 'UNIFI').replace('eqf 6', 'eqf 5'));
        ws.shared.workspace.TextDocuments.delete(uriOf('unsaved').toString());
        await ws.builder.settled();
        expect(ws.shared.workspace.LangiumDocuments.hasDocument(uriOf('unsaved'))).toBe(false);
        await ws.track(() => ws.write('other', CREDENTIAL('Other', 'UNIFI')));
        expect(ws.document('other').state).toBe(DocumentState.Validated);
        expect(ws.codes('other')).not.toContain('ref-unresolved');
    });

    test('a folder deleted on disk keeps its open documents (their buffers), which lose their links into the files deleted with them', async () => {
        const ws = await workspace({ providers: PROVIDER('UNIFI'), open: CREDENTIAL('Open', 'UNIFI') });
        expect(ws.codes('open')).not.toContain('ref-unresolved');
        ws.shared.workspace.TextDocuments.delete(uriOf('providers').toString()); // closed, then its folder deleted
        await ws.track(() => ws.builder.scheduleUpdate([], [URI.parse('file:///workspace')]));
        expect(ws.shared.workspace.LangiumDocuments.hasDocument(uriOf('providers'))).toBe(false);
        expect(ws.document('open').state).toBe(DocumentState.Validated);
        expect(ws.codes('open')).toContain('ref-unresolved');
    });
});

describe('No lost diagnostics (TOOLCHAIN.md pitfall 7)', () => {
    /**
     * A build is cancelled by a listener of the first document's validation (as a new change does
     * in the server): the listener registered after it (in the server, the one that publishes the
     * diagnostics) must still run for that document, which is complete and is not built again.
     */
    async function publishedAfterCancellation(createBuilder: (shared: ReturnType<typeof createMcredServices>['shared']) => DefaultDocumentBuilder) {
        const { shared } = createMcredServices(EmptyFileSystem);
        const builder = createBuilder(shared);
        const documents = ['x', 'y'].map(name => {
            const document = shared.workspace.LangiumDocumentFactory.fromString(PROVIDER(name), uriOf(name));
            shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        const source = new CancellationTokenSource();
        builder.onDocumentPhase(DocumentState.Validated, () => source.cancel());
        const published: string[] = [];
        builder.onDocumentPhase(DocumentState.Validated, document => { published.push(document.uri.path); });
        await builder.build(documents, { validation: true }, source.token).catch(() => undefined);
        const validated = documents.filter(d => d.state === DocumentState.Validated).map(d => d.uri.path);
        return { validated, published };
    }

    test("Langium's builder loses them (the reason for the override)", async () => {
        const { validated, published } = await publishedAfterCancellation(shared => new DefaultDocumentBuilder(shared));
        expect(validated).toEqual(['/workspace/x.mcred']);
        expect(published).toEqual([]);
    });

    test('mcred publishes every validated document', async () => {
        const { validated, published } = await publishedAfterCancellation(shared => shared.workspace.DocumentBuilder as DefaultDocumentBuilder);
        expect(validated).toEqual(['/workspace/x.mcred']);
        expect(published).toEqual(validated);
    });
});
