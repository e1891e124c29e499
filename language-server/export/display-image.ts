import type { CredentialModel, Issuance } from '../model/credential-model.js';
import { formatAmount, providerText } from './narrative.js';

/**
 * A one-page SVG rendering of a credential: the display image that a Europass credential carries
 * (`displayParameter.individualDisplay.displayDetail.image`). Plain text on a card, no fonts or
 * images embedded; long lines are wrapped.
 */
export function displaySvg(model: CredentialModel, issuance: Issuance | undefined): string {
    return displaySvgParts(model, issuance).join('');
}

/**
 * The base64 of the UTF-8 bytes of {@link displaySvg}, as a Europass credential carries it. Only
 * the learner's lines differ between the credentials of one programme issued on one date: the
 * text before them and after them is encoded once (at each of the three byte alignments base64
 * can meet it at), so a cohort of 10,000 encodes about a hundred bytes per learner.
 */
export function displaySvgBase64(model: CredentialModel, issuance: Issuance | undefined): string {
    const [before, learner, after] = displaySvgParts(model, issuance);
    const cache = encodedParts(model);
    let head = cache.get(before);
    if (!head) {
        const bytes = utf8(before);
        const aligned = bytes.length - (bytes.length % 3);
        cache.set(before, head = { base64: base64Bytes(bytes.subarray(0, aligned)), rest: bytes.slice(aligned) });
    }
    const middle = concatBytes(head.rest, utf8(learner));
    let tail = cache.get(after);
    if (!tail) cache.set(after, tail = { base64: '', rest: utf8(after) });
    // Complete the last group of three bytes with the first bytes of the text after the learner.
    const borrow = Math.min((3 - (middle.length % 3)) % 3, tail.rest.length);
    const rest = tail.rest.subarray(borrow);
    const key = `${borrow}`;
    let restBase64 = tail.aligned?.get(key);
    if (restBase64 === undefined) {
        restBase64 = base64Bytes(rest);
        (tail.aligned ??= new Map<string, string>()).set(key, restBase64);
    }
    return head.base64 + base64Bytes(concatBytes(middle, tail.rest.subarray(0, borrow))) + restBase64;
}

interface EncodedPart {
    /** The base64 of the part's bytes up to a multiple of three (the part before the learner). */
    readonly base64: string;
    /** The bytes left over (before the learner), or all of them (after). */
    readonly rest: Uint8Array;
    /** After the learner: the base64 of the bytes after the first 0, 1 or 2. */
    aligned?: Map<string, string>;
}

const encoded = new WeakMap<CredentialModel, Map<string, EncodedPart>>();

function encodedParts(model: CredentialModel): Map<string, EncodedPart> {
    let parts = encoded.get(model);
    if (!parts) encoded.set(model, parts = new Map<string, EncodedPart>());
    if (parts.size > 64) parts.clear(); // many dates of issuing: keep the memory bounded
    return parts;
}

const encoder = new TextEncoder();

function utf8(text: string): Uint8Array {
    return encoder.encode(text);
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
    if (a.length === 0) return b;
    const bytes = new Uint8Array(a.length + b.length);
    bytes.set(a);
    bytes.set(b, a.length);
    return bytes;
}

/** Base64 of bytes, without `Buffer` (exporters also run in a web worker). */
function base64Bytes(bytes: Uint8Array): string {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x1000) {
        binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x1000) as unknown as number[]);
    }
    return btoa(binary);
}

interface Line {
    readonly text: string;
    readonly size: number;
    readonly weight?: 'bold';
    readonly gap?: number;
}

/** What a programme's card says around the learner: computed once per programme. */
interface Card {
    readonly head: readonly Line[];
    readonly tail: readonly Line[];
    /** The text of the head's lines, which always start at the same height, once rendered. */
    headTexts?: { readonly text: string; readonly y: number };
    /** The text after the learner, by the height it starts at and the date of issuing. */
    readonly after: Map<string, { readonly text: string; readonly y: number }>;
}

const cards = new WeakMap<CredentialModel, Card>();

function card(model: CredentialModel): Card {
    let found = cards.get(model);
    if (!found) {
        const facts = [
            model.workload.ects !== undefined ? `${formatAmount(model.workload.ects)} ECTS` : undefined,
            model.workload.hours !== undefined ? `${formatAmount(model.workload.hours)} hours` : undefined,
            model.level.eqf ? `EQF level ${model.level.eqf.code}` : undefined,
            model.participation?.label
        ].filter(Boolean).join(' · ');
        found = {
            head: [
                { text: 'Micro-credential', size: 18, gap: 0 },
                ...wrap(model.title, 40).map((text, i) => ({ text, size: 32, weight: 'bold' as const, gap: i === 0 ? 16 : 4 }))
            ],
            tail: [
                { text: 'by', size: 16, gap: 28 },
                ...model.awardingBodies.flatMap(body => wrap(providerText(body), 60).map(text => ({ text, size: 20, gap: 6 }))),
                ...(facts ? [{ text: facts, size: 16, gap: 28 }] : [])
            ],
            after: new Map()
        };
        cards.set(model, found);
    }
    return found;
}

/** The SVG in three parts: before the learner's lines, the learner's lines (empty without learner), after them. */
function displaySvgParts(model: CredentialModel, issuance: Issuance | undefined): [before: string, learner: string, after: string] {
    const programme = card(model);
    const learner: Line[] = issuance ? [
        { text: 'awarded to', size: 16, gap: 28 },
        ...wrap(issuance.learner.fullName || issuance.learner.identifier || '', 48).map(text => ({ text, size: 26, weight: 'bold' as const, gap: 6 }))
    ] : [];
    const headTexts = (programme.headTexts ??= render(programme.head, 80)).text;
    const learnerTexts = render(learner, programme.headTexts.y);
    const key = `${learnerTexts.y}|${issuance?.issued ?? ''}`;
    let after = programme.after.get(key);
    if (!after) {
        if (programme.after.size > 64) programme.after.clear(); // many dates of issuing: keep the memory bounded
        after = render([...programme.tail, ...(issuance ? [{ text: `Issued ${issuance.issued}`, size: 16, gap: 8 }] : [])], learnerTexts.y);
        programme.after.set(key, after);
    }
    const height = Math.max(400, after.y + 80);
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="${height}" viewBox="0 0 1000 ${height}">\n`
        + `<rect x="10" y="10" width="980" height="${height - 20}" rx="16" fill="#ffffff" stroke="#1f3a93" stroke-width="4"/>\n`
        + '<g font-family="sans-serif" fill="#1a1a1a">\n'
        + headTexts,
        learnerTexts.text,
        after.text + '</g>\n</svg>\n'
    ];
}

/** The `<text>` elements of the lines, the first one's baseline below `y`; and the last baseline. */
function render(lines: readonly Line[], y: number): { text: string; y: number } {
    let text = '';
    for (const line of lines) {
        y += (line.gap ?? 0) + line.size;
        text += `<text x="60" y="${y}" font-size="${line.size}"${line.weight ? ` font-weight="${line.weight}"` : ''}>${escapeXml(line.text)}</text>\n`;
    }
    return { text, y };
}

function wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (current && current.length + 1 + word.length > width) {
            lines.push(current);
            current = word;
        } else {
            current = current ? `${current} ${word}` : word;
        }
    }
    if (current) lines.push(current);
    return lines.length > 0 ? lines : [''];
}

function escapeXml(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[<>&"']/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', '\'': '&apos;' })[c]!);
}
