import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument, type URI } from 'langium';
import { isCohort, isMicroCredential, isPathway, type Cohort, type MicroCredential, type Model } from '../generated/ast.js';
import { cohortLearners, credentialModel, type CredentialModel, type Issuance, type LearnerModel } from '../model/credential-model.js';
import { otherErrors, readiness, type Blocker, type ContextDiagnostic } from '../model/readiness.js';
import { evidenceLine, type Evidence } from '../model/stated.js';
import { sha256Hex } from './content-ids.js';
import { credentialId, credentialSeed } from './document-ids.js';
import { learnerIdProblem } from './learner-identity.js';
import { credentialFileName, duplicateFileNames, templateFileName } from './file-names.js';
import { EXPORT_FORMATS, exportFormat, type ExportFormat } from './formats.js';
import { toJsonText } from './json.js';
import { parseRoster, isIsoDate, RosterEncodingError } from './roster.js';
import { rosterLocationProblem, rosterRoots, rosterUri } from './roster-location.js';
import { cohortCredential, cohortCredentialName } from '../model/credential-contexts.js';

/**
 * What to export, as the CLI and the language server command receive it. Without `cohort`,
 * `roster` or `template`, every cohort of each selected credential is exported, and a credential
 * without cohort gives its achievement template.
 */
export interface ExportRequest {
    readonly format: string;
    /** Only this credential (its declared name). */
    readonly credential?: string;
    /** Only this cohort (its declared name). */
    readonly cohort?: string;
    /** A CSV roster given by the user (`--roster`): its text and the name to show in messages. */
    readonly roster?: { readonly text: string; readonly source: string };
    /** The achievement template, without learner. */
    readonly template?: boolean;
    /** Date of issuing for roster rows that state none (`YYYY-MM-DD`). */
    readonly issued?: string;
    /** Open Badges: the learner's name and email in clear instead of identity hashes (`--reveal-identity`). */
    readonly revealIdentity?: boolean;
    /** Today (`YYYY-MM-DD`, UTC), to warn about credentials issued in the future; no warning without it. */
    readonly today?: string;
}

export interface ExportInput {
    /** The documents whose credentials may be exported (the files or folder the user named). */
    readonly documents: ReadonlyArray<LangiumDocument<Model>>;
    /** Every document of the workspace, built and validated (cohorts and pathways may be in other files). */
    readonly workspace: ReadonlyArray<LangiumDocument<Model>>;
    /**
     * Reads a roster file named by a cohort, found inside `roots` (the programme's folder and the
     * workspace folders); rejects when it cannot be read or is not a regular file inside them.
     */
    readonly readText: (uri: URI, roots: readonly URI[]) => Promise<string>;
    /** The workspace folders a cohort's roster may also be in (besides its programme's folder). */
    readonly workspaceFolders?: readonly URI[];
}

/**
 * One file to write: its name (no folder) and its exact text. The text is rendered when it is read
 * (and again at each read), so that a plan of 10,000 credentials does not hold them all in memory
 * and the CLI writes one file while it renders the next. It is an own enumerable property, so it
 * is sent over JSON-RPC like any other.
 */
export interface ExportedDocument {
    readonly fileName: string;
    readonly text: string;
    readonly credential: string;
    /** The learner's name or identifier; absent for a template. */
    readonly learner?: string;
    readonly cohort?: string;
    /**
     * Identifies the issuance (programme, learner, date) whatever its content: a hash, no name.
     * A revocation list keeps a credential's index by it across re-exports. Absent for a template.
     */
    readonly issuanceKey?: string;
}

/** Why an export cannot be made. Any problem means nothing is written. */
export interface ExportProblem {
    /** The file (a document URI, or the roster name) and 1-based line, when known. */
    readonly uri?: string;
    readonly source?: string;
    readonly line?: number;
    readonly column?: number;
    readonly code?: string;
    readonly message: string;
}

export interface ExportPlan {
    readonly format: ExportFormat;
    readonly documents: readonly ExportedDocument[];
    readonly problems: readonly ExportProblem[];
    /** What the format leaves to the issuing service. */
    readonly notes: readonly string[];
    /** What is exported but deserves a look (a date of issuing in the future). */
    readonly warnings: readonly string[];
    /** The DID of the issuer of each exported credential (by credential name); absent when its provider states none. */
    readonly issuerDids: Readonly<Record<string, string | undefined>>;
}

