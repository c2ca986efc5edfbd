/**
 * Splits a study session's MDX body into what the three outputs need, without compiling MDX:
 * the outline (## and ### headings with their ids), the slides (`<Slide>` blocks) and each
 * slide's speaker notes (`<Notes>` blocks). Pure and line-based, like a tiny parser core.
 *
 * Authoring rules (checked here, reported as problems):
 * - `<Slide title="…">` and `</Slide>` each stand alone on a line; slides do not nest.
 * - `<Notes>` … `</Notes>` stand alone on lines, inside a slide or right after it (before the next
 *   slide); they belong to that slide. Notes before the first slide are an error.
 * - A slide without `title` takes the text of the nearest heading above it.
 */
import { HeadingSlugger } from './slug.ts';

/** A `##` or `###` heading of the reading page. */
export interface OutlineHeading {
  depth: 2 | 3;
  text: string;
  id: string;
}

/** One `<Slide>` block as written in the MDX. */
export interface SourceSlide {
  title: string;
  /** Markdown inside the block, notes removed, trimmed. */
  markdown: string;
  /** Markdown of its notes, trimmed; "" when none. */
  notes: string;
  /** Id of the `##` section the slide sits in (for the reading page link), or null. */
  sectionId: string | null;
  /** 1-based line of the opening tag, for messages. */
  line: number;
}

/** A problem in the slide markup, with its 1-based line. */
export interface ParseProblem {
  line: number;
  message: string;
}

/** The parsed body. */
export interface ParsedSession {
  outline: OutlineHeading[];
  slides: SourceSlide[];
  problems: ParseProblem[];
}

const SLIDE_OPEN = /^<Slide(?:\s+title=(?:"([^"]*)"|'([^']*)'))?\s*>\s*$/;
const SLIDE_CLOSE = /^<\/Slide>\s*$/;
const NOTES_OPEN = /^<Notes>\s*$/;
const NOTES_CLOSE = /^<\/Notes>\s*$/;
const HEADING = /^(#{2,3})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;

/** Plain text of a heading's inline markdown (links, emphasis and code marks removed). */
export function headingText(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .trim();
}

/** Parses a study MDX body (front matter already removed). */
export function parseSession(body: string): ParsedSession {
  const lines = body.split(/\r?\n/);
  const outline: OutlineHeading[] = [];
  const slides: SourceSlide[] = [];
  const problems: ParseProblem[] = [];
  const slugger = new HeadingSlugger();
  let inFence = false;
  let sectionId: string | null = null;
  let nearestHeading = '';
  let slide: { title: string; md: string[]; notes: string[]; line: number; sectionId: string | null } | null = null;
  let notes: { target: 'open' | 'last'; lines: string[]; line: number } | null = null;

  const closeSlide = () => {
    if (!slide) return;
    slides.push({
      title: slide.title,
      markdown: slide.md.join('\n').trim(),
      notes: slide.notes.join('\n').trim(),
      sectionId: slide.sectionId,
      line: slide.line,
    });
    slide = null;
  };

  lines.forEach((line, i) => {
    const n = i + 1;
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) {
      if (notes) notes.lines.push(line);
      else if (slide) slide.md.push(line);
      return;
    }
    if (NOTES_OPEN.test(line)) {
      if (notes) problems.push({ line: n, message: '<Notes> lồng trong <Notes>' });
      else if (!slide && slides.length === 0) problems.push({ line: n, message: '<Notes> phải đứng sau hoặc trong một <Slide>' });
      notes = { target: slide ? 'open' : 'last', lines: [], line: n };
      return;
    }
    if (NOTES_CLOSE.test(line)) {
      if (!notes) {
        problems.push({ line: n, message: '</Notes> không có <Notes> mở' });
        return;
      }
      const text = notes.lines.join('\n').trim();
      if (notes.target === 'open' && slide) slide.notes.push(text);
      else if (notes.target === 'last' && slides.length) {
        const last = slides[slides.length - 1]!;
        last.notes = [last.notes, text].filter(Boolean).join('\n\n');
      }
      notes = null;
      return;
    }
    if (notes) {
      notes.lines.push(line);
      return;
    }
    const open = SLIDE_OPEN.exec(line);
    if (open) {
      if (slide) {
        problems.push({ line: n, message: `<Slide> lồng trong <Slide> mở ở dòng ${slide.line}` });
        closeSlide();
      }
      const title = (open[1] ?? open[2] ?? '').trim() || nearestHeading;
      if (!title) problems.push({ line: n, message: '<Slide> cần thuộc tính title hoặc một tiêu đề ## ở trên' });
      slide = { title, md: [], notes: [], line: n, sectionId };
      return;
    }
    if (SLIDE_CLOSE.test(line)) {
      if (!slide) problems.push({ line: n, message: '</Slide> không có <Slide> mở' });
      closeSlide();
      return;
    }
    if (slide) {
      slide.md.push(line);
      return;
    }
    const h = HEADING.exec(line);
    if (h) {
      const text = headingText(h[2]!);
      const depth = h[1]!.length as 2 | 3;
      const id = slugger.slug(text);
      outline.push({ depth, text, id });
      nearestHeading = text;
      if (depth === 2) sectionId = id;
    }
  });
  if (slide) {
    problems.push({ line: (slide as { line: number }).line, message: '<Slide> chưa được đóng bằng </Slide>' });
    closeSlide();
  }
  if (notes) problems.push({ line: (notes as { line: number }).line, message: '<Notes> chưa được đóng bằng </Notes>' });
  return { outline, slides, problems };
}

/**
 * The body as a reader sees it: notes blocks removed, slide tags dropped (their content stays).
 * Used for reading time and for checks that must ignore speaker notes.
 */
export function readingBody(body: string): string {
  return body
    .replace(/^<Notes>\s*$[\s\S]*?^<\/Notes>\s*$/gm, '')
    .replace(/^<\/?Slide(?:\s[^>]*)?>\s*$/gm, '');
}
