/**
 * Reading a JSON credential while keeping count of what was read. A `Cursor` is a value and its
 * JSON path; `take()` marks a value (and everything under it) as imported. A node that appears
 * several times (ELM repeats an organisation under every process that names it) is the same node
 * wherever it appears: what is read is keyed by the node's `id` and the path below it, so a
 * fact read once is read everywhere, and a fact left out is listed once.
 * Pure: no I/O.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The keys that carry no fact of their own: node ids of blank-like nodes, types and contexts. */
const STRUCTURAL_KEYS = new Set(['@context', 'type', 'id']);

export class ReadLog {
    private readonly taken = new Set<string>();

    mark(key: string): void {
        this.taken.add(key);
    }

    /** Whether the value at `key` (or a value above it) was read. */
    isTaken(key: string): boolean {
        if (this.taken.has(key)) return true;
        for (let i = key.length - 1; i > 0; i--) {
            const c = key[i];
            if ((c === '.' || c === '[') && this.taken.has(key.slice(0, i))) return true;
        }
        return false;
    }
}

export class Cursor {
    constructor(
        readonly value: JsonValue | undefined,
        /** The JSON path from the document root, for messages (`credentialSubject.achievement.name`). */
        readonly path: string,
        /** The path from the nearest ancestor node with an `id` (`<id>` + relative path): what `take` marks. */
        readonly key: string,
        readonly log: ReadLog
    ) {}

    static root(value: JsonValue, log = new ReadLog()): Cursor {
        const id = idOf(value);
        return new Cursor(value, '$', id !== undefined ? `<${id}>` : '$', log);
    }

    get exists(): boolean {
        return this.value !== undefined && this.value !== null;
    }

    /** The member `name` of an object (undefined value when absent or not an object). */
    get(name: string): Cursor {
        const v = isObject(this.value) ? this.value[name] : undefined;
        const path = `${this.path}.${name}`;
        const id = idOf(v);
        return new Cursor(v, path, id !== undefined ? `<${id}>` : `${this.key}.${name}`, this.log);
    }

    /** The value as a list: an array's items, a single value as one item, nothing when absent. */
    items(): Cursor[] {
        const v = this.value;
        if (v === undefined || v === null) return [];
        if (!Array.isArray(v)) return [this];
        return v.map((item, i) => {
            const id = idOf(item);
            return new Cursor(item, `${this.path}[${i}]`, id !== undefined ? `<${id}>` : `${this.key}[${i}]`, this.log);
        });
    }

    /** `get(name).items()`. */
    all(name: string): Cursor[] {
        return this.get(name).items();
    }

    /** Marks the value (and all under it) as imported; returns it. */
    take(): this {
        if (this.exists) this.log.mark(this.key);
        return this;
    }

    /** The value as a string (numbers as written), marked as imported; undefined otherwise. */
    string(): string | undefined {
        const v = this.value;
        if (typeof v === 'string' && v.trim().length > 0) { this.take(); return v; }
        if (typeof v === 'number') { this.take(); return String(v); }
        return undefined;
    }

    number(): number | undefined {
        const v = this.value;
        if (typeof v === 'number' && Number.isFinite(v)) { this.take(); return v; }
        if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) { this.take(); return Number(v); }
        return undefined;
    }

    /** The value when it is a string, without marking it as imported. */
    get text(): string | undefined {
        return typeof this.value === 'string' ? this.value : undefined;
    }

    isType(type: string): boolean {
        return typesOf(this.value).includes(type);
    }
}

export function isObject(value: unknown): value is { [key: string]: JsonValue } {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function typesOf(value: unknown): string[] {
    if (!isObject(value)) return [];
    const t = value['type'] ?? value['@type'];
    return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : typeof t === 'string' ? [t] : [];
}

function idOf(value: unknown): string | undefined {
    return isObject(value) && typeof value['id'] === 'string' ? value['id'] : undefined;
}

/** A fact that was not imported: where it is in the JSON and a short view of its value. */
export interface LostFact {
    readonly path: string;
    readonly value: string;
    /** How many values (strings, numbers, booleans) are under it. */
    readonly facts: number;
}

/**
 * The largest parts of the document of which nothing was read, each listed once (a node repeated
 * under several paths is listed where it first appears).
 */
export function lostFacts(root: Cursor): LostFact[] {
    const lost: LostFact[] = [];
    const seenKeys = new Set<string>();
    const visit = (cursor: Cursor, name: string | undefined): void => {
        if (name !== undefined && STRUCTURAL_KEYS.has(name)) return;
        if (seenKeys.has(cursor.key)) return;
        seenKeys.add(cursor.key);
        if (cursor.log.isTaken(cursor.key)) return;
        const v = cursor.value;
        if (v === undefined || v === null) return;
        const facts = countFacts(v);
        if (facts === 0) return;
        if (!anyTakenBelow(cursor)) {
            lost.push({ path: cursor.path, value: preview(v), facts });
            return;
        }
        if (Array.isArray(v)) {
            for (const item of cursor.items()) visit(item, undefined);
        } else if (isObject(v)) {
            for (const k of Object.keys(v)) visit(cursor.get(k), k);
        }
    };
    visit(root, undefined);
    return lost;
}

function anyTakenBelow(cursor: Cursor): boolean {
    if (cursor.log.isTaken(cursor.key)) return true;
    const v = cursor.value;
    if (Array.isArray(v)) return cursor.items().some(anyTakenBelow);
    if (isObject(v)) return Object.keys(v).filter(k => !STRUCTURAL_KEYS.has(k)).some(k => anyTakenBelow(cursor.get(k)));
    return false;
}

function countFacts(value: JsonValue, key?: string): number {
    if (key !== undefined && STRUCTURAL_KEYS.has(key)) return 0;
    if (Array.isArray(value)) return value.reduce<number>((n, item) => n + countFacts(item), 0);
    if (isObject(value)) return Object.entries(value).reduce<number>((n, [k, item]) => n + countFacts(item, k), 0);
    return value === null ? 0 : 1;
}

function preview(value: JsonValue): string {
    if (typeof value === 'string') return JSON.stringify(shorten(value));
    if (typeof value !== 'object' || value === null) return String(value);
    const text = JSON.stringify(value, (_k, v: unknown) => typeof v === 'string' ? shorten(v) : v);
    return shorten(text, 100);
}

function shorten(text: string, max = 60): string {
    const oneLine = text.replace(/\s+/g, ' ');
    return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
