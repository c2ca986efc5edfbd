/**
 * The search around Pagefind: reads the query, expands unaccented d-words into their d/đ readings,
 * checks every word exists (a word that matches nothing is reported, never silently dropped),
 * runs one Pagefind search per combination of readings, merges, boosts a document named by its
 * number, re-ranks pages by phrase and coverage, and ranks each page's provisions.
 *
 * It talks to Pagefind through the small {@link PagefindApi} interface so it can be unit-tested
 * with a fake, and run in the browser with the real `pagefind.js`.
 */
import { parseQuery, docRefMatches, docRefsIn, isKindWord, kindOfNumber, kindsNamed, queryWords, referenceWords } from './query.ts';
import type { ParsedQuery } from './query.ts';
import { termVariants, combinations, MAX_COMBINATIONS } from './variants.ts';
import { PROSE_LANDMARKS, analysePage, idOnlyText, headingNamedBy, lineMatches, lineShare, rarityWeights, reweigh, splitWords, termInfos } from './rank.ts';
import { escapeHtml } from './excerpt.ts';
import { fold, foldWords, hasDiacritics, pagefindFold, stripWordPunctuation } from './normalize.ts';
import type { Fragment, ScoredSection } from './rank.ts';
import { describedDocument } from './identity.ts';
import type { DocumentIdentity } from './identity.ts';
import { ABOUT_FILTER, CAPTIONS_META, CAPTIONS_SEPARATOR, DATE_FILTER, DOC_FILTER, IDENTITY_META, IMPLEMENTS_FILTER, KIND_FILTER, KIND_VALUES, PROVISION_FILTER, SECTIONS_FILTER, SECTION_NAMES_META, SESSION_FILTER, SOURCE_META, readPart } from './attributes.ts';
import type { PagePart } from './attributes.ts';
import { slideAnchor } from '../slides/anchor.ts';
import { definitionFirst, definitionSection } from './definition.ts';
import { FUNCTION_WORDS, closestWord, decodeKeyboard, joinedWords, keyboardResidue, neutralWordsFor, pageKindOf, readSynonyms, synonymReading, understand } from './understand.ts';
import type { Asks, PageKind, ProvisionRef, SessionRef, TaskMatch } from './understand.ts';

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
  /** Loads the index chunks a search for `term` needs, without searching. */
  preload?(term: string, options?: { filters?: Record<string, string | string[]> }): Promise<void>;
  /**
   * Loads a result's fragment by its id without what `data()` adds and we do not use (Pagefind's own
   * excerpt and sub-results, rebuilt from the whole page text). Optional: when it is absent or fails,
   * the engine calls `data()`.
   */
  fragment?(id: string): Promise<Fragment>;
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
  /** Aborting it stops the search at its next step with {@link SearchAborted} (a newer query came). */
  signal?: AbortSignal;
  /**
   * Search each reading of a d-word alone even when only one combination of readings is found on
   * any page (default false). The answer is the same either way (see {@link search}); the unit tests
   * compare both.
   */
  readingsAlone?: boolean;
}

/** What {@link searchWords} is told beyond the words (from {@link understand}). */
interface Reading {
  /** The task the query names: pages of that kind are analysed and, when they match, come first. */
  task?: TaskMatch | null;
  /** Dates named (ISO): the document issued that day is named like by its number. */
  dates?: string[];
  /** Years typed alone: the documents issued that year (of the kind named, if any) are named more weakly. */
  years?: string[];
  /** Words found nowhere are left out instead of ending the search (used by the fallbacks). */
  allowMissing?: boolean;
  /** What a question asks about a document: its deep link goes to the part that answers. */
  asks?: Asks | null;
  /** The study session named by number: its pages are named like a document's family. */
  session?: SessionRef | null;
  /** A provision named by its place ("phan-ii-muc-3"): the text that has it is named, and opens there. */
  provision?: ProvisionRef | null;
  /** A slide named by number with a deck asked for ("slide 12"): decks and presenter views open there. */
  slide?: number | null;
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
  /**
   * Query words the page does not hold: set only on the pages a widened search added (see
   * `widened`), which follow the pages holding every word. Shown with the result ("Trang này không có từ: …").
   */
  lacking?: string[];
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
  /** Distinct Pagefind searches run (readings, combinations, document filters). */
  searches: number;
  /**
   * The query actually searched when it differs from what was typed: abbreviations spelt out, a
   * Telex/VNI keyboard decoded ("tris thuwcs" → "trí thức"). Shown as "Đã tìm: …".
   */
  searchedAs?: string;
  /** When the query as typed matched nothing: the closest query whose results are shown ("Có phải bạn muốn tìm …"). */
  didYouMean?: string;
  /** The kind of page the query's task words asked for. */
  task?: PageKind;
  /** How many of `total` lack a word of the query (pages a widened search added); absent when none. */
  near?: number;
}

/** Tunable weights of the page ranking. */
export const PAGE_WEIGHTS = {
  /** Added for the document the query names by number. */
  namedDocument: 100,
  /** Added for other pages belonging to that document. */
  documentFamily: 5,
  /**
   * Added for the document the query names (by number or date) along with other words and no task:
   * the document itself comes before its study pages, deck and quiz, which share its number.
   */
  namedWithWords: 20,
  /**
   * A reading page (document or study page) with a heading that is the whole query, words in order
   * and together, two thirds of the heading or more (three words or more, no task; `headingIsQuery`
   * in rank.ts): "vì sao bắt đầu từ nghị quyết 27" is the study section of that name. Also a reading
   * page whose title names every document the query names, when it names two or more.
   * Above a document named with other words (20), so the naming words in the heading do not hand the
   * query to the document; below a document named alone (100).
   */
  headingNamed: 25,
  /**
   * Added to `headingNamed` per unit of the share of the query's subject a named heading holds
   * (`headingNamedBy` in rank.ts): a heading the query names in its own words ("Điều mới" for "điều
   * mới của nghị quyết 45") is in the heading tier too, and of two named headings the one holding
   * more of what is asked leads ("Mục tiêu đến năm 2020" before a session's "Mục tiêu"). A heading
   * that is the whole query counts as holding all of it. Below 5, so the tier stays below 30.
   */
  headingShare: 4,
  /**
   * Added in the heading tier to a page the query names (by number or session): of two sessions
   * with the same heading ("Chuẩn bị"), the one named leads.
   */
  headingFamily: 1,
  /**
   * Added, with a task named, to the named document's own pages (its poster) over the pages only
   * about it (a session's poster naming it and another): "áp phích nghị quyết 45" is the document's.
   */
  ownPage: 1,
  /**
   * Added for a page of the kind the query's task words ask for ("slide" → decks), when the rest of
   * the query matches it (at least half its words): task pages form a tier of their own, like a
   * named document. Below the named document's boosts, so "slide kl 52" is a deck of that document.
   */
  task: 10,
  /**
   * Added per unit of phrase ratio squared: pages where all the words stand together rank above
   * pages where they are scattered, whatever their other scores (those are normalised to ≤ 1).
   */
  phrase: 2,
  /**
   * How many reading pages get their text analysed at least, when the caller shows fewer (the header
   * box shows 5): a page Pagefind finds 6th or 7th may rank first once read ("nguoi dung dau", round 6).
   * They are picked in {@link readOrder}, which lifts that page into the six. Six, not seven: a slow
   * network opens six connections to a host, and the seventh fragment waited a round trip for one
   * (round 15; the header box's first results over the tuning sets went from 90.8% to 91.1%).
   * The search page analyses as many as it shows (10); round 8 measured no set change from the two
   * more it read before, which cost two fragment requests per query.
   */
  analysedAtLeast: 6,
  /**
   * Pagefind's score of a page found only by the query put in the texts' words (`synonymReading`),
   * times this: the reader did not type those words.
   */
  synonymPrior: 0.8,
  /** How many pages found by title and purpose get analysed, next to the reading pages (round 8: 1, no set changed from 3). */
  purposeAnalysed: 1,
  /**
   * Source priors: the official text is the authority; our summaries and the study material
   * paraphrase and quote it, so with a match as good they come after it. Pages found by their
   * title and purpose (quiz, deck, table) are what they say they are: they weigh in full.
   */
  prior: { official: 1, summary: 0.8, study: 0.7, page: 0.7, companion: 0.5 },
  /**
   * Pages found by title and purpose: added per unit of the share of a title line (the title or a
   * table caption) the query makes up, when the query stands in it as a phrase and is at least
   * `purposeLineMin` of it. "dòng thời gian" is the timeline's title; a reading page only mentions it.
   */
  purposeTitle: 2,
  purposeLineMin: 0.34,
  /** Weight of Pagefind's own page score next to our section score. */
  pagefind: 0.25,
};

/** A page the query names (by number, date, year, kind, session or provision), with the tier it gets. */
interface NamedPage {
  res: PagefindResult;
  boost: number;
  /** Named by this alone: the link opens at the page's top. */
  kindOnly: boolean;
  /** A document that carries out the one named (its family, see {@link namedPages}). */
  carrier?: boolean;
}

/** A search through the query's memo (the same search is never run twice). */
type Run = (term: string | null, f?: Filters) => Promise<Results>;

interface Candidate {
  id: string;
  score: number;
  result: PagefindResult | null;
  boost: number;
  named: boolean;
  /** A document that carries out the one named. */
  carrier?: boolean;
}

/** Thrown when a newer search made this one stale (see {@link SearchOptions.signal}). */
export class SearchAborted extends Error {
  constructor() {
    super('search aborted');
    this.name = 'SearchAborted';
  }
}

/**
 * Pagefind 1.6 does not return nothing for a word absent from the index: it retries with shorter
 * and shorter prefixes ("xyzzy" → "x", "dangg" → "dang"). To know whether a word exists, look at
 * the words a result matched (its fragment is cached and usually shown anyway).
 * Returns null when the fragment cannot be fetched (offline, never cached): the caller decides.
 */
function matchesIn(frag: Fragment | null, result: PagefindResult, term: string, metaIndex = false): boolean | null {
  // With the folded meta field, a match may lie in the meta alone (no word location), and d stands for đ.
  if (metaIndex && result.words.length === 0) return true;
  if (!frag) return null;
  const f = metaIndex ? fold : pagefindFold;
  const words = splitWords(frag.content);
  const want = f(stripWordPunctuation(term));
  // A part's short name (its hand-written id) is searched as metadata: a word there exists too.
  if ((frag.meta[SECTION_NAMES_META] ?? '').split(' ').some((w) => w && fold(w).startsWith(fold(want)))) return true;
  return result.words.some((i) => f(stripWordPunctuation(words[i] ?? '')).startsWith(want));
}