/** A request that cannot be understood (unknown format, credential or cohort): a usage error. */
export class ExportRequestError extends Error {
    override readonly name = 'ExportRequestError';
}

/**
 * Plans an export: selects the credentials and issuances, refuses credentials with errors, reads
 * the rosters and builds every document with the pure exporters. Nothing is written here; the
 * CLI writes the documents to files and the language server returns them to the editor, so both
 * produce the same bytes.
 */
export async function planExport(input: ExportInput, request: ExportRequest): Promise<ExportPlan> {
    const format = exportFormat(request.format);
    if (!format) {
        throw new ExportRequestError(`unknown format '${request.format}' (expected ${EXPORT_FORMATS.map(f => f.id).join(' or ')})`);
    }
    if ([request.cohort !== undefined, request.roster !== undefined, request.template === true].filter(Boolean).length > 1) {
        throw new ExportRequestError('choose one of a cohort, a roster or the template');
    }
    if (request.issued !== undefined && !isIsoDate(request.issued)) {
        throw new ExportRequestError(`'${request.issued}' is not a date of issuing as YYYY-MM-DD`);
    }
    const workspaceModels = input.workspace.map(d => d.parseResult.value);
    const pathways = workspaceModels.flatMap(m => m.elements.filter(isPathway));
    const allCohorts = workspaceModels.flatMap(m => m.elements.filter(isCohort));
    const credentials = selectCredentials(input, request, allCohorts);

    const problems: ExportProblem[] = [];
    const documents: ExportedDocument[] = [];
    const warnings: string[] = [];
    const issuerDids: Record<string, string | undefined> = {};
    const notes: string[] = [...format.notes];
    const roster = request.roster ? rosterLearners(request.roster.text, request.roster.source, problems) : undefined;

    for (const credential of credentials) {
        const cohorts = request.roster || request.template ? []
            : allCohorts.filter(c => cohortCredential(c) === credential && (request.cohort === undefined || c.name === request.cohort));
        const errors = refusals(credential, cohorts, request.template === true || request.roster !== undefined || cohorts.length === 0);
        if (errors.length > 0) {
            problems.push(...errors);
            continue;
        }
        const model = credentialModel(credential, pathways);
        const issuer = model.awardingBodies[0];
        issuerDids[model.name] = issuer?.did;
        if (format.id === 'ob3' && issuer && !issuer.did) {
            notes.push(`'${model.name}' cannot be signed: its awarding body '${issuer.name}' states no \`did\` (did:web or did:key), which a signed credential needs as its issuer id.`);
        }
        if (request.template || (!roster && cohorts.length === 0)) {
            documents.push(exportedDocument({ fileName: templateFileName(model.name, format.extension), credential: model.name },
                () => toJsonText(format.template(model))));
            continue;
        }
        const issuances: Issuance[] = [];
        if (roster) {
            issuances.push(...rosterIssuances(roster, request.issued, problems));
        }
        for (const cohort of cohorts) {
            issuances.push(...await cohortIssuances(cohort, input, problems));
        }
        if (request.today !== undefined) {
            const future = issuances.filter(i => i.issued > request.today!);
            if (future.length > 0) {
                const dates = [...new Set(future.map(i => i.issued))].sort();
                warnings.push(`'${model.name}': ${future.length} credential${future.length === 1 ? ' is' : 's are'} issued in the future (${dates.join(', ')}; today is ${request.today}): a wallet or verifier rejects ${future.length === 1 ? 'it' : 'them'} until then.`);
            }
        }
        documents.push(...issue(model, format, issuances, problems, request.revealIdentity === true));
    }
    problems.push(...fileNameCollisions(documents));
    return { format, documents: problems.length > 0 ? [] : documents, problems, notes, warnings, issuerDids };
}

/**
 * Two documents that would be written to the same file (on a disk that ignores case or
 * normalises Unicode, or under a Windows device name): refused, naming both, before anything is
 * written, so that no learner's credential overwrites another's.
 */
