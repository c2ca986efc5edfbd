/**
 * Builders for the data-pagefind-* attributes pages put on their markup, so filter and meta names
 * live in one place shared by the pages (at build time) and the search code (in the browser).
 */

/** Filter holding what kind of page a result is. */
export const KIND_FILTER = 'loai';
/** Filter holding the document number a page belongs to ("83-KH/TU"). */
export const DOC_FILTER = 'van_ban';
/**
 * Filter holding the documents a page found by title and purpose is about (a quiz or deck on
 * "83-KH/TU"): kept apart from {@link DOC_FILTER}, so filtering the search page by a document still
 * lists that document's own pages only, while a number with other words ranks them with its family.
 */
export const ABOUT_FILTER = 've_van_ban';
/** Filter on document pages: the issue date, ISO ("2019-05-30"), so a date typed in a query finds the document of that day. */
export const DATE_FILTER = 'ngay_ban_hanh';
/** Filter holding the number of the study session a page belongs to ("2": its reading page, deck, handout, quiz, poster). */
export const SESSION_FILTER = 'chuyen_de';
/**
 * Filter on document pages: the numbers of the documents the page's document carries out or
 * continues (`carriedOut` in src/lib/documents/relations.ts), so "kế hoạch triển khai kết luận 52"
 * finds the plan that implements 52-KL/TW, and "kết luận … nghị quyết 27" the conclusions on it.
 */
export const IMPLEMENTS_FILTER = 'thuc_hien';
/**
 * Filter on an official text's page: the ids of its provisions by place ("phan-ii-muc-3", from each
 * heading's `data-provision`), so "mục 3 phần II" finds the text that has one and opens it there.
 * Added by the index step from the headings (scripts/lib/pagefind.ts), not written into the page.
 */
export const PROVISION_FILTER = 'dieu_khoan';
/** Meta key telling an official text ("official") from our summary ("summary"). */
export const SOURCE_META = 'source';
/**
 * Meta key of a reading page's section names: the words of its hand-written section ids that their
 * headings do not say ("nguon goc" for the heading "Trí thức Việt Nam từ đâu mà có" at
 * `#nguon-goc-tri-thuc`; `idOnlyText` in rank.ts), space-separated. Added by the index step. Metadata
 * on purpose: Pagefind searches it, so a page is found by the short name its author gave a part even
 * when its text never uses those words, and the word positions of the text are untouched.
 */
export const SECTION_NAMES_META = 'ten_phan';
/**
 * Meta keys of a document page's identity (round 17, `describedDocument` in identity.ts): its issuing
 * body, the body the text names besides the issuer (the conference that adopted a resolution) and
 * its title's subject (trích yếu), as they stand on its face. A query made of such words ("nghị quyết
 * BCH TW khóa XIII về trí thức") names it. Read from the metadata panel's own cells
 * (MetaPanel.astro), which is left out of the index; Pagefind searches these fields instead.
 */
// Two letters each (cơ quan, chủ thể, trích yếu): the plan page carries them and fits the first TCP
// flight with a few bytes to spare (tests/dist/budgets.test.ts).
export const IDENTITY_META = { issuer: 'cq', body: 'ct', abstract: 'ty' } as const;
/** Meta key of a purpose page's table captions, joined by {@link CAPTIONS_SEPARATOR}. */
export const CAPTIONS_META = 'captions';
export const CAPTIONS_SEPARATOR = ' | ';
/**
 * Filter of a purpose page's parts that a link may open: one `id=heading` value per h2 (the
 * assignment table's "Bảng phân công…", "Các mốc thời hạn"). A filter, not metadata: Pagefind
 * searches metadata, and the headings would change how the record scores.
 */
export const SECTIONS_FILTER = 'phan_trang';
/**
 * Joins, in a {@link SECTIONS_FILTER} value, the part's h2 (`id=heading`) and the h3 headings inside
 * it ("Bộ tài liệu sinh hoạt chi bộ… | Chương trình buổi sinh hoạt | Danh sách điểm danh…"): a query
 * may name the part by one of them. Only the h2 is shown.
 */
export const PART_HEADINGS_SEPARATOR = ' | ';

/** A part of a purpose page: its anchor, its h2 and the h3 headings inside it. */
export interface PagePart {
  /** The h2's id: where a link to the part opens. */
  id: string;
  /** The h2's text. */
  heading: string;
  /** The h3 headings inside the part, in page order. */
  inner: string[];
  /**
   * For each of `inner`, the anchor a link may open it at (its own id or that of the element it
   * heads, such as a deadline's list item), or null. Absent when none has one.
   */
  innerIds?: (string | null)[];
}

