import type { Cursor } from './json-cursor.js';
import { conceptOf, countryCode, isEctsUri, isoDuration, languageCode, VOCABS } from './concepts.js';
import type {
    ImportedAssessment, ImportedIssuance, ImportedModule, ImportedOutcome, ImportedProgramme, ImportedProvider, TextWithTranslations
} from './imported-model.js';
import { noteSection, qaFromLines, splitOutside } from './narrative-reader.js';
import { type ReadResult, addProvider, applyPartners, dateOf, designTimeSection, providerByText, sectionFacts } from './reader-support.js';
import { ESCO_SKILL_URI_PREFIX } from '../vocab/index.js';

/**
 * Europass ELM 3.2: a `EuropeanDigitalCredential` on VC 1.1 (`edc-ap` context) or on VCDM 2.0 as
 * EBSI writes it (language maps whose values are lists). Each claim's specification gives a
 * programme, its awarding bodies the providers, the credential subject the learner.
 */
export function readElm(root: Cursor): ReadResult {
    const result: ReadResult = { programmes: [], providers: [], issuances: [], notes: [] };
    root.get('@context').take();
    root.get('credentialSchema').take();
    root.get('credentialProfiles').take();
    if (root.isType('Qualification') || root.isType('LearningAchievementSpecification')) {
        result.programmes.push(readSpecification(root, result, []));
        return result;
    }
    const subject = root.get('credentialSubject').items()[0];
    if (!subject) return result;
    const issued = dateOf(root.get('issued')) ?? dateOf(root.get('validFrom')) ?? dateOf(root.get('issuanceDate'));
    root.get('validFrom').take();
    const issuer = root.get('issuer');
    if (issuer.exists && typeof issuer.value === 'object') addProvider(result.providers, readOrganisation(issuer, result.providers));
    if (root.get('proof').exists) {
        root.get('proof').take();
        result.notes.push('The proof was not verified: an import reads what the credential states, it does not vouch for it.');
    }
    const learnerBase = readPerson(subject);
    for (const claim of subject.all('hasClaim')) {
        // A programme is a learning achievement (activities and entitlements are not micro-credentials);
        // without a specification, the achievement itself states what it can (title, awarding body).
        if (!claim.isType('LearningAchievement')) continue;
        const spec = claim.get('specifiedBy').items()[0] ?? claim;
        claim.get('title').take();
        const bodies = claim.get('awardedBy').items().flatMap(process => process.all('awardingBody'));
        const bodyKeys = bodies.map(body => addProvider(result.providers, readOrganisation(body, result.providers)));
        const awarded = claim.get('awardedBy').items().map(p => dateOf(p.get('awardingDate'))).find(d => d !== undefined);
        let grade: string | undefined;
        let supervision: string | undefined;
        const claimSpecs: Cursor[] = [];
        for (const assessment of claim.all('provenBy')) {
            const assessmentSpec = assessment.get('specifiedBy').items()[0];
            if (assessmentSpec?.isType('LearningAssessmentSpecification')) claimSpecs.push(assessmentSpec);
            const g = noteText(assessment.get('grade'));
            if (g && !grade) grade = g;
            const id = assessment.get('idVerification');
            const sup = conceptOf(VOCABS.supervision, id.get('id').value as string | undefined, prefLabel(id));
            if (sup) { supervision = sup.code; id.take(); }
            assessment.get('title').take();
            assessment.get('awardedBy').take();
            assessment.get('assessedBy').take();
            assessment.get('specifiedBy').get('title').take();
        }
        for (const credit of claim.all('creditReceived')) credit.take();
        // The partners that deliver it (mcred writes them in the learning opportunity taken), with their names.
        const opportunity = claim.get('learningOpportunity');
        for (const org of opportunity.all('providedBy')) addProvider(result.providers, readOrganisation(org, result.providers));
        if (opportunity.get('providedBy').exists) opportunity.get('title').take();
        const programme = readSpecification(spec, result, bodyKeys, supervision, claimSpecs);
        if (!result.programmes.some(p => p.key === programme.key)) result.programmes.push(programme);
        const date = awarded ?? issued;
        result.issuances.push({ programme: programme.key, ...(date ? { issued: date } : {}), learner: { ...learnerBase, ...(grade ? { grade } : {}) } });
    }
    root.get('displayParameter').get('title').take();
    return result;
}

