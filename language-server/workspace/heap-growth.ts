import type { DocumentBuilder, LangiumDocuments } from 'langium';

/**
 * How much V8 lets the heap grow between two full collections, adapted to the workspace.
 *
 * V8 lets the heap grow to up to 4× what survived the last full collection before collecting
 * again: editing a 50,000-line file then peaked at about 400 MiB of RSS for 75 MiB of live data.
 * Growing by 1.5× instead keeps that peak near 220 MiB for about 10% more CPU time in parsing
 * (bench/results). Unlike a heap limit, it never makes a large workspace run out of memory.
 *
 * A workspace of many files is different: hundreds of MiB of syntax trees stay alive, and growing
 * by only 1.5× makes V8 mark all of them again and again while the files are read: about 15% more
 * CPU time for 2,000 files opened (same peak RSS) and for a folder of 10,000 files (where V8's own
 * growth costs about 5-10% more peak RSS, 950-1,000 MiB; measured with bench/scale.ts). From
 * {@link LARGE_WORKSPACE_FILES} documents on, V8's own growth applies.
 */
export const HEAP_GROWING_PERCENT = 50;
export const LARGE_WORKSPACE_FILES = 500;

/** Sets a V8 flag (Node's `v8.setFlagsFromString`). */
export type SetV8Flags = (flags: string) => void;

/**
 * Limits the heap's growth while the workspace is small, and gives it back to V8 (`0`: V8's
 * dynamic factor) once the workspace holds {@link LARGE_WORKSPACE_FILES} documents: counted after
 * each update (only until the switch), or announced by the workspace search before the files of
 * a folder are read ({@link HeapGrowth.expect}).
 */
export function adaptHeapGrowth(setFlags: SetV8Flags, builder: DocumentBuilder, documents: LangiumDocuments): HeapGrowth {
    setFlags(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    let large = false;
    const listener = builder.onUpdate(() => growth.expect(documents.all.count()));
    const growth: HeapGrowth = {
        expect(count: number): void {
            if (large || count < LARGE_WORKSPACE_FILES) return;
            large = true;
            setFlags('--heap-growing-percent=0');
            listener.dispose();
        },
        get large() {
            return large;
        }
    };
    return growth;
}

export interface HeapGrowth {
    /** The workspace holds (or is about to hold) `count` documents. */
    expect(count: number): void;
    /** V8's own growth applies (the workspace is large). */
    readonly large: boolean;
}
