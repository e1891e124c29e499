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
            problems.push({ line: header.line, message: `unknown column '${header.fields[i].trim()}' in the header (expected ${COLUMNS.join(', ')})` });
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
            problems.push({ line: record.line, message: `'${issued}' is not a date of issuing as YYYY-MM-DD` });
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
