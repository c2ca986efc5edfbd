/**
 * Relevance over one page's text. Pagefind gives us a page and its text split into words (its
 * "fragment": content, anchors with word locations, meta); this module decides which words match
 * the query, where the query's words stand together as a phrase, and which provision (sub-result)
 * of the page answers best. It never touches the DOM.
 *
 * Word positions are those of Pagefind (the content split on white space), so they agree with the
 * anchor locations Pagefind records for each heading.
 */
import { canonical, fold, pagefindFold, hasDiacritics, stripWordPunctuation } from './normalize.ts';
import { bestWindow, highlightWords } from './excerpt.ts';
import { synonymAlternates } from './synonyms.ts';

/** An element with an id that Pagefind saw in the indexed body, at a word location. */
export interface FragmentAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

/** The part of a Pagefind fragment we use. */
export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  anchors: FragmentAnchor[];
  filters?: Record<string, string[]>;
}

/** A query word in the forms we compare with. */
export interface TermInfo {
  /** Canonical (NFC, lower case, new-style tones). */
  canon: string;
  /** Fully folded (no marks, đ → d). */
  full: string;
  /** Folded like Pagefind (no marks, đ kept). */
  pf: string;
  /** Typed with diacritics: then "đ" must match "đ" and exact matches rank higher. */
  accented: boolean;
  /**
   * The texts' words for an everyday phrase this word is part of ("tầm nhìn" for "tương" of "tương
   * lai"), folded, and which of them stands for this word (null: the phrase as a whole does).
   */
  synonym?: { words: readonly string[]; at: number | null };
}

/** Prepares query words for matching, with the texts' words for the everyday ones among them. */
export function termInfos(terms: readonly string[]): TermInfo[] {
  const synonyms = synonymAlternates(terms);
  return terms.map((t, i) => {
    const canon = canonical(t);
    const synonym = synonyms[i];
    return { canon, full: fold(canon), pf: pagefindFold(canon), accented: hasDiacritics(canon), ...(synonym ? { synonym } : {}) };
  });
}

/**
 * What a word of the texts that stands for an everyday query word counts: less than the word
 * itself, since the synonym is ours, not the reader's.
 */
const SYNONYM_MATCH = 0.7;

/**
 * The match strengths by position with the texts' words for the query's everyday phrases counted
 * where they stand together, whole ("tầm nhìn", not "tầm" of "tầm quan trọng" nor "nhìn" alone):
 * each of its words matches the key's word it stands for, or every word of the key. Rows are
 * shared between positions (see analysePage): a changed one is copied.
 */
function withSynonyms(forms: readonly WordForms[], terms: readonly TermInfo[], strengths: number[][]): number[][] {
  if (!terms.some((t) => t.synonym)) return strengths;
  const out = strengths.slice();
  const raise = (i: number, j: number) => {
    if (out[i]![j]! >= SYNONYM_MATCH) return;
    if (out[i] === strengths[i]) out[i] = strengths[i]!.slice();
    out[i]![j] = SYNONYM_MATCH;
  };
  // The words of a key share one value ("tương", "lai" → "tầm nhìn"): each value is looked for once.
  const values = new Map<readonly string[], { j: number; at: number | null }[]>();
  terms.forEach((t, j) => {
    if (!t.synonym) return;
    const uses = values.get(t.synonym.words) ?? [];
    uses.push({ j, at: t.synonym.at });
    values.set(t.synonym.words, uses);
  });
  for (let i = 0; i < forms.length; i++) {
    for (const [words, uses] of values) {
      if (i + words.length > forms.length || !words.every((w, k) => forms[i + k]!.full === w)) continue;
      for (const { j, at } of uses) {
        if (at === null) for (let k = 0; k < words.length; k++) raise(i + k, j);
        else raise(i + at, j);
      }
    }
  }
  return out;
}

/** One content word in the forms we compare with. */
interface WordForms {
  canon: string;
  full: string;
  pf: string;
}

// Word forms by word as written. A page repeats its words and pages share most of them (a few
// thousand distinct words over the whole site), so each is normalised once per session, not once
// per occurrence per fragment.
const formsByWord = new Map<string, WordForms>();
const MAX_CACHED_WORDS = 50_000;

function wordForms(word: string): WordForms {
  let f = formsByWord.get(word);
  if (!f) {
    const canon = stripWordPunctuation(canonical(word));
    f = { canon, full: fold(canon), pf: pagefindFold(canon) };
    if (formsByWord.size >= MAX_CACHED_WORDS) formsByWord.clear();
    formsByWord.set(word, f);
  }
  return f;
}

