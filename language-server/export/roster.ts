import type { LearnerModel } from '../model/credential-model.js';

/** A problem in a roster, on a 1-based line of the file. */
export interface RosterProblem {
    readonly line: number;
    readonly message: string;
}

export interface Roster {
    readonly learners: readonly LearnerModel[];
    /** Every problem found; when there is one, nothing may be exported from the roster. */
    readonly problems: readonly RosterProblem[];
}

/** A roster that cannot be decoded as text; the message names the line and how to fix it. */
export class RosterEncodingError extends Error {
    override readonly name = 'RosterEncodingError';
}

/**
 * The text of a roster file: UTF-8 (a byte order mark is dropped), or the `encoding` the user
 * named (`windows-1252`, `latin1`, `utf-16le`, … as the WHATWG Encoding Standard names them).
 * Bytes that are not UTF-8 are refused with the first line they are on, never guessed: a roster
 * saved as Windows-1252 would otherwise issue a credential to "Jos\uFFFD N\uFFFD\uFFFDez".
 */
export function decodeRoster(bytes: Uint8Array, encoding?: string): string {
    if (encoding !== undefined && !/^utf-?8$/i.test(encoding.trim())) {
        let decoder: TextDecoder;
        try {
            decoder = new TextDecoder(encoding.trim(), { fatal: true });
        } catch {
            throw new RosterEncodingError(`'${encoding}' is not an encoding name (e.g. utf-8, windows-1252, iso-8859-15, utf-16le)`);
        }
        try {
            return stripBom(decoder.decode(bytes));
        } catch {
            throw new RosterEncodingError(`the roster is not valid ${encoding} text`);
        }
    }
    const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    try {
        return stripBom(utf8.decode(bytes));
    } catch {
        // Find the line: a line feed byte never occurs inside a UTF-8 sequence.
        let line = 1;
        let start = 0;
        for (let i = 0; i <= bytes.length; i++) {
            if (i === bytes.length || bytes[i] === 0x0a) {
                try {
                    utf8.decode(bytes.subarray(start, i));
                } catch {
                    break;
                }
                line++;
                start = i + 1;
            }
        }
        throw new RosterEncodingError(`line ${line} is not UTF-8 text (the file was probably saved as Windows-1252 or Latin-1): `
            + 'save the roster as "CSV UTF-8", or name its encoding (mcred export --roster-encoding windows-1252)');
    }
}

