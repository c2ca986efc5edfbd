/**
 * Splitting text for speech synthesis: some engines stall on long utterances (Chromium stops after
 * about 15 s), so listen mode speaks one sentence at a time, never longer than MAX characters.
 */

/** Longest utterance, in characters. */
export const MAX = 220;

/**
 * Sentences of at most MAX characters: split after . ; : ! ? (but not after a digit, so "3. Ngân sách"
 * and "30/5/2019." stay whole), then overlong ones at a comma, else at a space. Whitespace is
 * collapsed and stray full stops (left where blocks were joined) are dropped.
 * @example sentences('Mục tiêu.  Nắm được căn cứ. ') // ['Mục tiêu.', 'Nắm được căn cứ.']
 */
export function sentences(text: string, max = MAX): string[] {
  const clean = text
    .replace(/\s+/g, ' ')
    .replace(/(\s*\.\s*){2,}/g, '. ')
    .replace(/([:;,!?])\s*\./g, '$1')
    .replace(/^\s*\.\s*/, '')
    .trim();
  const out: string[] = [];
  for (const s of clean.split(/(?<=[^\d\s.][.;:!?])\s+/)) {
    let rest = s.trim();
    while (rest.length > max) {
      let cut = rest.lastIndexOf(', ', max);
      if (cut < max / 3) cut = rest.lastIndexOf(' ', max);
      const at = cut > 0 ? cut + (rest[cut] === ',' ? 1 : 0) : max;
      out.push(rest.slice(0, at).trim());
      rest = rest.slice(at).trim();
    }
    if (rest && rest !== '.') out.push(rest);
  }
  return out;
}
