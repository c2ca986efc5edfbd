// Wires the collections (glob loaders over ../content) to their schemas; nothing else.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { documentSchema } from './schemas/document.ts';
import { studySchema } from './schemas/study.ts';
import { quizSchema } from './schemas/quiz.ts';
import { canCuSchema } from './schemas/can-cu.ts';
import { responsibilitySchema } from './schemas/responsibility.ts';
import { sourceSchema } from './schemas/nguon.ts';
import { timelineEntrySchema } from './schemas/timeline.ts';

const root = process.env.CONTENT_DIR || './content';

export const collections = {
  documents: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${root}/documents` }), schema: documentSchema }),
  study: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${root}/study` }), schema: studySchema }),
  quizzes: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${root}/quizzes` }), schema: quizSchema }),
  canCu: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${root}/data/can-cu` }), schema: canCuSchema }),
  responsibilities: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${root}/data/trach-nhiem` }), schema: responsibilitySchema }),
  sources: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${root}/data/nguon` }), schema: sourceSchema }),
  timeline: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${root}/data/dong-thoi-gian` }), schema: timelineEntrySchema }),
};
