/**
 * Cross-entry checks of the quiz banks: every citation resolves to an existing anchor of an
 * existing document, receipt codes of quizzes are unique, each bank names a real study session.
 */
import type { ContentProblem, CorpusCheck, ValidEntry } from '../types.ts';
import { anchorsInMdx, unescapeMarkdown } from '../../documents/mdx-anchors.ts';

interface QuizLike {
  study: string;
  code: number;
  questions: { id: string; explanation: string; citation: { document: string; anchor: string } }[];
}

// Entries reach the checks already validated by src/schemas/quiz.ts, so the cast only names the shape.
const quizzesOf = (corpus: Parameters<CorpusCheck>[0]) => (corpus.quizzes ?? []) as unknown as ValidEntry<QuizLike>[];

/** Every `citation` must name an existing document and an anchor that document will have. */
export const resolvableCitations: CorpusCheck = (corpus) => {
  const quizzes = quizzesOf(corpus);
  const anchorsByDoc = new Map<string, Set<string>>();
  for (const d of corpus.documents ?? []) anchorsByDoc.set(d.id, new Set(anchorsInMdx(d.body ?? '')));
  const problems: ContentProblem[] = [];
  for (const q of quizzes) {
    q.data.questions.forEach((question, i) => {
      const { document, anchor } = question.citation;
      const anchors = anchorsByDoc.get(document);
      if (!anchors) {
        problems.push({
          file: q.file,
          field: `questions.${i}.citation.document`,
          message: `câu ${question.id}: không có văn bản "${document}" trong content/documents/`,
        });
      } else if (!anchors.has(anchor)) {
        problems.push({
          file: q.file,
          field: `questions.${i}.citation.anchor`,
          message: `câu ${question.id}: văn bản "${document}" không có neo "${anchor}"`,
        });
      }
    });
  }
  return problems;
};

/** Two banks must not share a receipt `code`, or codes could not tell them apart. */
export const uniqueQuizCodes: CorpusCheck = (corpus) => {
  const quizzes = quizzesOf(corpus);
  const seen = new Map<number, string>();
  const problems: ContentProblem[] = [];
  for (const q of quizzes) {
    const first = seen.get(q.data.code);
    if (first) problems.push({ file: q.file, field: 'code', message: `mã bài ${q.data.code} đã dùng ở ${first}` });
    else seen.set(q.data.code, q.file);
  }
  return problems;
};

/** A bank's `study` must be an existing study session (checked once the study collection exists). */
export const knownStudySessions: CorpusCheck = (corpus) => {
  const study = corpus.study;
  if (!study || study.length === 0) return [];
  const ids = new Set(study.map((s) => s.id));
  return quizzesOf(corpus)
    .filter((q) => !ids.has(q.data.study))
    .map((q) => ({ file: q.file, field: 'study', message: `không có buổi học "${q.data.study}" trong content/study/` }));
};

const flat = (s: string) => unescapeMarkdown(s.normalize('NFC')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/**
 * Official text is quoted only verbatim: a span in "double quotes" inside the explanation of a
 * question citing a full-text document must appear, word for word, in that document.
 */
export const verbatimQuotes: CorpusCheck = (corpus) => {
  const bodies = new Map<string, string>();
  for (const d of corpus.documents ?? []) {
    if ((d.data as { textKind?: string }).textKind === 'full') bodies.set(d.id, flat(d.body ?? ''));
  }
  const problems: ContentProblem[] = [];
  for (const q of quizzesOf(corpus)) {
    q.data.questions.forEach((question, i) => {
      const body = bodies.get(question.citation.document);
      if (!body) return;
      for (const m of question.explanation.matchAll(/"([^"]+)"|“([^”]+)”/g)) {
        const quote = flat(m[1] ?? m[2] ?? '').trim();
        if (!body.includes(quote)) {
          problems.push({ file: q.file, field: `questions.${i}.explanation`, message: `câu ${question.id}: trích dẫn "${quote}" không có nguyên văn trong "${question.citation.document}"` });
        }
      }
    });
  }
  return problems;
};

/** All quiz checks, in the order they run. */
export const quizChecks: CorpusCheck[] = [resolvableCitations, uniqueQuizCodes, knownStudySessions, verbatimQuotes];
