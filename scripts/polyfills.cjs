// Node 20 lacks Object.groupBy / Map.groupBy, which chevrotain 13 (used by Langium 4.4) calls.
// Loaded with `node --require` by the grammar generator, as a vitest setup file, and
// inlined as the banner of every bundle (see scripts/build.mjs). Harmless on Node >= 21.
'use strict';
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, keyOf) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                (groups[key] ??= []).push(item);
            }
            return groups;
        }
    });
}
if (typeof Map.groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', {
        configurable: true,
        writable: true,
        value: function groupBy(items, keyOf) {
            const groups = new Map();
            let index = 0;
            for (const item of items) {
                const key = keyOf(item, index++);
                const group = groups.get(key);
                if (group) group.push(item);
                else groups.set(key, [item]);
            }
            return groups;
        }
    });
}
