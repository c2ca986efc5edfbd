/**
 * A document named by the words of its name: its title and abstract (trích yếu) hold everything
 * the query asks about, in the query's order ("tiếp tục xây dựng và phát huy vai trò của đội ngũ trí
 * thức" is Nghị quyết 45's abstract). Documents of one line share most of their abstract (Kết luận
 * 52 and 90 repeat Nghị quyết 27's, Kế hoạch 83 quotes Kết luận 52's): words that stand in the name
 * of more than one ("công nghiệp hóa, hiện đại hóa") name none of them.
 */
import { matchStrength, splitWords, wordForms } from './rank.ts';
import type { TermInfo } from './rank.ts';

/** Fewest subject words that name a document by its name: two words are in every abstract. */
export const NAME_WORDS_MIN = 3;
/**
 * Least share of the name's words the query must make up: a phrase of the name ("phát triển nhanh
 * và bền vững", 5 of its 32 words) is a subject the name shares with the texts, not the name.
 */
export const NAME_SHARE_MIN = 0.4;

/**
 * True when a document's name (title and abstract) holds every one of the query's subject words, in
 * the query's order (other words may stand between), there are at least {@link NAME_WORDS_MIN}, and
 * the words they match make up {@link NAME_SHARE_MIN} of the name or more.
 * @example namesDocument('Nghị quyết số 45-NQ/TW', 'Về tiếp tục xây dựng và phát huy vai trò…', termInfos(['phat', 'huy', 'vai', 'tro']))  // true
 */
export function namesDocument(title: string, abstract: string, subject: readonly TermInfo[]): boolean {
  if (subject.length < NAME_WORDS_MIN || !abstract) return false;
  const words = splitWords(`${title} ${abstract}`).filter(Boolean).map(wordForms);
  let k = 0;
  let hits = 0;
  for (const w of words) {
    if (k < subject.length && matchStrength(w, subject[k]!) > 0) k++;
    if (subject.some((t) => matchStrength(w, t) > 0)) hits++;
  }
  return k === subject.length && hits >= NAME_SHARE_MIN * words.length;
}

/** The one item named, or undefined when none is or more than one is. */
export function theOneNamed<T>(items: readonly T[], named: (x: T) => boolean): T | undefined {
  const hits = items.filter(named);
  return hits.length === 1 ? hits[0] : undefined;
}
