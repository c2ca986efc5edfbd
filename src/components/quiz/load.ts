/**
 * Astro-side loading of the quiz banks for the quiz-area pages: sorted banks, the study sessions
 * they belong to, and each citation resolved to a link and a label.
 */
import { getCollection } from 'astro:content';
import { href } from '../../url.ts';
import { citationLabel, toClientQuiz } from '../../lib/quiz/client-data.ts';
import type { ClientQuiz } from '../../lib/quiz/client-data.ts';

/** A quiz bank with what its pages need. */
export interface QuizEntry {
  id: string;
  client: ClientQuiz;
  description: string;
  study: { id: string; title: string; href: string } | null;
}

/** Every bank, ordered by its receipt code (= session order). */
export async function loadQuizzes(): Promise<QuizEntry[]> {
  const [quizzes, docs, studies] = await Promise.all([getCollection('quizzes'), getCollection('documents'), getCollection('study')]);
  const docById = new Map(docs.map((d) => [d.id, d]));
  const link = (document: string, anchor: string) => {
    const doc = docById.get(document);
    const title = doc?.data.title ?? document;
    // Named sections (e.g. "thong-tin") use their heading text in the label.
    const heading = doc?.body ? new RegExp(`id="${anchor}"[^>]*>([^<]+)<`).exec(doc.body)?.[1]?.trim() : undefined;
    return { href: href(`/van-ban/${document}/#${anchor}`), label: citationLabel(anchor, title, heading) };
  };
  return quizzes
    .map((q) => {
      const s = studies.find((x) => x.id === q.data.study);
      return {
        id: q.id,
        client: toClientQuiz(q.id, q.data, link),
        description: q.data.description,
        study: s ? { id: s.id, title: s.data.title, href: href(`/hoc-tap/${s.id}/`) } : null,
      };
    })
    .sort((a, b) => a.client.code - b.client.code);
}
