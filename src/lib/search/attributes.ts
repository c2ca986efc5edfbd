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

// Pagefind reads "name:value" and splits on the first colon; commas inside a value would need escaping.
const clean = (v: string): string => v.normalize('NFC').replace(/[\s]+/g, ' ').replace(/,/g, '\\,').trim();

/**
 * Attributes for the element that holds a searchable page's body: its kind and the document it
 * belongs to as filters, the number and title as metadata.
 * @example searchAttributes({ kind: 'document', number: '83-KH/TU', title: 'Kế hoạch số 83-KH/TU' })
 */
export function searchAttributes(page: { kind: SearchKind; number?: string | undefined; title?: string | undefined }): Record<string, string> {
  const filters = [`${KIND_FILTER}:${KIND_VALUES[page.kind]}`];
  if (page.number) filters.push(`${DOC_FILTER}:${clean(page.number)}`);
  const meta: string[] = [];
  if (page.number) meta.push(`number:${clean(page.number)}`);
  if (page.title) meta.push(`title:${clean(page.title)}`);
  const attrs: Record<string, string> = { 'data-pagefind-filter': filters.join(', ') };
  if (meta.length) attrs['data-pagefind-meta'] = meta.join(', ');
  return attrs;
}