function fileNameCollisions(documents: readonly ExportedDocument[]): ExportProblem[] {
    return duplicateFileNames(documents, d => d.fileName).map(({ first, second, fileName }) => ({
        code: 'file-name-collision',
        message: `${documentLabel(first)} and ${documentLabel(second)} would both be written to '${fileName}' `
            + '(file names that differ only in case or Unicode form are one file on Windows and macOS): rename one of them'
    }));
}

function documentLabel(document: ExportedDocument): string {
    return document.learner !== undefined
        ? `'${document.credential}' for ${document.learner}${document.cohort ? ` (cohort ${document.cohort})` : ''}`
        : `the template of '${document.credential}'`;
}

function selectCredentials(input: ExportInput, request: ExportRequest, allCohorts: readonly Cohort[]): MicroCredential[] {
    let credentials = input.documents.flatMap(d => d.parseResult.value.elements.filter(isMicroCredential));
    if (request.credential !== undefined) {
        credentials = credentials.filter(c => c.name === request.credential);
        if (credentials.length === 0) {
            throw new ExportRequestError(`no micro-credential named '${request.credential}' in the files given`);
        }
    }
    if (request.cohort !== undefined) {
        const cohort = allCohorts.find(c => c.name === request.cohort);
        if (!cohort) {
            throw new ExportRequestError(`no cohort named '${request.cohort}'`);
        }
        const of = cohortCredential(cohort);
        credentials = credentials.filter(c => c === of);
        if (credentials.length === 0) {
            throw new ExportRequestError(`cohort '${request.cohort}' is of ${of ? `'${of.name}'` : `an unknown credential '${cohortCredentialName(cohort) ?? '?'}'`}, which is not among the credentials to export`);
        }
    }
    if (credentials.length === 0) {
        throw new ExportRequestError('the files given contain no micro-credential');
    }
    if (request.roster && credentials.length > 1) {
        throw new ExportRequestError(`a roster issues one credential: name it with --credential (one of ${credentials.map(c => c.name).join(', ')})`);
    }
    return credentials;
}

/**
 * Why a credential is not exported: the one refusal rule of the CLI and the server. A credential
 * is exported only when it is issuable (model/readiness.ts): every Annex I element stated with a
 * valid value (no hole, placeholder, invalid value or syntax error) and no error in the
 * credential, its awarding bodies, the cohorts to export or their files' syntax — whatever the
 * severity configuration says. A template or a roster issues no cohort of the file, so the learner
 * and the date of issuing (elements 1 and 5) are not asked of it. And the programme states the
 * language of its texts: no export guesses it.
 */
function refusals(credential: MicroCredential, cohorts: readonly Cohort[], withoutCohort: boolean): ExportProblem[] {
    const state = readiness({ credential, cohorts });
    const problems: ExportProblem[] = [];
    // Every error diagnostic with its place; then the elements no diagnostic tells (a severity
    // lowered in mcred.json does not make a missing element stated).
    const errors = state.blockers.filter(b => b.kind === 'error');
    for (const { diagnostic: d } of errors) {
        problems.push({ uri: d.uri, line: d.line, column: d.column, ...(d.code !== undefined ? { code: d.code } : {}), message: d.message });
    }
    const told = new Set(otherErrors(state.blockers));
    const toldByDiagnostic = errors.length > told.size;
    for (const blocker of state.blockers) {
        if (blocker.kind === 'error') continue;
        const { element, judgement } = blocker;
        if (toldByDiagnostic && errors.some(e => !told.has(e) && tells(e.diagnostic, blocker))) continue;
        if (withoutCohort && element.scope === 'issuance' && judgement.state === 'missing') continue;
        const where = 'evidence' in judgement && judgement.evidence.uri
            ? { uri: judgement.evidence.uri, line: evidenceLine(judgement.evidence), column: judgement.evidence.range.start.character + 1 }
            : judgement.state === 'unjudged' ? { ...judgement.syntaxError.uri ? { uri: judgement.syntaxError.uri } : {}, line: judgement.syntaxError.line }
                : locationOf(credential);
        problems.push({ ...where, code: element.code, message: `Annex I element ${element.n} (${element.short}) is ${ELEMENT_STATES[judgement.state]}: nothing is exported until it is stated` });
    }
    if (credential.languages.length === 0) {
        problems.push({
            ...locationOf(credential), line: languageLine(credential), code: 'language',
            message: `'${credential.name}' states no language of its texts: add \`language en\` (or its ISO 639-1 code) at line ${languageLine(credential)}; an export never guesses it`
        });
    }
    if (problems.length > 0) {
        return [{ message: `'${credential.name}' is not issuable and is not exported; fix ${problems.length === 1 ? 'this problem' : `these ${problems.length} problems`} first:`, ...locationOf(credential) }, ...problems];
    }
    return [];
}

