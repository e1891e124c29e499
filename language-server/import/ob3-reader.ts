import { type Cursor } from './json-cursor.js';
import { conceptByUri, countryCode, isEctsUri, languageCode, VOCABS } from './concepts.js';
import type { ImportedAssessment, ImportedIssuance, ImportedModule, ImportedOutcome, ImportedProgramme, ImportedProvider } from './imported-model.js';
import { assessmentLine, markdownSections, moduleLine, qaFromLines, translationLine } from './narrative-reader.js';
import { ESCO_SKILL_URI_PREFIX } from '../vocab/index.js';
import {
    type ReadResult, addProvider, applyPartners, dateOf, designTimeSection, hashedIdentity, plainText, providerByText, providerFromText, sectionFacts
} from './reader-support.js';

/**
 * Open Badges 3.0: an `OpenBadgeCredential` / `AchievementCredential` (signed or not) or a bare
 * `Achievement`. The achievement gives the programme, its creator and the credential's issuer
 * the providers, the credential subject the learner.
 */
export function readOb3(root: Cursor): ReadResult {
    const result: ReadResult = { programmes: [], providers: [], issuances: [], notes: [] };
    root.get('@context').take();
    if (root.isType('Achievement')) {
        result.programmes.push(readAchievement(root, result, undefined));
        return result;
    }
    const subject = root.get('credentialSubject').items()[0];
    const memberNames = new Map<string, string[]>();
    const achievementCursor = subject?.get('achievement');
    if (!subject || !achievementCursor?.exists) return result;
    const issuer = root.get('issuer');
    const issuerKey = issuer.exists ? addProvider(result.providers, readProfile(issuer, memberNames)) : undefined;
    const programme = readAchievement(achievementCursor, result, issuerKey, memberNames);
    result.programmes.push(programme);
    const issued = dateOf(root.get('awardedDate')) ?? dateOf(root.get('validFrom')) ?? dateOf(root.get('issuanceDate'));
    root.get('validFrom').take();
    root.get('issuanceDate').take();
    const title = programme.title?.text;
    // The credential's own name and description restate the achievement (mcred writes `Title, awarded to Name`).
    const name = root.get('name');
    if (name.value === title) name.take();
    subject.get('creditsEarned').take();
    const learner = readSubject(subject, root);
    const description = root.get('description');
    if (typeof description.value === 'string' && title && (description.value === title
        || description.value === achievementCursor.get('description').value
        || (learner.fullName && description.value === `${title}, awarded to ${learner.fullName}`))) {
        description.take();
    }
    if (root.get('proof').exists) {
        root.get('proof').take();
        result.notes.push('The proof was not verified: an import reads what the credential states, it does not vouch for it.');
    }
    result.issuances.push({ programme: programme.key, ...(issued ? { issued } : {}), learner });
    return result;
}

