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
}

/** One problem, always naming the file and the field. */
export interface ContentProblem {
  file: string;
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

/** Formats a problem the way the build prints it: `file: field: message`. */
export function formatProblem(p: ContentProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}

/**
 * The entries of one collection, typed as the caller's view of their data. The corpus only holds
 * entries that passed their schema, so the cast is safe as long as T matches that schema.
 */
export function entriesOf<T>(corpus: ValidCorpus, collection: string): ValidEntry<T>[] {
  return (corpus[collection] ?? []) as unknown as ValidEntry<T>[];
}
