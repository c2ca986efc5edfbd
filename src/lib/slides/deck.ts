/**
 * Builds the whole deck of a study session from its front matter and parsed body: a title slide,
 * the objectives, every `<Slide>` of the body, the discussion questions and a closing slide that
 * points to the quiz. Slides are numbered from 1; `#n` in the deck URL is slide n.
 */
import type { SourceSlide } from './parse.ts';

/** What the deck needs from a session's front matter. */
export interface DeckMeta {
  title: string;
  order: number;
  duration: number;
  audience: string;
  objectives: string[];
  discussion: string[];
}

/** One slide of the finished deck. */
export type DeckSlide =
  | { kind: 'title'; number: number; title: string; notes: string }
  | { kind: 'list'; role: 'objectives' | 'discussion'; number: number; title: string; items: string[]; start: number; notes: string }
  | { kind: 'content'; number: number; title: string; markdown: string; notes: string; sectionId: string | null }
  | { kind: 'closing'; number: number; title: string; notes: string };

/** Limits that keep a slide readable from the back of a hall (and inside 16:9). */
export const SLIDE_BUDGET = {
  /** Characters in a slide title. */
  titleChars: 72,
  /** List items on one slide. */
  items: 5,
  /** Characters of visible text on one slide, title excluded. */
  bodyChars: 400,
} as const;

/** Visible text of slide markdown (marks and link targets removed). */
export function visibleText(md: string): string {
  return md
    .replace(/<Nguon\s[^>]*\/>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Number of list items in slide markdown. */
export function listItemCount(md: string): number {
  return md.split(/\r?\n/).filter((l) => /^\s*(?:[-*+]|\d+[.)])\s+/.test(l)).length;
}

/** Problems of one source slide against SLIDE_BUDGET, in the author's terms. */
export function budgetProblems(s: Pick<SourceSlide, 'title' | 'markdown'>): string[] {
  const out: string[] = [];
  if (s.title.length > SLIDE_BUDGET.titleChars) out.push(`tiêu đề trang chiếu dài ${s.title.length} ký tự (tối đa ${SLIDE_BUDGET.titleChars})`);
  const items = listItemCount(s.markdown);
  if (items > SLIDE_BUDGET.items) out.push(`trang chiếu có ${items} ý (tối đa ${SLIDE_BUDGET.items})`);
  const chars = visibleText(s.markdown).length;
  if (chars > SLIDE_BUDGET.bodyChars) out.push(`trang chiếu có ${chars} ký tự (tối đa ${SLIDE_BUDGET.bodyChars})`);
  if (!s.markdown.trim()) out.push('trang chiếu trống');
  return out;
}

/**
 * Splits a list into groups that each respect the item and character budget, keeping order.
 * @example chunkItems(['a', 'b', 'c'], 2, 100) // [['a', 'b'], ['c']]
 */
export function chunkItems(items: readonly string[], maxItems: number = SLIDE_BUDGET.items, maxChars: number = 330): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let chars = 0;
  for (const it of items) {
    if (cur.length && (cur.length >= maxItems || chars + it.length > maxChars)) {
      out.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(it);
    chars += it.length;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Labels the deck uses for generated slides (passed in so the lib stays free of UI strings). */
export interface DeckLabels {
  objectives: string;
  discussion: string;
  closing: string;
  /** Title of a continued list slide, `{title}` is replaced, e.g. "{title} (tiếp)". */
  continued: string;
}

/** Assembles the numbered deck. */
export function buildDeck(meta: DeckMeta, slides: readonly SourceSlide[], labels: DeckLabels): DeckSlide[] {
  const out: DeckSlide[] = [];
  const next = () => out.length + 1;
  out.push({ kind: 'title', number: next(), title: meta.title, notes: '' });
  const lists: [('objectives' | 'discussion'), string, string[]][] = [
    ['objectives', labels.objectives, meta.objectives],
  ];
  const pushList = ([role, title, items]: (typeof lists)[number]) => {
    let start = 1;
    chunkItems(items).forEach((group, i) => {
      out.push({ kind: 'list', role, number: next(), title: i === 0 ? title : labels.continued.replace('{title}', title), items: group, start, notes: '' });
      start += group.length;
    });
  };
  lists.forEach(pushList);
  for (const s of slides) {
    out.push({ kind: 'content', number: next(), title: s.title, markdown: s.markdown, notes: s.notes, sectionId: s.sectionId });
  }
  if (meta.discussion.length) pushList(['discussion', labels.discussion, meta.discussion]);
  out.push({ kind: 'closing', number: next(), title: labels.closing, notes: '' });
  return out;
}