function readSubject(subject: Cursor, root: Cursor): ImportedIssuance['learner'] {
    let fullName: string | undefined;
    let identifier: string | undefined;
    let hashed: { type: string; hash: string } | undefined;
    let given: string | undefined;
    let family: string | undefined;
    const id = subject.get('id').string();
    if (id && !/^urn:uuid:/i.test(id)) identifier = id;
    else if (id) subject.get('id').take();
    for (const entry of subject.all('identifier')) {
        const type = entry.get('identityType').value;
        const hash = entry.get('identityHash').value;
        if (typeof hash !== 'string') continue;
        if (entry.get('hashed').value === true) {
            hashed ??= hashedIdentity(entry, typeof type === 'string' ? type : 'identity');
            continue;
        }
        if (type === 'ext:givenName' && !given) { given = hash; entry.take(); } else if (type === 'ext:familyName' && !family) { family = hash; entry.take(); } else if (type === 'name' && !fullName) { fullName = hash; entry.take(); } else if (type === 'emailAddress' && !identifier) { identifier = `mailto:${hash}`; entry.take(); } else if (type === 'emailAddress' && identifier === `mailto:${hash}`) entry.take();
        else if ((type === 'identifier' || type === 'studentId' || type === 'sourcedId') && !identifier) { identifier = hash; entry.take(); }
    }
    // The grade: a result whose description is the achievement's grade.
    let grade: string | undefined;
    const descriptions = subject.get('achievement').all('resultDescription');
    const gradeIds = new Set(descriptions.filter(d => d.get('resultType').value !== 'Status').map(d => d.get('id').value));
    const statusIds = new Set(descriptions.filter(d => d.get('resultType').value === 'Status').map(d => d.get('id').value));
    for (const result of subject.all('result')) {
        const ref = result.get('resultDescription').value;
        if (gradeIds.has(ref) && !grade) {
            grade = result.get('value').string();
            if (grade) result.take();
        } else if (statusIds.has(ref) && result.get('status').value === 'Completed') {
            result.take();
        }
    }
    void root;
    return {
        ...(fullName ? { fullName } : {}),
        ...(identifier ? { identifier } : {}),
        ...(grade ? { grade } : {}),
        ...(given ? { given } : {}),
        ...(family ? { family } : {}),
        ...(hashed ? { hashedIdentity: hashed } : {})
    };
}

/** A profile; the source names of an alliance's members (mcred's `ext:mcred.member`) go to `memberNames`, by legal name. */
export function readProfile(profile: Cursor, memberNames?: Map<string, string[]>): ImportedProvider {
    const id = profile.get('id').value;
    const legalName = profile.get('name').string();
    let declaredName: string | undefined;
    let legalIdentifier: string | undefined;
    const members: string[] = [];
    for (const entry of profile.all('otherIdentifier')) {
        const type = entry.get('identifierType').value;
        const value = entry.get('identifier').value;
        if (typeof value !== 'string') continue;
        if (type === 'ext:mcred' && !declaredName) { declaredName = value; entry.take(); } else if (type === 'ext:mcred.member') { members.push(value); entry.take(); } else if (type === 'identifier' && !legalIdentifier) legalIdentifier = entry.get('identifier').string();
    }
    if (legalName && members.length > 0) memberNames?.set(legalName, members);
    const address = profile.get('address');
    const country = countryCode(address.get('addressCountryCode').value as string | undefined);
    if (country) { address.get('addressCountryCode').take(); address.get('addressCountry').take(); }
    const region = address.get('addressRegion').string();
    const homepage = profile.get('url').string();
    const email = profile.get('email').string();
    profile.get('id').take();
    return {
        key: typeof id === 'string' ? id : `name:${legalName ?? '?'}`,
        ...(declaredName ? { declaredName } : {}),
        ...(legalName ? { legalName } : {}),
        ...(country ? { country } : {}),
        ...(region ? { region } : {}),
        ...(legalIdentifier ? { legalIdentifier } : {}),
        ...(homepage ? { homepage } : {}),
        ...(email ? { email } : {}),
        // A DID is the profile's id when the provider states one.
        ...(typeof id === 'string' && id.startsWith('did:') ? { did: id } : {})
    };
}

