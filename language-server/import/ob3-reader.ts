import { type Cursor } from './json-cursor.js';
import { conceptByUri, countryCode, isEctsUri, languageCode, VOCABS } from './concepts.js';
import type { ImportedAssessment, ImportedIssuance, ImportedOutcome, ImportedProgramme, ImportedProvider } from './imported-model.js';
import { assessmentLine, markdownSections, qaFromLines } from './narrative-reader.js';
import { ESCO_SKILL_URI_PREFIX } from '../vocab/index.js';
import { type ReadResult, addProvider, dateOf, designTimeSection, hashedIdentity, plainText, providerFromText, sectionFacts } from './reader-support.js';

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
    const achievementCursor = subject?.get('achievement');
    if (!subject || !achievementCursor?.exists) return result;
    const issuer = root.get('issuer');
    const issuerKey = issuer.exists ? addProvider(result.providers, readProfile(issuer)) : undefined;
    const programme = readAchievement(achievementCursor, result, issuerKey);
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
        if (type === 'name' && !fullName) { fullName = hash; entry.take(); } else if (type === 'emailAddress' && !identifier) { identifier = `mailto:${hash}`; entry.take(); } else if (type === 'emailAddress' && identifier === `mailto:${hash}`) entry.take();
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
        ...(hashed ? { hashedIdentity: hashed } : {})
    };
}

export function readProfile(profile: Cursor): ImportedProvider {
    const id = profile.get('id').value;
    const legalName = profile.get('name').string();
    let declaredName: string | undefined;
    let legalIdentifier: string | undefined;
    for (const entry of profile.all('otherIdentifier')) {
        const type = entry.get('identifierType').value;
        if (type === 'ext:mcred' && !declaredName) declaredName = entry.get('identifier').string();
        else if (type === 'identifier' && !legalIdentifier) legalIdentifier = entry.get('identifier').string();
    }
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
        ...(email ? { email } : {})
    };
}

function readAchievement(a: Cursor, result: ReadResult, issuerKey: string | undefined): ImportedProgramme {
    a.get('@context').take();
    const id = a.get('id');
    const key = typeof id.value === 'string' ? id.value : `title:${a.get('name').text ?? '?'}`;
    id.take();
    a.get('achievementType').take();
    const humanCode = a.get('humanCode').value;
    let declaredName = typeof humanCode === 'string' && /^[_a-zA-Z][\w-]*$/.test(humanCode) ? humanCode : undefined;
    if (declaredName) a.get('humanCode').take();
    const bodyNames: string[] = [];
    const fromMcred = a.all('otherIdentifier').some(e => e.get('identifierType').value === 'ext:mcred');
    for (const entry of a.all('otherIdentifier')) {
        const type = entry.get('identifierType').value;
        if (type === 'ext:mcred' && !declaredName) declaredName = entry.get('identifier').string();
        else if (type === 'ext:mcred' && declaredName === humanCode) entry.take();
        else if (type === 'ext:mcred.awardedBy' && typeof entry.get('identifier').value === 'string') {
            bodyNames.push(entry.get('identifier').value as string);
            entry.take();
        }
    }
    const title = a.get('name').string();
    const creator = a.get('creator');
    const creatorKey = creator.exists ? addProvider(result.providers, readProfile(creator)) : undefined;
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
    const assessments: ImportedAssessment[] = [];
    let allSectionsRead = sections !== undefined;
    if (sections) {
        const names = outcomes.map(o => o.declaredName).filter((n): n is string => n !== undefined);
        for (const section of sections) {
            if (section.title === 'Assessment') {
                for (const line of section.lines) {
                    const read = assessmentLine(line, names, grading);
                    if (!read) { allSectionsRead = false; continue; }
                    const { coversNames, ...assessment } = read;
                    assessments.push({
                        ...assessment,
                        ...(grading && !assessment.grading ? {} : {}),
                        covers: coversNames.map(n => names.indexOf(n))
                    });
                }
            } else if (!facts!.read.has(section.title) && !designTimeSection(section.title)) {
                allSectionsRead = false;
            }
        }
    }
    if (sections && allSectionsRead) narrative.take();
    a.get('criteria').get('id').take();
    if (assessments.length === 0) {
        for (const type of types) assessments.push({ type, ...(grading ? { grading } : {}) });
    }
    const qa = facts?.qa ? qaFromLines(facts.qa) : undefined;
    // Several awarding bodies: the narrative names them (`Legal name (Region, Country)`), the identifiers give their source names.
    for (const [i, text] of (facts?.awardingBodies ?? []).entries()) {
        if (i === 0 && awardedBy.length > 0) continue;
        const provider = providerFromText(text, bodyNames[i]);
        awardedBy.push(addProvider(result.providers, provider));
    }
    const description = plainText(a.get('description'), title);
    return {
        key,
        ...(declaredName ? { declaredName } : {}),
        ...(title ? { title: { text: title, translations: [] } } : {}),
        ...(description ? { description: { text: description, translations: [] } } : {}),
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
        outcomes,
        assessments,
        ...(facts?.prerequisites ? { prerequisites: { text: facts.prerequisites, translations: [] } } : {}),
        partOf: facts?.partOf ?? [],
        ...(facts?.standalone ? { standalone: true } : {}),
        ...(facts?.recognition ? { recognition: facts.recognition } : {}),
        ...(facts?.furtherInfo ? { furtherInfo: facts.furtherInfo } : {}),
        ...(qa ? { qualityAssurance: qa } : {})
    };
}
