/**
 * A generator of realistic micro-credential catalogues for the benchmark: programmes like the
 * reference example of docs/language.md (providers, outcomes, assessments, audience, format, QA, business),
 * cohorts, and pathways that stack credentials from other files, with a share of deliberate
 * defects. The same model is written as `.mcred`, as YAML (for yaml-language-server, with the
 * JSON Schema of `yaml-schema.ts`) and as JSON (the `JSON.parse` floor). Deterministic: the
 * same seed gives the same bytes.
 */
import { prng } from '../test/support/prng.js';

export interface ProviderModel {
    readonly name: string;
    readonly legalName: string;
    readonly country: string;
    readonly region: string;
    readonly kind: string;
    readonly homepage: string;
}

export interface OutcomeModel {
    readonly name: string;
    readonly statement: string;
    readonly skill?: string;
}

export interface AssessmentModel {
    readonly name: string;
    readonly type: string;
    readonly covers: readonly string[];
    readonly supervision: string;
    readonly grading: string;
}

export interface CredentialModel {
    readonly name: string;
    readonly title?: string;
    readonly awardedBy: readonly string[];
    readonly language: string;
    readonly eqf: number;
    readonly field: string;
    readonly ects: number;
    readonly hours: number;
    readonly weeks: number;
    readonly participation?: string;
    readonly setting: string;
    readonly outcomes: readonly OutcomeModel[];
    readonly assessments: readonly AssessmentModel[];
    readonly audience: { target: string; needsAnalysis: string; coDesignedWith: string; purposes: readonly string[] };
    readonly format: { mode: string; methodology: string; sustainability: string };
    readonly qualityAssurance?: { internal: string; agency: string; standard: string; stakeholders: readonly string[]; reviewYears: number };
    readonly business: { model: string; fee: number; currency: string; shortRun: string; mediumRun: string; longRun: string; administration: string };
    readonly prerequisites: string;
    readonly stackableInto?: string;
    readonly recognition: string;
    readonly furtherInfo: string;
}

export interface PathwayModel {
    readonly name: string;
    readonly title: string;
    readonly awardedBy: string;
    readonly includes: readonly string[];
    readonly eqf: number;
}

export interface CohortModel {
    readonly name: string;
    readonly credential: string;
    readonly issued: string;
    readonly learners: ReadonlyArray<{ name: string; id: string; grade: string }>;
}

/** The content of one file. */
export interface FileModel {
    readonly providers: ProviderModel[];
    readonly credentials: CredentialModel[];
    readonly pathways: PathwayModel[];
    readonly cohorts: CohortModel[];
}

/** The defects planted in about one credential in ten, so that diagnostics are realistic. */
export type Defect = 'no-title' | 'no-qa' | 'no-participation' | 'unknown-provider' | 'unknown-outcome' | 'eqf-out-of-range';
const DEFECTS: readonly Defect[] = ['no-title', 'no-qa', 'no-participation', 'unknown-provider', 'unknown-outcome', 'eqf-out-of-range'];

const TOPICS = ['AI & Digital Ethics', 'Data Literacy', 'Green Skills for Construction', 'Cybersecurity Essentials', 'Circular Economy',
    'Project Management', 'Health Data Stewardship', 'Renewable Energy Systems', 'Inclusive Teaching', 'Supply Chain Analytics',
    'Cloud Fundamentals', 'Digital Marketing', 'Agile Leadership', 'Clinical Research Basics', 'Smart Manufacturing'];
const VERBS = ['Explain', 'Evaluate', 'Apply', 'Design', 'Analyse', 'Compare', 'Implement', 'Assess'];
const OBJECTS = ['the main ethical principles that apply to AI systems', 'a data set against quality criteria',
    'energy-efficient building techniques', 'a threat model for a small organisation', 'a circular business model',
    'a project plan with risks and milestones', 'privacy requirements for health records', 'a solar installation layout'];
const COUNTRIES = ['IT', 'DE', 'FR', 'ES', 'NL', 'BE', 'PT', 'PL', 'AT', 'SE'];
const LANGUAGES = ['en', 'it', 'de', 'fr', 'es', 'nl'];
const FIELDS = ['0223', '0611', '0732', '0413', '0521', '0912', '0714', '0311'];
const TYPES = ['project', 'written-exam', 'oral-exam', 'portfolio', 'practical', 'quiz', 'presentation'];
const MODES = ['online', 'onsite', 'blended'];
const SUPERVISIONS = ['unsupervised', 'supervised', 'supervised-with-id'];
const SKILL = 'http://data.europa.eu/esco/skill/b2f925ed-3ebd-4f78-b98e-d5d4678e83b5';