function readAchievement(a: Cursor, result: ReadResult, issuerKey: string | undefined, memberNames = new Map<string, string[]>()): ImportedProgramme {
    a.get('@context').take();
    const id = a.get('id');
    const key = typeof id.value === 'string' ? id.value : `title:${a.get('name').text ?? '?'}`;
    id.take();
    a.get('achievementType').take();
    const humanCode = a.get('humanCode').value;
    let declaredName = typeof humanCode === 'string' && /^[_a-zA-Z][\w-]*$/.test(humanCode) ? humanCode : undefined;
    if (declaredName) a.get('humanCode').take();
    const bodyNames: string[] = [];
    // mcred's source names of the partners, modules and assessments, in the narrative's order.
    const sourceNames: Record<string, string[]> = { 'ext:mcred.deliveredWith': [], 'ext:mcred.module': [], 'ext:mcred.assessment': [] };
    const fromMcred = a.all('otherIdentifier').some(e => e.get('identifierType').value === 'ext:mcred');
    for (const entry of a.all('otherIdentifier')) {
        const type = entry.get('identifierType').value;
        if (type === 'ext:mcred' && !declaredName) declaredName = entry.get('identifier').string();
        else if (type === 'ext:mcred' && declaredName === humanCode) entry.take();
        else if (type === 'ext:mcred.awardedBy' && typeof entry.get('identifier').value === 'string') {
            bodyNames.push(entry.get('identifier').value as string);
            entry.take();
        } else if (typeof type === 'string' && type in sourceNames && typeof entry.get('identifier').value === 'string') {
            sourceNames[type].push(entry.get('identifier').value as string);
            entry.take();
        }
    }
    const title = a.get('name').string();
    const creator = a.get('creator');
    const creatorKey = creator.exists ? addProvider(result.providers, readProfile(creator, memberNames)) : undefined;
    const awardedBy = [creatorKey ?? issuerKey].filter((k): k is string => k !== undefined);
    const language = languageCode(a.get('inLanguage').value as string | undefined);
    if (language) a.get('inLanguage').take();

    // Alignments: Europass concepts and ESCO skills.
    let eqf: number | undefined;
    const fields: string[] = [];
    let ectsStated = false;
    let participation: string | undefined;
    let setting: string | undefined;
    const types: string[] = [];
    const achievementSkills: string[] = [];
    for (const alignment of a.all('alignment')) {
        const url = alignment.get('targetUrl').value as string | undefined;
        const eqfConcept = conceptByUri(VOCABS.eqf, url);
        const take = () => alignment.take();
        if (eqfConcept) { eqf = Number(eqfConcept.code); take(); continue; }
        const field = conceptByUri(VOCABS.isced, url);
        if (field) { fields.push(field.code); take(); continue; }
        if (isEctsUri(url)) { ectsStated = true; take(); continue; }
        const mode = conceptByUri(VOCABS.participation, url);
        if (mode) { participation = mode.code; take(); continue; }
        const s = conceptByUri(VOCABS.setting, url);
        if (s) { setting = s.code; take(); continue; }
        const t = conceptByUri(VOCABS.assessment, url);
        if (t) { types.push(t.code); take(); continue; }
        if (conceptByUri(VOCABS.supervision, url)) { take(); continue; }
        if (url && url.startsWith(ESCO_SKILL_URI_PREFIX)) { achievementSkills.push(url); take(); continue; }
    }
    const credits = a.get('creditsAvailable').number();
    if (fields.length > 0) a.get('fieldOfStudy').take();

    // Outcomes: result descriptions of type Status, `LO1: statement` in mcred's exports.
    const outcomes: ImportedOutcome[] = [];
    let grading: string | undefined;
    for (const rd of a.all('resultDescription')) {
        const name = rd.get('name').value;
        if (typeof name !== 'string') continue;
        if (rd.get('resultType').value === 'Status' && declaredName !== undefined && fromMcred) {
            // mcred writes each outcome as a Status result description `LO1: statement`.
            const m = /^([_a-zA-Z][\w-]*): (.+)$/s.exec(name);
            const skills = rd.all('alignment').map(al => al.get('targetUrl').value)
                .filter((u): u is string => typeof u === 'string' && u.startsWith(ESCO_SKILL_URI_PREFIX));
            rd.all('alignment').filter(al => (al.get('targetUrl').text ?? '').startsWith(ESCO_SKILL_URI_PREFIX)).forEach(al => al.take());
            outcomes.push({
                ...(m ? { declaredName: m[1] } : {}),
                statement: { text: m ? m[2] : name, translations: [] },
                skills
            });
            rd.get('name').take();
            rd.get('resultType').take();
            rd.get('id').take();
        } else if (/^Grade(?: \((.+)\))?$/.test(name)) {
            grading = /^Grade \((.+)\)$/.exec(name)?.[1];
            rd.take();
        }
    }
    // Skills aligned with the achievement and with no outcome: one outcome per skill, statement to write.
    const outcomeSkills = new Set(outcomes.flatMap(o => o.skills));
    const looseSkills = achievementSkills.filter(s => !outcomeSkills.has(s));
    for (const alignment of a.all('alignment')) {
        const url = alignment.get('targetUrl').value;
        if (typeof url === 'string' && looseSkills.includes(url)) {
            const name = alignment.get('targetName').value;
            outcomes.push({ statement: typeof name === 'string' ? { text: name, translations: [] } : undefined, skills: [url] });
            looseSkills.splice(looseSkills.indexOf(url), 1);
        }
    }

    // mcred's narrative: assessments, workload, QA, prerequisites, recognition, further information.
    const narrative = a.get('criteria').get('narrative');
    const sections = typeof narrative.value === 'string' ? markdownSections(narrative.value) : undefined;
    const facts = sections ? sectionFacts(sections) : undefined;
    // Several awarding bodies: the narrative names them (`Legal name (Region, Country)`), the identifiers give their source names.
    for (const [i, text] of (facts?.awardingBodies ?? []).entries()) {
        if (i === 0 && awardedBy.length > 0) continue;
        const provider = providerFromText(text, bodyNames[i]);
        awardedBy.push(addProvider(result.providers, provider));
    }
    const deliveredWith = applyPartners(result.providers, facts?.partners, { contributors: sourceNames['ext:mcred.deliveredWith'], members: memberNames });
    const assessments: ImportedAssessment[] = [];
    const assessmentHeadings: string[] = [];
    const modules: ImportedModule[] = [];
    let allSectionsRead = sections !== undefined;
    const names = outcomes.map(o => o.declaredName).filter((n): n is string => n !== undefined);
    for (const section of sections ?? []) {
        if (section.title === 'Assessment') {
            for (const [i, line] of section.lines.entries()) {
                const read = assessmentLine(line, names, grading, sourceNames['ext:mcred.assessment'][i]);
                if (!read) { allSectionsRead = false; continue; }
                const { coversNames, heading, ...assessment } = read;
                assessments.push({ ...assessment, covers: coversNames.map(n => names.indexOf(n)) });
                assessmentHeadings.push(heading);
            }
        } else if (section.title === 'Modules') {
            for (const [i, line] of section.lines.entries()) {
                const read = moduleLine(line, names);
                if (!read) { allSectionsRead = false; continue; }
                const name = sourceNames['ext:mcred.module'][i];
                modules.push({
                    ...(name && /^[_a-zA-Z][\w-]*$/.test(name) ? { declaredName: name } : {}),
                    title: { text: read.title, translations: [] },
                    ...(read.description ? { description: { text: read.description, translations: [] } } : {}),
                    ...(read.ects !== undefined ? { ects: read.ects } : {}),
                    ...(read.hours !== undefined ? { hours: read.hours } : {}),
                    providers: read.providedBy ? providersByLegalNames(result.providers, read.providedBy) : [],
                    covers: read.coversNames.map(n => names.indexOf(n))
                });
            }
        } else if (section.title !== 'Translations' && !facts!.read.has(section.title) && !designTimeSection(section.title)) {
            allSectionsRead = false;
        }
    }
    // The translations, one line per language and text: `Finnish (fi) — LO1: …`.
    const translations = new Map<string, Array<{ text: string; language: string }>>();
    const translationKeys = [
        'title', 'description', 'prerequisites', 'recognition', ...names,
        ...modules.flatMap(m => [`module ${m.title!.text}`, `module ${m.title!.text} description`]),
        ...assessmentHeadings.flatMap(h => [`assessment ${h}`, `assessment ${h} description`])
    ].sort((x, y) => y.length - x.length);
    for (const line of sections?.find(s => s.title === 'Translations')?.lines ?? []) {
        const read = translationLine(line);
        const k = read && translationKeys.find(key => read.text.startsWith(`${key}: `));
        if (!read || k === undefined) { allSectionsRead = false; continue; }
        translations.set(k, [...(translations.get(k) ?? []), { text: read.text.slice(k.length + 2), language: read.language }]);
    }
    const tr = (key: string) => translations.get(key) ?? [];
    if (sections && allSectionsRead) narrative.take();
    a.get('criteria').get('id').take();
    if (assessments.length === 0) {
        for (const type of types) assessments.push({ type, ...(grading ? { grading } : {}) });
    }
    const qa = facts?.qa ? qaFromLines(facts.qa) : undefined;
    const description = plainText(a.get('description'), title);
    return {
        key,
        ...(declaredName ? { declaredName } : {}),
        ...(title ? { title: { text: title, translations: tr('title') } } : {}),
        ...(description ? { description: { text: description, translations: tr('description') } } : {}),
        awardedBy: [...new Set(awardedBy)],
        languages: [...new Set([language, ...(facts?.languages ?? [])].filter((l): l is string => l !== undefined))],
        ...(eqf !== undefined || facts?.level ? { level: { ...facts?.level, ...(eqf !== undefined ? { eqf } : {}) } } : {}),
        fields,
        ...(credits !== undefined && (ectsStated || facts?.ects === credits) ? { ects: credits } : {}),
        ...(credits !== undefined && !(ectsStated || facts?.ects === credits) ? { creditsWithoutUnit: credits } : {}),
        ...(facts?.hours !== undefined ? { hours: facts.hours } : {}),
        ...(facts?.duration ? { duration: facts.duration } : {}),
        ...(participation ? { participation } : {}),
        ...(setting ? { setting } : {}),
        outcomes: outcomes.map(o => o.declaredName && o.statement ? { ...o, statement: { ...o.statement, translations: tr(o.declaredName) } } : o),
        ...(modules.length > 0 ? {
            modules: modules.map(m => ({
                ...m,
                title: { text: m.title!.text, translations: tr(`module ${m.title!.text}`) },
                ...(m.description ? { description: { text: m.description.text, translations: tr(`module ${m.title!.text} description`) } } : {})
            }))
        } : {}),
        assessments: assessments.map((x, i) => {
            const h = assessmentHeadings[i];
            if (h === undefined) return x;
            const titles = tr(`assessment ${h}`);
            const descriptions = tr(`assessment ${h} description`);
            return {
                ...x,
                ...(x.title && titles.length > 0 ? { titleTranslations: titles } : {}),
                ...(x.description && descriptions.length > 0 ? { descriptionTranslations: descriptions } : {})
            };
        }),
        ...(deliveredWith.length > 0 ? { deliveredWith } : {}),
        ...(facts?.prerequisites ? { prerequisites: { text: facts.prerequisites, translations: tr('prerequisites') } } : {}),
        partOf: facts?.partOf ?? [],
        ...(facts?.standalone ? { standalone: true } : {}),
        ...(facts?.recognition ? { recognition: facts.recognition } : {}),
        ...(facts?.recognition && tr('recognition').length > 0 ? { recognitionTranslations: tr('recognition') } : {}),
        ...(facts?.furtherInfo ? { furtherInfo: facts.furtherInfo } : {}),
        ...(qa ? { qualityAssurance: qa } : {})
    };
}

/**
 * The providers of a module as the narrative names them (legal names joined by `, `, which a legal
 * name may itself hold): the longest run of names that is a provider already read, else one name.
 */
function providersByLegalNames(providers: ImportedProvider[], text: string): string[] {
    const pieces = text.split(', ');
    const keys: string[] = [];
    for (let start = 0; start < pieces.length;) {
        let end = pieces.length;
        while (end > start + 1 && !providers.some(p => p.legalName === pieces.slice(start, end).join(', '))) end--;
        keys.push(providerByText(providers, pieces.slice(start, end).join(', ')));
        start = end;
    }
    return keys;
}
