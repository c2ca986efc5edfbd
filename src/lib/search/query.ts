/**
 * Reading what the user typed: the `?q=` parameter, the search words, quoted phrases and
 * document numbers ("83-KH/TU", "27-NQ/TW", "kl 52", "nghị quyết 27").
 */
import { canonical, fold, stripWordPunctuation } from './normalize.ts';
import { FUNCTION_WORDS, editDistance } from './understand.ts';

/** Longest query we look at; the rest is cut (a 500-character paste must not stall a phone). */
export const MAX_QUERY_LENGTH = 200;
/** Most content words searched; more only slow the search down without making it better. */
export const MAX_TERMS = 8;
/** Most words searched, function words included (see {@link mostTelling}). */
export const MAX_WORDS = 12;

/** A document named by its number, possibly partly ("kl 52" has no issuer). */
export interface DocRef {
  /** The serial, e.g. 52. */
  serial: number;
  /** Kind code as used in document numbers, upper case: "NQ", "KL", "KH", "QĐ"… */
  kindCode?: string;
  /** Issuer code, upper case: "TW", "TU"… */
  issuerCode?: string;
}

/** A parsed query. */
export interface ParsedQuery {
  /** The query as it can be shown back: NFC, single spaces, at most MAX_QUERY_LENGTH characters. */
  text: string;
  /** Search words: canonical form, punctuation removed, no duplicates, as many as {@link mostTelling} keeps. */
  terms: string[];
  /** True when the whole query was wrapped in quotes: the words must stand together. */
  quoted: boolean;
  /** The document the query names by number, if any. */
  docRef: DocRef | null;
  /** The kind code of the document wanted when it is named as carrying out `docRef` ({@link implementerKind}). */
  implementer: string | null;
  /**
   * True when the query is nothing but that reference ("kl52", "Kết luận 52-KL/TW", "83 KH TU"):
   * the document itself is the answer. False when other words ask for something about it
   * ("bài kiểm tra kế hoạch 83", "kế hoạch 83 người đứng đầu").
   */
  referenceOnly: boolean;
}

/**
 * Reads `q` from a URL query string without ever throwing: broken percent-encoding ("%E0%A4%A")
 * becomes replacement characters, which are then dropped.
 * @example readQueryParam('?q=d%C4%91ang') // "dđang"
 */
export function readQueryParam(search: string, name = 'q'): string {
  let value: string | null = null;
  try {
    value = new URLSearchParams(search).get(name);
  } catch {
    value = null;
  }
  return cleanText(value ?? '');
}

/** NFC, no control or replacement characters, single spaces, trimmed, cut to MAX_QUERY_LENGTH. */
export function cleanText(input: string): string {
  return input
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\uFFFD]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
}

// Kind words as typed, folded (no diacritics, đ → d), mapped to the code used in document numbers.
const KIND_WORDS: Record<string, string> = {
  nq: 'NQ',
  'nghi quyet': 'NQ',
  kl: 'KL',
  'ket luan': 'KL',
  kh: 'KH',
  'ke hoach': 'KH',
  ct: 'CT',
  'chi thi': 'CT',
  qd: 'QĐ',
  'quyet dinh': 'QĐ',
  hd: 'HD',
  'huong dan': 'HD',
  tb: 'TB',
  'thong bao': 'TB',
  bc: 'BC',
  'bao cao': 'BC',
  ctr: 'CTr',
  'chuong trinh': 'CTr',
};
const KIND_ALT = Object.keys(KIND_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(' ', '\\s+'))
  .join('|');
// "83-KH/TU", "83 kh tu", "27-nq", "2711/qd-ttg"
const NUMBER_FIRST = new RegExp(`(?:^|\\s)(\\d{1,5})\\s*[-/\\s]\\s*(${KIND_ALT})(?:\\s*[-/\\s]\\s*([a-z]{1,4}))?(?=$|[\\s.,;:)])`);
const NUMBER_FIRST_ALL = new RegExp(NUMBER_FIRST.source, 'g');
// "kl 52", "nghị quyết số 27", "nq27", "kl-52", "nq.27"; not a year ("nghị quyết 2008" is a
// resolution of 2008, read by the year rule, not resolution number 2008).
const KIND_FIRST = new RegExp(`(?:^|\\s)(${KIND_ALT})\\s*[-.]?\\s*(?:so\\s*)?(?!(?:19[4-9]|20\\d)\\d(?:$|[\\s.,;:)]))(\\d{1,5})(?=$|[\\s.,;:)/-])`);