/** Whether an error diagnostic already tells an element blocker (its code, or its line). */
function tells(diagnostic: ContextDiagnostic, blocker: Extract<Blocker, { kind: 'element' }>): boolean {
    const { judgement } = blocker;
    if (diagnostic.code === blocker.element.code) return true;
    if (judgement.state === 'hole') return diagnostic.code === 'value-hole' && onLine(diagnostic, judgement.evidence);
    if (judgement.state === 'placeholder') return diagnostic.code === 'value-placeholder' && onLine(diagnostic, judgement.evidence);
    if (judgement.state === 'invalid') return onLine(diagnostic, judgement.evidence);
    if (judgement.state === 'unjudged') return diagnostic.code === 'syntax-error';
    return false;
}

function onLine(diagnostic: ContextDiagnostic, evidence: Evidence): boolean {
    return diagnostic.uri === evidence.uri && diagnostic.line === evidenceLine(evidence);
}

const ELEMENT_STATES = {
    missing: 'missing', hole: 'still a hole `?`', placeholder: 'only a placeholder', invalid: 'invalid', unjudged: 'not judged (a syntax error)'
} as const;

/** Where `language` goes: the line after the title, or after the opening of the credential (1-based). */
function languageLine(credential: MicroCredential): number {
    const title = GrammarUtils.findNodeForProperty(credential.$cstNode, 'title');
    return (title ?? credential.$cstNode)!.range.start.line + 2;
}

function locationOf(node: AstNode): Pick<ExportProblem, 'uri' | 'line' | 'column'> {
    const start = node.$cstNode?.range.start;
    return {
        uri: AstUtils.getDocument(node).uri.toString(),
        ...(start ? { line: start.line + 1, column: start.character + 1 } : {})
    };
}

function rosterLearners(text: string, source: string, problems: ExportProblem[]): LearnerModel[] {
    const roster = parseRoster(text, source);
    problems.push(...roster.problems.map(p => ({ source, line: p.line, code: 'roster', message: p.message })));
    return [...roster.learners];
}

function rosterIssuances(learners: readonly LearnerModel[], issued: string | undefined, problems: ExportProblem[], cohort?: Cohort): Issuance[] {
    const issuances: Issuance[] = [];
    for (const learner of learners) {
        const nameProblem = pathLikeName(learner.fullName);
        if (nameProblem) {
            const [source, line] = splitSource(learner.source);
            problems.push({ source, line, code: 'learner-name', message: nameProblem });
            continue;
        }
        const idProblem = learner.identifier !== undefined ? learnerIdProblem(learner.identifier) : undefined;
        if (idProblem) {
            const [source, line] = splitSource(learner.source);
            problems.push({ source, line, code: 'value-learner-id', message: `${learnerLabel(learner)}: ${idProblem}` });
            continue;
        }
        const date = learner.issued ?? issued;
        if (!date) {
            const [source, line] = splitSource(learner.source);
            problems.push({
                source, line, code: 'eu-issue-date',
                message: 'no date of issuing for this learner: add an `issued` column to the roster, or give --issued YYYY-MM-DD'
            });
            continue;
        }
        issuances.push({ learner, issued: date, ...(cohort ? { cohort: cohort.name } : {}) });
    }
    return issuances;
}

function splitSource(source: string | undefined): [string | undefined, number | undefined] {
    const match = source ? /^(.*):(\d+)$/.exec(source) : null;
    return match ? [match[1], Number(match[2])] : [source, undefined];
}