function pick<T>(random: () => number, items: readonly T[]): T {
    return items[Math.floor(random() * items.length)];
}

function pad(n: number, width = 4): string {
    return String(n).padStart(width, '0');
}

export function providerName(i: number): string {
    return `Prov${pad(i, 3)}`;
}

export function createProviders(count: number, random: () => number): ProviderModel[] {
    return Array.from({ length: count }, (_, i) => ({
        name: providerName(i),
        legalName: `University of ${pick(random, ['Florence', 'Ghent', 'Leiden', 'Porto', 'Graz', 'Lund', 'Lyon', 'Krakow'])} ${i}`,
        country: pick(random, COUNTRIES),
        region: pick(random, ['Toscana', 'Flanders', 'South Holland', 'Norte', 'Styria', 'Skane']),
        kind: 'university',
        homepage: `https://www.example-university-${i}.eu`
    }));
}

/** Credential `index` (globally unique name), awarded by one of `providers`, maybe with a defect. */
export function createCredential(index: number, providers: number, random: () => number, pathway?: string): CredentialModel {
    const defect: Defect | undefined = random() < 0.1 ? pick(random, DEFECTS) : undefined;
    const outcomeCount = 2 + Math.floor(random() * 3);
    const outcomes = Array.from({ length: outcomeCount }, (_, i) => ({
        name: `LO${i + 1}`,
        statement: `${pick(random, VERBS)} ${pick(random, OBJECTS)}`,
        skill: random() < 0.5 ? SKILL : undefined
    }));
    const names = outcomes.map(o => o.name);
    const assessments: AssessmentModel[] = [
        { name: 'Audit', type: pick(random, TYPES), covers: names.slice(0, 2), supervision: pick(random, SUPERVISIONS), grading: 'pass/fail' },
        { name: 'Final', type: pick(random, TYPES), covers: names.slice(2).concat(defect === 'unknown-outcome' ? ['LO9'] : []),
            supervision: pick(random, SUPERVISIONS), grading: '0-100, pass at 60' }
    ];
    const ects = 1 + Math.floor(random() * 10);
    const topic = pick(random, TOPICS);
    const provider = defect === 'unknown-provider' ? 'ProvMissing' : providerName(Math.floor(random() * providers));
    return {
        name: `Cred${pad(index, 5)}`,
        title: defect === 'no-title' ? undefined : `${topic} ${index}`,
        awardedBy: [provider],
        language: pick(random, LANGUAGES),
        eqf: defect === 'eqf-out-of-range' ? 9 : 4 + Math.floor(random() * 4),
        field: pick(random, FIELDS),
        ects,
        hours: ects * 25,
        weeks: 2 + Math.floor(random() * 10),
        participation: defect === 'no-participation' ? undefined : pick(random, MODES),
        setting: 'non-formal',
        outcomes,
        assessments,
        audience: {
            target: `Professionals who want to work in ${topic.toLowerCase()}`,
            needsAnalysis: `Employer survey, 2025 (${50 + Math.floor(random() * 200)} responses)`,
            coDesignedWith: 'Regional chamber of commerce',
            purposes: ['upskilling', 'reskilling']
        },
        format: { mode: pick(random, MODES), methodology: 'Case studies, flipped classroom', sustainability: "Reuses the university's e-learning platform" },
        qualityAssurance: defect === 'no-qa' ? undefined : {
            internal: "Design approved by the School's QA committee", agency: 'ANVUR', standard: 'ESG 2015 Part 1',
            stakeholders: ['employers', 'learners'], reviewYears: 2
        },
        business: {
            model: 'Fee-based, co-financed by industry partners', fee: 100 + Math.floor(random() * 900), currency: 'EUR',
            shortRun: 'Break-even at 25 learners', mediumRun: 'Partner co-funding for three editions', longRun: 'Part of the lifelong-learning catalogue',
            administration: 'Enrolment through the university portal'
        },
        prerequisites: 'Bachelor degree, or two years of professional experience',
        stackableInto: pathway,
        recognition: `Counts as ${ects} ECTS elective in a related master`,
        furtherInfo: `https://www.example.eu/micro/${index}`
    };
}