/**
 * How strongly a content word matches a query word: 0 for no match. Like Pagefind, a query word
 * matches the start of a word ("tri" → "triển"), but such prefix matches count little, since
 * Vietnamese syllables are short and prefixes are mostly noise.
 */
export function matchStrength(word: WordForms, term: TermInfo): number {
  if (!term.full || !word.full.startsWith(term.full)) return 0;
  if (term.accented && !word.pf.startsWith(term.pf)) return 0;
  const whole = word.full.length === term.full.length;
  let s = whole ? 1 : 0.3;
  if (term.accented) s *= word.canon === term.canon ? 1.25 : 0.8;
  return s;
}

/** A provision or other addressable part of a page. */
export interface Section {
  /** Anchor id, or null for the top of the page (before the first anchor). */
  id: string | null;
  /** Heading text as written (or the page title for the top). */
  heading: string;
  /** First word location of the section. */
  start: number;
  /** Location after the last word. */
  end: number;
  /** Location after the heading's own words. */
  headingEnd: number;
  /** A labelled non-heading part (recipients list, signature, header block), not a provision. */
  landmark: boolean;
}

/** A section with its relevance to a query. */
export interface ScoredSection extends Section {
  score: number;
  /** Distinct query words found in the section, 0…1. */
  coverage: number;
  /** Number of times all query words stand together, in order. */
  phrases: number;
  /** HTML excerpt: escaped words, matches in `<mark>` (built when first read). */
  excerptHtml: string;
  /** HTML of the heading with matches in `<mark>` (built when first read). */
  headingHtml: string;
  /** The heading split into words, and which of them matched (for titles built from part of it). */
  headingWords: string[];
  headingMarked: number[];
  /** Evidence for each query word (matches, heading matches weighing more), in query order. */
  perTerm: readonly number[];
}

/** Result of analysing a page against a query. */
export interface PageAnalysis {
  /** Sections that matched, best first; the page top when nothing did. */
  sections: ScoredSection[];
  /** Distinct query words found anywhere on the page, 0…1. */
  coverage: number;
  /** Longest run of query words standing together in order, divided by the number of words (0…1). */
  phraseRatio: number;
  /** Best section score. */
  best: number;
  /** All the query words stand in order somewhere, together or with a few words between (see `near`). */
  inOrder: boolean;
  /** All the query words stand together in one of the page's headings, its title included. */
  phraseInHeading: boolean;
  /**
   * One of those headings is the query: its words make up at least two thirds of the heading. A
   * phrase that is only part of a longer heading ("liên hiệp hội" in "Nhóm thứ tư: các liên hiệp
   * hội, hội trí thức") is not.
   */
  headingIsQuery: boolean;
  /**
   * A section's heading and the words of its hand-written id (see {@link idOnlyWords}) together hold
   * every query word, the id adding at least one: the part is named by the query in its author's words.
   */
  idNamed: boolean;
  /** The top of the page (before the first anchor), scored like the others, matched or not. */
  top: ScoredSection;
  /** Every section in page order, matched or not (a question may ask for one the words miss: the signer). */
  all: ScoredSection[];
}

/** Tunable weights of {@link analysePage}. */
export const WEIGHTS = {
  /** Multiplier for a match inside a heading. */
  heading: 3,
  /** Bonus per query word when the whole phrase stands together in a section. */
  phrase: 2.5,
  /**
   * Share of the phrase bonus when three or more words stand in order but with a few words between
   * them ("tầm nhìn đến năm 2045" for "tam nhin 2045"): half, as the evidence is weaker than the phrase.
   */
  near: 0.5,
  /** Most words that may stand between the query's words for them to count as near. */
  nearSlack: 3,
  /**
   * Evidence of two neighbouring query words standing side by side in a section, against 1 for one
   * word found once. Vietnamese writes a word as syllables and Pagefind indexes syllables, so
   * "trọng dụng" is told from "quan trọng … sử dụng" only by the two standing together.
   */
  pair: 2,
  /**
   * Multiplier for labelled non-heading parts: a word in the recipients list or the header block
   * is weaker evidence than the same word in a provision.
   */
  landmark: 0.5,
  /** Excerpt length in words. */
  excerptWords: 28,
};

/**
 * Labelled parts that are prose of the text, weighed as a provision is, not as a landmark: the
 * opening paragraph (`PREAMBLE_ID` of `official-text/to-mdx.ts`) says who makes the text and why
 * ("Ban Thường vụ Tỉnh ủy xây dựng kế hoạch thực hiện như sau"). Its label still names it.
 */