/** Where the reference stands in the folded, space-padded query. */
function locateDocRef(f: string): { ref: DocRef; at: number; length: number } | null {
  const b = KIND_FIRST.exec(f);
  // A number only a space away from a kind word, with no issuer, is weak evidence of a reference: a
  // year before it is when the text was issued ("năm 2008 nghị quyết về trí thức"), and a number
  // before a kind word that a number follows is another word's ("điểm 1 kl 90" is point 1 of KL 90).
  const weak = (m: RegExpExecArray) =>
    !/^\s*\d+\s*[-/]/.test(m[0]) && (/^(?:19[4-9]|20\d)\d$/.test(m[1]!) || (!m[3] && !!b && b.index > m.index && b.index < m.index + m[0].length));
  const a = [...f.matchAll(NUMBER_FIRST_ALL)].find((m) => !weak(m)) ?? null;
  // "kl 90 nghi quyet 27": the first reference typed is meant, not "90 nghi quyet". When both readings
  // share the kind ("kế hoạch số 83-KH/TU"), the number-first one says more (the issuer).
  const kindFirstWins = !!a && !!b && b.index < a.index && KIND_WORDS[b[1]!.replace(/\s+/g, ' ')] !== KIND_WORDS[a[2]!.replace(/\s+/g, ' ')];
  if (a && !kindFirstWins) {
    const ref: DocRef = { serial: Number(a[1]), kindCode: KIND_WORDS[a[2]!.replace(/\s+/g, ' ')]! };
    if (a[3]) ref.issuerCode = a[3].toUpperCase();
    return { ref, at: a.index, length: a[0].length };
  }
  if (b) return { ref: { serial: Number(b[2]), kindCode: KIND_WORDS[b[1]!.replace(/\s+/g, ' ')]! }, at: b.index, length: b[0].length };
  return null;
}

/** Two-word kind names ("nghi quyet"), for reading a slip in one ("ngi quyet 45", "ket luan" typed "ket lun"). */
const KIND_PHRASES = Object.keys(KIND_WORDS).filter((k) => k.includes(' '));

/**
 * Two words before a number that are one slip away from a kind name ("ngi quyet 45", "nghi quyt 27",
 * "ke hoac 83") are read as that name: a number after them says a document is meant, and nobody types
 * "ngi quyet" for anything else. One edit over the pair, the pair being at least 7 letters long.
 */
function mendKindWords(f: string): string {
  return f.replace(/(?<=\s)([a-z]+) ([a-z]+)(?= (?:so )?\d)/g, (pair) => {
    if (KIND_WORDS[pair] || pair.length < 7) return pair;
    return KIND_PHRASES.find((k) => editDistance(pair, k) === 1) ?? pair;
  });
}

const foldForRef = (query: string): string => mendKindWords(` ${fold(query)} `.replace(/[–—‐]/g, '-').toLowerCase());

const KIND_WORD = new RegExp(`(?<=\\s)(${KIND_ALT})(?=\\s)`, 'g');

/**
 * The kinds of document a query names by word, as number codes ("BCT kết luận trí thức 2014" → ["KL"]):
 * with a year and no number, they tell which of that year's documents is meant.
 */
export function kindsNamed(query: string): string[] {
  const f = foldForRef(query).toLowerCase();
  return [...new Set([...f.matchAll(KIND_WORD)].map((m) => KIND_WORDS[m[1]!.replace(/\s+/g, ' ')]!))];
}
/**
 * True for a word that alone names a kind of document ("KL", "nq", "CTr"): an abbreviation the texts
 * write only inside numbers ("52-KL/TW"), so it may be found nowhere on its own and is still no slip.
 * @example isKindWord('KL') // true
 */
