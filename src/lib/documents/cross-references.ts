/**
 * Finds mentions of known documents in running text: "Nghị quyết số 27-NQ/TW", "Nghị quyết 27",
 * "Kết luận 52-KL/TW", "Kế hoạch số 83-KH/TU", "27-NQ/TW" and a few fixed aliases ("Nghị quyết
 * Trung ương 7 (khóa X)"). A mention never starts or ends inside another number or word, so
 * "127-NQ/TW", "27-NQ/TU", "Nghị quyết 270" or "Kết luận 52a" do not match.
 */
import { parseDocumentNumber } from './number.ts';

/** A document that can be referred to. */
export interface XrefTarget {
  id: string;
  /** Its number, e.g. "27-NQ/TW". */
  number: string;
}

/** One mention found in a text: [start, end) offsets and the document id. */
export interface XrefMatch {
  start: number;
  end: number;
  id: string;
  text: string;
}

/** Vietnamese kind words by the kind code of a number. */
const KIND_WORDS: Record<string, string> = {
  NQ: 'Nghị quyết',
  KL: 'Kết luận',
  KH: 'Kế hoạch',
  CT: 'Chỉ thị',
  QĐ: 'Quyết định',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  CTr: 'Chương trình',
};

/** Fixed extra names by document number (names the number alone cannot produce). */
export const EXTRA_ALIASES: Record<string, readonly string[]> = {
  '27-NQ/TW': ['Nghị quyết Trung ương 7 (khóa X)', 'Nghị quyết Trung ương 7 khóa X'],
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A space in a name matches any run of spaces (including no-break spaces). */
const spaced = (s: string) => escapeRe(s).replace(/ /g, '[\\s\\u00a0]+');

const BEFORE = '(?<![\\p{L}\\p{N}/\\-])';
const AFTER = '(?![\\p{L}\\p{N}]|[\\-/][\\p{L}\\p{N}])';

/** One regular expression per target, matching every way of naming it. */
export function buildMatchers(targets: readonly XrefTarget[]): { id: string; re: RegExp }[] {
  const out: { id: string; re: RegExp }[] = [];
  for (const t of targets) {
    const num = parseDocumentNumber(t.number);
    if (!num) continue;
    const word = KIND_WORDS[num.kindCode];
    const full = spaced(num.text);
    const alts: string[] = [];
    for (const a of EXTRA_ALIASES[num.text] ?? []) alts.push(spaced(a));
    if (word) {
      // "Nghị quyết số 27-NQ/TW", "Nghị quyết 27-NQ/TW", "Nghị quyết số 27", "Nghị quyết 27".
      alts.push(`${spaced(word)}[\\s\\u00a0]+(?:số[\\s\\u00a0]+)?(?:${full}|${num.serial})`);
    }
    alts.push(full);
    out.push({ id: t.id, re: new RegExp(`${BEFORE}(?:${alts.join('|')})${AFTER}`, 'giu') });
  }
  return out;
}

/** Every non-overlapping mention in `text`, leftmost-longest, in order. */
export function findReferences(text: string, matchers: readonly { id: string; re: RegExp }[]): XrefMatch[] {
  const found: XrefMatch[] = [];
  for (const m of matchers) {
    m.re.lastIndex = 0;
    for (const hit of text.matchAll(m.re)) {
      found.push({ start: hit.index, end: hit.index + hit[0].length, id: m.id, text: hit[0] });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: XrefMatch[] = [];
  let last = -1;
  for (const f of found) {
    if (f.start >= last) {
      out.push(f);
      last = f.end;
    }
  }
  return out;
}
