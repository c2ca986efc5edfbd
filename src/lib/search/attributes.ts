/**
 * Builders for the data-pagefind-* attributes pages put on their markup, so filter and meta names
 * live in one place shared by the pages (at build time) and the search code (in the browser).
 */

/** Filter holding what kind of page a result is. */
export const KIND_FILTER = 'loai';
/** Filter holding the document number a page belongs to ("83-KH/TU"). */
export const DOC_FILTER = 'van_ban';
/** Values of {@link KIND_FILTER}. */
export const KIND_VALUES = { document: 'văn bản', study: 'tài liệu học tập' } as const;
/** One of the kinds of searchable pages. */
export type SearchKind = keyof typeof KIND_VALUES;

// Pagefind reads "name:value"; one filter per element (a second "name:value" in the same attribute
// would become part of the first value), while meta accepts a comma-separated list.
const clean = (v: string): string => v.normalize('NFC').replace(/\s+/g, ' ').replace(/,/g, '\\,').trim();

/**
 * The data-pagefind-* attribute sets a searchable page carries: one element per filter (its kind
 * and the document it belongs to), one for the metadata (document number, and title when given).
 * Render each as an empty `<span hidden>` inside the indexed body (see SearchMeta.astro).
 * @example searchAttributeSets({ kind: 'document', number: '83-KH/TU' })
 *   // [{ 'data-pagefind-filter': 'loai:văn bản' }, { 'data-pagefind-filter': 'van_ban:83-KH/TU' },
 *   //  { 'data-pagefind-meta': 'number:83-KH/TU' }]
 */
export function searchAttributeSets(page: { kind: SearchKind; number?: string | undefined; title?: string | undefined }): Record<string, string>[] {
  const sets: Record<string, string>[] = [{ 'data-pagefind-filter': `${KIND_FILTER}:${KIND_VALUES[page.kind]}` }];
  if (page.number) sets.push({ 'data-pagefind-filter': `${DOC_FILTER}:${clean(page.number)}` });
  const meta: string[] = [];
  if (page.number) meta.push(`number:${clean(page.number)}`);
  if (page.title) meta.push(`title:${clean(page.title)}`);
  if (meta.length) sets.push({ 'data-pagefind-meta': meta.join(', ') });
  return sets;
}