function readPerson(subject: Cursor): ImportedIssuance['learner'] {
    const fullName = langText(subject.get('fullName'))?.text;
    const given = langText(subject.get('givenName'))?.text;
    const family = langText(subject.get('familyName'))?.text;
    let identifier: string | undefined;
    const email = subject.all('contactPoint').flatMap(c => c.all('emailAddress')).map(e => e.get('id')).find(e => typeof e.value === 'string');
    if (email) identifier = email.string();
    const id = subject.get('id').value;
    if (!identifier && typeof id === 'string' && !/^urn:(epass|uuid):/i.test(id)) identifier = subject.get('id').string();
    else if (typeof id === 'string' && /^urn:(epass|uuid):/i.test(id)) subject.get('id').take();
    if (!identifier) {
        const entry = subject.all('identifier').find(i => i.get('notation').exists);
        if (entry) { identifier = entry.get('notation').string(); entry.get('schemeName').take(); }
    }
    const name = fullName ?? ([given, family].filter(Boolean).join(' ') || undefined);
    return {
        ...(name ? { fullName: name } : {}),
        ...(identifier ? { identifier } : {}),
        ...(given ? { given } : {}),
        ...(family ? { family } : {})
    };
}

/**
 * An organisation; the members of an alliance (its sub-organisations, as mcred writes them) are
 * added to `providers`.
 */
export function readOrganisation(org: Cursor, providers: ImportedProvider[]): ImportedProvider {
    const id = org.get('id').value;
    const legalName = langText(org.get('legalName'))?.text;
    const alt = langText(org.get('altLabel'), undefined, false)?.text;
    const mcredId = mcredIdentifier(org);
    const declaredName = mcredId ?? (alt && /^[_a-zA-Z][\w-]*$/.test(alt) ? alt : undefined);
    if (declaredName && declaredName === alt) org.get('altLabel').take();
    const didEntry = org.all('identifier').find(i => i.get('schemeName').value === 'DID' && typeof i.get('notation').value === 'string');
    const did = didEntry?.get('notation').string();
    didEntry?.take();
    const memberOrgs = org.all('hasSubOrganization').map(sub => readOrganisation(sub, providers));
    const members = memberOrgs.map(member => addProvider(providers, member));
    const memberCountries = new Set(memberOrgs.map(m => m.country).filter(Boolean));
    let country: string | undefined;
    let region: string | undefined;
    const locations = org.all('location');
    // An alliance without a country of its own is located where its members are: those
    // locations restate the members' countries and are not the alliance's.
    const locatedByMembers = members.length > 0 && locations.length > 0 && locations.every(location => !location.get('geographicName').exists
        && location.all('address').every(address => memberCountries.has(countryCode(address.get('countryCode').get('id').value as string | undefined))));
    if (locatedByMembers) for (const location of locations) location.take();
    for (const location of locatedByMembers ? [] : locations) {
        for (const address of location.all('address')) {
            const cc = address.get('countryCode');
            const code = countryCode(cc.get('id').value as string | undefined);
            if (code && !country) { country = code; cc.take(); }
        }
        region ??= langText(location.get('geographicName'))?.text;
    }
    const registration = org.get('registration').items()[0];
    const legalIdentifier = registration?.get('notation').string();
    if (legalIdentifier) registration.get('spatial').take();
    const homepage = org.all('homepage').map(h => h.get('contentURL').string()).find(Boolean);
    const email = org.all('contactPoint').flatMap(c => c.all('emailAddress')).map(e => e.get('id').string()).find(Boolean)?.replace(/^mailto:/, '');
    return {
        key: typeof id === 'string' && !/^urn:epass:/.test(id) ? id : `name:${legalName ?? alt ?? '?'}`,
        ...(declaredName ? { declaredName } : {}),
        ...(legalName ? { legalName } : {}),
        ...(country ? { country } : {}),
        ...(region ? { region } : {}),
        ...(legalIdentifier ? { legalIdentifier } : {}),
        ...(homepage ? { homepage } : {}),
        ...(email ? { email } : {}),
        ...(did ? { did } : {}),
        ...(members.length > 0 ? { members } : {})
    };
}

