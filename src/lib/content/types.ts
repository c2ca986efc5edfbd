/**
 * Shapes shared by content validation: raw entries read from content/ and the problems found in them.
 * Pure types; the file-system layer lives in scripts/validate-content.ts.
 */

/** One content file, before validation. */
export interface RawEntry {
  /** Collection name: documents, study, quizzes, or a data set name under content/data/. */
  collection: string;
  /** Entry id: the file name without extension. */
  id: string;
  /** Repo-relative path, used in every message. */
  file: string;
  /** Parsed front matter (MDX) or the whole parsed file (YAML). */
  data: unknown;
  /** MDX body without front matter, when the file has one. */
  body?: string;
  /** 1-based line of the file where `body` starts (after the front matter); 1 when unknown. */
  bodyLine?: number;
  /** The file as read (YAML files), so problems can name the line of a field. */
  source?: string;
}

/** One problem, always naming the file and the field. */
export interface ContentProblem {
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Dotted path of the field, e.g. `relations.0.target`; `(tệp)` for whole-file problems. */
  field: string;
  message: string;
}

/** An entry that passed its collection schema. */
export interface ValidEntry<T = Record<string, unknown>> extends RawEntry {
  data: T;
}

/** Entries that passed their schemas, grouped by collection, for cross-entry checks. */
export type ValidCorpus = Record<string, ValidEntry[]>;

/** A cross-entry check: returns problems, never throws. */
export type CorpusCheck = (corpus: ValidCorpus) => ContentProblem[];

/** Formats a problem the way the build prints it: `file: dòng N: field: message` (line when known). */
export function formatProblem(p: ContentProblem): string {
  return p.line ? `${p.file}: dòng ${p.line}: ${p.field}: ${p.message}` : `${p.file}: ${p.field}: ${p.message}`;
}

/** Line in the file of line `n` (1-based) of an entry's MDX body. */
export function fileLine(entry: Pick<RawEntry, 'bodyLine'>, n: number): number {
  return (entry.bodyLine ?? 1) + n - 1;
}

/**
 * The entries of one collection, typed as the caller's view of their data. The corpus only holds
 * entries that passed their schema, so the cast is safe as long as T matches that schema.
 */
export function entriesOf<T>(corpus: ValidCorpus, collection: string): ValidEntry<T>[] {
  return (corpus[collection] ?? []) as unknown as ValidEntry<T>[];
}
