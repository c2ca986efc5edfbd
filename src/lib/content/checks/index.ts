/**
 * The registry of cross-entry checks run by `npm run build` (scripts/validate-content.ts).
 * Each area adds its own array here; keep one import per line so parallel edits merge cleanly.
 */
import type { CorpusCheck } from '../types.ts';
import { documentChecks } from './documents.ts';
import { linkChecks } from './links.ts';
import { studyChecks } from './study.ts';
import { quizChecks } from './quiz.ts';
import { sourceChecks } from './sources.ts';

/** Every cross-entry check, run after all entries passed their schemas. */
export const allChecks: CorpusCheck[] = [
  ...documentChecks,
  ...linkChecks,
  ...studyChecks,
  ...quizChecks,
  ...sourceChecks,
];