const NOTE_TITLES = [
    'Level', 'Quality assurance', 'Awarding bodies', 'Integration and stackability', 'Recognition',
    'Target group', 'Format', 'Fees and funding', 'Further information', 'Delivered with'
];

function readSpecification(spec: Cursor, result: ReadResult, bodyKeys: string[], supervision?: string, claimSpecs: readonly Cursor[] = []): ImportedProgramme {
    const id = spec.get('id').value;
    spec.get('@context').take();
    const opportunityBodies = spec.all('awardingOpportunity').flatMap(o => o.all('awardingBody'))
        .map(body => addProvider(result.providers, readOrganisation(body, result.providers)));
    const awardedBy = [...bodyKeys, ...opportunityBodies];
    spec.get('dcType').take();
    const languages = spec.all('language').map(l => {
        const code = languageCode(l.get('id').value as string | undefined);
        if (code) l.take();
        return code;
    }).filter((c): c is string => c !== undefined);
    const lang = languages[0];
    const title = langText(spec.get('title'), lang);
    const description = langText(spec.get('description'), lang);
    const key = typeof id === 'string' && !/^urn:epass:/.test(id) ? id : `title:${title?.text ?? '?'}`;
    const declaredName = mcredIdentifier(spec);
    const eqfCursor = spec.get('eqfLevel').items()[0];
    const eqf = eqfCursor && conceptOf(VOCABS.eqf, eqfCursor.get('id').value as string | undefined, undefined);
    if (eqf) eqfCursor.take();
    const fields = spec.all('thematicArea').map(t => {
        const c = conceptOf(VOCABS.isced, t.get('id').value as string | undefined, undefined);
        if (c) t.take();
        return c?.code;
    }).filter((c): c is string => c !== undefined);
    let ects: number | undefined;
    let creditsWithoutUnit: number | undefined;
    for (const credit of spec.all('creditPoint')) {
        const point = credit.get('point').number();
        if (point === undefined) continue;
        if (isEctsUri(credit.get('framework').get('id').value as string | undefined)) { ects ??= point; credit.take(); } else creditsWithoutUnit ??= point;
    }
    const volume = isoDuration(spec.get('volumeOfLearning').value as string | undefined);
    const hours = volume?.unit === 'hours' ? volume.amount : undefined;
    if (hours !== undefined) spec.get('volumeOfLearning').take();
    const duration = isoDuration(spec.get('maximumDuration').value as string | undefined);
    if (duration) spec.get('maximumDuration').take();
    const modeCursor = spec.get('mode').items()[0];
    const mode = modeCursor && conceptOf(VOCABS.participation, modeCursor.get('id').value as string | undefined, prefLabel(modeCursor));
    if (mode) modeCursor.take();
    const settingCursor = spec.get('learningSetting');
    const setting = conceptOf(VOCABS.setting, settingCursor.get('id').value as string | undefined, prefLabel(settingCursor));
    if (setting) settingCursor.take();

    const outcomeIds: string[] = [];
    const outcomes: ImportedOutcome[] = spec.all('learningOutcome').map(lo => {
        outcomeIds.push(lo.get('id').text ?? '');
        const skills = lo.all('relatedESCOSkill').map(s => {
            const uri = s.get('id').value;
            if (typeof uri === 'string' && uri.startsWith(ESCO_SKILL_URI_PREFIX)) { s.take(); return uri; }
            return undefined;
        }).filter((s): s is string => s !== undefined);
        const statement = langText(lo.get('title'), lang);
        const name = mcredIdentifier(lo);
        return { ...(name ? { declaredName: name } : {}), ...(statement ? { statement } : {}), skills };
    });
    const names = outcomes.map(o => o.declaredName);
    // The specification's assessments; else those the learner's assessments are specified by.
    const specs = spec.all('provenBy').length > 0 ? spec.all('provenBy') : uniqueById(claimSpecs);
    const assessments: ImportedAssessment[] = specs.map(a => readAssessmentSpec(a, lang, outcomeIds, names, supervision, declaredName !== undefined));

    const modules = spec.all('hasPart').filter(part => part.isType('Qualification')).map(part => readModule(part, lang, outcomeIds, result));

    const prerequisites = langText(spec.get('entryRequirement').get('noteLiteral'), lang);
    const partial = spec.get('isPartialQualification').value;
    const partOf = spec.all('isPartOf').map(p => { const t = langText(p.get('title'), lang)?.text; if (t) p.take(); return t; })
        .filter((t): t is string => t !== undefined);
    const homepage = spec.all('homepage').map(h => h.get('contentURL').string()).find(Boolean);
    const notes = spec.all('additionalNote').map(n => {
        const literal = langText(n.get('noteLiteral'), lang, false);
        const section = literal ? noteSection(literal.text, NOTE_TITLES) : undefined;
        return { cursor: n, section, translations: literal?.translations ?? [] };
    });
    const recognitionTranslations = notes.find(n => n.section?.title === 'Recognition')?.translations ?? [];
    const sections = notes.map(n => n.section).filter((s): s is NonNullable<typeof s> => s !== undefined);
    const facts = sectionFacts(sections);
    for (const note of notes) {
        if (note.section && (facts.read.has(note.section.title) || designTimeSection(note.section.title))) note.cursor.take();
    }
    if (typeof partial === 'boolean' && (partial ? partOf.length > 0 || facts.partOf.length > 0 : true)) spec.get('isPartialQualification').take();
    const qa = facts.qa ? qaFromLines(facts.qa) : undefined;
    const deliveredWith = applyPartners(result.providers, facts.partners);
    return {
        key,
        ...(declaredName ? { declaredName } : {}),
        ...(title ? { title } : {}),
        ...(description ? { description } : {}),
        awardedBy: [...new Set(awardedBy)],
        languages,
        ...(eqf || facts.level ? { level: { ...facts.level, ...(eqf ? { eqf: Number(eqf.code) } : {}) } } : {}),
        fields,
        ...(ects !== undefined ? { ects } : {}),
        ...(ects === undefined && creditsWithoutUnit !== undefined ? { creditsWithoutUnit } : {}),
        ...(hours !== undefined ? { hours } : {}),
        ...(duration ? { duration } : {}),
        ...(mode ? { participation: mode.code } : {}),
        ...(setting ? { setting: setting.code } : {}),
        outcomes,
        ...(modules.length > 0 ? { modules } : {}),
        assessments,
        ...(deliveredWith.length > 0 ? { deliveredWith } : {}),
        ...(prerequisites ? { prerequisites } : {}),
        partOf: [...new Set([...partOf, ...facts.partOf])],
        ...(partial === false ? { standalone: true } : {}),
        ...(facts.recognition ? { recognition: facts.recognition } : {}),
        ...(facts.recognition && recognitionTranslations.length > 0 ? { recognitionTranslations } : {}),
        ...(homepage ? { furtherInfo: homepage } : facts.furtherInfo ? { furtherInfo: facts.furtherInfo } : {}),
        ...(qa ? { qualityAssurance: qa } : {})
    };
}