function stripBom(text: string): string {
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

const COLUMNS = ['name', 'id', 'grade', 'issued', 'given', 'family'] as const;
const REQUIRED = ['name', 'id'] as const;

/**
 * Parses a CSV roster (`name,id,grade[,issued][,given,family]`, RFC 4180: comma separated, fields may be quoted
 * with `"`, a quote inside a quoted field is doubled, quoted fields may span lines). The header
 * is required and names the columns (any order, case-insensitive; `grade`, `issued`, `given` and
 * `family` may be left out). Blank lines are skipped. `source` names the file in messages (`learners.csv`).
 */
export function parseRoster(text: string, source: string): Roster {
    const problems: RosterProblem[] = [];
    const records = parseCsv(text.startsWith('\uFEFF') ? text.slice(1) : text, problems);
    const header = records.shift();
    if (!header || header.fields.every(f => f.trim() === '')) {
        problems.push({ line: 1, message: `the roster has no header line: the first line must name the columns ${COLUMNS.slice(0, 3).join(',')}[,issued]` });
        return { learners: [], problems };
    }
    const names = header.fields.map(f => f.trim().toLowerCase());
    const index = new Map<string, number>();
    names.forEach((name, i) => {
        if (!(COLUMNS as readonly string[]).includes(name)) {
            problems.push({ line: header.line, message: `unknown column ${columnLabel(header.fields[i], i)} in the header (expected ${COLUMNS.join(', ')})` });
        } else if (index.has(name)) {
            problems.push({ line: header.line, message: `column '${name}' appears twice in the header` });
        } else {
            index.set(name, i);
        }
    });
    for (const required of REQUIRED) {
        if (!index.has(required)) problems.push({ line: header.line, message: `the header has no '${required}' column` });
    }
    if (problems.length > 0) return { learners: [], problems };

    const learners: LearnerModel[] = [];
    for (const record of records) {
        if (record.fields.length === 1 && record.fields[0].trim() === '') continue;
        if (record.fields.length !== names.length) {
            problems.push({ line: record.line, message: `expected ${names.length} fields (${names.join(',')}), found ${record.fields.length}` });
            continue;
        }
        const field = (column: typeof COLUMNS[number]) => {
            const i = index.get(column);
            const value = i === undefined ? undefined : record.fields[i].trim();
            return value ? value : undefined;
        };
        const name = field('name');
        const id = field('id');
        const issued = field('issued');
        if (!name && !id) {
            problems.push({ line: record.line, message: 'the learner has neither a name nor an id (Annex I element 1, identification of the learner)' });
            continue;
        }
        if (issued !== undefined && !isIsoDate(issued)) {
            problems.push({ line: record.line, message: `the date of issuing ${/^[\d-]{1,12}$/.test(issued) ? `'${issued}' ` : ''}is not a date as YYYY-MM-DD` });
            continue;
        }
        learners.push({
            // NFC: "Zoë" typed with a combining diaeresis is the same learner as "Zoë" typed precomposed.
            fullName: (name ?? '').normalize('NFC'),
            ...(id ? { identifier: id.normalize('NFC') } : {}),
            ...(field('grade') ? { grade: field('grade')! } : {}),
            ...(issued ? { issued } : {}),
            ...(field('given') ? { givenName: field('given')! } : {}),
            ...(field('family') ? { familyName: field('family')! } : {}),
            source: `${source}:${record.line}`
        });
    }
    return { learners: problems.length > 0 ? [] : learners, problems };
}

/**
 * A header field as messages show it: quoted when it reads as a column name (short, letters,
 * digits, spaces, `_`, `-`), else only its position, so that a file that is not a roster (a key
 * file, an environment dump) is never echoed into a terminal or a CI log.
 */
function columnLabel(field: string, index: number): string {
    const name = field.trim();
    return name.length <= 32 && /^[\p{L}\p{N} _-]*$/u.test(name) ? `'${name}'` : `${index + 1} (not a column name)`;
}

interface CsvRecord {
    /** 1-based line the record starts on. */
    readonly line: number;
    readonly fields: string[];
}

function parseCsv(text: string, problems: RosterProblem[]): CsvRecord[] {
    const records: CsvRecord[] = [];
    let line = 1;
    let i = 0;
    while (i < text.length) {
        const start = line;
        const fields: string[] = [];
        let endOfRecord = false;
        while (!endOfRecord) {
            let value = '';
            if (text[i] === '"') {
                const quoteLine = line;
                i++;
                let closed = false;
                while (i < text.length) {
                    const c = text[i];
                    if (c === '"') {
                        if (text[i + 1] === '"') {
                            value += '"';
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    if (c === '\n') line++;
                    value += c;
                    i++;
                }
                if (!closed) {
                    problems.push({ line: quoteLine, message: 'a quoted field is not closed (a `"` is missing)' });
                    return records;
                }
                if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
                    problems.push({ line, message: 'unexpected text after a closing quote (write a quote inside a quoted field as "")' });
                    while (i < text.length && text[i] !== '\n') i++;
                }
            } else {
                while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
                    value += text[i];
                    i++;
                }
                if (value.includes('"')) {
                    problems.push({ line, message: 'a quote inside an unquoted field (quote the whole field and double the quote: "a ""b"" c")' });
                }
            }
            fields.push(value);
            if (text[i] === ',') {
                i++;
            } else {
                if (text[i] === '\r') i++;
                if (text[i] === '\n') i++;
                line++;
                endOfRecord = true;
            }
        }
        records.push({ line: start, fields });
    }
    return records;
}

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