export function isKindWord(word: string): boolean {
  const w = fold(word).toLowerCase();
  return !w.includes(' ') && Object.hasOwn(KIND_WORDS, w);
}
/**
 * A folded text without the words that name a kind of document ("nghi quyet", "kl"): what is left
 * says which one.
 * @example withoutKindWords(' nghi quyet bch tw khoa x ') // "   bch tw khoa x "
 */
export function withoutKindWords(folded: string): string {
  return ` ${folded} `.replace(KIND_WORD, ' ');
}
// What may stand around a reference without asking for anything else: kind words ("Kết luận" before
// "52-KL/TW"), "số", and punctuation.
const FILLER = new RegExp(`(?:^|\\s)(?:${KIND_ALT}|so|van ban)(?=\\s|$)`, 'g');

/**
 * Finds a document number in a query.
 * @example findDocRef('kl 52') // { serial: 52, kindCode: 'KL' }
 * @example findDocRef('Kế hoạch số 83-KH/TU') // { serial: 83, kindCode: 'KH', issuerCode: 'TU' }
 */
export function findDocRef(query: string): DocRef | null {
  return locateDocRef(foldForRef(query))?.ref ?? null;
}

const INTRODUCER = new RegExp(`(?:\\s(?:van ban|so|${KIND_ALT}))+\\s*$`);

/**
 * The words of every document reference in a query, folded ("kl52"; "nghi", "quyet", "45"; "83khtu"
 * and its parts): they name a document, not what the query asks about it.
 * @example referenceWords('điểm mới nghị quyết 45 so với kl52') // Set { "nghi", "quyet", "45", "kl52" }
 */
export function referenceWords(query: string): Set<string> {
  const out = new Set<string>();
  let f = foldForRef(query);
  for (let hit = locateDocRef(f); hit; hit = locateDocRef(f)) {
    // "văn bản kế hoạch 83", "số 83-KH/TU", "kế hoạch 83-KH/TU": words that only introduce the
    // reference belong to it.
    const before = INTRODUCER.exec(f.slice(0, hit.at + 1));
    const from = before ? before.index : hit.at;
    const span = f.slice(from, hit.at + hit.length);
    for (const chunk of span.split(/\s+/)) {
      const compact = chunk.replace(/[^a-z0-9]/g, '');
      if (compact) out.add(compact);
      for (const w of chunk.split(/[^a-z0-9]+/)) if (w) out.add(w);
    }
    f = f.slice(0, hit.at) + ' '.repeat(hit.length) + f.slice(hit.at + hit.length);
  }
  return out;
}

/**
 * Every document reference in a text, in the order found (the first one typed first).
 * @example docRefsIn('điểm mới của NQ45 so với KL52') // [{ serial: 45, kindCode: 'NQ' }, { serial: 52, kindCode: 'KL' }]
 */
export function docRefsIn(text: string): DocRef[] {
  const out: DocRef[] = [];
  let f = foldForRef(text);
  for (let hit = locateDocRef(f); hit; hit = locateDocRef(f)) {
    if (!out.some((r) => r.serial === hit!.ref.serial && r.kindCode === hit!.ref.kindCode)) out.push(hit.ref);
    f = f.slice(0, hit.at) + ' '.repeat(hit.length) + f.slice(hit.at + hit.length);
  }
  return out;
}

/**
 * True when the query names a document and says nothing else.
 * @example isReferenceOnly('Kết luận 52-KL/TW') // true
 * @example isReferenceOnly('bài kiểm tra kế hoạch 83') // false
 */
export function isReferenceOnly(query: string): boolean {
  const f = foldForRef(query);
  const hit = locateDocRef(f);
  if (!hit) return false;
  const rest = (f.slice(0, hit.at) + ' ' + f.slice(hit.at + hit.length)).replace(/[^a-z0-9]+/g, ' ');
  return rest.replace(FILLER, ' ').trim() === '';
}

/**
 * The kind of document a query asks for when it names one kind by word before a document of another
 * kind named by number: "kế hoạch triển khai kết luận 52" asks for the plan that carries out KL 52
 * (Vietnamese puts the head of a phrase first), not for KL 52. Null when the first kind word is the
 * reference's own or stands after it ("kết luận 52 kế hoạch" names KL 52 and says more).
 * @example implementerKind('ke hoach trien khai kl52') // "KH"
 * @example implementerKind('kết luận 52 ban bí thư') // null
 * @example implementerKind('đơn vị tự quyết định gì khi thực hiện nq 45') // null
 */