/** True for a page indexed by its title and purpose only (quiz, deck, table…). */
const isPurposePage = (frag: Fragment): boolean => !!frag.filters?.[KIND_FILTER]?.includes(KIND_VALUES.page);

/** The best {@link lineShare} over a purpose page's title lines (title and table captions), below the minimum 0. */
function titleLineShare(frag: Fragment, infos: ReturnType<typeof termInfos>): number {
  const lines = [frag.meta.title ?? '', ...(frag.meta[CAPTIONS_META] ?? '').split(CAPTIONS_SEPARATOR)];
  const best = Math.max(0, ...lines.map((l) => lineShare(l, infos)));
  return best >= PAGE_WEIGHTS.purposeLineMin ? best : 0;
}

/** Purpose pages that go with a study session or a document: found by their task, not by its words. */
const COMPANIONS: ReadonlySet<PageKind> = new Set(['deck', 'presenter', 'handout', 'quiz']);

/**
 * How much a page's source counts: official text, our summary, or study material. A session's deck,
 * presenter view, handout and quiz repeat its title and description: unless the query names their
 * task, they come after the reading page and the document.
 */
function sourcePrior(frag: Fragment, task: PageKind | undefined): number {
  if (frag.filters?.[KIND_FILTER]?.includes(KIND_VALUES.study)) return PAGE_WEIGHTS.prior.study;
  if (isPurposePage(frag)) {
    const kind = pageKindOf(frag.url);
    return COMPANIONS.has(kind) && kind !== task ? PAGE_WEIGHTS.prior.companion : PAGE_WEIGHTS.prior.page;
  }
  if (frag.meta[SOURCE_META] === 'summary') return PAGE_WEIGHTS.prior.summary;
  return PAGE_WEIGHTS.prior.official;
}

const empty = (query: ParsedQuery): SearchOutcome => ({ query, total: 0, pages: [], missing: [], suggestion: '', searches: 0 });

type Filters = Record<string, string | string[]>;
type Results = { results: PagefindResult[] } | null;

/**
 * What one index answered already, kept for the next queries of the session: the same search
 * (typing "dang" then "dang uy", a repeated query) and the same page's fragment are not asked for
 * again. Pagefind's `data()` rebuilds an excerpt from the whole page text on every call, which is
 * most of its cost at 1,000 documents; the fragment's text, anchors and meta never change.
 */
interface Session {
  searches: Map<string, Promise<Results>>;
  fragments: Map<string, Promise<Fragment>>;
  /** Every filter value with its page count: the same for the whole index. */
  filters?: Promise<Record<string, Record<string, number>>>;
}
const sessions = new WeakMap<PagefindApi, Session>();
/** Most searches and fragments a session keeps (oldest dropped first). */
const SESSION_LIMIT = 300;

function sessionOf(pf: PagefindApi): Session {
  let s = sessions.get(pf);
  if (!s) {
    s = { searches: new Map(), fragments: new Map() };
    sessions.set(pf, s);
  }
  return s;
}

/** Keeps `p` under `key`, forgetting it if it fails (offline now, maybe not later). */
function remember<T>(map: Map<string, Promise<T>>, key: string, p: Promise<T>): void {
  if (map.size >= SESSION_LIMIT) map.delete(map.keys().next().value!);
  map.set(key, p);
  p.catch(() => {
    if (map.get(key) === p) map.delete(key);
  });
}

/** Every filter value of the index, asked of Pagefind once per session (kept only if it succeeds). */
function allFilters(pf: PagefindApi): Promise<Record<string, Record<string, number>>> {
  const session = sessionOf(pf);
  if (!session.filters) {
    const p = pf.filters();
    session.filters = p;
    p.catch(() => {
      if (session.filters === p) delete session.filters;
    });
  }
  return session.filters;
}

const searchKey = (term: string | null, f?: Filters): string => JSON.stringify([term, f ?? null]);
/** The one filter lookup that tells which pages are found by title and purpose. */
const PURPOSE_LOOKUP: Filters = { [KIND_FILTER]: KIND_VALUES.page };
/** The study pages (same filter chunk as {@link PURPOSE_LOOKUP}: no request of its own). */
const STUDY_LOOKUP: Filters = { [KIND_FILTER]: KIND_VALUES.study };

/**
 * What the session keeps of a search when fragments come from the API's own loader: each result's
 * id, score and word locations. Pagefind's result objects also hold its raw answer and every
 * location's weights (through `data()`), several MB for a common word at 1,000 documents: kept for a
 * session's searches they made a heap of 150 MB after 20 queries, and the garbage collector's pauses
 * a large part of each query's time. `data()` is then the loader's fallback only: it runs the search
 * again, once per search, for Pagefind's own.
 */
function compact(pf: PagefindApi, term: string | null, options: { filters?: Filters }, r: Results): Results {
  // Without a loader, data() is how every fragment comes: keep Pagefind's results whole.
  if (!r || !pf.fragment) return r;
  let again: Promise<Results> | null = null;
  const rerun = () => (again ??= pf.search(term, options));
  return { results: r.results.map((x) => bareResult(rerun, x.id, x.score, x.words)) };
}

// A function of its own, so that the closure cannot hold Pagefind's result object.
function bareResult(rerun: () => Promise<Results>, id: string, score: number, words: number[]): PagefindResult {
  const data = async (): Promise<Fragment> => {
    const again = (await rerun())?.results.find((y) => y.id === id);
    if (!again) throw new Error(`result ${id} is gone`);
    return again.data();
  };
  return { id, score, words, data };
}

/** A search through the session: started once per index, whoever asks first. */
function sessionSearch(pf: PagefindApi, term: string | null, f?: Filters): Promise<Results> {
  const session = sessionOf(pf);
  const key = searchKey(term, f);
  let p = session.searches.get(key);
  if (!p) {
    const options = f ? { filters: f } : {};
    p = pf.search(term, options).then((r) => compact(pf, term, options, r));
    remember(session.searches, key, p);
  }
  return p;
}

/**
 * Starts what a first query needs whatever its words: the lookup of purpose pages. Called once
 * Pagefind is loaded, while the user is still typing, so the first query runs only its own searches.
 */
export function warmUp(pf: PagefindApi): Promise<void> {
  return Promise.all([sessionSearch(pf, null, PURPOSE_LOOKUP), sessionSearch(pf, null, STUDY_LOOKUP)]).then(
    () => {},
    () => {},
  );
}

/**
 * Pagefind's score as the order in which reading pages are read: times the source prior their kind
 * already tells (a study page's is known before its text; a summary's is not, it counts as a document).
 * Pagefind's length normalisation sinks the long official texts ("người đứng đầu": the province's
 * plan is Pagefind's 7th); the prior they get once read is what lifts them, so it also decides which
 * pages are read at all when only a few are.
 */
const readOrder = (study: ReadonlySet<string>) => (id: string, score: number): number => score * (study.has(id) ? PAGE_WEIGHTS.prior.study : PAGE_WEIGHTS.prior.official);

/**
 * Runs a search. Never throws on user input; Pagefind errors propagate, and {@link SearchAborted}
 * when `options.signal` aborts.
 *
 * Round trips are what a slow network feels, and at 1,000 documents each Pagefind search is tens of
 * ms of the main thread, so the work goes in waves, each wave in parallel, with no search it can skip:
 * 1. the combinations of readings and the document filters when a number is named, at once (the
 *    lookup of purpose pages is done by {@link warmUp} before the first query);
 * 2. the fragments that tell whether each word really exists: every word on the best result of the
 *    combinations (it must be on it, since Pagefind needs every word on a page); only a word not seen
 *    there is searched alone. A d-word's readings are searched alone, to weigh them, only when more
 *    than one combination of readings is really found (one found alone gives the same answer);
 * 3. the fragments of the candidates to rank, at once (started with wave 2: they seldom depend on it).
 * The same search or fragment is never asked for twice, in one query or later ones (see {@link Session}).
 */