export function createCohort(credential: CredentialModel, random: () => number): CohortModel {
    const count = 2 + Math.floor(random() * 3);
    return {
        name: `Cohort${credential.name.slice(4)}`,
        credential: credential.name,
        issued: `2026-0${1 + Math.floor(random() * 9)}-${10 + Math.floor(random() * 18)}`,
        learners: Array.from({ length: count }, (_, i) => ({
            name: `Learner ${i} of ${credential.name}`,
            id: `mailto:learner${i}.${credential.name.toLowerCase()}@example.org`,
            grade: 'pass'
        }))
    };
}

export function pathwayName(i: number): string {
    return `Path${pad(i)}`;
}

// ---------------------------------------------------------------------------------------------
// Workspaces

/** One file of about `lines` lines (as .mcred): providers, credentials with cohorts, pathways. */
export function singleFileWorkspace(lines: number, seed = 1): FileModel {
    const random = prng(seed);
    const providerCount = Math.max(3, Math.round(lines / 2000));
    const file: FileModel = { providers: createProviders(providerCount, random), credentials: [], pathways: [], cohorts: [] };
    let current = 2 + providerCount * 8;
    let index = 0;
    while (current < lines) {
        // A pathway every five credentials, stacking them.
        const pathway = pathwayName(Math.floor(index / 5));
        const credential = createCredential(index, providerCount, random, pathway);
        const cohort = createCohort(credential, random);
        file.credentials.push(credential);
        file.cohorts.push(cohort);
        current += renderCredential(credential).length + renderCohort(cohort).length;
        if (index % 5 === 4) {
            const stack: PathwayModel = {
                name: pathway, title: `Pathway ${Math.floor(index / 5)}`, awardedBy: providerName(0),
                includes: file.credentials.slice(-5).map(c => c.name), eqf: 6
            };
            file.pathways.push(stack);
            current += renderPathway(stack).length;
        }
        index++;
    }
    if (index % 5 !== 0) {
        const stack: PathwayModel = {
            name: pathwayName(Math.floor(index / 5)), title: `Pathway ${Math.floor(index / 5)}`, awardedBy: providerName(0),
            includes: file.credentials.slice(-(index % 5)).map(c => c.name), eqf: 6
        };
        file.pathways.push(stack);
    }
    return file;
}

/**
 * `count` files: `providers` (shared), programme files (one credential and its cohort each), and
 * one pathway file in ten that stacks credentials declared in other files.
 */
export function multiFileWorkspace(count: number, seed = 2): Array<{ name: string; file: FileModel }> {
    const random = prng(seed);
    const providerCount = 20;
    const files: Array<{ name: string; file: FileModel }> = [
        { name: 'providers', file: { providers: createProviders(providerCount, random), credentials: [], pathways: [], cohorts: [] } }
    ];
    const pathwayFiles = Math.floor((count - 1) / 10);
    const programmeFiles = count - 1 - pathwayFiles;
    for (let i = 0; i < programmeFiles; i++) {
        const pathway = Math.floor(i / 5) < pathwayFiles ? pathwayName(Math.floor(i / 5)) : undefined;
        const credential = createCredential(i, providerCount, random, pathway);
        files.push({ name: `programme-${pad(i)}`, file: { providers: [], credentials: [credential], pathways: [], cohorts: [createCohort(credential, random)] } });
    }
    for (let p = 0; p < pathwayFiles; p++) {
        const includes = Array.from({ length: 5 }, (_, k) => p * 5 + k).filter(i => i < programmeFiles).map(i => `Cred${pad(i, 5)}`);
        files.push({
            name: `pathway-${pad(p)}`,
            file: { providers: [], credentials: [], cohorts: [], pathways: [{ name: pathwayName(p), title: `Pathway ${p}`, awardedBy: providerName(p % providerCount), includes, eqf: 6 }] }
        });
    }
    return files;
}

// ---------------------------------------------------------------------------------------------
// .mcred

const q = (text: string) => JSON.stringify(text);

function renderProvider(p: ProviderModel): string[] {
    return [`provider ${p.name} {`, `    name ${q(p.legalName)}`, `    country ${p.country}`, `    region ${q(p.region)}`, `    kind ${p.kind}`,
        `    homepage ${q(p.homepage)}`, '}', ''];
}