/** A module as mcred writes it: a partial qualification in `hasPart`, its providers in a note. */
function readModule(part: Cursor, lang: string | undefined, outcomeIds: readonly string[], result: ReadResult): ImportedModule {
    const declaredName = mcredIdentifier(part);
    const title = langText(part.get('title'), lang);
    const description = langText(part.get('description'), lang);
    if (part.get('isPartialQualification').value === true) part.get('isPartialQualification').take();
    let ects: number | undefined;
    for (const credit of part.all('creditPoint')) {
        const point = credit.get('point').number();
        if (point !== undefined && isEctsUri(credit.get('framework').get('id').value as string | undefined)) { ects ??= point; credit.take(); }
    }
    const volume = isoDuration(part.get('volumeOfLearning').value as string | undefined);
    const hours = volume?.unit === 'hours' ? volume.amount : undefined;
    if (hours !== undefined) part.get('volumeOfLearning').take();
    const covers: number[] = [];
    for (const lo of part.all('learningOutcome')) {
        const i = outcomeIds.indexOf(lo.get('id').text ?? '');
        if (i >= 0) { covers.push(i); lo.take(); }
    }
    const providers: string[] = [];
    for (const note of part.all('additionalNote')) {
        const text = langText(note.get('noteLiteral'), lang, false)?.text;
        const m = text ? /^Provided by (.+)$/.exec(text) : null;
        if (!m) continue;
        providers.push(...splitOutside(m[1], '; ').map(t => providerByText(result.providers, t)));
        note.take();
    }
    return {
        ...(declaredName ? { declaredName } : {}),
        ...(title ? { title } : {}),
        ...(description ? { description } : {}),
        ...(ects !== undefined ? { ects } : {}),
        ...(hours !== undefined ? { hours } : {}),
        providers,
        covers
    };
}