async function searchWords(pf: PagefindApi, raw: string, options: SearchOptions & Reading = {}): Promise<SearchOutcome> {
  const query = parseQuery(raw);
  const task = options.task?.kind;
  const limit = options.limit ?? 10;
  const filters = options.filters && Object.keys(options.filters).length ? options.filters : undefined;
  if (query.terms.length === 0) return empty(query);
  const signal = options.signal;
  const live = <T>(value: T): T => {
    if (signal?.aborted) throw new SearchAborted();
    return value;
  };
  live(null);

  const session = sessionOf(pf);
  const memo = new Map<string, Promise<Results>>();
  const run = (term: string | null, f?: Filters): Promise<Results> => {
    const key = searchKey(term, f);
    const p = memo.get(key) ?? sessionSearch(pf, term, f);
    memo.set(key, p);
    return p;
  };
  // A page whose text cannot be fetched (offline, never cached) is null rather than failing all.
  const fragment = (r: PagefindResult): Promise<Fragment | null> => {
    let p = session.fragments.get(r.id);
    if (!p) {
      p = pf.fragment ? pf.fragment(r.id).catch(() => r.data()) : r.data();
      remember(session.fragments, r.id, p);
    }
    return p.catch(() => null);
  };
  const phrase = (combo: string[]) => (query.quoted ? `"${combo.join(' ')}"` : combo.join(' '));

  // Wave 1: everything at once.
  const expand = options.expandD ?? true;
  const readings = query.terms.map((t) => (expand ? termVariants(t) : [t]));
  // The combinations of all readings, before knowing which exist: when there are too many to search
  // them all, which ones are kept depends on how common each reading is, so they wait for that.
  const all = combinations(readings);
  const product = readings.reduce((a, l) => a * l.length, 1);
  const speculative = product <= MAX_COMBINATIONS ? all.map((combo) => run(phrase(combo), filters)) : [];
  // Each reading of a d-word searched alone tells whether it exists and how common it is, which
  // weighs the combinations against each other. That is needed only when more than one combination
  // is found (wave 2) or when there are too many to search them all. For a one-word query the
  // readings are the combinations: the same searches.
  const searchAlone = () => readings.map((list) => (list.length > 1 ? list.map((v) => run(v)) : null));
  let alone = product > MAX_COMBINATIONS || options.readingsAlone ? searchAlone() : readings.map(() => null);
  // Everyday words put the texts' way ("tương lai" → "tầm nhìn"): the pages that say it so are
  // candidates too, and the ranking lets the texts' words stand for the query's (see termInfos).
  const bySynonyms = query.quoted ? null : synonymReading(query.terms.join(' '));
  const synonymPages = bySynonyms ? run(bySynonyms, filters).catch(() => null) : Promise.resolve(null);
  // The query's content words alone: a page that says what is asked need not hold the words a
  // question is put in ("xem mình đã học được mấy bài rồi" has "rồi", the progress page not). Every
  // word is one the query searched, so no index chunk more is loaded. Searched only when the words
  // as typed do not fill a page of results (below, after wave 1): a full page costs no search more.
  const content = query.quoted ? [] : query.terms.filter((t) => !FUNCTION_WORDS.has(fold(t)));
  const dateOnly = !!options.dates?.length && !query.docRef && isDateOnly(query.text);
  const named = Promise.all([
    // A session named is the narrower name: the document it is about is family ("chuyên đề 1 kế hoạch 83").
    query.docRef ? namedPages(pf, query.docRef, query.referenceOnly, !task && !options.session, filters, run, query.implementer, fragment) : [],
    ...(options.dates ?? []).map((d) => datedPages(d, dateOnly, !task, filters, run)),
    options.session ? sessionPages(options.session, !task, filters, run) : [],
    options.provision && !query.docRef && !options.session ? provisionPages(options.provision, !task, filters, run) : [],
  ]).then((x) => x.flat());
  // Which pages are found by title and purpose (one filter lookup, usually done by warmUp already):
  // they are ranked in a lane of their own.
  const purposeAll = run(null, PURPOSE_LOOKUP).then(
    (r) => r?.results ?? [],
    () => [] as PagefindResult[],
  );
  const purposeIds = purposeAll.then((r) => new Set(r.map((x) => x.id)));
  const studyIds = run(null, STUDY_LOOKUP).then(
    (r) => new Set((r?.results ?? []).map((x) => x.id)),
    () => new Set<string>(),
  );
  // A year typed alone, with no number and no task ("BCT kết luận trí thức 2014"): that year's documents.
  const yearNamed = !query.docRef && !task && options.years?.length ? yearPages(pf, options.years, kindsNamed(query.text), filters, run, fragment) : Promise.resolve([]);
  // A kind named by word alone ("nghị quyết phát huy vai trò trí thức"): the few documents of that kind.
  const kindNamed = !query.docRef && !task && !options.session && !options.years?.length ? kindPages(pf, kindsNamed(query.text), filters, run) : Promise.resolve([]);
  kindNamed.catch(() => {});
  named.catch(() => {});
  yearNamed.catch(() => {});
  const found1 = await Promise.all(speculative).then(live);
  const foundPages = new Set(found1.flatMap((r) => (r?.results ?? []).map((x) => x.id))).size;
  const contentPages =
    content.length > 0 && content.length < query.terms.length && foundPages < limit ? run(content.join(' '), filters).catch(() => null) : Promise.resolve(null);
  await Promise.all(alone.flatMap((a) => a ?? [])).then(live);

  // The candidates' fragments are needed in wave 3 whatever wave 2 finds (it changes the set only
  // when a word is missing): start fetching them now, alongside the checks, not after them.
  {
    const purpose = await purposeIds.then(live);
    const order = readOrder(await studyIds.then(live));
    const best = new Map<string, PagefindResult>();
    for (const r of found1) for (const res of r?.results ?? []) if (!best.has(res.id) || res.score > best.get(res.id)!.score) best.set(res.id, res);
    const ranked = [...best.values()].sort((a, b) => order(b.id, b.score) - order(a.id, a.score));
    const reading = ranked.filter((r) => !purpose.has(r.id)).slice(0, Math.max(limit, PAGE_WEIGHTS.analysedAtLeast));
    const lane = ranked.filter((r) => purpose.has(r.id)).slice(0, PAGE_WEIGHTS.purposeAnalysed);
    for (const r of [...reading, ...lane]) void fragment(r);
  }

  // Wave 2: which readings exist, and how common each is.
  const lists: string[][] = [];
  const share = new Map<string, number>();
  const missing: string[] = [];
  // Readings searched in combinations only: a combination's best page has each of its words, unless
  // Pagefind shortened one that is in no page ("doi" → "do"), a reading that does not exist. A word
  // read one way in every combination found that way exists, and every candidate's prior has the same
  // factor for it, so how common its other readings are would change no order: it is not searched
  // alone. Only the words read more than one way among those combinations are weighed.
  const fixed: (string | null)[] = readings.map(() => null);
  if (product > 1 && speculative.length && alone.every((a) => a === null)) {
    const real = await Promise.all(
      all.map(async (combo, k) => {
        const best = found1[k]?.results[0];
        if (!best) return false;
        const frag = await fragment(best);
        return combo.every((v) => matchesIn(frag, best, v, !expand) ?? true);
      }),
    ).then(live);
    const hits = all.filter((_, k) => real[k]);
    if (hits.length === 0) alone = searchAlone();
    else
      readings.forEach((list, i) => {
        const seen = new Set(hits.map((combo) => combo[i]!));
        if (seen.size === 1) fixed[i] = [...seen][0]!;
        else alone[i] = list.map((v) => run(v));
      });
    await Promise.all(alone.flatMap((a) => a ?? [])).then(live);
  }
  // The best result of each combination searched: a word with one reading must be on it.
  const anyCombo = found1.map((r) => r?.results[0]).filter((r): r is PagefindResult => !!r);
  const checks = await Promise.all(
    query.terms.map(async (term, i): Promise<{ v: string; n: number }[]> => {
      const one = fixed[i];
      if (one) return [{ v: one, n: 1 }];
      const own = alone[i];
      const check = async (v: string, r: Results): Promise<{ v: string; n: number } | null> => {
        const best = r?.results[0];
        if (!best) return null;
        // Offline with this fragment never fetched: we cannot check, so trust Pagefind.
        if (!(matchesIn(await fragment(best), best, v, !expand) ?? true)) return null;
        return { v, n: Math.max(1, r.results.reduce((a, x) => a + x.words.length, 0)) };
      };
      if (own) return (await Promise.all(readings[i]!.map(async (v, j) => check(v, await own[j]!)))).filter((x) => x !== null);
      // One reading: it is on the best page of any combination, or it does not exist (or is only
      // in the page's meta), which the search on its own tells.
      for (const r of anyCombo.slice(0, 1)) if (matchesIn(await fragment(r), r, term, !expand)) return [{ v: term, n: 1 }];
      const found = await check(term, await run(term));
      return found ? [found] : [];
    }),
  ).then(live);
  checks.forEach((found, i) => {
    if (found.length === 0) {
      missing.push(query.terms[i]!);
      return;
    }
    found.sort((a, b) => b.n - a.n);
    const top = found[0]!.n;
    for (const f of found) share.set(f.v, Math.sqrt(f.n / top));
    lists.push(found.map((f) => f.v));
  });
  // Words of a document reference ("kl" in "kl 52") need not be in the text: the number is the query;
  // a date need not be either: the document of that day is found by its filter.
  // Task words ("test", "slide") name a kind of page, not words of its text: they need not be found.
  const taskWordsMissing = missing.length > 0 && !!options.task && missing.every((m) => options.task!.phrase.split(' ').includes(fold(m)));
  // A year need not stand alone in the text ("04/3/2014"): the document of that year is found by its filter.
  const byYear = missing.length ? (await yearNamed.catch(() => [])).length > 0 : false;
  if (missing.length && !query.docRef && !options.dates?.length && !options.session && !options.provision && !(options.allowMissing && lists.length) && !((taskWordsMissing || byYear) && lists.length)) {
    const rest = query.text
      .split(' ')
      .filter((w) => !missing.some((m) => w.toLocaleLowerCase('vi').includes(m)))
      .join(' ');
    return { ...empty(query), missing, suggestion: lists.length ? rest : '', searches: memo.size };
  }

  // The combinations of the readings that exist (mostly searched already), merged by page.
  const candidates = new Map<string, Candidate>();
  const combos = combinations(lists);
  const answers = await Promise.all(combos.map((combo) => run(phrase(combo), filters))).then(live);
  combos.forEach((combo, k) => {
    const prior = combo.reduce((a, v) => a * (share.get(v) ?? 1), 1);
    for (const res of answers[k]?.results ?? []) {
      const s = res.score * prior;
      const c = candidates.get(res.id);
      if (!c) candidates.set(res.id, { id: res.id, score: s, result: res, boost: 0, named: false });
      else if (s > c.score) Object.assign(c, { score: s, result: res });
    }
  });

  // Pages found only in the texts' words are candidates a little below what the reader's words found.
  for (const res of live(await synonymPages)?.results ?? []) {
    if (candidates.has(res.id)) continue;
    candidates.set(res.id, { id: res.id, score: res.score * PAGE_WEIGHTS.synonymPrior, result: res, boost: 0, named: false });
  }

  // Pages that lack only the words a question is put in: below those found with every word.
  for (const res of live(await contentPages)?.results ?? []) {
    if (candidates.has(res.id)) continue;
    candidates.set(res.id, { id: res.id, score: res.score * PAGE_WEIGHTS.synonymPrior, result: res, boost: 0, named: false });
  }

  // A document named by number comes first, with its family next. When other words ask for something
  // about it ("bài kiểm tra kế hoạch 83"), its whole family comes first, ranked by those words.
  for (const { res, boost, kindOnly, carrier } of [...live(await named), ...live(await yearNamed.catch(() => [])), ...live(await kindNamed.catch(() => []))]) {
    const c = candidates.get(res.id) ?? { id: res.id, score: 0, result: res, boost: 0, named: false };
    c.boost = Math.max(c.boost, boost);
    c.named ||= kindOnly;
    if (carrier) c.carrier = true;
    candidates.set(res.id, c);
  }
  // A task named: every purpose page is a candidate (a few dozen short records); those of the kind
  // asked for are kept once their URL is known.
  const taskOnly = new Set<string>();
  if (task) {
    for (const res of live(await purposeAll)) {
      if (candidates.has(res.id)) continue;
      candidates.set(res.id, { id: res.id, score: 0, result: res, boost: 0, named: false });
      taskOnly.add(res.id);
    }
  }
  if (candidates.size === 0) return { ...empty(query), missing, searches: memo.size };

  // Wave 3: the text of the best candidates (their fragments are what we show), all at once.
  const pre = [...candidates.values()].sort((a, b) => b.boost - a.boost || b.score - a.score);
  // Words missing from the index (possible only around a document number) cannot rank anything.
  // The words that name a document or session are answered by the boosts; when the query says more,
  // the sections are ranked by what it says ("bốn nhóm chủ thể chuyên đề 3": the section on the four
  // groups, not the page top that says "Chuyên đề 3").
  // A number that names no document of the site ("quyết định 2711", which only the timeline and a
  // study page mention) is answered by no boost: it is a word like the others.
  const refNamesOne = !!query.docRef && Object.keys((await allFilters(pf))[DOC_FILTER] ?? {}).some((n) => docRefMatches(query.docRef!, n));
  const naming = new Set([...(refNamesOne ? referenceWords(query.text) : []), ...(options.session?.words ?? [])]);
  const found = query.terms.filter((t) => !missing.includes(t));
  const asked = found.filter((t) => !naming.has(fold(t)));
  const infos = termInfos(asked.length && asked.length < found.length ? asked : found);
  // Short purpose records score high in Pagefind; they must not crowd the reading pages out of the
  // analysis, nor set the yardstick the reading pages are measured by.
  const purpose = live(await purposeIds);
  const order = readOrder(live(await studyIds));
  const reading = pre
    .filter((c) => !purpose.has(c.id))
    .sort((a, b) => b.boost - a.boost || order(b.id, b.score) - order(a.id, a.score))
    .slice(0, Math.max(limit, PAGE_WEIGHTS.analysedAtLeast));
  // The family of a named document is small: all of its purpose pages are analysed (its quiz, its deck…).
  // With a task named, every purpose page is (the task's kind is known only from the page's URL).
  const lane = pre.filter((c) => purpose.has(c.id)).filter((c, k) => c.boost > 0 || k < PAGE_WEIGHTS.purposeAnalysed || !!task);
  const picked = pre.filter((c) => reading.includes(c) || lane.includes(c));
  // Each page is analysed as soon as its text arrives, while the others are still on their way.
  const fetched = await Promise.all(
    picked.map((c) => fragment(c.result!).then((frag) => (frag && !signal?.aborted ? { frag, a: analysePage(frag, infos, options.labels) } : null))),
  ).then(live);
  // Which section answers is told by the rarer words: "thu hút" over "trí thức" (see rarityWeights).
  const weights = rarityWeights(fetched.flatMap((x) => (x ? [x.a] : [])), infos.length);
  if (weights) for (const x of fetched) if (x) reweigh(x.a, weights);
  const analysed: { c: Candidate; frag: Fragment; a: ReturnType<typeof analysePage> }[] = [];
  picked.forEach((c, k) => {
    const got = fetched[k];
    if (!got) return;
    // Purpose pages added for the task only: those of another kind are not results.
    if (taskOnly.has(c.id) && pageKindOf(got.frag.url) !== task) return;
    if (query.quoted && query.terms.length > 1 && got.a.phraseRatio < 1 && !c.boost) return;
    analysed.push({ c, ...got });
  });
  // Pages are compared by their best section (provisions and study sections are of a like size),
  // not by the whole-page score, which favours short pages; Pagefind's score still counts a little.
  // Purpose pages are measured by the same yardsticks, widened to their own best when that is higher.
  const top = Math.max(1, ...[...candidates.values()].filter((c) => !purpose.has(c.id)).map((c) => c.score));
  const bestLocal = Math.max(1e-9, ...analysed.filter((x) => !purpose.has(x.c.id)).map((x) => x.a.best));
  const laneBest = Math.max(bestLocal, ...analysed.filter((x) => purpose.has(x.c.id)).map((x) => x.a.best));
  // A deck, handout or quiz carries its study session's title: when a reading page has the query in
  // its title too, the reading page is the one meant, and titles give no purpose page a lead.
  const readingTitled = analysed.some((x) => !purpose.has(x.c.id) && lineShare(x.frag.meta.title ?? '', infos) > 0);
  // The words beside the task phrase ("ke hoach 83" in "slide ke hoach 83"): a page of the task's kind
  // is in the task tier when it has at least half of them (or there are none).
  const taskWords = new Set([...(options.task?.phrase ?? '').split(' '), ...neutralWordsFor(options.task?.kind)]);
  // What the query asks about: not the words that name a document or session, a task, or nothing at all.
  const subjectTerms = query.terms.filter((t) => !missing.includes(t) && !taskWords.has(fold(t)) && !FUNCTION_WORDS.has(fold(t)) && !naming.has(fold(t)));
  const subject = termInfos(subjectTerms);
  // A question about what a word means: the pages that define it (of the named document's family, when one is named).
  const defines = new Map<RankedPage, ScoredSection>();
  const definitionOf = (own: boolean, c: Candidate, a: ReturnType<typeof analysePage>) =>
    options.asks === 'definition' && !task && !own && (!query.docRef || c.boost > 0) ? definitionSection(a.all, subjectTerms) : undefined;
  // The words that name a document or session, left out when a heading is named in the query's own words.
  const namingInfos = termInfos(found.filter((t) => naming.has(fold(t))));
  // Asked up to three times per page (task tier, named lead, others say all): analysed once.
  const coverageOf = new Map<Fragment, number>();
  const subjectCoverage = (frag: Fragment) => {
    let c = coverageOf.get(frag);
    if (c === undefined) coverageOf.set(frag, (c = coverageWithParts(frag, subject, options.labels)));
    return c;
  };
  // The whole query (naming words too) standing as one of a page's headings.
  const whole = !task && found.length >= 3 ? termInfos(found) : null;
  // Two documents named ("điểm mới của nghị quyết 45 so với kết luận 52") ask how they relate: a
  // reading page whose title names both is about just that.
  const refs = task ? [] : docRefsIn(query.text);
  const namesAll = (frag: Fragment) => {
    if (refs.length < 2) return false;
    const inTitle = docRefsIn(frag.meta.title ?? '');
    return refs.every((r) => inTitle.some((t) => t.serial === r.serial && (!r.kindCode || t.kindCode === r.kindCode)));
  };
  const headingIsQuery = (frag: Fragment, a: ReturnType<typeof analysePage>) =>
    !!whole && (whole.length === infos.length ? a.headingIsQuery : analysePage(frag, whole, options.labels).headingIsQuery);
  // A reading page not named by the query that holds everything two or more other words ask about.
  const othersSayAll =
    subject.length >= 2 && !task && analysed.some((x) => x.c.boost === 0 && !purpose.has(x.c.id) && subjectCoverage(x.frag) === 1);
  // A document that carries out the one named and holds all the query asks about, when the one named
  // does not, shares its lead ("ubnd tỉnh cụ thể hóa kết luận 52": the plan says it, the Conclusion not).
  const namedHolds = Math.max(0, ...analysed.filter((x) => x.c.boost === PAGE_WEIGHTS.namedWithWords && !x.c.carrier).map((x) => subjectCoverage(x.frag)));
  const carrierLead = (c: Candidate, frag: Fragment) =>
    c.carrier && c.boost === PAGE_WEIGHTS.documentFamily && namedHolds < 1 && subjectCoverage(frag) === 1 ? PAGE_WEIGHTS.namedWithWords : 0;
  // A document described by what stands on its face, with no number ("nghị quyết BCH TW khóa XIII
  // về trí thức"): named as a number would name it, among the documents read.
  const described =
    query.docRef || task || options.session || options.provision || options.dates?.length
      ? null
      : describedDocument(
          query.text,
          // Every word typed, not only the eight searched: a title is often longer than that.
          queryWords(query.text).filter((t) => !missing.includes(t) && !FUNCTION_WORDS.has(fold(t))),
          options.years ?? [],
          analysed.filter((x) => pageKindOf(x.frag.url) === 'document').map((x) => identityOf(x.c.id, x.frag)),
        );
  const pages: RankedPage[] = [];
  const matchOf = new Map<RankedPage, PageMatch>();
  for (const { c, frag, a } of analysed) {
    const own = purpose.has(c.id);
    // Pagefind scores a record a few words long near the top, whatever it says: purpose pages all
    // get that top score, so it does not reorder them.
    const norm = own ? 1 : c.score / top;
    const phrase = infos.length > 1 ? PAGE_WEIGHTS.phrase * a.phraseRatio * a.phraseRatio : 0;
    const title = own && !readingTitled ? PAGE_WEIGHTS.purposeTitle * titleLineShare(frag, infos) : 0;
    const relevance = phrase + title + (a.best / (own ? laneBest : bestLocal)) * a.coverage * a.coverage + PAGE_WEIGHTS.pagefind * norm;
    const tier = task && pageKindOf(frag.url) === task && subjectCoverage(frag) >= 0.5 ? PAGE_WEIGHTS.task : 0;
    // "nắm bắt dư luận xã hội về kết luận 52" is answered by the plan that says it, not by the
    // Conclusion or its study pages, which never do.
    const named = Math.max(namedLead(c.boost, subjectCoverage(frag) < 0.5, othersSayAll), carrierLead(c, frag), c.id === described ? PAGE_WEIGHTS.namedWithWords : 0);
    // Purpose pages repeat their session's headings (slides, poster): the reading page holds them.
    // A heading the query names in its own words ("Điều mới" for "điều mới của nghị quyết 45") lifts its page likewise.
    // Not when one document is named as carrying out another: the words between ("triển khai") say how they relate.
    // A task for reading pages ("bài học") still lets their headings be named.
    // The words of a described document name it, as a number would: they name no heading elsewhere
    // ("nghị quyết phát huy vai trò trí thức giai đoạn mới" is 45-NQ/TW's title, not 27-NQ/TW's "Vai trò…").
    const namesOther = described !== null && c.id !== described;
    const hit = own || namesOther || (task && task !== 'study') || query.implementer ? null : headingNamedBy(a.all, subject, namingInfos, (w) => FUNCTION_WORDS.has(w), named > 0);
    const headed = !own && !namesOther && (headingIsQuery(frag, a) || namesAll(frag)) ? 1 : (hit?.share ?? 0);
    const boost = headed > 0 ? Math.max(named, PAGE_WEIGHTS.headingNamed + PAGE_WEIGHTS.headingShare * headed) + (named > 0 ? PAGE_WEIGHTS.headingFamily : 0) : named;
    // A provision named by its place is where the page opens, whatever else the words found.
    const place = options.provision ? a.all.find((x) => x.id === options.provision!.id) : undefined;
    const ranked = place ? [place, ...a.sections.filter((x) => x.id !== place.id)] : hit ? [hit.section, ...a.sections.filter((x) => x !== hit.section)] : a.sections;
    const score = boost + tier + sourcePrior(frag, task) * relevance;
    pages.push({
      id: c.id,
      url: frag.url,
      title: frag.meta.title ?? frag.url,
      ...(frag.meta.number ? { number: frag.meta.number } : {}),
      ...(frag.filters?.[KIND_FILTER]?.[0] ? { kind: frag.filters[KIND_FILTER][0] } : {}),
      score,
      // The document named by its number is the answer itself: link to its top first. A purpose page
      // opens at the part whose heading the query names ("bảng phân công" → the table).
      sections: own
        ? slideFirst(purposeParts(frag, a.sections, infos, task), frag, options.slide, options.labels)
        : answerFirst(
            c.named && !place ? [a.top, ...a.sections.filter((x) => x.id !== null)] : ranked,
            a.all,
            frag,
            options.asks,
            options.labels,
            (!!query.docRef && docRefMatches(query.docRef, frag.meta.number ?? '')) || c.id === described,
          ),
      namedDocument: c.named,
    });
    const definition = definitionOf(own, c, a);
    if (definition) defines.set(pages[pages.length - 1]!, definition);
    const kind = pageKindOf(frag.url);
    // Only the document named with other words is asked (see deferToDocuments): one more analysis, of one page or two.
    const subjectInOrder = kind === 'document' && named > 0 && subject.length >= 2 && subject.length < infos.length ? analysePage(frag, subject, options.labels).inOrder : undefined;
    matchOf.set(pages[pages.length - 1]!, {
      coverage: a.coverage,
      phraseRatio: a.phraseRatio,
      inOrder: a.inOrder,
      phraseInHeading: a.phraseInHeading,
      idNamed: a.idNamed,
      kind,
      boost: boost + tier,
      named,
      ...(subjectInOrder !== undefined ? { subjectInOrder } : {}),
    });
  }
  pages.sort((a, b) => b.score - a.score);
  if (!task) deferToDocuments(pages, matchOf);
  definitionFirst(pages, defines, KIND_VALUES.document);
  return { query, total: candidates.size - taskOnly.size + pages.filter((p) => taskOnly.has(p.id)).length, pages: pages.slice(0, limit), missing, suggestion: '', searches: memo.size, ...(task ? { task } : {}) };
}