/** An anchor as written in a {@link SECTIONS_FILTER} value before its heading. */
const ANCHOR_PREFIX = /^([a-z0-9][a-z0-9_-]*)=/;

/** A {@link PagePart} as a {@link SECTIONS_FILTER} value (the separator is taken out of the headings). */
export function partValue(part: PagePart): string {
  const clean = (h: string) => h.replaceAll(PART_HEADINGS_SEPARATOR.trim(), ' ').replace(/\s+/g, ' ').trim();
  const inner = part.inner.map((h, i) => {
    const id = part.innerIds?.[i];
    // A heading that would read as "anchor=…" keeps a space before it, so it is not taken for one.
    return id ? `${id}=${clean(h)}` : ANCHOR_PREFIX.test(clean(h)) ? ` ${clean(h)}` : clean(h);
  });
  return [`${part.id}=${clean(part.heading)}`, ...inner].join(PART_HEADINGS_SEPARATOR);
}

/** A {@link SECTIONS_FILTER} value read back; null when it has no `id=`. */
export function readPart(value: string): PagePart | null {
  const eq = value.indexOf('=');
  if (eq < 1) return null;
  const [heading = '', ...rest] = value.slice(eq + 1).split(PART_HEADINGS_SEPARATOR);
  const inner: string[] = [];
  const innerIds: (string | null)[] = [];
  for (const h of rest) {
    const m = ANCHOR_PREFIX.exec(h);
    inner.push(m ? h.slice(m[0].length) : h.trim());
    innerIds.push(m ? m[1]! : null);
  }
  return { id: value.slice(0, eq), heading, inner, ...(innerIds.some((x) => x) ? { innerIds } : {}) };
}
/**
 * Values of {@link KIND_FILTER}. `page`: a page found by its title and purpose only (quiz, deck,
 * assignment table, timeline, trainer and progress pages), indexed by scripts/lib/pagefind.ts.
 */
export const KIND_VALUES = { document: 'văn bản', study: 'tài liệu học tập', page: 'trang' } as const;
/** One of the kinds of searchable pages. */
export type SearchKind = keyof typeof KIND_VALUES;

// Pagefind reads one "name:value" per attribute: a second pair in the same attribute becomes part
// of the first value. So each filter and each meta field gets an element of its own.
const clean = (v: string): string => v.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * The data-pagefind-* attribute sets a searchable page carries, one per element: its kind and the
 * document it belongs to as filters; the document number, the title when given, and for documents
 * whether the text is official or our summary, as metadata. Render each as an empty `<span hidden>`
 * inside the indexed body (see SearchMeta.astro).
 * @example searchAttributeSets({ kind: 'document', number: '83-KH/TU' })
 *   // [{ 'data-pagefind-filter': 'loai:văn bản' }, { 'data-pagefind-filter': 'van_ban:83-KH/TU' },
 *   //  { 'data-pagefind-meta': 'number:83-KH/TU' }]
 */
export function searchAttributeSets(page: {
  kind: SearchKind;
  number?: string | undefined;
  title?: string | undefined;
  /** For documents: true when the page holds the official text, false for our summary. */
  official?: boolean | undefined;
  /** For documents: the issue date, ISO (yyyy-mm-dd). */
  issued?: string | undefined;
  /** For study pages: the session's number. */
  session?: number | null | undefined;
  /** For documents: the numbers of the documents it carries out ({@link IMPLEMENTS_FILTER}). */
  implements?: readonly string[] | undefined;
}): Record<string, string>[] {
  const sets: Record<string, string>[] = [{ 'data-pagefind-filter': `${KIND_FILTER}:${KIND_VALUES[page.kind]}` }];
  if (page.number) sets.push({ 'data-pagefind-filter': `${DOC_FILTER}:${clean(page.number)}` });
  if (page.number) sets.push({ 'data-pagefind-meta': `number:${clean(page.number)}` });
  if (page.title) sets.push({ 'data-pagefind-meta': `title:${clean(page.title)}` });
  if (page.session) sets.push({ 'data-pagefind-filter': `${SESSION_FILTER}:${page.session}` });
  if (page.kind === 'document' && page.issued) sets.push({ 'data-pagefind-filter': `${DATE_FILTER}:${clean(page.issued)}` });
  if (page.kind === 'document') for (const n of page.implements ?? []) sets.push({ 'data-pagefind-filter': `${IMPLEMENTS_FILTER}:${clean(n)}` });
  if (page.kind === 'document' && page.official !== undefined) {
    sets.push({ 'data-pagefind-meta': `${SOURCE_META}:${page.official ? 'official' : 'summary'}` });
  }
  return sets;
}
