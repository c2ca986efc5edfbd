/**
 * Schema of the `study` collection: one file in content/study/ = one study session
 * (reading page, slide deck and handout all come from it). Filled in by the study-session work.
 */
import { z } from 'astro/zod';
import { slug, text } from './shared.ts';

/** Front matter of a study session. */
export const studySchema = z
  .object({
    /** Title of the session, with diacritics. */
    title: text,
    /** One-line description for lists and link previews. */
    description: text,
    /** Order of the session in the course (1, 2, 3…). */
    order: z.number().int().positive(),
    /** Id of the quiz (content/quizzes/<id>.yaml) that checks this session. */
    quiz: slug.optional(),
  })
  .passthrough();

/** Validated front matter of a study session. */
export type StudyData = z.infer<typeof studySchema>;
