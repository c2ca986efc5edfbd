/**
 * Schema of the `quizzes` collection: one YAML file in content/quizzes/ per study session.
 * Filled in by the quiz work.
 */
import { z } from 'astro/zod';
import { slug, text } from './shared.ts';

/** A quiz bank. */
export const quizSchema = z
  .object({
    /** Title shown on the quiz page. */
    title: text,
    /** Id of the study session this quiz checks. */
    study: slug,
  })
  .passthrough();

/** Validated quiz bank. */
export type QuizData = z.infer<typeof quizSchema>;