/** A document page's identity, from its search metadata ({@link IDENTITY_META}). */
function identityOf(id: string, frag: Fragment): DocumentIdentity {
  const m = frag.meta;
  return {
    id,
    number: m.number ?? '',
    issuer: m[IDENTITY_META.issuer] ?? '',
    body: m[IDENTITY_META.body] ?? '',
    abstract: m[IDENTITY_META.abstract] ?? '',
    year: frag.filters?.[DATE_FILTER]?.[0]?.slice(0, 4) ?? null,
  };
}

/**
 * How much of what the query asks about (`subject`) a page holds; a purpose page's parts count as its
 * words ("chương trình buổi sinh hoạt" is a heading in the handout's meeting kit). 1 when the query
 * asks about nothing beyond naming.
 */
function coverageWithParts(frag: Fragment, subject: ReturnType<typeof termInfos>, labels: Readonly<Record<string, string>> | undefined): number {
  if (subject.length === 0) return 1;
  const own = analysePage(frag, subject, labels).coverage;
  const parts = (frag.filters?.[SECTIONS_FILTER] ?? []).map(readPart).filter((p) => p !== null);
  if (!parts.length || own === 1) return own;
  const text = parts.map((p) => [p.heading, ...p.inner].join(' ')).join(' ');
  return Math.max(own, lineMatches(text, subject).terms.size / subject.length);
}