function renderCredential(c: CredentialModel): string[] {
    const lines = [`microcredential ${c.name} {`];
    if (c.title !== undefined) lines.push(`    title ${q(c.title)}`);
    lines.push(`    awardedBy ${c.awardedBy.join(', ')}`, `    language ${c.language}`, `    level eqf ${c.eqf}`, `    field ${q(c.field)}`,
        `    workload ${c.ects} ects`, `    hours ${c.hours}`, `    duration ${c.weeks} weeks`);
    if (c.participation !== undefined) lines.push(`    participation ${c.participation}`);
    lines.push(`    setting ${c.setting}`, '');
    for (const o of c.outcomes) {
        lines.push(`    outcome ${o.name} ${q(o.statement)}`);
        if (o.skill) lines.push(`        skill ${q(o.skill)}`);
    }
    lines.push('');
    for (const a of c.assessments) {
        lines.push(`    assessment ${a.name} {`, `        type ${a.type}`);
        if (a.covers.length > 0) lines.push(`        covers ${a.covers.join(', ')}`);
        lines.push(`        supervision ${a.supervision}`, `        grading ${q(a.grading)}`, '    }', '');
    }
    const { audience, format, qualityAssurance: qa, business } = c;
    lines.push('    audience {', `        target ${q(audience.target)}`, `        needsAnalysis ${q(audience.needsAnalysis)}`,
        `        coDesignedWith ${q(audience.coDesignedWith)}`, `        purpose ${audience.purposes.join(', ')}`, '    }', '');
    lines.push('    format {', `        mode ${format.mode}`, `        methodology ${q(format.methodology)}`, `        sustainability ${q(format.sustainability)}`, '    }', '');
    if (qa) {
        lines.push('    qualityAssurance {', `        internal exAnte ${q(qa.internal)}`, `        external exPost agency ${q(qa.agency)} standard ${q(qa.standard)}`,
            `        stakeholders ${qa.stakeholders.map(q).join(', ')}`, `        review every ${qa.reviewYears} years`, '    }', '');
    }
    lines.push('    business {', `        model ${q(business.model)}`, `        fee ${business.fee} ${business.currency}`,
        `        sustainability short ${q(business.shortRun)} medium ${q(business.mediumRun)} long ${q(business.longRun)}`,
        `        administration ${q(business.administration)}`, '        learnerTypes students, professionals', '    }', '');
    lines.push(`    prerequisites ${q(c.prerequisites)}`);
    lines.push(c.stackableInto ? `    stackable into ${c.stackableInto}` : '    standalone');
    lines.push(`    recognition ${q(c.recognition)}`, `    furtherInfo ${q(c.furtherInfo)}`, '}', '');
    return lines;
}

function renderPathway(p: PathwayModel): string[] {
    return [`pathway ${p.name} {`, `    title ${q(p.title)}`, `    awardedBy ${p.awardedBy}`, `    includes ${p.includes.join(', ')}`,
        `    level eqf ${p.eqf}`, '}', ''];
}

function renderCohort(c: CohortModel): string[] {
    return [`cohort ${c.name} of ${c.credential} {`, `    issued ${c.issued}`,
        ...c.learners.map(l => `    learner ${q(l.name)} id ${q(l.id)} grade ${q(l.grade)}`), '}', ''];
}

export function renderMcred(file: FileModel): string {
    const lines = ['// Generated by bench/workspace-model.ts for the benchmark.', ''];
    file.providers.forEach(p => lines.push(...renderProvider(p)));
    file.credentials.forEach((c, i) => {
        lines.push(...renderCredential(c));
        if (file.cohorts[i]?.credential === c.name) lines.push(...renderCohort(file.cohorts[i]));
    });
    file.cohorts.filter(c => !file.credentials.some(k => k.name === c.credential)).forEach(c => lines.push(...renderCohort(c)));
    file.pathways.forEach(p => lines.push(...renderPathway(p)));
    return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// JSON and YAML (the same content as plain data)

export function toData(file: FileModel): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    if (file.providers.length > 0) {
        data.providers = Object.fromEntries(file.providers.map(p => [p.name, {
            name: p.legalName, country: p.country, region: p.region, kind: p.kind, homepage: p.homepage
        }]));
    }
    if (file.credentials.length > 0) {
        data.microcredentials = Object.fromEntries(file.credentials.map(c => [c.name, credentialData(c)]));
    }
    if (file.pathways.length > 0) {
        data.pathways = Object.fromEntries(file.pathways.map(p => [p.name, {
            title: p.title, awardedBy: [p.awardedBy], includes: p.includes, level: { eqf: p.eqf }
        }]));
    }
    if (file.cohorts.length > 0) {
        data.cohorts = Object.fromEntries(file.cohorts.map(c => [c.name, {
            of: c.credential, issued: c.issued, learners: c.learners.map(l => ({ name: l.name, id: l.id, grade: l.grade }))
        }]));
    }
    return data;
}