export const PROSE_LANDMARKS: ReadonlySet<string> = new Set(['mo-dau']);

/** Every word of a label is a query word and every query word is in the label ("Nơi nhận" for "noi nhan"). */
function labelIsQuery(label: string, terms: readonly TermInfo[], title: readonly WordForms[] = []): boolean {
  const forms = splitWords(label).map(wordForms);
  // The words that name the page may stand beside the label ("nơi nhận kế hoạch" on the plan's page).
  return (
    forms.length > 0 &&
    forms.every((f) => terms.some((t) => matchStrength(f, t) > 0)) &&
    terms.every((t) => forms.some((f) => matchStrength(f, t) > 0) || title.some((f) => matchStrength(f, t) >= 1))
  );
}

/** Parts of an id that only number a provision ("phan-ii-muc-3"): the provision reader answers those. */
const NUMBERING_PART = /^(?:phan|muc|diem|khoan|dieu|chuong|[ivx]+|\d+)$/;

/**
 * The words of a section's id that its heading does not say. An id written by hand is the author's
 * short name for the part ("dinh-nghia-tri-thuc" for "Trí thức là ai (tóm lược)", "nguon-goc-tri-thuc"
 * for "Trí thức Việt Nam từ đâu mà có"), often in the words people search with; an id made from the
 * heading adds nothing, and one that only numbers a provision is left to the provision reader.
 */
function idOnlyWords(id: string | null, heading: string): WordForms[] {
  if (!id) return [];
  const key = `${id}\n${heading}`;
  let words = idWords.get(key);
  if (!words) {
    const parts = id.split('-').filter(Boolean);
    // "52-KL/TW" in a heading says "52", "kl" and "tw".
    const said = new Set(heading.split(/[^\p{L}\p{M}\p{N}]+/u).map((w) => wordForms(w).full));
    words = parts.every((p) => NUMBERING_PART.test(p)) ? [] : parts.filter((p) => !said.has(p)).map(wordForms);
    // Every section of every page analysed asks again on each search: a site has a few thousand sections.
    if (idWords.size >= ID_WORDS_MAX) idWords.clear();
    idWords.set(key, words);
  }
  return words;
}
const idWords = new Map<string, WordForms[]>();
const ID_WORDS_MAX = 20_000;

/** How strongly an id's word matches a query word: ids carry no diacritics, so an accented query word matches its folded form, as a near match. */
function idMatch(word: WordForms, term: TermInfo): number {
  // Whole words only: an id's words are few and chosen, and a prefix ("tri" in "trien-khai") names nothing.
  if (word.full !== term.full) return 0;
  return term.accented ? matchStrength(word, { ...term, accented: false }) * 0.8 : matchStrength(word, term);
}

/** {@link idOnlyWords} as text, to be read like a heading ("han" for the h3 "Năm 2020" at `#han-nam-2020`). */
export function idOnlyText(id: string | null, heading: string): string {
  return idOnlyWords(id, heading)
    .map((f) => f.canon)
    .join(' ');
}

/** Splits Pagefind content into words exactly as Pagefind does when it counts locations. */
export function splitWords(content: string): string[] {
  return content.split(/[^\S\uFEFF]+/);
}

/**
 * The addressable parts of a page: every heading with an id, plus ids listed in `labels`
 * (non-heading landmarks of official documents such as "noi-nhan").
 */