function readAssessmentSpec(
    a: Cursor, lang: string | undefined, outcomeIds: readonly string[], names: ReadonlyArray<string | undefined>, supervision?: string,
    fromMcred = false
): ImportedAssessment {
    const name = mcredIdentifier(a);
    const titleText = langText(a.get('title'), lang);
    const title = titleText?.text;
    const descriptionText = langText(a.get('description'), lang);
    const description = descriptionText?.text;
    const hasTitle = title !== undefined && title !== name && !(fromMcred && !name && /^Assessment \d+$/.test(title));
    let weight: number | undefined;
    const dcType = a.get('dcType').items()[0];
    const type = dcType && conceptOf(VOCABS.assessment, dcType.get('id').value as string | undefined, prefLabel(dcType));
    if (type) dcType.take();
    const modeCursor = a.get('mode').items()[0];
    const mode = modeCursor && conceptOf(VOCABS.participation, modeCursor.get('id').value as string | undefined, prefLabel(modeCursor));
    if (mode) modeCursor.take();
    const grading = langText(a.get('gradingScheme').get('title'), lang)?.text;
    // Coverage: the outcomes of what the assessment proves (mcred writes them structurally).
    const covered = new Set<number>();
    for (const proves of a.all('proves')) {
        for (const lo of proves.all('learningOutcome')) {
            const i = outcomeIds.indexOf(lo.get('id').text ?? '');
            if (i >= 0) { covered.add(i); lo.take(); }
        }
        proves.get('title').take();
    }
    let sup: string | undefined;
    for (const note of a.all('additionalNote')) {
        const text = langText(note.get('noteLiteral'), lang, false)?.text;
        if (!text) continue;
        const assesses = /^Assesses: /.test(text);
        const supervisionNote = /^Supervision and identity verification: (.+)$/.exec(text);
        const supConcept = supervisionNote && conceptOf(VOCABS.supervision, undefined, supervisionNote[1]);
        const weightNote = /^Weight: (\d+(?:\.\d+)?)% of the grade$/.exec(text);
        if (weightNote) {
            weight = Number(weightNote[1]);
            note.take();
        } else if (supConcept) {
            sup = supConcept.code;
            note.take();
        } else if (assesses && covered.size > 0) {
            note.take();
        } else if (assesses) {
            // Coverage from the note `Assesses: LO1 statement; LO2 statement`, by the names mcred wrote.
            for (const part of text.slice(10).split('; ')) {
                const i = names.findIndex(n => n !== undefined && part.startsWith(`${n} `));
                if (i >= 0) covered.add(i);
            }
            if (covered.size > 0) note.take();
        }
    }
    const gradingScheme = a.get('gradingScheme');
    return {
        ...(name ? { declaredName: name } : {}),
        // mcred names every assessment that has a name in the source.
        ...(!name && fromMcred ? { anonymous: true } : {}),
        // mcred writes the name as the title of an assessment that has none (`Assessment 2` without a name).
        ...(hasTitle ? { title } : {}),
        ...(hasTitle && titleText && titleText.translations.length > 0 ? { titleTranslations: titleText.translations } : {}),
        ...(type ? { type: type.code } : {}),
        ...(weight !== undefined ? { weight } : {}),
        covers: [...covered].sort((x, y) => x - y),
        ...(mode ? { mode: mode.code } : {}),
        ...((sup ?? supervision) ? { supervision: sup ?? supervision } : {}),
        ...(grading ? { grading } : gradingScheme.exists ? {} : {}),
        ...(description ? { description } : {}),
        ...(descriptionText && descriptionText.translations.length > 0 ? { descriptionTranslations: descriptionText.translations } : {})
    };
}

