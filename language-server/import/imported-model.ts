/**
 * What an import reads from credentials, before it is written as `.mcred` text: plain data in
 * the vocabulary of the language (codes, not URIs). A property left undefined is one the
 * credentials do not state: it is written as a hole (`level ?`). Pure data.
 */

export interface TextWithTranslations {
    readonly text: string;
    /** The same text in other languages (`"…"@fi`). */
    readonly translations: ReadonlyArray<{ readonly text: string; readonly language: string }>;
}

export interface ImportedProvider {
    /** What identifies the provider across documents (its id, else its legal name). */
    readonly key: string;
    /** The name to declare it with, when the credential carries one (`UNIFI`). */
    readonly declaredName?: string;
    readonly legalName?: string;
    /** ISO 3166-1 alpha-2. */
    readonly country?: string;
    readonly region?: string;
    readonly legalIdentifier?: string;
    readonly homepage?: string;
    readonly email?: string;
    readonly did?: string;
    /** Provider keys of the members of an alliance (written `kind alliance` with `members`). */
    readonly members?: readonly string[];
}

export interface ImportedOutcome {
    readonly declaredName?: string;
    readonly statement?: TextWithTranslations;
    readonly skills: readonly string[];
}

export interface ImportedAssessment {
    readonly declaredName?: string;
    /** A title that is not usable as a name (`individual assignment 1`). */
    readonly title?: string;
    /** The source declares no name for it (mcred's `assessment {`): none is made from the title. */
    readonly anonymous?: boolean;
    /** Keyword (`project`). */
    readonly type?: string;
    /** Indexes into the programme's outcomes. */
    readonly covers?: readonly number[];
    readonly mode?: string;
    readonly supervision?: string;
    readonly grading?: string;
    readonly description?: string;
    /** Percentage of the grade (`weight 30%`). */
    readonly weight?: number;
    readonly titleTranslations?: TextWithTranslations['translations'];
    readonly descriptionTranslations?: TextWithTranslations['translations'];
}

/** A component course (`module`): a part of the programme with its own workload and providers. */
export interface ImportedModule {
    readonly declaredName?: string;
    readonly title?: TextWithTranslations;
    readonly description?: TextWithTranslations;
    readonly ects?: number;
    readonly hours?: number;
    /** Provider keys. */
    readonly providers: readonly string[];
    /** Indexes into the programme's outcomes. */
    readonly covers: readonly number[];
}

export interface ImportedQaProcedure {
    readonly kind: 'internal' | 'external';
    readonly timing?: 'exAnte' | 'exPost';
    readonly agency?: string;
    readonly standards: readonly string[];
    readonly description?: string;
}

export interface ImportedProgramme {
    /** What identifies the programme across documents (achievement or specification id, else title). */
    readonly key: string;
    readonly declaredName?: string;
    readonly title?: TextWithTranslations;
    readonly description?: TextWithTranslations;
    /** Provider keys. */
    readonly awardedBy: readonly string[];
    readonly languages: readonly string[];
    readonly level?: { readonly eqf?: number; readonly qfEhea?: string; readonly none?: string };
    /** ISCED-F codes. */
    readonly fields: readonly string[];
    readonly ects?: number;
    readonly hours?: number;
    /** Credits stated without a unit: not guessed, written as a comment beside `workload ?`. */
    readonly creditsWithoutUnit?: number;
    readonly duration?: { readonly amount: number; readonly unit: string };
    readonly participation?: string;
    readonly setting?: string;
    readonly outcomes: readonly ImportedOutcome[];
    readonly modules?: readonly ImportedModule[];
    readonly assessments: readonly ImportedAssessment[];
    /** Provider keys of the providers that deliver without awarding (`deliveredWith`). */
    readonly deliveredWith?: readonly string[];
    readonly prerequisites?: TextWithTranslations;
    /** Titles of the credentials it is part of (`stackable into` needs a declared credential: written as a comment). */
    readonly partOf: readonly string[];
    readonly standalone?: boolean;
    readonly recognition?: string;
    readonly recognitionTranslations?: TextWithTranslations['translations'];
    readonly furtherInfo?: string;
    readonly qualityAssurance?: {
        readonly procedures: readonly ImportedQaProcedure[];
        readonly stakeholders: readonly string[];
        readonly standards: readonly string[];
        readonly review?: { readonly every: number; readonly unit: string };
        readonly feedback: readonly string[];
        /** Quality assurance text that does not say which kind of procedure it is. */
        readonly text: readonly string[];
    };
}

export interface ImportedLearner {
    readonly fullName?: string;
    readonly identifier?: string;
    readonly grade?: string;
    readonly given?: string;
    readonly family?: string;
    /** A hashed identity (`sha256$…`), kept as it is and never turned into an id. */
    readonly hashedIdentity?: { readonly type: string; readonly hash: string };
}

/** One credential issued to one learner. */
export interface ImportedIssuance {
    readonly programme: string;
    /** `YYYY-MM-DD`, when stated. */
    readonly issued?: string;
    readonly learner: ImportedLearner;
}
