import { describe, expect, test } from 'vitest';
import { isIsoDate, parseRoster } from '../../language-server/export/roster.js';

describe('parseRoster (name,id,grade[,issued], RFC 4180)', () => {
    test('reads the columns of the header, in any order, with CRLF line ends and a byte order mark', () => {
        const roster = parseRoster('\uFEFFid,Name,grade\r\nmailto:a@example.org,Ann Lee,pass\r\ndid:example:2,Bo Chen,\r\n', 'r.csv');
        expect(roster.problems).toEqual([]);
        expect(roster.learners).toEqual([
            { fullName: 'Ann Lee', identifier: 'mailto:a@example.org', grade: 'pass', source: 'r.csv:2' },
            { fullName: 'Bo Chen', identifier: 'did:example:2', source: 'r.csv:3' }
        ]);
    });

    test('quoted fields keep commas, doubled quotes and line breaks; line numbers follow the file', () => {
        const roster = parseRoster('name,id,grade,issued\n"Rossi, Marco",S1,"27/30",2026-11-27\n"Anna ""Nina""\nVerdi",S2,24/30,\n\nKim,S3,pass,\n', 'r.csv');
        expect(roster.problems).toEqual([]);
        expect(roster.learners.map(l => [l.fullName, l.issued, l.source])).toEqual([
            ['Rossi, Marco', '2026-11-27', 'r.csv:2'],
            ['Anna "Nina"\nVerdi', undefined, 'r.csv:3'],
            ['Kim', undefined, 'r.csv:6']
        ]);
    });

    test('the header is required', () => {
        expect(parseRoster('', 'r.csv').problems).toEqual([{ line: 1, message: expect.stringContaining('no header') as string }]);
        const headerless = parseRoster('Jane Doe,mailto:jane@example.org,pass\n', 'r.csv');
        expect(headerless.learners).toEqual([]);
        expect(headerless.problems.map(p => p.line)).toEqual([1, 1, 1, 1, 1]);
        expect(headerless.problems[0].message).toContain("unknown column 'Jane Doe'");
    });

    test.each([
        ['a row with too many fields', 'name,id,grade\nAnn,S1,pass\nBo,S2,pass,extra\n', 3, 'expected 3 fields'],
        ['a row with neither name nor id', 'name,id,grade\nAnn,S1,pass\n,,pass\n', 3, 'neither a name nor an id'],
        ['an impossible date', 'name,id,grade,issued\nAnn,S1,pass,2026-02-30\n', 2, 'is not a date as YYYY-MM-DD'],
        ['an unclosed quote', 'name,id,grade\nAnn,S1,pass\n"Bo,S2,pass\n', 3, 'not closed'],
        ['a stray quote', 'name,id,grade\nAnn,S1,pass\nB"o,S2,pass\n', 3, 'quote inside an unquoted field'],
        ['text after a closing quote', 'name,id,grade\n"Ann"x,S1,pass\n', 2, 'after a closing quote'],
        ['a duplicated column', 'name,id,name\nAnn,S1,Bo\n', 1, 'appears twice'],
        ['a missing id column', 'name,grade\nAnn,pass\n', 1, "no 'id' column"]
    ])('%s is reported with its line number and no learner is returned', (_, csv, line, message) => {
        const roster = parseRoster(csv, 'r.csv');
        expect(roster.learners).toEqual([]);
        expect(roster.problems).toContainEqual({ line, message: expect.stringContaining(message) as string });
    });
});

test('isIsoDate accepts real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-6-3')).toBe(false);
    expect(isIsoDate('26-06-03')).toBe(false);
});