async function cohortIssuances(cohort: Cohort, input: ExportInput, problems: ExportProblem[]): Promise<Issuance[]> {
    const issued = cohort.issued !== undefined ? normaliseDate(cohort.issued) : undefined;
    if (cohort.issued !== undefined && issued === undefined) {
        problems.push({ ...locationOf(cohort), code: 'value-date', message: `cohort '${cohort.name}': '${cohort.issued}' is not a real date (YYYY-MM-DD)` });
        return [];
    }
    const issuances: Issuance[] = [];
    cohortLearners(cohort).forEach((learner, index) => {
        const nameProblem = pathLikeName(learner.fullName);
        if (nameProblem) {
            problems.push({ ...locationOf(cohort.learners[index]), code: 'learner-name', message: nameProblem });
        } else {
            issuances.push({ learner, issued: issued!, cohort: cohort.name });
        }
    });
    if (cohort.roster?.trim()) {
        const document = AstUtils.getDocument(cohort);
        const location = rosterLocationProblem(document.uri, cohort.roster, input.workspaceFolders);
        if (location) {
            problems.push({ ...locationOf(cohort), code: 'roster-path', message: `cohort '${cohort.name}': ${location}` });
            return issuances;
        }
        const uri = rosterUri(document.uri, cohort.roster);
        let text: string;
        try {
            text = await input.readText(uri, rosterRoots(document.uri, input.workspaceFolders));
        } catch (error) {
            const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
            const code = error instanceof RosterEncodingError ? 'roster' : 'roster-path';
            problems.push({ ...locationOf(cohort), code, message: `cohort '${cohort.name}': cannot read roster '${cohort.roster.trim()}' (${reason})` });
            return issuances;
        }
        const learners = rosterLearners(text, cohort.roster.trim(), problems);
        issuances.push(...rosterIssuances(learners, issued, problems, cohort));
    }
    return issuances;
}

/** `2026-6-3` → `2026-06-03`; undefined when it is not a real date. */
export function normaliseDate(date: string): string | undefined {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date.trim());
    if (!match) return undefined;
    const normal = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
    return isIsoDate(normal) ? normal : undefined;
}

function issue(
    model: CredentialModel, format: ExportFormat, issuances: readonly Issuance[], problems: ExportProblem[], revealIdentity: boolean
): ExportedDocument[] {
    const documents: ExportedDocument[] = [];
    const seen = new Map<string, Issuance>();
    const variant = revealIdentity && format.id === 'ob3' ? 'reveal-identity' : '';
    for (const issuance of issuances) {
        // The same learner (names and ids compared after NFC normalisation) on the same date.
        const key = credentialSeed(format.id, model, issuance);
        const id = credentialId(format.id, model, issuance, variant);
        const earlier = seen.get(key);
        if (earlier) {
            const [source, line] = splitSource(issuance.learner.source);
            problems.push({
                source, line, code: 'learner-duplicate',
                message: `${learnerLabel(issuance.learner)} is issued '${model.name}' twice on ${issuance.issued} (also in ${earlier.learner.source ?? 'the same list'})`
            });
            continue;
        }
        seen.set(key, issuance);
        documents.push(exportedDocument({
            fileName: credentialFileName(model.name, issuance.learner.fullName || issuance.learner.identifier || '', id, format.extension),
            credential: model.name,
            learner: learnerLabel(issuance.learner),
            ...(issuance.cohort ? { cohort: issuance.cohort } : {}),
            issuanceKey: sha256Hex(key)
        }, () => toJsonText(format.credential(model, issuance, { revealIdentity }))));
    }
    return documents;
}

function exportedDocument(fields: Omit<ExportedDocument, 'text'>, render: () => string): ExportedDocument {
    return Object.defineProperty({ ...fields }, 'text', { enumerable: true, get: render }) as ExportedDocument;
}

/** A name that would read as a path: a separator, a `..` segment, or a NUL character. */
const PATH_LIKE_NAME = /[/\\\0]|(?:^|\s)\.\.(?:$|\s)/;

/**
 * Refuses a learner name that reads as a file path (`../../etc/x`). File names are made safe
 * anyway (file-names.ts); refusing says clearly that the roster or cohort is wrong.
 */
function pathLikeName(name: string): string | undefined {
    const match = PATH_LIKE_NAME.exec(name);
    return match
        ? `learner name '${name}' contains '${match[0] === '\0' ? 'NUL' : match[0]}', which reads as a file path: a learner's name must be a person's name`
        : undefined;
}

function learnerLabel(learner: LearnerModel): string {
    return learner.fullName || learner.identifier || 'a learner';
}
