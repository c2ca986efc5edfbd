/**
 * Cross-entry checks of citations: every summary section, every slide and every quiz explanation
 * rests on a public source (content/data/nguon/) or on a provision of an official text we hold,
 * and every cited source id exists. See src/lib/content/citations.ts for what counts as a citation.
 */
import type { ContentProblem, CorpusCheck, ValidCorpus } from '../types.ts';
import { entriesOf, fileLine } from '../types.ts';
import { citationsIn, hasCitation, sourceTagLines, summarySections } from '../citations.ts';
import { parseSession } from '../../slides/parse.ts';

interface DocLike {
  textKind: 'full' | 'summary';
}
interface QuizLike {
  questions: { id: string; citation: { document: string }; sources?: string[] }[];
}

const fullTextIds = (corpus: ValidCorpus) =>
  new Set(entriesOf<DocLike>(corpus, 'documents').filter((d) => d.data.textKind === 'full').map((d) => d.id));

/** Every `##` / `<h2>` section of a summary document cites a source or a provision. */
export const citedSummarySections: CorpusCheck = (corpus) => {
  const full = fullTextIds(corpus);
  const problems: ContentProblem[] = [];
  for (const d of entriesOf<DocLike>(corpus, 'documents')) {
    if (d.data.textKind !== 'summary') continue;
    for (const s of summarySections(d.body ?? '')) {
      if (!hasCitation(citationsIn(s.text, full))) {
        problems.push({
          file: d.file,
          line: fileLine(d, s.line),
          field: `mục "${s.title}"`,
          message: 'mục tóm lược chưa dẫn nguồn: thêm <Nguon id="…" /> hoặc liên kết tới một điều khoản của văn bản có toàn văn',
        });
      }
    }
  }
  return problems;
};

/** Every `<Slide>` of a study session cites a source or a provision in its own text. */
export const citedSlides: CorpusCheck = (corpus) => {
  const full = fullTextIds(corpus);
  const problems: ContentProblem[] = [];
  for (const s of entriesOf(corpus, 'study')) {
    for (const slide of parseSession(s.body ?? '').slides) {
      if (!hasCitation(citationsIn(slide.markdown, full))) {
        problems.push({
          file: s.file,
          line: fileLine(s, slide.line),
          field: `trang chiếu "${slide.title}"`,
          message: 'trang chiếu chưa dẫn nguồn: thêm <Nguon id="…" /> hoặc liên kết tới một điều khoản của văn bản có toàn văn',
        });
      }
    }
  }
  return problems;
};

/**
 * Every quiz explanation is backed: by its `citation` when that document's official text is on the
 * site, otherwise by at least one public source in `sources`.
 */
export const citedExplanations: CorpusCheck = (corpus) => {
  const full = fullTextIds(corpus);
  const problems: ContentProblem[] = [];
  for (const q of entriesOf<QuizLike>(corpus, 'quizzes')) {
    q.data.questions.forEach((question, i) => {
      if (full.has(question.citation.document) || (question.sources ?? []).length > 0) return;
      problems.push({
        file: q.file,
        field: `questions.${i}.sources`,
        message: `câu ${question.id}: lời giải dựa trên trang tóm lược "${question.citation.document}" nên cần ít nhất một nguồn trong sources`,
      });
    });
  }
  return problems;
};

/** Every cited source id (MDX `<Nguon>` anywhere, incl. notes; quiz, status-check and timeline `sources`) is declared. */
export const knownSourceIds: CorpusCheck = (corpus) => {
  const known = new Set(entriesOf(corpus, 'sources').map((s) => s.id));
  const problems: ContentProblem[] = [];
  const unknown = (id: string) => `không có nguồn "${id}" trong content/data/nguon/`;
  for (const e of [...entriesOf(corpus, 'documents'), ...entriesOf(corpus, 'study')]) {
    for (const tag of sourceTagLines(e.body ?? '')) {
      if (!known.has(tag.id)) problems.push({ file: e.file, line: fileLine(e, tag.line), field: '<Nguon id>', message: unknown(tag.id) });
    }
  }
  for (const d of entriesOf<{ statusCheck?: { sources: string[] } }>(corpus, 'documents')) {
    (d.data.statusCheck?.sources ?? []).forEach((id, j) => {
      if (!known.has(id)) problems.push({ file: d.file, field: `statusCheck.sources.${j}`, message: unknown(id) });
    });
  }
  for (const e of entriesOf<{ sources: string[] }>(corpus, 'timeline')) {
    e.data.sources.forEach((id, j) => {
      if (!known.has(id)) problems.push({ file: e.file, field: `sources.${j}`, message: unknown(id) });
    });
  }
  for (const q of entriesOf<QuizLike>(corpus, 'quizzes')) {
    q.data.questions.forEach((question, i) => {
      (question.sources ?? []).forEach((id, j) => {
        if (!known.has(id)) problems.push({ file: q.file, field: `questions.${i}.sources.${j}`, message: `câu ${question.id}: ${unknown(id)}` });
      });
    });
  }
  return problems;
};

/** All citation checks, in the order they run. */
export const sourceChecks: CorpusCheck[] = [knownSourceIds, citedSummarySections, citedSlides, citedExplanations];
