/**
 * Cross-entry checks of study sessions: every link to a document page must point at an existing
 * document and, when it has `#anchor`, at an anchor that document really exposes; slide markup must
 * be well formed; every slide must fit the slide budget (so it fits 16:9 at projector size).
 */
import type { ContentProblem, CorpusCheck, ValidEntry } from '../types.ts';
import { anchorsInMdx } from '../../documents/mdx-anchors.ts';
import { documentLinks } from '../../slides/reading.ts';
import { parseSession } from '../../slides/parse.ts';
import { budgetProblems } from '../../slides/deck.ts';

/** Links from study sessions to /van-ban/<id>/#anchor must resolve. */
export const studyDocumentLinks: CorpusCheck = (corpus) => {
  const docs = (corpus.documents ?? []) as ValidEntry[];
  const anchors = new Map(docs.map((d) => [d.id, new Set(anchorsInMdx(d.body ?? ''))]));
  const problems: ContentProblem[] = [];
  for (const s of (corpus.study ?? []) as ValidEntry[]) {
    for (const l of documentLinks(s.body ?? '')) {
      const have = anchors.get(l.document);
      if (!have) {
        problems.push({ file: s.file, field: `(dòng ${l.line})`, message: `liên kết tới văn bản không có: /van-ban/${l.document}/` });
      } else if (l.anchor && !have.has(l.anchor)) {
        problems.push({ file: s.file, field: `(dòng ${l.line})`, message: `văn bản ${l.document} không có neo #${l.anchor}` });
      }
    }
  }
  return problems;
};

/** `<Slide>`/`<Notes>` markup must parse and every slide must stay within the slide budget. */
export const studySlides: CorpusCheck = (corpus) => {
  const problems: ContentProblem[] = [];
  for (const s of (corpus.study ?? []) as ValidEntry[]) {
    const parsed = parseSession(s.body ?? '');
    for (const p of parsed.problems) problems.push({ file: s.file, field: `(dòng ${p.line})`, message: p.message });
    if (parsed.slides.length === 0) problems.push({ file: s.file, field: '(tệp)', message: 'chuyên đề chưa có trang chiếu <Slide> nào' });
    for (const sl of parsed.slides) {
      for (const m of budgetProblems(sl)) problems.push({ file: s.file, field: `(dòng ${sl.line})`, message: m });
    }
  }
  return problems;
};

/** All study checks, in the order they run. */
export const studyChecks: CorpusCheck[] = [studyDocumentLinks, studySlides];
