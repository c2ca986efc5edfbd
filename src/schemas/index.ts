/**
 * Every collection under content/: where its files live and which schema validates them.
 * Shared by src/content.config.ts (Astro) and scripts/validate-content.ts (plain Node), so the
 * two can never disagree. One entry per line so parallel edits merge cleanly.
 */
import type { ZodType } from 'astro/zod';
import { documentSchema } from './document.ts';
import { studySchema } from './study.ts';
import { quizSchema } from './quiz.ts';
import { canCuSchema } from './can-cu.ts';
import { responsibilitySchema } from './responsibility.ts';
import { sourceSchema } from './nguon.ts';
import { timelineEntrySchema } from './timeline.ts';

/** Where a collection lives and how its files are read. */
export interface CollectionSpec {
  /** Folder under content/. */
  dir: string;
  /** File extension read from that folder. */
  ext: 'mdx' | 'yaml' | 'json';
  /** Schema of one file (front matter for MDX). */
  schema: ZodType;
}

/** All collections by name. */
export const collectionSpecs: Record<string, CollectionSpec> = {
  documents: { dir: 'documents', ext: 'mdx', schema: documentSchema },
  study: { dir: 'study', ext: 'mdx', schema: studySchema },
  quizzes: { dir: 'quizzes', ext: 'yaml', schema: quizSchema },
  canCu: { dir: 'data/can-cu', ext: 'yaml', schema: canCuSchema },
  responsibilities: { dir: 'data/trach-nhiem', ext: 'yaml', schema: responsibilitySchema },
  sources: { dir: 'data/nguon', ext: 'yaml', schema: sourceSchema },
  timeline: { dir: 'data/dong-thoi-gian', ext: 'yaml', schema: timelineEntrySchema },
};
