/**
 * The JSON a quiz page embeds for its <tt-quiz> element: the validated bank plus, for each
 * question, the link and label of its cited provision. Pure; the page supplies `link`.
 */
import type { QuestionData, QuizData } from '../../schemas/quiz.ts';
import { parseAnchorId, provisionLabel } from '../documents/anchors.ts';

/** Where a citation points, as the page resolved it. */
export interface CitationLink {
  href: string;
  label: string;
}

/** A question as sent to the browser. */
export type ClientQuestion = QuestionData & { cite: CitationLink };

/** A quiz as sent to the browser. */
export interface ClientQuiz {
  id: string;
  code: number;
  title: string;
  draw: number;
  passPercent: number;
  attempts: { maxPerDay: number; spacingMinutes: number };
  questions: ClientQuestion[];
}

/** Label of a citation: "mục 3, phần II, Kế hoạch số 83-KH/TU", or the document title for named sections. */
export function citationLabel(anchor: string, documentTitle: string, sectionTitle?: string): string {
  const ref = parseAnchorId(anchor);
  if (ref) return `${provisionLabel(ref)}, ${documentTitle}`;
  return sectionTitle ? `${documentTitle}: ${sectionTitle}` : documentTitle;
}

/** Builds the browser-side quiz. */
export function toClientQuiz(id: string, data: QuizData, link: (document: string, anchor: string) => CitationLink): ClientQuiz {
  return {
    id,
    code: data.code,
    title: data.title,
    draw: data.draw,
    passPercent: data.passPercent,
    attempts: data.attempts,
    questions: data.questions.map((q) => ({ ...q, cite: link(q.citation.document, q.citation.anchor) })),
  };
}

/** JSON for a `<script type="application/json">` block: `<` escaped so no text can close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