export function implementerKind(query: string): string | null {
  const f = foldForRef(query);
  const hit = locateDocRef(f);
  if (!hit?.ref.kindCode) return null;
  const first = new RegExp(KIND_WORD.source).exec(f.slice(0, hit.at + 1));
  // The kind word heads the query: after other words it is one of them ("đơn vị tự quyết định … khi
  // thực hiện nghị quyết 45" asks what units decide, not for a decision).
  if (!first || f.slice(0, first.index).split(/[^a-z0-9]+/).some((w) => w && !FUNCTION_WORDS.has(w))) return null;
  const code = KIND_WORDS[first[1]!.replace(/\s+/g, ' ')];
  return code && code !== hit.ref.kindCode ? code : null;
}

/** The kind code of a document number, folded ("83-KH/TU" → "kh", "2711/QĐ-TTg" → "qd"). */
export function kindOfNumber(documentNumber: string): string | null {
  const m = /^\d{1,5}[-/]([\p{L}]{1,5})[-/]/u.exec(documentNumber.normalize('NFC').replace(/\s+/g, ''));
  return m ? fold(m[1]!) : null;
}

/**
 * True when a document number ("52-KL/TW") is the one a reference points at.
 * Compares folded, so "QD" matches "QĐ".
 */
export function docRefMatches(ref: DocRef, documentNumber: string): boolean {
  const m = /^(\d{1,5})[-/]([\p{L}]{1,5})[-/]([\p{L}]{1,10})$/u.exec(documentNumber.normalize('NFC').replace(/\s+/g, ''));
  if (!m || Number(m[1]) !== ref.serial) return false;
  // Party style puts the kind second ("83-KH/TU"), State style puts it second too ("2711/QĐ-TTg").
  if (ref.kindCode && fold(m[2]!) !== fold(ref.kindCode)) return false;
  if (ref.issuerCode && fold(m[3]!) !== fold(ref.issuerCode)) return false;
  return true;
}

/**
 * A query's distinct words, in their order, up to {@link MAX_TERMS} content words. Function words
 * ("cho tôi hỏi", "của", "và") do not count against that limit, only against {@link MAX_WORDS}:
 * the first eight words of a long question are often nearly all of them, and would leave out what
 * it asks about, while in a short one they join the words of a title ("Nghị quyết 27 và chuỗi văn
 * bản") and are kept (round 18).
 * @example mostTelling(['cho', 'toi', 'hoi', 'ke', 'hoach', 'cua', 'tinh', 'uy', 'dien', 'bien', 'ban', 'tuyen']) // the first 11: "tuyen" is the ninth content word
 */
export function mostTelling(words: readonly string[]): string[] {
  const out: string[] = [];
  let content = 0;
  for (const w of words) {
    const functional = FUNCTION_WORDS.has(fold(w));
    if (!functional && content === MAX_TERMS) break;
    out.push(w);
    if (!functional) content++;
    if (out.length === MAX_WORDS) break;
  }
  return out;
}

/**
 * Every distinct word of a cleaned query, in its order: canonical form, punctuation removed the way
 * Pagefind removes it. The words searched are {@link mostTelling} of them.
 */
export function queryWords(text: string): string[] {
  const words: string[] = [];
  for (const chunk of text.split(' ')) {
    const word = stripWordPunctuation(canonical(chunk));
    if (word && !words.includes(word)) words.push(word);
  }
  return words;
}

/**
 * Parses a raw query into search words, a quoted flag and a document reference.
 * Words are split on white space and stripped of punctuation the way Pagefind does,
 * so "83-KH/TU" stays one word ("83khtu") as it is in the index.
 */
export function parseQuery(raw: string): ParsedQuery {
  const text = cleanText(raw);
  const quoted = /^["“”„«»].*\S.*["“”„«»]$/u.test(text) && text.length > 2;
  return { text, terms: mostTelling(queryWords(text)), quoted, docRef: findDocRef(text), implementer: implementerKind(text), referenceOnly: isReferenceOnly(text) };
}
