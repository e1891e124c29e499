import { expect, test } from 'vitest';
import { boundedDistance, distance } from '../../language-server/vocab/vocabulary.js';
test('bounded = min(distance, limit+1)', () => {
    const words = ['', 'a', 'ab', 'abc', 'kitten', 'sitting', 'italy', 'itlay', 'germany', 'xx', 'it', 'ti', 'aaaa', 'bbbb', 'abcdefgh', 'bcdefgha'];
    for (const a of words) for (const b of words) for (const limit of [0, 1, 2, 3, 5]) {
        expect(boundedDistance(a, b, limit), `${a} ${b} ${limit}`).toBe(Math.min(distance(a, b), limit + 1));
    }
});