/**
 * The lead a page named by the query keeps, given its tier `boost`. A page named along with other
 * words leads only when it has at least half of what they ask about (else it drops to the family's
 * tier); when it `lacks` that and a page not named says it all (`othersSayAll`), it gets no lead.
 */
function namedLead(boost: number, lacks: boolean, othersSayAll: boolean): number {
  const namedOrFamily = boost === PAGE_WEIGHTS.namedWithWords || boost === PAGE_WEIGHTS.documentFamily;
  if (lacks && othersSayAll && namedOrFamily) return 0;
  if (lacks && boost === PAGE_WEIGHTS.namedWithWords) return PAGE_WEIGHTS.documentFamily;
  return boost;
}

/** How completely a page matches a query, for {@link deferToDocuments}. */
export interface PageMatch {
  coverage: number;
  phraseRatio: number;
  /** All query words stand in order, together or a few words apart. */
  inOrder: boolean;
  /** All query words stand together in one of the page's headings. */
  phraseInHeading: boolean;
  /** A section's heading and hand-written id together hold every query word (see `PageAnalysis.idNamed`). */
  idNamed: boolean;
  kind: PageKind;
  /** The tier boost the page got (named document, session, task). */
  boost: number;
  /** The part of `boost` the page has for being named by the query (its number, date or session). */
  named?: number;
  /**
   * On a document the query names, with other words: those words (the subject) stand in order in it,
   * together or a few words apart ("sơ kết 5 năm" in the text "ket luan 90 so ket 5 nam" names).
   */
  subjectInOrder?: boolean;
}

/**
 * A study reading page (or a poster, which sums one up) quotes and paraphrases the documents: when
 * the query names no task and a document matches it as completely (every query word the study page has, and its words standing
 * together as well, or all in order a few words apart: "tầm nhìn đến năm 2045" for "tam nhin 2045", or
 * all in one section's heading and id: "định nghĩa trí thức nq27" for "Trí thức là ai" at `#dinh-nghia-tri-thuc`),
 * the document comes before the study page, whatever the finer scores say.
 * Only the best document of the results counts (the text the query is about), not every document
 * that mentions the same words ("nghị quyết 45" stands in several, and the session on it must stay
 * near the top). Pages are moved, not rescored: the document goes up to just below the other pages
 * above it, the study pages it beats just after it. `pages` is sorted best first and is reordered in
 * place.
 */
export function deferToDocuments(pages: RankedPage[], matchOf: ReadonlyMap<RankedPage, PageMatch>): void {
  // The best document of the results: the text the query is about.
  const j = pages.findIndex((p) => matchOf.get(p)?.kind === 'document');
  const d = j < 0 ? undefined : matchOf.get(pages[j]!);
  if (!d) return;
  const above = pages.slice(0, j).filter((p) => {
    const s = matchOf.get(p);
    // Not a page named by the query (its boost is above the document's), nor one with the query
    // standing in a heading ("Vì sao học kế hoạch này") when the document has its words only apart. The body
    // of a study page retells the documents, often in fewer words: a phrase there is no sign that
    // the page, rather than the text it retells, is what was asked for.
    if (!(s?.kind === 'study' || s?.kind === 'poster') || d.coverage < s.coverage) return false;
    if (s.boost <= d.boost && (d.phraseRatio >= s.phraseRatio || d.inOrder || d.idNamed || !s.phraseInHeading)) return true;
    // A study page the query does not name, whose heading holds the query because it names the
    // document the query names ("Sơ kết 5 năm: Kết luận 90-KL/TW" for "ket luan 90 so ket 5 nam"),
    // retells that document when the document says the rest in order too.
    return !s.named && !!d.named && d.subjectInOrder === true;
  });
  if (!above.length) return;
  // The other pages above the document keep their order; the document, then the study pages, after them.
  const keep = pages.slice(0, j).filter((p) => !above.includes(p));
  pages.splice(0, pages.length, ...keep, pages[j]!, ...above, ...pages.slice(j + 1));
}

/**
 * A purpose page's sections with the part its query names first: the part (from {@link SECTIONS_FILTER})
 * with the most query words in its h2 and the h3 headings inside it, when it has two or more and one
 * of them is not in the page's title (every part of the assignment table shares the title's "phân
 * công"; "bảng phân công" names the table), opened at the h3 that names it best when that has an
 * anchor ({@link innerNamed}); or, on a page indexed for its one part ({@link ONE_PART_PAGES}) when
 * the query's task asks for it, that part. The part keeps the page's excerpt. Unchanged when no part is named.
 */
export function purposeParts(frag: Fragment, sections: ScoredSection[], infos: ReturnType<typeof termInfos>, task?: PageKind): ScoredSection[] {
  const top = sections[0];
  const parts = frag.filters?.[SECTIONS_FILTER];
  if (!top || !parts?.length) return sections;
  // A page indexed for one part of it, asked for by its task, opens there ("đọc khi mất mạng": the home page's offline part).
  const only = parts.length === 1 && task && task === pageKindOf(frag.url) && ONE_PART_PAGES.has(task) ? readPart(parts[0]!) : null;
  const inTitle = lineMatches(frag.meta.title ?? '', infos).terms;
  let pick: { id: string; heading: string; words: number[]; n: number; own: number } | null = null;
  for (const part of parts.map(readPart)) {
    if (!part) continue;
    // The part's h2, then the h3 headings inside it: the query may name the part by either.
    const m = lineMatches([part.heading, ...part.inner].join(' '), infos);
    // Words the title lacks tell the parts apart ("mốc quý IV/2019 trong bảng phân công": the deadlines,
    // though "bảng phân công" names the table); the title's words, which every part shares, break ties.
    const own = [...m.terms].filter((j) => !inTitle.has(j)).length;
    if (m.terms.size < 2 || own === 0) continue;
    if (!pick || own > pick.own || (own === pick.own && m.terms.size > pick.n)) pick = { ...innerNamed(part, infos), n: m.terms.size, own };
  }
  if (!pick && only) pick = { id: only.id, heading: only.heading, words: lineMatches(only.heading, infos).words, n: 0, own: 0 };
  if (!pick) return sections;
  const headingWords = splitWords(pick.heading);
  const marked = new Set(pick.words);
  const headingHtml = headingWords.map((w, i) => (marked.has(i) ? `<mark>${escapeHtml(w)}</mark>` : escapeHtml(w))).join(' ');
  return [{ ...top, id: pick.id, heading: pick.heading, landmark: false, headingHtml, headingWords, headingMarked: pick.words }, ...sections];
}

/** Purpose pages indexed for a single part of them: the home page, for saving the site for offline use. */
const ONE_PART_PAGES: ReadonlySet<PageKind> = new Set(['home']);

/** Pages that show a deck's slides, each at the anchor {@link slideAnchor} gives it. */
const SLIDE_PAGES: ReadonlySet<PageKind> = new Set(['deck', 'presenter']);

