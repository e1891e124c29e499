import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { McredServices } from '../mcred-services.js';
import { programmeTemplate } from '../programme-template.js';

/**
 * Warms the server up while it is idle, so that the user's first keystroke is answered as fast
 * as the hundredth. A fresh Node process runs every function in the interpreter first: the
 * parser, the linker and the checks only become fast once V8 has seen them run on real input a
 * number of times. Without a warm-up, the first edit of a 1,000-line file took four times the
 * steady state.
 *
 * So, once `initialize` is answered, a small workspace-free document (the new-programme template,
 * a provider and a micro-credential with every block and a cohort, holes included, copied a few
 * times) is parsed, linked and validated a number of times, one round per turn of the event loop, under the workspace read lock: a
 * real build (which takes the write lock) waits for at most one round of a few milliseconds, and
 * any request that arrives is handled before the next round. From the moment the editor opens
 * or changes a document until its build is validated, the warm-up pauses, so that the first
 * diagnostics never wait for it (the build warms the same code). The document is never added to
 * the workspace: it is not indexed, linked against nothing of its own, and its diagnostics are
 * dropped.
 */
export const WARM_UP_ROUNDS = 40;

/**
 * Copies of the template in the warm-up document. One copy (about 100 lines) keeps each round to
 * a few milliseconds, so that a request never waits long behind one; five copies in 20 rounds
 * warmed no better (first edit of a 1,000-line file, median of 6 fresh servers on a shared
 * machine: 69 ms with one copy, 77 ms with five, 140 ms without a warm-up) and delayed the
 * first completion (26 → 48 ms).
 */
export const WARM_UP_COPIES = 1;

/** The warm-up document: the new-programme template, copied with its names renamed. */
export function warmUpText(): string {
    return Array.from({ length: WARM_UP_COPIES }, (_, i) => programmeTemplate(`WarmUp${i}`, 'Warm-up', `WarmUpProvider${i}`)).join('\n');
}

/**
 * The warm-up starts this long after `initialize` is answered: an editor sends the documents
 * it has open right away, and their build comes first (a round already running would delay it).
 */
export const WARM_UP_DELAY_MS = 100;

/** A paused warm-up goes on after this long even if no build completed (a cancelled build). */
const PAUSE_LIMIT_MS = 2_000;
/** How often a paused warm-up looks again. */
const PAUSE_POLL_MS = 10;

/** The URI of the warm-up document: a scheme of its own, so that nothing mistakes it for a file. */
export const WARM_UP_URI = URI.parse('mcred-warm-up:///warm-up.mcred');

export interface WarmUpOptions {
    readonly rounds?: number;
    /** Schedules the next round (default: a new turn of the event loop). */
    readonly schedule?: (round: () => void) => void;
    /** Before the first round (default {@link WARM_UP_DELAY_MS}). */
    readonly delayMs?: number;
}

/** One round: the document built as the builder builds an open file, without joining the workspace. */
export async function warmUpRound(services: McredServices, text: string): Promise<LangiumDocument> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, WARM_UP_URI);
    const { ScopeComputation, Linker } = services.references;
    await ScopeComputation.collectExportedSymbols(document);
    document.state = DocumentState.IndexedContent;
    document.localSymbols = await ScopeComputation.collectLocalSymbols(document);
    document.state = DocumentState.ComputedScopes;
    await Linker.link(document);
    document.state = DocumentState.Linked;
    document.diagnostics = await services.validation.DocumentValidator.validateDocument(document);
    document.state = DocumentState.Validated;
    return document;
}

/**
 * Runs the warm-up rounds in the background; resolves with the number of rounds run (fewer when
 * one failed: the warm-up is an optimisation and never reports an error to the user).
 */
export function warmUp(services: McredServices, options: WarmUpOptions = {}): Promise<number> {
    const rounds = options.rounds ?? WARM_UP_ROUNDS;
    const schedule = options.schedule ?? (round => setTimeout(round, 0));
    const { WorkspaceLock: lock, TextDocuments: texts, DocumentBuilder: builder } = services.shared.workspace;
    const text = warmUpText();
    // Paused from an editor change until a build is validated.
    let pausedSince: number | undefined;
    // Once the user edits, the edits warm the code up: the warm-up stops, so that it never
    // stands between the user and an answer (a completion asked right after a keystroke).
    const opening = new Set<string>();
    let edited = false;
    const listeners = [
        texts?.onDidOpen(event => { opening.add(event.document.uri); }),
        texts?.onDidChangeContent(event => {
            pausedSince ??= Date.now();
            // The content of a document just opened is not an edit.
            if (!opening.delete(event.document.uri)) edited = true;
        }),
        builder.onBuildPhase(DocumentState.Validated, () => { pausedSince = undefined; })
    ];
    return new Promise(resolve => {
        let done = 0;
        const finish = () => {
            listeners.forEach(listener => listener?.dispose());
            resolve(done);
        };
        const next = () => {
            if (done >= rounds || edited) {
                finish();
                return;
            }
            if (pausedSince !== undefined && Date.now() - pausedSince < PAUSE_LIMIT_MS) {
                setTimeout(next, PAUSE_POLL_MS);
                return;
            }
            pausedSince = undefined;
            lock.read(() => warmUpRound(services, text))
                .then(() => {
                    done++;
                    schedule(next);
                })
                .catch(finish);
        };
        setTimeout(next, options.delayMs ?? WARM_UP_DELAY_MS);
    });
}
