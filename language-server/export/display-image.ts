import type { CredentialModel, Issuance } from '../model/credential-model.js';
import { formatAmount, providerText } from './narrative.js';

/**
 * A one-page SVG rendering of a credential: the display image that a Europass credential carries
 * (`displayParameter.individualDisplay.displayDetail.image`). Plain text on a card, no fonts or
 * images embedded; long lines are wrapped.
 */
export function displaySvg(model: CredentialModel, issuance: Issuance | undefined): string {
    const facts = [
        model.workload.ects !== undefined ? `${formatAmount(model.workload.ects)} ECTS` : undefined,
        model.workload.hours !== undefined ? `${formatAmount(model.workload.hours)} hours` : undefined,
        model.level.eqf ? `EQF level ${model.level.eqf.code}` : undefined,
        model.participation?.label
    ].filter(Boolean).join(' · ');
    const lines: Array<{ text: string; size: number; weight?: 'bold'; gap?: number }> = [
        { text: 'Micro-credential', size: 18, gap: 0 },
        ...wrap(model.title, 40).map((text, i) => ({ text, size: 32, weight: 'bold' as const, gap: i === 0 ? 16 : 4 })),
        ...(issuance ? [
            { text: 'awarded to', size: 16, gap: 28 },
            ...wrap(issuance.learner.fullName || issuance.learner.identifier || '', 48).map(text => ({ text, size: 26, weight: 'bold' as const, gap: 6 }))
        ] : []),
        { text: 'by', size: 16, gap: 28 },
        ...model.awardingBodies.flatMap(body => wrap(providerText(body), 60).map(text => ({ text, size: 20, gap: 6 }))),
        ...(facts ? [{ text: facts, size: 16, gap: 28 }] : []),
        ...(issuance ? [{ text: `Issued ${issuance.issued}`, size: 16, gap: 8 }] : [])
    ];
    let y = 80;
    const texts = lines.map(line => {
        y += (line.gap ?? 0) + line.size;
        return `<text x="60" y="${y}" font-size="${line.size}"${line.weight ? ` font-weight="${line.weight}"` : ''}>${escapeXml(line.text)}</text>`;
    });
    const height = Math.max(400, y + 80);
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="${height}" viewBox="0 0 1000 ${height}">`,
        `<rect x="10" y="10" width="980" height="${height - 20}" rx="16" fill="#ffffff" stroke="#1f3a93" stroke-width="4"/>`,
        `<g font-family="sans-serif" fill="#1a1a1a">`,
        ...texts,
        '</g>',
        '</svg>'
    ].join('\n') + '\n';
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
