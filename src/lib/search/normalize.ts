/**
 * Vietnamese text normalisation for search: Unicode form, tone-mark placement, and folding.
 *
 * Three levels of "sameness" are used:
 * - `canonical`: NFC, lower case, tone marks placed the way the official texts place them ("hóa", "thủy").
 * - `pagefindFold`: what Pagefind does at index time since 1.5: all combining marks removed, lower case,
 *   but "đ" kept (it is a letter of its own, not a "d" with a mark, so NFD does not split it).
 * - `fold`: `pagefindFold` plus đ → d. Two words that fold alike are what a user typing without
 *   diacritics cannot tell apart.
 */

// Tone marks in NFD. The other combining marks (circumflex, breve, horn) change the vowel itself.
const TONES = '\u0300\u0301\u0303\u0309\u0323';
/** Any combining mark (after NFD). */
const MARKS = /\p{M}/gu;

// Old-style placement puts the tone on the second vowel of an open "oa", "oe", "uy" syllable
// ("hoá", "khoẻ", "thuý"); the official texts put it on the first ("hóa", "khỏe", "thúy").
// "qu" + "y" is not such a pair: in "quý" the u belongs to the consonant, so the tone stays on y.
const OLD_STYLE = new RegExp(`(?<![qQ])([oOuU])([aAeEyY])([${TONES}])(?![\\p{L}\\p{M}])`, 'gu');

/**
 * Moves tone marks from old-style to the placement used by the official texts, keeping case and NFC.
 * @example fixTonePlacement('hoá học') // "hóa học"
 * @example fixTonePlacement('Thuý, quý') // "Thúy, quý"
 */
export function fixTonePlacement(text: string): string {
  return text.normalize('NFD').replace(OLD_STYLE, '$1$3$2').normalize('NFC');
}

/**
 * The form queries and index words are compared in when diacritics matter: NFC, lower case,
 * new-style tone placement.
 * @example canonical('HOÁ') // "hóa"
 */
export function canonical(text: string): string {
  return fixTonePlacement(text.normalize('NFC')).toLocaleLowerCase('vi');
}

/**
 * Pagefind's own folding: all marks removed, lower case, "đ" kept.
 * @example pagefindFold('Đảng') // "đang"
 */
export function pagefindFold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLocaleLowerCase('vi').normalize('NFC');
}

/**
 * Full folding for comparing what a user typed without diacritics: marks removed, đ → d, lower case.
 * @example fold('Điện Biên') // "dien bien"
 */
export function fold(text: string): string {
  return pagefindFold(text).replace(/đ/g, 'd');
}

/**
 * A text's words, fully folded, split at anything that is not a letter or digit.
 * @example foldWords('Ban Bí thư, 52-KL/TW') // ["ban", "bi", "thu", "52", "kl", "tw"]
 */
export function foldWords(text: string): string[] {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean);
}

/** True when the text carries any Vietnamese diacritic (tone or vowel mark, or đ). */
export function hasDiacritics(text: string): boolean {
  return fold(text) !== text.normalize('NFC').toLocaleLowerCase('vi');
}

/**
 * Removes what Pagefind removes from a query word (punctuation) and what it would keep but we do not
 * want to search for (symbols such as emoji, math and currency signs), keeping letters, marks and digits.
 * @example stripWordPunctuation('“Đảng,”') // "Đảng"
 * @example stripWordPunctuation('83-KH/TU') // "83KHTU"
 */
export function stripWordPunctuation(word: string): string {
  return word.replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}
