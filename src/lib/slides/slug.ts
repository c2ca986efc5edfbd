/**
 * ASCII heading ids for study sessions. Vietnamese heading text loses its diacritics ("đ" → "d")
 * so ids stay short in shared links; repeated headings get "-2", "-3"…
 */

import { slugifyVi } from '../text/slug.ts';

export { slugifyVi };

/** Hands out unique slugs in document order; the rehype plugin and the outline share it so ids match. */
export class HeadingSlugger {
  private seen = new Map<string, number>();

  /** The next unique slug for `text` ("muc-tieu", then "muc-tieu-2"…); "phan" when the text has no letters. */
  slug(text: string): string {
    const base = slugifyVi(text) || 'phan';
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }
}