export function sectionsOf(fragment: Fragment, wordCount: number, labels: Readonly<Record<string, string>> = {}): Section[] {
  const anchors = fragment.anchors
    .filter((a) => a.id && ((/^h[1-6]$/i.test(a.element) && a.text?.trim()) || labels[a.id]))
    .sort((a, b) => a.location - b.location);
  const title = fragment.meta.title ?? '';
  const sections: Section[] = [];
  const firstStart = anchors[0]?.location ?? wordCount;
  const titleLen = title ? splitWords(title.trim()).length : 0;
  sections.push({ id: null, heading: title, start: 0, end: firstStart, headingEnd: Math.min(titleLen, firstStart), landmark: false });
  anchors.forEach((a, i) => {
    const end = anchors[i + 1]?.location ?? wordCount;
    if (end <= a.location && i + 1 < anchors.length) return; // empty wrapper with the same location
    const raw = a.text?.trim() ?? '';
    // A permalink "#" glued to the heading is not part of its title.
    const heading = raw.replace(/\s*[#¶§]+$/u, '') || labels[a.id] || '';
    const isHeading = /^h[1-6]$/i.test(a.element);
    const headLen = isHeading && raw ? splitWords(raw).length : 0;
    sections.push({ id: a.id, heading, start: a.location, end, headingEnd: Math.min(a.location + headLen, end), landmark: !isHeading });
  });
  return sections.filter((s) => s.end > s.start || s.id === null);
}

/**
 * The other names people give a landmark of an official text, besides its label: the parts of a
 * Party document as its layout rules name them (Hướng dẫn 36-HD/VPTW: the "trích yếu" under the
 * type name, the signature block, the "nơi nhận") in everyday words ("tiêu đề", "chữ ký", "nơi
 * gửi"). Each is named whole, like the label (round 18).
 */
export const LANDMARK_NAMES: Readonly<Record<string, readonly string[]>> = {
  'tieu-de': ['trích yếu', 'tiêu đề'],
  'mo-dau': ['phần mở đầu', 'lời mở đầu'],
  'nguoi-ky': ['chữ ký', 'ký tên'],
  'noi-nhan': ['nơi gửi'],
};

const landmarkNames = (id: string, label: string): WordForms[][] => [label, ...(LANDMARK_NAMES[id] ?? [])].map((name) => splitWords(name).map(wordForms));

const formsCache = new WeakMap<Fragment, { words: string[]; forms: WordForms[] }>();

function analysedWords(fragment: Fragment): { words: string[]; forms: WordForms[] } {
  let hit = formsCache.get(fragment);
  if (!hit) {
    const words = splitWords(fragment.content);
    hit = { words, forms: words.map(wordForms) };
    formsCache.set(fragment, hit);
  }
  return hit;
}

/**
 * Which query words stand in a line (by index into `terms`) and which of the line's words matched
 * one (by position): for choosing a purpose page's part by its heading.
 */
export function lineMatches(line: string, terms: readonly TermInfo[]): { terms: Set<number>; words: number[] } {
  const found = new Set<number>();
  const words: number[] = [];
  splitWords(line).forEach((w, i) => {
    const f = wordForms(w);
    let hit = false;
    terms.forEach((t, j) => {
      if (matchStrength(f, t) > 0) {
        found.add(j);
        hit = true;
      }
    });
    if (hit) words.push(i);
  });
  return { terms: found, words };
}

/**
 * How much of a title line the query is: when all query words stand together, in order, in `line`,
 * the share of the line's words they make up (0…1); otherwise 0. "dòng thời gian" is 3 of the 6 words
 * of "Dòng thời gian các văn bản"; "Điện Biên" only 2 of 9 in "Kiểm tra: Phân công thực hiện ở Điện Biên".
 */
export function lineShare(line: string, terms: readonly TermInfo[]): number {
  const n = terms.length;
  const words = splitWords(line.trim()).filter(Boolean);
  if (!n || words.length < n) return 0;
  const forms = words.map(wordForms);
  for (let i = 0; i + n <= forms.length; i++) {
    if (terms.every((t, k) => matchStrength(forms[i + k]!, t) > 0)) return n / words.length;
  }
  return 0;
}

/** Least share of the query's subject words a heading must hold to be named by them (see {@link headingNamedBy}). */
export const HEADING_SUBJECT_MIN = 0.5;

/**
 * The section whose heading the query names in its own words, and how much of what the query asks
 * about that heading holds (0…1). A heading is named when two or more of its content words (not
 * `isFunctionWord`, nothing in brackets: "(tóm lược)") stand in the query together and in the same
 * order, making up all of them (three words or fewer: "trí thức" does not name "Trí thức là ai") or
 * two thirds or more (a longer heading), and it holds at least {@link HEADING_SUBJECT_MIN} of
 * the `subject` words (the query without the words that name a document or a session): "điều mới
 * của nghị quyết 45" names "Điều mới"; "chuẩn bị gì trước buổi học chuyên đề 1" names "Chuẩn bị";
 * "kết luận sau 10 năm" does not name "Sau 10 năm: Kết luận 52-KL/TW" (three of its six words).
 * The page title counts as a heading (its section links to the top). Words that name a document
 * (`naming`: "kế hoạch 83") are left out of both sides, so the reference in a heading ("Điện Biên
 * triển khai Kết luận") does not make "kế hoạch triển khai kết luận 52" name it; a provision's
 * number ("1. Mục đích") is left out too. `subject` is in the query's order. Of several, the one
 * holding the most subject words, then the longest run. Null when none is named. With `sides`, each
 * side of a colon in a heading is named as a heading of its own ({@link headingParts}).
 */
export function headingNamedBy(
  sections: readonly ScoredSection[],
  subject: readonly TermInfo[],
  naming: readonly TermInfo[],
  isFunctionWord: (folded: string) => boolean,
  sides = false,
): { section: ScoredSection; share: number } | null {
  if (subject.length < 2) return null;
  let pick: { section: ScoredSection; share: number; run: number } | null = null;
  for (const sec of sections) {
    if (sec.landmark || !sec.headingWords.length) continue;
    for (const words of sides ? headingParts(sec.headingWords) : [sec.headingWords]) {
      const content = headingContent(words, isFunctionWord).filter((f) => !naming.some((t) => matchStrength(f, t) > 0));
      const run = longestRun(content, subject);
      // A short heading is named only whole: "trí thức" does not name "Trí thức là ai".
      if (run < 2 || (content.length <= 3 ? run < content.length : run * 3 < content.length * 2)) continue;
      const share = subject.filter((t) => content.some((f) => matchStrength(f, t) > 0)).length / subject.length;
      if (share < HEADING_SUBJECT_MIN) continue;
      if (!pick || share > pick.share || (share === pick.share && run > pick.run)) pick = { section: sec, share, run };
    }
  }
  return pick && { section: pick.section, share: pick.share };
}

/**
 * A heading whole, and each side of a colon in it: "Điện Biên triển khai: bốn nhóm chủ thể" is named
 * by "bốn nhóm chủ thể" as its own heading would be. Only on a page the query already names (a
 * session): across pages, a side is too short a name to lift a study page over the text it retells.
 */
function headingParts(words: readonly string[]): (readonly string[])[] {
  const parts: string[][] = [[]];
  for (const w of words) {
    parts[parts.length - 1]!.push(w);
    if (w.endsWith(':')) parts.push([]);
  }
  const sides = parts.filter((p) => p.length > 0);
  return sides.length > 1 ? [words, ...sides] : [words];
}

/** A heading's leading number: "1.", "II.", "a)". */
const ENUMERATOR = /^(?:\d+|[IVXLC]+|\p{Ll})[.)]$/u;

/** A heading's content words, as forms: function words and words in brackets left out. */
function headingContent(words: readonly string[], isFunctionWord: (folded: string) => boolean): WordForms[] {
  const out: WordForms[] = [];
  let depth = 0;
  for (const w of words) {
    const inBrackets = depth > 0 || w.startsWith('(');
    depth = Math.max(0, depth + (w.match(/\(/g)?.length ?? 0) - (w.match(/\)/g)?.length ?? 0));
    const bare = stripWordPunctuation(w);
    // A provision's number ("1.", "II.", "a)") is not part of what its heading says.
    if (out.length === 0 && ENUMERATOR.test(w)) continue;
    if (!inBrackets && bare && !isFunctionWord(fold(bare))) out.push(wordForms(w));
  }
  return out;
}

/** The longest run of words that stand together, in the same order, in both a heading and the query. */
function longestRun(heading: readonly WordForms[], query: readonly TermInfo[]): number {
  let best = 0;
  for (let i = 0; i < heading.length; i++)
    for (let j = 0; j < query.length; j++) {
      let k = 0;
      while (i + k < heading.length && j + k < query.length && matchStrength(heading[i + k]!, query[j + k]!) > 0) k++;
      best = Math.max(best, k);
    }
  return best;
}

const saturate = (x: number): number => (x * 2.2) / (x + 1.2);

/**
 * What a section's query words say, before phrases: each word's evidence saturates, and the sum is
 * scaled by the share of the words found, squared. With `weights` (a weight per query word, mean 1,
 * see {@link reweigh}) a word counts by its weight in both.
 */
function wordEvidence(perTerm: readonly number[], weights?: readonly number[]): { base: number; coverage: number } {
  const n = perTerm.length;
  if (!n) return { base: 0, coverage: 0 };
  let sum = 0;
  let found = 0;
  let total = 0;
  perTerm.forEach((x, j) => {
    const w = weights?.[j] ?? 1;
    total += w;
    if (x > 0) found += w;
    sum += w * saturate(x);
  });
  const coverage = found / total;
  return { base: sum * coverage * coverage, coverage };
}

/** The sections that matched, best first (ties in page order); the page top when none did. */
function bestFirst(sections: readonly ScoredSection[]): ScoredSection[] {
  const matched = sections.filter((s) => s.score > 0);
  return (matched.length ? matched : sections.slice(0, 1)).sort((a, b) => b.score - a.score || a.start - b.start);
}

/**
 * Query words weighed by how rare they are among the sections of the pages analysed for a query:
 * every candidate holds every word (Pagefind finds only pages that do), so which of its sections
 * answers is told by the words few sections hold ("nước ngoài", "thu hút"), not by the ones most do
 * ("trí thức", "Điện Biên", "các"). An inverse section frequency, ln(1 + S / df), softened by
 * {@link RARITY.power} and scaled to a mean of 1 so scores keep their size; null when it would
 * change nothing (one word, or no section holds any).
 */
export function rarityWeights(analyses: readonly PageAnalysis[], n: number): number[] | null {
  if (n < 2) return null;
  const df = new Array<number>(n).fill(0);
  let sections = 0;
  for (const a of analyses)
    for (const sec of a.all) {
      sections++;
      sec.perTerm.forEach((x, j) => {
        if (x > 0) df[j]!++;
      });
    }
  if (!sections || df.every((d) => d === 0)) return null;
  const raw = df.map((d) => Math.log(1 + sections / Math.max(d, 1)) ** RARITY.power);
  const mean = raw.reduce((a, x) => a + x, 0) / n;
  return raw.map((x) => x / mean);
}

/** How each section analysed scores with other word weights (kept off the section, which is shown). */
const rescorers = new WeakMap<ScoredSection, (weights?: readonly number[]) => { score: number; coverage: number }>();

/** How strongly rarity weighs query words (see {@link rarityWeights}). */
export const RARITY = {
  /** Exponent on the inverse section frequency: 1 is plain IDF; lower softens it. */
  power: 0.5,
};

/**
 * Rescores a page's sections with per-word weights ({@link rarityWeights}), in place: section
 * scores and coverage, the order of the matched sections and the best score. Page-level figures
 * (coverage, phrases, headings) do not depend on weights and are kept.
 */
export function reweigh(a: PageAnalysis, weights: readonly number[]): void {
  for (const sec of a.all) {
    const again = rescorers.get(sec);
    if (again) Object.assign(sec, again(weights));
  }
  a.sections = bestFirst(a.all);
  a.best = a.sections[0]?.score ?? 0;
}

/** Match strengths by word, per query (the same `terms` array is passed for each page of a search). */
const rowsByQuery = new WeakMap<readonly TermInfo[], Map<WordForms, number[]>>();

/**
 * Scores every section of a page for the query words and builds excerpts.
 * Sections are sorted best first; ties keep page order.
 */
export function analysePage(
  fragment: Fragment,
  terms: readonly TermInfo[],
  labels: Readonly<Record<string, string>> = {},
): PageAnalysis {
  const { words, forms } = analysedWords(fragment);
  const n = terms.length;
  // match[i][j]: strength of word i for term j, computed once per distinct word of the query's pages.
  let rows = rowsByQuery.get(terms);
  if (!rows) rowsByQuery.set(terms, (rows = new Map()));
  const own: number[][] = forms.map((f) => {
    let row = rows.get(f);
    if (!row) {
      row = terms.map((t) => matchStrength(f, t));
      rows!.set(f, row);
    }
    return row;
  });
  const strengths = withSynonyms(forms, terms, own);
  // Best strength of each matching word, by position (ascending).
  const matchedAt = new Map<number, number>();
  for (let i = 0; i < strengths.length; i++) {
    const row = strengths[i]!;
    let m = 0;
    for (let j = 0; j < n; j++) if (row[j]! > m) m = row[j]!;
    if (m > 0) matchedAt.set(i, m);
  }
  const matchedPositions = [...matchedAt.keys()];
  // What is marked: where each query word matches best on the page. A word that stands whole marks
  // only where it does ("tri" not inside "trích"), typed with its marks only where they are the same
  // ("thức", not "thực"); a word still being typed ("chuyê") marks the words it begins. The texts'
  // words for an everyday phrase ("tầm nhìn" for "tương lai") are marked wherever they count.
  const best = new Array<number>(n).fill(0);
  for (const i of matchedPositions) own[i]!.forEach((x, j) => (best[j] = Math.max(best[j]!, x)));
  const isBest = (x: number, j: number) => x > 0 && x >= best[j]!;
  const marks = (i: number) => strengths[i]!.some((x, j) => x > own[i]![j]! || isBest(x, j));
  let matchedSet: Set<number> | null = null;

  // Runs of query words standing together in order: phraseAt[i] = run length starting at i.
  const phraseStarts: number[] = [];
  let longest = matchedAt.size > 0 ? 1 : 0;
  const phraseWords = new Set<number>();
  if (n > 1) {
    for (let i = 0; i < words.length; i++) {
      let k = 0;
      while (k < n && i + k < words.length && strengths[i + k]![k]! > 0) k++;
      if (k > longest) longest = k;
      if (k === n) {
        phraseStarts.push(i);
        for (let x = 0; x < n; x++) phraseWords.add(i + x);
      }
    }
  }

  // Query words in order with at most nearSlack other words between them, where they are not a
  // phrase. Three words or more only: two words a few words apart are mostly chance ("đảng, chính
  // quyền, Ủy ban" is not "đảng ủy").
  const nearStarts: number[] = [];
  if (n > 2) {
    for (let i = 0; i < words.length; i++) {
      if (!(strengths[i]![0]! > 0) || phraseStarts.includes(i)) continue;
      let at = i;
      let k = 1;
      let slack = WEIGHTS.nearSlack;
      while (k < n && slack >= 0 && at + 1 < words.length) {
        at++;
        if (strengths[at]![k]! > 0) k++;
        else slack--;
      }
      if (k === n) nearStarts.push(i);
    }
  }

  const pageTerms = new Set<number>();
  for (const i of matchedPositions) strengths[i]!.forEach((x, j) => x > 0 && pageTerms.add(j));

  let idNamed = false;
  let titleForms: WordForms[] | undefined;
  const labelForms: Record<string, WordForms[][]> = {};
  const sections = sectionsOf(fragment, words.length, labels).map((sec): ScoredSection => {
    const perTerm = new Array<number>(n).fill(0);
    const perPair = new Array<number>(Math.max(n - 1, 0)).fill(0);
    const inHead = new Set<number>();
    for (let i = sec.start; i < sec.end; i++) {
      const row = strengths[i]!;
      const inHeading = i < sec.headingEnd;
      for (let j = 0; j < n; j++) {
        if (!(row[j]! > 0)) continue;
        perTerm[j]! += row[j]! * (inHeading ? WEIGHTS.heading : 1);
        if (inHeading) inHead.add(j);
      }
      // Neighbouring query words (j, j+1) standing side by side, within the section.
      const next = i + 1 < sec.end && matchedAt.has(i) ? strengths[i + 1]! : undefined;
      if (next) for (let j = 0; j + 1 < n; j++) if (row[j]! > 0 && next[j + 1]! > 0) perPair[j]! += i + 1 < sec.headingEnd ? WEIGHTS.heading : 1;
    }
    // A landmark's label is the heading it lacks ("Đoạn mở đầu", "Nơi nhận", "Người ký"): named whole
    // by the query (or one of its LANDMARK_NAMES), its words count as heading words, once each, so
    // "đoạn mở đầu … thực hiện kết luận 52" opens the preamble. One of its words alone ("đầu") names nothing.
    const names = sec.landmark && sec.id && labels[sec.id] ? (labelForms[sec.id] ??= landmarkNames(sec.id, labels[sec.id]!)) : [];
    const label = names.find((name) => name.every((f) => terms.some((t) => matchStrength(f, t) > 0))) ?? [];
    if (label.length) {
      for (let j = 0; j < n; j++) {
        const m = Math.max(0, ...label.map((f) => matchStrength(f, terms[j]!)));
        if (m > 0) {
          perTerm[j]! += m * WEIGHTS.heading;
          pageTerms.add(j);
        }
      }
    }
    // The id's own words count as heading words, once each.
    const named = idOnlyWords(sec.id, sec.heading);
    const byId = new Set<number>();
    for (let j = 0; j < n && named.length; j++) {
      const m = Math.max(0, ...named.map((f) => idMatch(f, terms[j]!)));
      if (m > 0) {
        byId.add(j);
        pageTerms.add(j);
      }
      perTerm[j]! += m * WEIGHTS.heading;
    }
    if (byId.size > 0 && terms.every((_, j) => byId.has(j) || inHead.has(j))) idNamed = true;
    const phrases = phraseStarts.filter((p) => p >= sec.start && p + n <= sec.end).length;
    let bonus = 0;
    if (phrases > 0) bonus = WEIGHTS.phrase * n * (1 + Math.log2(phrases) * 0.25);
    else if (nearStarts.some((p) => p >= sec.start && p < sec.end)) bonus = WEIGHTS.phrase * WEIGHTS.near * n;
    // A landmark is weaker evidence than a provision; but when the query is its label ("nơi nhận"),
    // the label stands for the heading it lacks, and it weighs as much more, and at least as a heading
    // holding the query as a phrase would ("đoạn mở đầu": the opening paragraph never says so).
    const isQuery =
      sec.landmark &&
      (labelIsQuery(sec.heading, terms, (titleForms ??= splitWords(fragment.meta.title ?? '').map(wordForms))) ||
        (named.length > 0 && named.every((f) => terms.some((t) => idMatch(f, t) > 0)) && terms.every((t) => named.some((f) => idMatch(f, t) > 0))));
    const scoreWith = (weights?: readonly number[]): { score: number; coverage: number } => {
      const { base, coverage } = wordEvidence(perTerm, weights);
      let pairs = 0;
      perPair.forEach((x, j) => {
        if (x > 0) pairs += (((weights?.[j] ?? 1) + (weights?.[j + 1] ?? 1)) / 2) * saturate(x);
      });
      const score = base + bonus + WEIGHTS.pair * pairs;
      if (!sec.landmark) return { score, coverage };
      const weight = sec.id !== null && PROSE_LANDMARKS.has(sec.id) ? 1 : WEIGHTS.landmark;
      return { score: isQuery ? Math.max(score / WEIGHTS.landmark, n * (saturate(WEIGHTS.heading) + WEIGHTS.phrase)) : score * weight, coverage };
    };
    const { score, coverage } = scoreWith();
    // The excerpt is built when it is read: a page has many sections and one or two are shown.
    const excerpt = (): string => {
      // Prefer words that stand together when the phrase is there; otherwise any match.
      const weights = new Map<number, number>();
      for (const pos of matchedPositions) if (pos >= sec.start && pos < sec.end) weights.set(pos, matchedAt.get(pos)! + (phraseWords.has(pos) ? 3 : 0));
      // The heading is shown on its own; the excerpt comes from the body when there is one.
      const from = sec.headingEnd < sec.end ? sec.headingEnd : sec.start;
      const start = bestWindow(weights, from, sec.end, WEIGHTS.excerptWords);
      const slice = words.slice(start, Math.min(sec.end, start + WEIGHTS.excerptWords));
      let html = highlightWords(slice, (matchedSet ??= new Set(matchedPositions.filter(marks))), start);
      if (start > from) html = `… ${html}`;
      if (start + WEIGHTS.excerptWords < sec.end) html += ' …';
      return html;
    };
    const headingWords = sec.heading ? splitWords(sec.heading) : [];
    // A heading that stands in the text is marked as the text is (the texts' words for an everyday
    // phrase too); one that does not (a page's title) by its own matches.
    const inText = sec.headingEnd - sec.start === headingWords.length && headingWords.every((w, i) => wordForms(w).full === forms[sec.start + i]!.full);
    const headMarked = new Set<number>();
    headingWords.forEach((w, i) => {
      const f = wordForms(w);
      if (inText ? marks(sec.start + i) : terms.some((t, j) => isBest(matchStrength(f, t), j))) headMarked.add(i);
    });
    let excerptHtml: string | undefined;
    let headingHtml: string | undefined;
    const scored: ScoredSection = {
      ...sec,
      score,
      coverage,
      phrases,
      perTerm,
      get excerptHtml() {
        return (excerptHtml ??= excerpt());
      },
      get headingHtml() {
        return (headingHtml ??= highlightWords(headingWords, headMarked));
      },
      headingWords,
      headingMarked: [...headMarked],
    };
    rescorers.set(scored, scoreWith);
    return scored;
  });

  const top = sections[0]!;
  const headed = sections.filter((sec) => phraseStarts.some((p) => p >= sec.start && p + n <= sec.headingEnd));
  const ordered = bestFirst(sections);
  return {
    sections: ordered,
    coverage: n ? pageTerms.size / n : 0,
    phraseRatio: n > 1 ? longest / n : matchedAt.size > 0 ? 1 : 0,
    best: ordered[0]?.score ?? 0,
    inOrder: phraseStarts.length > 0 || nearStarts.length > 0,
    phraseInHeading: headed.length > 0,
    idNamed,
    headingIsQuery: headed.some((sec) => sec.headingMarked.length * 3 >= sec.headingWords.length * 2),
    top,
    all: sections,
  };
}
