/**
 * Validates a whole content corpus: each entry against its collection schema, then the
 * cross-entry checks (unique numbers, relations, anchors…). Pure: entries in, problems out.
 */
import type { ZodType } from 'astro/zod';
import { viErrorMap } from './error-map.ts';
import type { ContentProblem, CorpusCheck, RawEntry, ValidCorpus } from './types.ts';

/** Result of validating a corpus. */
export interface ValidationResult {
  problems: ContentProblem[];
  corpus: ValidCorpus;
}

/** Joins a Zod issue path into the dotted field name shown to editors. */
export function fieldOf(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '(tệp)';
}

/**
 * Validates entries with their collection's schema and runs the cross-entry checks on the
 * entries that passed. Unknown collections are reported rather than ignored.
 */
export function validateCorpus(
  entries: readonly RawEntry[],
  schemas: Record<string, ZodType>,
  checks: readonly CorpusCheck[],
): ValidationResult {
  const problems: ContentProblem[] = [];
  const corpus: ValidCorpus = {};
  for (const e of entries) {
    const schema = schemas[e.collection];
    if (!schema) {
      problems.push({ file: e.file, field: '(tệp)', message: `không có bộ nội dung nào tên "${e.collection}"` });
      continue;
    }
    if (e.data === null || typeof e.data !== 'object') {
      problems.push({ file: e.file, field: '(tệp)', message: 'thiếu phần khai báo (front matter) hoặc không phải một đối tượng' });
      continue;
    }
    const res = schema.safeParse(e.data, { error: viErrorMap });
    if (!res.success) {
      for (const issue of res.error.issues) {
        problems.push({ file: e.file, field: fieldOf(issue.path), message: issue.message });
      }
      continue;
    }
    (corpus[e.collection] ??= []).push({ ...e, data: res.data as Record<string, unknown> });
  }
  for (const check of checks) problems.push(...check(corpus));
  return { problems, corpus };
}