function uniqueById(cursors: readonly Cursor[]): Cursor[] {
    const seen = new Set<unknown>();
    return cursors.filter(c => {
        const id = c.get('id').value;
        if (id !== undefined && seen.has(id)) return false;
        seen.add(id);
        return true;
    });
}

/** The `identifier` with scheme `mcred`: the name the programme's source declared. */
function mcredIdentifier(node: Cursor): string | undefined {
    for (const entry of node.all('identifier')) {
        if (entry.get('schemeName').value === 'mcred') {
            const notation = entry.get('notation').value;
            if (typeof notation === 'string' && /^[_a-zA-Z][\w-]*$/.test(notation)) { entry.take(); return notation; }
        }
    }
    return undefined;
}

function prefLabel(concept: Cursor): string | undefined {
    const label = concept.get('prefLabel');
    const v = label.value;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
        const en = (v as Record<string, unknown>)['en'];
        const text: unknown = Array.isArray(en) ? (en as unknown[])[0] : en;
        return typeof text === 'string' ? text : undefined;
    }
    return undefined;
}

/** A Note's text (`{noteLiteral: {en: …}}`). */
function noteText(note: Cursor): string | undefined {
    const n = note.items()[0];
    return n ? langText(n.get('noteLiteral'))?.text : undefined;
}

/**
 * A language map (`{"en": "…", "fi": "…"}`, or EBSI's `{"en": ["…"]}`) as a text in the
 * preferred language and its translations; marked as imported when `take`.
 */
export function langText(cursor: Cursor, preferred?: string, take = true): TextWithTranslations | undefined {
    const v = cursor.value;
    if (typeof v === 'string') { if (take) cursor.take(); return v.trim() ? { text: v, translations: [] } : undefined; }
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    const entries = Object.entries(v).map(([language, value]) => {
        const text: unknown = Array.isArray(value) ? value.find(x => typeof x === 'string') : value;
        return { language, text: typeof text === 'string' ? text : undefined };
    }).filter((e): e is { language: string; text: string } => e.text !== undefined && e.text.trim().length > 0);
    if (entries.length === 0) return undefined;
    const first = entries.find(e => e.language === preferred) ?? entries[0];
    if (take) cursor.take();
    return {
        text: first.text,
        translations: entries.filter(e => e !== first && /^[a-z]{2}$/.test(e.language)).map(e => ({ text: e.text, language: e.language }))
    };
}
