/**
 * The đ/d expansion. Pagefind folds tone and vowel marks but keeps "đ" as a letter of its own,
 * so "dang" cannot find "Đảng". Because "đ" only ever starts a Vietnamese syllable, an unaccented
 * word starting with "d" has exactly two readings: with "d" and with "đ". We search each reading
 * (against index chunks already loaded) and merge, which keeps Pagefind's excerpts and ranking.
 */
import { hasDiacritics } from './normalize.ts';

/** Most Pagefind searches one query may expand into. */
export const MAX_COMBINATIONS = 8;

/**
 * The readings of one canonical search word.
 * A word typed with diacritics is taken as typed: whoever types "dạng" meant "d".
 * @example termVariants('dang') // ["dang", "đang"]
 * @example termVariants('dạng') // ["dạng"]
 */
export function termVariants(term: string): string[] {
  if (!term.startsWith('d') || hasDiacritics(term)) return [term];
  return [term, `đ${term.slice(1)}`];
}

/**
 * Every combination of readings, first reading first, at most `max` of them. When there are more,
 * the words beyond the limit keep only the readings listed first for them (callers order each list
 * by how common the reading is).
 * @example combinations([["dang", "đang"], ["uy"]]) // [["dang","uy"], ["đang","uy"]]
 */
export function combinations(lists: string[][], max = MAX_COMBINATIONS): string[][] {
  let out: string[][] = [[]];
  for (const list of lists) {
    if (list.length === 0) continue;
    const next: string[][] = [];
    for (const prefix of out) for (const v of list) next.push([...prefix, v]);
    // Keep the product under the limit by falling back to the first reading of this word.
    out = next.length <= max ? next : out.map((p) => [...p, list[0]!]);
  }
  return out.filter((c) => c.length > 0);
}