/**
 * A deck's or presenter view's sections with the slide the query names first ("slide 12 chuyên đề 1"
 * opens slide 12), labelled "Trang chiếu 12"; unchanged on other pages or when no slide is named.
 */
function slideFirst(sections: ScoredSection[], frag: Fragment, slide: number | null | undefined, labels: Readonly<Record<string, string>> = {}): ScoredSection[] {
  const top = sections[0];
  if (!slide || !top || !SLIDE_PAGES.has(pageKindOf(frag.url))) return sections;
  const heading = (labels['slide'] ?? '{n}').replace('{n}', String(slide));
  const headingWords = splitWords(heading);
  return [{ ...top, id: slideAnchor(slide), heading, landmark: false, headingHtml: escapeHtml(heading), headingWords, headingMarked: [] }, ...sections];
}

/**
 * Where a link to a purpose page's part opens: at an h3 inside it that has an anchor and holds more
 * of the query's words than the part's h2 ("hạn tháng 10/2019": that deadline, not the list of
 * deadlines), else at the part.
 */
function innerNamed(part: PagePart, infos: ReturnType<typeof termInfos>): { id: string; heading: string; words: number[] } {
  const own = lineMatches(part.heading, infos);
  let best = { id: part.id, heading: part.heading, words: own.words, n: own.terms.size };
  // The h3 that alone holds query words the h2 lacks ("các mốc thời hạn năm 2020": the h2 says the
  // first four, the h3 "Năm 2020" the rest) narrows the part down to itself.
  let narrow = null as { id: string; heading: string; words: number[]; extra: number } | null;
  let tie = false;
  for (const [i, heading] of part.inner.entries()) {
    const id = part.innerIds?.[i];
    if (!id) continue;
    const m = lineMatches(heading, infos);
    if (m.terms.size > best.n) best = { id, heading, words: m.words, n: m.terms.size };
    const extra = [...lineMatches(`${heading} ${idOnlyText(id, heading)}`, infos).terms].filter((j) => !own.terms.has(j) && !FUNCTION_WORDS.has(infos[j]!.full)).length;
    if (extra > 0 && extra === narrow?.extra) tie = true;
    else if (extra > (narrow?.extra ?? 0)) {
      narrow = { id, heading, words: m.words, extra };
      tie = false;
    }
  }
  const pick = narrow && !tie && own.terms.size > 0 ? narrow : best;
  return { id: pick.id, heading: pick.heading, words: pick.words };
}

/** The anchor of an official text's signature block (see DocumentLayout and the documents' MDX). */
const SIGNER_ANCHOR = 'nguoi-ky';
/** The anchor of a document page's status panel ("Tình trạng và văn bản tiếp nối", StatusPanel.astro). */
const STATUS_ANCHOR = 'tinh-trang';
/** Headings that say why a text was made: its background ("Bối cảnh"), "Vì sao…", "Lý do…" (folded). */
const WHY_HEADING = /^(?:boi canh|vi sao|ly do)\b/;

/**
 * The sections of a page with the one that answers a question first: who signed (the signature
 * block, or else the first matched section that names the signing), when it was issued (the first
 * part of the page, in page order, that gives the year of issue: the header of an official text,
 * the facts section of a summary), whether it still applies (the status panel), why it was made
 * (the background section), who made it (of the document named: see `makerSection`). Unchanged when
 * the page has no such part.
 */
export function answerFirst(
  sections: ScoredSection[],
  all: readonly ScoredSection[],
  frag: Fragment,
  asks: Asks | null | undefined,
  labels: Readonly<Record<string, string>> = {},
  /** The query names this document, by its number or by its face. */
  named = false,
): ScoredSection[] {
  if (!asks || frag.filters?.[KIND_FILTER]?.[0] !== KIND_VALUES.document) return sections;
  let pick: ScoredSection | undefined;
  if (asks === 'signer') pick = all.find((x) => x.id === SIGNER_ANCHOR);
  // Who made a text is asked of the text named: "ai xây dựng chiến lược" asks who carries out a task.
  else if (asks === 'issuer' && named) pick = makerSection(all, frag);
  else if (asks === 'who' || asks === 'issuer') pick = bodySection(sections);
  else if (asks === 'status') pick = statusSection(all[0], labels);
  else if (asks === 'why') pick = all.find((x) => x.id !== null && WHY_HEADING.test(fold(x.heading)));
  else if (asks === 'issued') {
    const year = frag.filters?.[DATE_FILTER]?.[0]?.slice(0, 4);
    if (year) {
      const words = splitWords(frag.content);
      pick = all.find((x) => x.id !== null && words.slice(x.start, x.end).some((w) => w.includes(year)));
    }
  }
  return pick ? [pick, ...sections.filter((x) => x !== pick)] : sections;
}

/**
 * The first part, in page order, that names who made the text: the body its record names beside the
 * issuer (the plan's opening paragraph: "Ban Thường vụ Tỉnh ủy xây dựng kế hoạch"), else the issuer
 * (a summary's facts: "Cơ quan ban hành: Ban Bí thư Trung ương Đảng"). The name is read up to what it
 * did, without the tail every central body shares ("Trung ương Đảng"). Headings' parts and the prose
 * landmarks count; other landmarks (the header block, the title) name the issuer on every text.
 */
function makerSection(all: readonly ScoredSection[], frag: Fragment): ScoredSection | undefined {
  const words = splitWords(frag.content).map((w) => foldWords(w).join(' '));
  for (const meta of [IDENTITY_META.body, IDENTITY_META.issuer]) {
    const name = foldWords((frag.meta[meta] ?? '').replace(/\(.*$/, ''))
      .join(' ')
      .replace(/ (?:xay dung|ban hanh|thong qua)(?: .*)?$/, '')
      .replace(/ (?:trung uong dang|trung uong|dang)$/, '')
      .split(' ')
      .filter(Boolean);
    if (name.length < 2) continue;
    // A part of the text, not the page's title or its header block, which name the issuer on every page.
    const part = all
      .filter((x) => x.id !== null && (!x.landmark || PROSE_LANDMARKS.has(x.id)))
      .sort((a, b) => a.start - b.start)
      .find((x) => words.slice(x.start, x.end).some((_, i, w) => name.every((n, k) => w[i + k] === n)));
    if (part) return part;
  }
  return undefined;
}

/**
 * A heading that names a body of the Party or the State, after its numbering ("3. Ban Cán sự Đảng
 * UBND tỉnh", "Đảng đoàn Hội đồng Nhân dân tỉnh", "Cấp ủy, tổ chức đảng, chính quyền…"): the plan's
 * part III gives each body its tasks under such a heading.
 */
const BODY_HEADING = /^(?:(?:\d+|[IVX]+)[.)-]\s*)?(?:Ban|Đảng đoàn|Đảng ủy|Đảng bộ|Cấp ủy|Tỉnh ủy|Ủy ban|UBND|HĐND|Hội đồng|Sở|Hội|Liên hiệp|Mặt trận|Văn phòng|Bộ)(?=[\s,]|$)/u;
/** Least score, against the best part's, of a part headed by a body to answer "who" (half: it must say much of what is asked). */
const WHO_SHARE = 0.5;

/**
 * The part that answers "who does this": the best matched part headed by a body, when it scores at
 * least {@link WHO_SHARE} of the best part. A task is stated in part II of the plan and assigned, in
 * the same words, under its body's heading in part III; the question asks for the second.
 */
function bodySection(sections: readonly ScoredSection[]): ScoredSection | undefined {
  const best = sections[0]?.score ?? 0;
  return sections.find((x) => x.id !== null && !x.landmark && x.score >= WHO_SHARE * best && BODY_HEADING.test(x.heading.trim()));
}

/**
 * The status panel of a document page as a link target. The panel is left out of the index (it
 * names the later documents, whose words would pull their queries to it), so it has no section of
 * its own: this one has its heading and no excerpt. Every document page has the panel.
 */
function statusSection(top: ScoredSection | undefined, labels: Readonly<Record<string, string>>): ScoredSection | undefined {
  const heading = labels[STATUS_ANCHOR];
  if (!top || !heading) return undefined;
  return { ...top, id: STATUS_ANCHOR, heading, landmark: true, excerptHtml: '', headingHtml: escapeHtml(heading), headingWords: heading.split(' '), headingMarked: [] };
}

/** True when a query is nothing but dates ("30-5-2019", "ngày 30/5/2019"): the document of that day is the answer. */
function isDateOnly(text: string): boolean {
  return fold(text).replace(/\b(ngay|thang|nam)\b/g, ' ').replace(/\d{1,2}\/\d{1,2}\/\d{4}/g, ' ').trim() === '';
}

/**
 * The documents issued in the years a query names alone: with a kind word ("kết luận … 2014") those of
 * that kind, boosted like a document named with other words; with none, every document of the year,
 * boosted like a family (a year is weaker evidence than a number: several texts share one).
 */
async function yearPages(
  pf: PagefindApi,
  years: readonly string[],
  kinds: readonly string[],
  filters: Record<string, string[]> | undefined,
  run: Run,
  fragment: (r: PagefindResult) => Promise<Fragment | null>,
): Promise<NamedPage[]> {
  const all = await allFilters(pf);
  const days = Object.keys(all[DATE_FILTER] ?? {}).filter((iso) => years.some((y) => iso.startsWith(`${y}-`)));
  const found = await Promise.all(days.map((iso) => run(null, { ...(filters ?? {}), [DATE_FILTER]: iso, [KIND_FILTER]: KIND_VALUES.document })));
  const out: NamedPage[] = [];
  for (const res of found.flatMap((r) => r?.results ?? [])) {
    if (kinds.length) {
      const code = kindOfNumber((await fragment(res))?.meta.number ?? '');
      if (!code || !kinds.some((k) => fold(k) === code)) continue;
    }
    out.push({ res, boost: kinds.length ? PAGE_WEIGHTS.namedWithWords : PAGE_WEIGHTS.documentFamily, kindOnly: false });
  }
  return out;
}

/**
 * Most documents of one kind a kind word alone may point at: beyond that, "nghị quyết" says little
 * about which is meant (a site of hundreds of resolutions), and searching each would cost too much.
 */
const KIND_DOCUMENTS_MAX = 6;

/**
 * The documents of the kinds a query names by word without a number or a year ("nghị quyết phát
 * huy vai trò trí thức": the resolutions), in the family tier: the kind narrows the documents meant,
 * the other words choose among them. Nothing when the kind has more than a few documents.
 */
