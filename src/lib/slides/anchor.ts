/**
 * The element id of slide number `n` (from 1), which links without JavaScript and search results use:
 * 5 → "trang-5". A module of its own: the deck's markup and the search engine both need it, and the
 * search code must not pull the deck's client modules into its download (nor share a chunk with them).
 */
export function slideAnchor(n: number): string {
  return `trang-${n}`;
}
