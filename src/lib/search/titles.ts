/**
 * How a result names the place it links to: a provision by its citation ("Mục 2, phần III")
 * followed by its heading text, other sections by their heading, the page top by the page title.
 */
import { parseAnchorId, provisionLabel } from '../documents/anchors.ts';
import { escapeHtml, highlightWords } from './excerpt.ts';
import type { ScoredSection } from './rank.ts';

// The numbering a provision heading starts with: "II-", "3.", "a)".
const NUMBERING = /^(?:[IVXLC]+\s*[-.–:]|\d{1,3}\s*[.)]|[a-zđ]\))$/u;

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/**
 * HTML title of a result section: escaped text with matched words in `<mark>`.
 * @example sectionTitleHtml({ id: 'phan-iii-muc-2', headingWords: ['2.', 'Đảng', 'đoàn'], headingMarked: [1] }, 'Kế hoạch')
 *   // "Mục 2, phần III: <mark>Đảng</mark> đoàn"
 */
export function sectionTitleHtml(section: Pick<ScoredSection, 'id' | 'headingWords' | 'headingMarked'>, pageTitle: string): string {
  const marked = new Set(section.headingMarked);
  const ref = section.id ? parseAnchorId(section.id) : null;
  if (!section.id) return section.headingWords.length ? highlightWords(section.headingWords, marked) : escapeHtml(pageTitle);
  if (!ref) return section.headingWords.length ? highlightWords(section.headingWords, marked) : escapeHtml(pageTitle);
  const label = escapeHtml(capitalise(provisionLabel(ref)));
  const skip = section.headingWords.length > 0 && NUMBERING.test(section.headingWords[0]!) ? 1 : 0;
  const rest = section.headingWords.slice(skip);
  return rest.length ? `${label}: ${highlightWords(rest, marked, skip)}` : label;
}