async function kindPages(
  pf: PagefindApi,
  kinds: readonly string[],
  filters: Record<string, string[]> | undefined,
  run: Run,
): Promise<NamedPage[]> {
  if (!kinds.length) return [];
  const all = await allFilters(pf);
  const numbers = Object.keys(all[DOC_FILTER] ?? {}).filter((n) => kinds.some((k) => kindOfNumber(n) === fold(k)));
  if (numbers.length === 0 || numbers.length > KIND_DOCUMENTS_MAX) return [];
  const found = await Promise.all(numbers.map((n) => run(null, { ...(filters ?? {}), [DOC_FILTER]: n, [KIND_FILTER]: KIND_VALUES.document })));
  return found.flatMap((r) => r?.results ?? []).map((res) => ({ res, boost: PAGE_WEIGHTS.documentFamily, kindOnly: false }));
}

/**
 * The documents issued on a date (ISO), boosted like a document named by its number; when the site
 * holds none of that date and the query is the date alone, the pages that list a text of that date
 * (the timeline) in their place.
 */
async function datedPages(
  iso: string,
  dateOnly: boolean,
  noTask: boolean,
  filters: Record<string, string[]> | undefined,
  run: Run,
): Promise<NamedPage[]> {
  if (!dateOnly && !noTask) return [];
  const docs = await run(null, { ...(filters ?? {}), [DATE_FILTER]: iso, [KIND_FILTER]: KIND_VALUES.document });
  if (docs?.results.length) return docs.results.map((res) => ({ res, boost: dateOnly ? PAGE_WEIGHTS.namedDocument : PAGE_WEIGHTS.namedWithWords, kindOnly: dateOnly }));
  // A list naming a text of that date answers the date alone; with other words, they decide.
  if (!dateOnly) return [];
  const lists = await run(null, { ...(filters ?? {}), [DATE_FILTER]: iso });
  return (lists?.results ?? []).map((res) => ({ res, boost: PAGE_WEIGHTS.namedDocument, kindOnly: true }));
}

/**
 * Runs a search the way people type (see docs/SEARCH.md). Never throws on user input; Pagefind
 * errors propagate, and {@link SearchAborted} when `options.signal` aborts.
 *
 * The query is first read by {@link understand} (abbreviations, dates and numbers, task words) and
 * searched. When that finds nothing, in turn: the query read as Telex/VNI typing; each word found
 * nowhere replaced by the closest word of the index (fuzzy, "Có phải bạn muốn tìm …"); the words
 * that exist alone. The outcome's `query.text` is always what was typed.
 */
export async function search(pf: PagefindApi, raw: string, options: SearchOptions = {}): Promise<SearchOutcome> {
  const typed = parseQuery(raw);
  if (typed.terms.length === 0) return empty(typed);
  const read = (text: string) => {
    const u = understand(text);
    return { text: u.text, reading: { task: u.task, dates: u.dates, years: u.years, asks: u.asks, session: u.session, provision: u.provision, slide: u.slide } as Reading };
  };
  const first = read(typed.text);
  const asTyped = (out: SearchOutcome, searched: string, extra: Partial<SearchOutcome> = {}): SearchOutcome => ({
    ...out,
    query: { ...out.query, text: typed.text },
    ...(fold(searched) !== fold(typed.text) ? { searchedAs: searched } : {}),
    ...extra,
  });
  let out = await searchWords(pf, first.text, { ...options, ...first.reading });
  // A task word found nowhere ("test", "slide") is not misspelt: it keeps its task reading and is not replaced.
  const taskWords = new Set(first.reading.task?.phrase.split(' ') ?? []);
  // Nor are the words of a document number or a number, nor a kind's abbreviation ("KL", "NQ"): they
  // name, and have no near spelling ("kl" is not "ke").
  const naming = referenceWords(first.text);
  const misspelt = out.missing.filter((w) => !taskWords.has(fold(w)) && !naming.has(fold(w)) && !isKindWord(w) && !/\d/.test(w));
  // Pages found with a word found nowhere (a named document or task carries the rest: "trinh chiue
  // ke hoach 83") are shown as they are only when no closest word gives a better reading below.
  // Words found nowhere in a query that clearly carries keyboard residue: its decoded reading is tried
  // before any closest word ("taafm nhifn 2045 nghij quyeets 45" finds a poster by "2045" and "45" alone).
  const residue = out.pages.length && out.missing.length ? keyboardResidue(typed.text) : null;
  if (out.pages.length && !misspelt.length && !residue) return asTyped(await widened(pf, out, first, options), first.text);
  // The fallbacks cost searches and fragments: none for a query already replaced by a newer one.
  if (options.signal?.aborted) throw new SearchAborted();
  let searches = out.searches;
  // Everyday words the texts never use ("chất xám"): the texts' words for them ("trí thức").
  const synonym = out.missing.length ? readSynonyms(first.text, out.missing) : null;
  if (synonym) {
    const y = read(synonym);
    const again = await searchWords(pf, y.text, { ...options, ...y.reading, task: y.reading.task ?? first.reading.task });
    searches += again.searches;
    if (again.pages.length && again.missing.length < out.missing.length) return asTyped({ ...again, searches }, y.text);
  }
  // A keyboard left in Telex or VNI mode: its reading when it finds pages with fewer words missing.
  const decoded = out.pages.length ? residue : decodeKeyboard(typed.text);
  if (decoded) {
    const d = read(decoded);
    const again = await searchWords(pf, d.text, { ...options, ...d.reading });
    searches += again.searches;
    if (again.pages.length && (!out.pages.length || again.missing.length < out.missing.length)) return asTyped({ ...again, searches }, d.text);
  }
  if (out.pages.length && !misspelt.length) return asTyped({ ...out, searches }, first.text);
  // Each word found nowhere replaced by the closest word that exists; words without one left out.
  // With pages found, only the misspelt words are looked at (the others are kept as typed); with
  // none, every word found nowhere but a task word (task words are dropped: the task stays).
  const found = out.pages.length > 0;
  const fixable = found ? misspelt : out.missing.filter((w) => !taskWords.has(fold(w)));
  if (fixable.length) {
    // The pages the other words found hold the word meant more often than not ("trình chiếu" on the
    // deck that "trinh chiue ke hoach 83" finds by its number): their words are candidates too.
    const near = found ? await wordsOf(pf, out.pages.slice(0, FUZZY_PAGES + 1)) : [];
    const fixes = await Promise.all(out.missing.map((w) => (fixable.includes(w) ? closestIndexWord(pf, w, near) : null)));
    if (options.signal?.aborted) throw new SearchAborted();
    const fixed = first.text
      .split(' ')
      .map((w) => {
        const k = out.missing.findIndex((m) => stripWordPunctuation(w).toLocaleLowerCase('vi') === m);
        if (k < 0) return w;
        return fixes[k] ?? (found && !taskWords.has(fold(out.missing[k]!)) ? w : '');
      })
      .filter(Boolean)
      .join(' ');
    if (fixed && fixed !== first.text && (!found || fixes.some((x) => x !== null))) {
      const f = read(fixed);
      const again = await searchWords(pf, f.text, { ...options, ...f.reading, task: f.reading.task ?? first.reading.task, allowMissing: true });
      searches += again.searches;
      if (again.pages.length) return { ...again, query: { ...again.query, text: typed.text }, didYouMean: fixed, missing: out.missing, searches };
    }
  }
  if (out.pages.length) return asTyped({ ...out, searches }, first.text);
  out = await searchWords(pf, first.text, { ...options, ...first.reading, allowMissing: true });
  searches += out.searches;
  if (out.pages.length) return asTyped({ ...out, searches }, first.text);
  // No page has every word that exists: the words of the page that has the most of them.
  const most = await wordsOfWidestPage(pf, first.text, out.missing);
  if (options.signal?.aborted) throw new SearchAborted();
  if (most) {
    const w = read(most);
    const again = await searchWords(pf, w.text, { ...options, ...w.reading, task: w.reading.task ?? first.reading.task, allowMissing: true });
    if (again.pages.length) return asTyped({ ...again, searches: searches + again.searches }, most);
  }
  return asTyped({ ...out, searches }, first.text);
}

/**
 * A long question whose every word only a page or two hold ("chiến lược trí thức của tỉnh phải xong năm
 * nào": the plan never says "xong") often misses the text that answers it, which lacks one of its
 * words. With fewer than {@link WIDEN_BELOW} pages found, a query of {@link WIDEN_MIN_WORDS} content
 * words or more that names nothing (no number, date, session, provision or task) is searched again with
 * the words of the page outside those found that holds the most of them, and that search's pages follow
 * the ones found (which hold every word, and keep their lead). Round 10.
 */
async function widened(pf: PagefindApi, out: SearchOutcome, first: { text: string; reading: Reading }, options: SearchOptions): Promise<SearchOutcome> {
  const r = first.reading;
  const named = out.query.docRef || r.task || r.session || r.provision || r.dates?.length || r.years?.length;
  const content = out.query.terms.filter((t) => !FUNCTION_WORDS.has(fold(t)));
  if (named || out.pages.length >= WIDEN_BELOW || content.length < WIDEN_MIN_WORDS || options.signal?.aborted) return out;
  const found = new Set(out.pages.map((p) => p.id));
  const widest = await widestPage(pf, first.text, out.missing, found);
  if (!widest || options.signal?.aborted) return out;
  const again = await searchWords(pf, widest.kept.join(' '), { ...options, ...r, allowMissing: true });
  const more = again.pages
    .filter((p) => !found.has(p.id))
    .map((p) => ({ ...p, lacking: widest.words.filter((_, i) => !widest.hits[i]!.has(p.id)) }));
  if (!more.length) return out;
  const limit = options.limit ?? 10;
  return { ...out, pages: [...out.pages, ...more].slice(0, limit), total: out.total + more.length, near: more.length, searches: out.searches + again.searches };
}
const WIDEN_BELOW = 3;
const WIDEN_MIN_WORDS = 4;

/**
 * The query's words that the page holding the most of them has ("hđnd tạo khung pháp lý thu hút
 * nhân lực": no page has "khung" with the rest): each word (every reading) searched alone, once
 * (the session remembers), and the words of the page found by most of them, in the query's order.
 * Null when no word is found anywhere (`missing`: the words found nowhere), or when that page has
 * them all (the query was searched as it is).
 */
async function wordsOfWidestPage(pf: PagefindApi, text: string, missing: readonly string[]): Promise<string | null> {
  return (await widestPage(pf, text, missing))?.kept.join(' ') ?? null;
}

