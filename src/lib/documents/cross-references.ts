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
const normSpace = (s: string) => s.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').toLocaleLowerCase('vi');

const BEFORE = '(?<![\\p{L}\\p{N}/\\-])';
const AFTER = '(?![\\p{L}\\p{N}]|[\\-/][\\p{L}\\p{N}])';
const NUMBER = '\\d{1,5}-[\\p{Lu}Đ]{1,5}\\/[\\p{L}]{1,10}';

/**
 * Everything needed to find mentions of a set of documents: ONE regular expression for every way of
 * naming any document (aliases, "kind word [số] serial[-number]", a bare number), and maps from what
 * it captures to the document id. Built once per build, so the cost per text is one regex scan,
 * whatever the number of documents (the old per-document regexes made builds quadratic).
 */
export interface XrefMatcher {
  re: RegExp;
  byNumber: Map<string, string>;
  byKindSerial: Map<string, string>;
  byAlias: Map<string, string>;
  wordToCode: Map<string, string>;
}

/** Builds the matcher for these targets (the first target wins when two share a kind and serial). */
export function buildMatchers(targets: readonly XrefTarget[]): XrefMatcher {
  const byNumber = new Map<string, string>();
  const byKindSerial = new Map<string, string>();
  const byAlias = new Map<string, string>();
  for (const t of targets) {
    const num = parseDocumentNumber(t.number);
    if (!num) continue;
    if (!byNumber.has(num.text)) byNumber.set(num.text, t.id);
    const key = `${num.kindCode} ${num.serial}`;
    if (!byKindSerial.has(key)) byKindSerial.set(key, t.id);
    for (const a of EXTRA_ALIASES[num.text] ?? []) if (!byAlias.has(normSpace(a))) byAlias.set(normSpace(a), t.id);
  }
  const wordToCode = new Map(Object.entries(KIND_WORDS).map(([code, word]) => [normSpace(word), code]));
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length).map(spaced);
  const words = Object.values(KIND_WORDS).map(spaced).join('|');
  const alts = [
    ...(aliases.length ? [`(?<alias>${aliases.join('|')})`] : []),
    `(?<word>${words})[\\s\\u00a0]+(?:số[\\s\\u00a0]+)?(?:(?<wnum>${NUMBER})|(?<serial>\\d{1,5}))`,
    `(?<num>${NUMBER})`,
  ];
  return { re: new RegExp(`${BEFORE}(?:${alts.join('|')})${AFTER}`, 'giu'), byNumber, byKindSerial, byAlias, wordToCode };
}

/** Every non-overlapping mention in `text` of a known document, leftmost-longest, in order. */
export function findReferences(text: string, matcher: XrefMatcher): XrefMatch[] {
  const out: XrefMatch[] = [];
  if (matcher.byNumber.size === 0) return out;
  matcher.re.lastIndex = 0;
  for (const hit of text.matchAll(matcher.re)) {
    const g = hit.groups ?? {};
    let id: string | undefined;
    if (g.alias) id = matcher.byAlias.get(normSpace(g.alias));
    else if (g.wnum) {
      const num = parseDocumentNumber(g.wnum);
      const code = matcher.wordToCode.get(normSpace(g.word!));
      // The kind word must agree with the number ("Nghị quyết số 52-KL/TW" is not a mention).
      if (num && code === num.kindCode) id = matcher.byNumber.get(num.text);
    } else if (g.serial) id = matcher.byKindSerial.get(`${matcher.wordToCode.get(normSpace(g.word!))} ${Number(g.serial)}`);
    else if (g.num) id = matcher.byNumber.get(parseDocumentNumber(g.num)?.text ?? '');
    if (id) out.push({ start: hit.index, end: hit.index + hit[0].length, id, text: hit[0] });
  }
  return out;
}