function credentialData(c: CredentialModel): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    if (c.title !== undefined) data.title = c.title;
    Object.assign(data, {
        awardedBy: c.awardedBy, language: [c.language], level: { eqf: c.eqf }, field: [c.field],
        workload: { ects: c.ects, hours: c.hours }, duration: { amount: c.weeks, unit: 'weeks' }
    });
    if (c.participation !== undefined) data.participation = c.participation;
    data.setting = c.setting;
    data.outcomes = Object.fromEntries(c.outcomes.map(o => [o.name, o.skill ? { statement: o.statement, skills: [o.skill] } : { statement: o.statement }]));
    data.assessments = Object.fromEntries(c.assessments.map(a => [a.name, a.covers.length > 0
        ? { type: a.type, covers: a.covers, supervision: a.supervision, grading: a.grading }
        : { type: a.type, supervision: a.supervision, grading: a.grading }]));
    const { audience } = c;
    data.audience = { target: audience.target, needsAnalysis: audience.needsAnalysis, coDesignedWith: [audience.coDesignedWith], purpose: audience.purposes };
    data.format = { ...c.format };
    if (c.qualityAssurance) {
        const qa = c.qualityAssurance;
        data.qualityAssurance = {
            procedures: [{ kind: 'internal', timing: 'exAnte', description: qa.internal }, { kind: 'external', timing: 'exPost', agency: qa.agency, standards: [qa.standard] }],
            stakeholders: qa.stakeholders, review: { every: qa.reviewYears, unit: 'years' }
        };
    }
    const b = c.business;
    data.business = {
        model: b.model, fee: { amount: b.fee, currency: b.currency },
        sustainability: { short: b.shortRun, medium: b.mediumRun, long: b.longRun }, administration: b.administration, learnerTypes: ['students', 'professionals']
    };
    data.prerequisites = c.prerequisites;
    if (c.stackableInto) data.stackableInto = [c.stackableInto];
    else data.standalone = true;
    data.recognition = c.recognition;
    data.furtherInfo = c.furtherInfo;
    return data;
}

/** Block-style YAML of plain data (strings double-quoted as JSON, which YAML accepts). */
export function renderYaml(data: unknown): string {
    const lines = ['# Generated by bench/workspace-model.ts for the benchmark.'];
    writeYaml(data, 0, lines);
    return lines.join('\n') + '\n';
}

function scalar(value: unknown): string {
    return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function isScalar(value: unknown): boolean {
    return value === null || typeof value !== 'object';
}

function writeYaml(value: unknown, indent: number, lines: string[]): void {
    const pad = ' '.repeat(indent);
    if (Array.isArray(value)) {
        for (const item of value) {
            if (isScalar(item)) {
                lines.push(`${pad}- ${scalar(item)}`);
            } else {
                const nested: string[] = [];
                writeYaml(item, indent + 2, nested);
                nested[0] = `${pad}- ${nested[0].trimStart()}`;
                lines.push(...nested);
            }
        }
        return;
    }
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (isScalar(item)) {
            lines.push(`${pad}${key}: ${scalar(item)}`);
        } else if (Array.isArray(item) && item.every(isScalar)) {
            lines.push(`${pad}${key}: [${item.map(scalar).join(', ')}]`);
        } else {
            lines.push(`${pad}${key}:`);
            writeYaml(item, indent + 2, lines);
        }
    }
}

/** A CSV roster (`name,id,grade,issued`) of `count` learners. */
export function roster(count: number): string {
    const rows = ['name,id,grade,issued'];
    for (let i = 0; i < count; i++) rows.push(`Learner ${i},mailto:learner${i}@example.org,pass,2026-06-30`);
    return rows.join('\n') + '\n';
}