/**
 * What {@link wordsOfWidestPage} reads: the query's words found somewhere (`words`), the pages each
 * is on (`hits`, by position) and the words the widest page holds (`kept`, a strict subset). Pages
 * in `besides` (already shown) are not counted.
 */
async function widestPage(
  pf: PagefindApi,
  text: string,
  missing: readonly string[],
  besides: ReadonlySet<string> = new Set(),
): Promise<{ words: string[]; hits: Set<string>[]; kept: string[] } | null> {
  // A word found nowhere is answered with pages of its longest prefix: it counts for none.
  const words = parseQuery(text).terms.filter((w) => !missing.includes(w));
  const hits = await Promise.all(
    words.map(async (w) => new Set((await Promise.all(termVariants(w).map((v) => sessionSearch(pf, v).catch(() => null)))).flatMap((r) => (r?.results ?? []).map((x) => x.id)))),
  );
  const count = new Map<string, number>();
  for (const ids of hits) for (const id of ids) if (!besides.has(id)) count.set(id, (count.get(id) ?? 0) + 1);
  const best = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const kept = best ? words.filter((_, i) => hits[i]!.has(best)) : [];
  // Every word kept is the query already searched: nothing narrower to try.
  return kept.length && kept.length < words.length ? { words, hits, kept } : null;
}

/**
 * Pages whose matched words are the candidates for a word found nowhere: its best two carry the
 * common spellings, and typing passes through queries that find nothing ("nguoi dung d…"), each of
 * which costs this many fragments more.
 */
const FUZZY_PAGES = 2;

/** The distinct words of pages already ranked (their fragments are in the session cache). */
async function wordsOf(pf: PagefindApi, pages: readonly RankedPage[]): Promise<string[]> {
  const session = sessionOf(pf);
  const frags = await Promise.all(pages.map((p) => session.fragments.get(p.id)?.catch(() => null) ?? null));
  const out = new Set<string>();
  for (const f of frags) for (const w of splitWords(f?.content ?? '')) out.add(stripWordPunctuation(w).toLocaleLowerCase('vi'));
  out.delete('');
  return [...out];
}

/**
 * The word of the index closest to one found nowhere: Pagefind answers a missing word with its
 * longest prefix that exists ("tinhh" → "tinh…"), so the words its best pages matched are the
 * candidates, most frequent first; {@link closestWord} picks one within an edit or two. A word typed
 * without its space ("nghiquyet") is first read as the two neighbouring words it joins
 * ({@link joinedWords}, round 13): the prefix found is their first.
 */
async function closestIndexWord(pf: PagefindApi, word: string, near: readonly string[] = []): Promise<string | null> {
  const r = await sessionSearch(pf, word);
  const counts = new Map<string, number>();
  const pairs: [string, string][] = [];
  const session = sessionOf(pf);
  for (const res of (r?.results ?? []).slice(0, FUZZY_PAGES)) {
    let frag: Fragment;
    try {
      let p = session.fragments.get(res.id);
      if (!p) {
        p = pf.fragment ? pf.fragment(res.id).catch(() => res.data()) : res.data();
        remember(session.fragments, res.id, p);
      }
      frag = await p;
    } catch {
      continue;
    }
    const words = splitWords(frag.content);
    for (const i of res.words) {
      const w = stripWordPunctuation(words[i] ?? '').toLocaleLowerCase('vi');
      if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
      // The prefix found is the first syllable of a word typed without its space: the next word is the second.
      if (w && words[i + 1]) pairs.push([w, stripWordPunctuation(words[i + 1]!).toLocaleLowerCase('vi')]);
    }
  }
  // No edit at all beats any near word: "nghiquyet" is "nghị quyết", not a word two edits away.
  const joined = joinedWords(word, pairs);
  if (joined !== null) return hasDiacritics(word) ? joined : fold(joined);
  // Folded: the engine's own unaccented matching then finds every spelling of it ("dauu" → "dau":
  // "đầu" in "người đứng đầu", not whichever of "đầu", "dấu", "đâu" is commonest).
  const best = closestWord(word, [...[...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w), ...near]);
  return best === null ? null : hasDiacritics(word) ? best : fold(best);
}

/**
 * The pages of the documents a reference names: the document itself (boosted most) and its family.
 * When the query asks for a document of another kind that carries the named one out ("kế hoạch triển
 * khai kết luận 52", `implementer`) and there is one, that document takes the named tier and the
 * named one is family.
 */
async function namedPages(
  pf: PagefindApi,
  ref: NonNullable<ParsedQuery['docRef']>,
  referenceOnly: boolean,
  noTask: boolean,
  filters: Record<string, string[]> | undefined,
  run: Run,
  implementer: string | null = null,
  fragment?: (r: PagefindResult) => Promise<Fragment | null>,
): Promise<NamedPage[]> {
  const all = await allFilters(pf);
  const numbers = Object.keys(all[DOC_FILTER] ?? {}).filter((n) => docRefMatches(ref, n));
  const carriers = implementer && noTask && fragment ? await implementersOf(numbers, implementer, filters, run, fragment) : [];
  // [document only, boost, link to its top]
  const kinds: (readonly [boolean, number, boolean])[] = carriers.length
    ? [[false, PAGE_WEIGHTS.documentFamily, false]]
    : referenceOnly
      ? [[true, PAGE_WEIGHTS.namedDocument, true], [false, PAGE_WEIGHTS.documentFamily, false]]
      : noTask
        ? [[true, PAGE_WEIGHTS.namedWithWords, false], [false, PAGE_WEIGHTS.documentFamily, false]]
        : [[false, PAGE_WEIGHTS.documentFamily + PAGE_WEIGHTS.ownPage, false]];
  const asks = numbers.flatMap((number) => [
    ...kinds.map(async ([docOnly, boost, kindOnly]) => {
      const f: Filters = { ...(filters ?? {}), [DOC_FILTER]: number };
      if (docOnly) f[KIND_FILTER] = KIND_VALUES.document;
      return ((await run(null, f))?.results ?? []).map((res) => ({ res, boost, kindOnly }));
    }),
    // Its quiz, deck and other pages about it are family too.
    (async () => ((await run(null, { ...(filters ?? {}), [ABOUT_FILTER]: number }))?.results ?? []).map((res) => ({ res, boost: PAGE_WEIGHTS.documentFamily, kindOnly: false })))(),
  ]);
  // Named with other words, a document has the documents that carry it out in its family: what the
  // words ask about may be said only there ("ubnd tỉnh cụ thể hóa kết luận 52": the plan).
  const withCarriers = !carriers.length && noTask && !referenceOnly
    ? (await Promise.all(numbers.map((n) => run(null, { ...(filters ?? {}), [IMPLEMENTS_FILTER]: n, [KIND_FILTER]: KIND_VALUES.document })))).flatMap((r) => r?.results ?? [])
    : [];
  const named = (await Promise.all(asks)).flat();
  return [
    ...carriers.map((res) => ({ res, boost: PAGE_WEIGHTS.namedWithWords, kindOnly: false })),
    ...withCarriers.map((res) => ({ res, boost: PAGE_WEIGHTS.documentFamily, kindOnly: false, carrier: true })),
    ...named,
  ];
}

/** The document pages of kind `kind` (a number code, "KH") that carry out one of `numbers`. */
async function implementersOf(
  numbers: string[],
  kind: string,
  filters: Record<string, string[]> | undefined,
  run: Run,
  fragment: (r: PagefindResult) => Promise<Fragment | null>,
): Promise<PagefindResult[]> {
  const found = (await Promise.all(numbers.map((n) => run(null, { ...(filters ?? {}), [IMPLEMENTS_FILTER]: n, [KIND_FILTER]: KIND_VALUES.document })))).flatMap((r) => r?.results ?? []);
  const frags = await Promise.all(found.map(fragment));
  return found.filter((_, i) => {
    const own = frags[i]?.filters?.[DOC_FILTER]?.[0];
    return own !== undefined && kindOfNumber(own) === fold(kind);
  });
}

/**
 * The texts that have the provision a query names by its place ("mục 4 phần III"): named like a
 * document by its number, alone or with other words (with a task, its family). With a document or
 * session named, the naming decides the pages, and the place only where a page that has it opens.
 */
async function provisionPages(
  ref: ProvisionRef,
  noTask: boolean,
  filters: Record<string, string[]> | undefined,
  run: Run,
): Promise<NamedPage[]> {
  const found = await run(null, { ...(filters ?? {}), [PROVISION_FILTER]: ref.id });
  const boost = !noTask ? PAGE_WEIGHTS.documentFamily : ref.only ? PAGE_WEIGHTS.namedDocument : PAGE_WEIGHTS.namedWithWords;
  return (found?.results ?? []).map((res) => ({ res, boost, kindOnly: false }));
}

/**
 * The pages of a study session named by number ("chuyên đề 2", "bài 3"): named alone, its reading
 * page is the answer (linked at its top) and the rest is family; with other words and no task, the
 * reading page is named like a document named with words (its deck, handout and presenter view
 * repeat its headings, and only a task asks for them: round 10), the rest is family; with a task,
 * the session's page of that kind is in the family tier on top of the task tier, above the same kind
 * of page of the other sessions.
 */
async function sessionPages(
  ref: SessionRef,
  noTask: boolean,
  filters: Record<string, string[]> | undefined,
  run: Run,
): Promise<NamedPage[]> {
  const f: Filters = { ...(filters ?? {}), [SESSION_FILTER]: String(ref.session) };
  const [family, reading] = await Promise.all([run(null, f), noTask ? run(null, { ...f, [KIND_FILTER]: KIND_VALUES.study }) : null]);
  const readingBoost = ref.only ? PAGE_WEIGHTS.namedDocument : PAGE_WEIGHTS.namedWithWords;
  return [
    ...(reading?.results ?? []).map((res) => ({ res, boost: readingBoost, kindOnly: ref.only })),
    ...(family?.results ?? []).map((res) => ({ res, boost: PAGE_WEIGHTS.documentFamily, kindOnly: false })),
  ];
}

/**
 * Starts loading the index chunks a query will need (every reading of its words), without searching:
 * called on each keystroke, so the chunks are on their way while the typing pauses.
 */
export function preloadQuery(pf: PagefindApi, raw: string): void {
  if (!pf.preload) return;
  const terms = parseQuery(raw).terms;
  const readings = new Set(terms.flatMap((t) => termVariants(t)));
  for (const r of readings) pf.preload(r).catch(() => {});
}
