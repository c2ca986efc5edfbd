/**
 * The search around Pagefind: reads the query, expands unaccented d-words into their d/đ readings,
 * checks every word exists (a word that matches nothing is reported, never silently dropped),
 * runs one Pagefind search per combination of readings, merges, boosts a document named by its
 * number, re-ranks pages by phrase and coverage, and ranks each page's provisions.
 *
 * It talks to Pagefind through the small {@link PagefindApi} interface so it can be unit-tested
 * with a fake, and run in the browser with the real `pagefind.js`.
 */
import { parseQuery, docRefMatches } from './query.ts';
import type { ParsedQuery } from './query.ts';
import { termVariants, combinations } from './variants.ts';
import { analysePage, splitWords, termInfos } from './rank.ts';
import { fold, pagefindFold, stripWordPunctuation } from './normalize.ts';
import type { Fragment, ScoredSection } from './rank.ts';
import { DOC_FILTER, KIND_FILTER, KIND_VALUES, SOURCE_META } from './attributes.ts';

/** One Pagefind result, as returned by `pagefind.search()`. */
export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<Fragment>;
}

/** The part of the Pagefind JS API we use. */
export interface PagefindApi {
  search(term: string | null, options?: { filters?: Record<string, string | string[]> }): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Options of {@link search}. */
export interface SearchOptions {
  /** Filter values by filter name, e.g. { loai: ["văn bản"] }. */
  filters?: Record<string, string[]>;
  /** How many pages to analyse and return (the rest are counted). */
  limit?: number;
  /** Labels for non-heading anchors that may be sub-results ("noi-nhan" → "Nơi nhận"). */
  labels?: Readonly<Record<string, string>>;
  /**
   * Expand unaccented d-words into their d/đ readings (default true). Off only to measure the
   * alternative strategy, an index with a hidden meta field of đ-words spelt with d.
   */
  expandD?: boolean;
}

/** One page in the results. */
export interface RankedPage {
  id: string;
  url: string;
  title: string;
  /** Document number from the page meta, when the page belongs to a document. */
  number?: string;
  /** Kind filter value ("văn bản" / "tài liệu học tập"). */
  kind?: string;
  score: number;
  /** Matching sections, best first (the first is the deep link shown). */
  sections: ScoredSection[];
  /** True when the page is the document the query named by number. */
  namedDocument: boolean;
}

/** What a search returns. */
export interface SearchOutcome {
  query: ParsedQuery;
  /** Pages found in total (only `limit` of them are in `pages`). */
  total: number;
  pages: RankedPage[];
  /** Query words that match nothing in the index: the search is not run without them. */
  missing: string[];
  /** The query without the missing words, to offer as a suggestion (empty when none is left). */
  suggestion: string;
  /** Pagefind searches run (readings checked + combinations). */
  searches: number;
}

/** Tunable weights of the page ranking. */
export const PAGE_WEIGHTS = {
  /** Added for the document the query names by number. */
  namedDocument: 100,
  /** Added for other pages belonging to that document. */
  documentFamily: 5,
  /**
   * Added per unit of phrase ratio squared: pages where all the words stand together rank above
   * pages where they are scattered, whatever their other scores (those are normalised to ≤ 1).
   */
  phrase: 2,
  /** How many extra candidates beyond `limit` get their text analysed. */
  analyseExtra: 4,
  /**
   * Source priors: the official text is the authority; our summaries and the study material
   * paraphrase and quote it, so with a match as good they come after it.
   */
  prior: { official: 1, summary: 0.8, study: 0.7 },
  /** Weight of Pagefind's own page score next to our section score. */
  pagefind: 0.25,
};

interface Candidate {
  id: string;
  score: number;
  result: PagefindResult | null;
  boost: number;
  named: boolean;
}

/**
 * Pagefind 1.6 does not return nothing for a word absent from the index: it retries with shorter
 * and shorter prefixes ("xyzzy" → "x", "dangg" → "dang"). To know whether a word exists, look at
 * the words the best result matched (its fragment is cached and usually shown anyway).
 */
async function reallyMatches(result: PagefindResult, term: string, metaIndex = false): Promise<boolean> {
  // With the folded meta field, a match may lie in the meta alone (no word location), and d stands for đ.
  if (metaIndex && result.words.length === 0) return true;
  const f = metaIndex ? fold : pagefindFold;
  let frag: Fragment;
  try {
    frag = await result.data();
  } catch {
    // Offline with this fragment never fetched: we cannot check, so trust Pagefind.
    return true;
  }
  const words = splitWords(frag.content);
  const want = f(stripWordPunctuation(term));
  return result.words.some((i) => f(stripWordPunctuation(words[i] ?? '')).startsWith(want));
}

/** How much a page's source counts: official text, our summary, or study material. */
function sourcePrior(frag: Fragment): number {
  if (frag.filters?.[KIND_FILTER]?.includes(KIND_VALUES.study)) return PAGE_WEIGHTS.prior.study;
  if (frag.meta[SOURCE_META] === 'summary') return PAGE_WEIGHTS.prior.summary;
  return PAGE_WEIGHTS.prior.official;
}

const empty = (query: ParsedQuery): SearchOutcome => ({ query, total: 0, pages: [], missing: [], suggestion: '', searches: 0 });

/**
 * Runs a search. Never throws on user input; Pagefind errors propagate.
 */
export async function search(pf: PagefindApi, raw: string, options: SearchOptions = {}): Promise<SearchOutcome> {
  const query = parseQuery(raw);
  const limit = options.limit ?? 10;
  const filters = options.filters && Object.keys(options.filters).length ? options.filters : undefined;
  if (query.terms.length === 0) return empty(query);
  let searches = 0;

  // 1. Which readings of each word exist, and how common each is.
  const lists: string[][] = [];
  const share = new Map<string, number>();
  const missing: string[] = [];
  for (const term of query.terms) {
    const found: { v: string; n: number }[] = [];
    const expand = options.expandD ?? true;
    for (const v of expand ? termVariants(term) : [term]) {
      const r = await pf.search(v);
      searches++;
      if (!r?.results.length || !(await reallyMatches(r.results[0]!, v, !expand))) continue;
      const n = r.results.reduce((a, x) => a + x.words.length, 0);
      found.push({ v, n: Math.max(n, 1) });
    }
    if (found.length === 0) {
      missing.push(term);
      continue;
    }
    found.sort((a, b) => b.n - a.n);
    const top = found[0]!.n;
    for (const f of found) share.set(f.v, Math.sqrt(f.n / top));
    lists.push(found.map((f) => f.v));
  }
  // Words of a document reference ("kl" in "kl 52") need not be in the text: the number is the query.
  if (missing.length && !query.docRef) {
    const rest = query.text
      .split(' ')
      .filter((w) => !missing.some((m) => w.toLocaleLowerCase('vi').includes(m)))
      .join(' ');
    return { ...empty(query), missing, suggestion: lists.length ? rest : '', searches };
  }

  // 2. One search per combination of readings, merged by page.
  const candidates = new Map<string, Candidate>();
  for (const combo of combinations(lists)) {
    const text = combo.join(' ');
    const r = await pf.search(query.quoted ? `"${text}"` : text, filters ? { filters } : {});
    searches++;
    const prior = combo.reduce((a, v) => a * (share.get(v) ?? 1), 1);
    for (const res of r?.results ?? []) {
      const s = res.score * prior;
      const c = candidates.get(res.id);
      if (!c) candidates.set(res.id, { id: res.id, score: s, result: res, boost: 0, named: false });
      else if (s > c.score) Object.assign(c, { score: s, result: res });
    }
  }

  // 3. A document named by number comes first, with its family next.
  if (query.docRef) {
    const all = await pf.filters();
    const numbers = Object.keys(all[DOC_FILTER] ?? {}).filter((n) => docRefMatches(query.docRef!, n));
    for (const number of numbers) {
      for (const [kindOnly, boost] of [[true, PAGE_WEIGHTS.namedDocument], [false, PAGE_WEIGHTS.documentFamily]] as const) {
        const f: Record<string, string | string[]> = { ...(filters ?? {}), [DOC_FILTER]: number };
        if (kindOnly) f[KIND_FILTER] = KIND_VALUES.document;
        const r = await pf.search(null, { filters: f });
        searches++;
        for (const res of r?.results ?? []) {
          const c = candidates.get(res.id) ?? { id: res.id, score: 0, result: res, boost: 0, named: false };
          c.boost = Math.max(c.boost, boost);
          c.named ||= kindOnly;
          candidates.set(res.id, c);
        }
      }
    }
  }
  if (candidates.size === 0) return { ...empty(query), missing, searches };

  // 4. Analyse the text of the best candidates (their fragments are what we show anyway).
  const top = Math.max(1, ...[...candidates.values()].map((c) => c.score));
  const pre = [...candidates.values()].sort((a, b) => b.boost - a.boost || b.score - a.score);
  const infos = termInfos(query.terms);
  const analysed: { c: Candidate; frag: Fragment; a: ReturnType<typeof analysePage> }[] = [];
  for (const c of pre.slice(0, limit + PAGE_WEIGHTS.analyseExtra)) {
    // Sequential on purpose: Pagefind caches one fragment object per page and mutates it per call.
    let frag: Fragment;
    try {
      frag = await c.result!.data();
    } catch {
      // A page whose text cannot be fetched (offline, never cached) is left out rather than failing all.
      continue;
    }
    const a = analysePage(frag, infos, options.labels);
    if (query.quoted && query.terms.length > 1 && a.phraseRatio < 1 && !c.boost) continue;
    analysed.push({ c, frag, a });
  }
  // Pages are compared by their best section (provisions and study sections are of a like size),
  // not by the whole-page score, which favours short pages; Pagefind's score still counts a little.
  const bestLocal = Math.max(1e-9, ...analysed.map((x) => x.a.best));
  const pages: RankedPage[] = [];
  for (const { c, frag, a } of analysed) {
    const norm = c.score / top;
    const phrase = query.terms.length > 1 ? PAGE_WEIGHTS.phrase * a.phraseRatio * a.phraseRatio : 0;
    const relevance = phrase + (a.best / bestLocal) * a.coverage * a.coverage + PAGE_WEIGHTS.pagefind * norm;
    const score = c.boost + sourcePrior(frag) * relevance;
    pages.push({
      id: c.id,
      url: frag.url,
      title: frag.meta.title ?? frag.url,
      ...(frag.meta.number ? { number: frag.meta.number } : {}),
      ...(frag.filters?.[KIND_FILTER]?.[0] ? { kind: frag.filters[KIND_FILTER][0] } : {}),
      score,
      // The document named by its number is the answer itself: link to its top first.
      sections: c.named ? [a.top, ...a.sections.filter((x) => x.id !== null)] : a.sections,
      namedDocument: c.named,
    });
  }
  pages.sort((a, b) => b.score - a.score);
  return { query, total: candidates.size, pages: pages.slice(0, limit), missing, suggestion: '', searches };
}
