/**
 * Search latency in real Chromium against a served build, two ways:
 *
 * - **UI**: the real /tim-kiem/ page. For each query the benchmark fills all but the last
 *   character, waits for the page to settle, arms a timer on the next keydown/input event, types
 *   the last character, and waits until the results area has stopped changing (no DOM mutation
 *   for 400 ms). Latency = keystroke → the animation frame after the last mutation, i.e. until
 *   the final results were rendered (debounce included, as a user feels it). When the page has no
 *   search input yet, the result is "n/a" with the reason.
 * - **API**: Pagefind's own JS API (`/pagefind/pagefind.js`) imported into a page:
 *   `await pagefind.search(q)` plus `data()` of the first 5 results. Round 1 is each query's
 *   first run (index chunks fetched), round 2 the same query again (cached).
 *
 * Queries come in pairs: with diacritics and the same text folded to ASCII (as people type on
 * phones without a Vietnamese keyboard).
 */
import type { Browser, Page } from 'playwright-core';

/** Queries with diacritics; each is also run folded (see {@link foldDiacritics}). */
export const QUERIES = [
  'trí thức',
  'đội ngũ trí thức',
  'Kết luận 52',
  'khoa học và công nghệ',
  'đào tạo, bồi dưỡng',
  'Ban Tuyên giáo',
  'ngân sách',
  'khởi nghiệp',
  'thu hút',
  'tuyên truyền',
  'hội trí thức',
  'Điện Biên',
  'chiến lược phát triển',
  'kinh tế - xã hội',
  'sơ kết, tổng kết',
  'người đứng đầu',
  'trí thức trẻ',
  'Nghị quyết 27',
  'quý IV/2019',
  'giám sát',
];

/** Removes Vietnamese diacritics: "Điện Biên" → "Dien Bien". */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** One timed query. */
export interface LatencySample {
  query: string;
  /** True for the ASCII-folded form. */
  folded: boolean;
  /** Milliseconds, or null when nothing was rendered within the time limit. */
  ms: number | null;
  /** Results shown (UI: result links added; API: total matches). */
  results: number;
  /** API only: 1 = first run of the query, 2 = repeated. */
  round?: number;
}

/** Summary of a group of samples. */
export interface LatencyStats {
  n: number;
  median: number | null;
  p90: number | null;
  max: number | null;
  /** Queries that rendered no result (or, for the UI, timed out). */
  zeroResults: number;
  failures: number;
}

/** "n/a" with the reason. */
export interface NotAvailable {
  status: 'n/a';
  reason: string;
}

/** UI measurement of /tim-kiem/. */
export interface UiLatency {
  status: 'ok';
  /** CSS selector of the observed results area. */
  resultsSelector: string;
  withDiacritics: LatencyStats;
  withoutDiacritics: LatencyStats;
  samples: LatencySample[];
}

/** Pagefind JS API measurement. */
export interface ApiLatency {
  status: 'ok';
  /** import() + init() of pagefind.js, ms. */
  initMs: number;
  first: { withDiacritics: LatencyStats; withoutDiacritics: LatencyStats };
  repeat: { withDiacritics: LatencyStats; withoutDiacritics: LatencyStats };
  samples: LatencySample[];
}

/** Both measurements, plus requests that left the served origin. */
export interface SearchLatency {
  ui: UiLatency | NotAvailable;
  api: ApiLatency | NotAvailable;
  foreignRequests: string[];
}

/** Median (lower of the two middles for even counts is avoided: the mean of both is used). */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs: readonly number[], p: number): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Stats over samples. */
export function stats(samples: readonly LatencySample[]): LatencyStats {
  const ok = samples.filter((s) => s.ms !== null).map((s) => s.ms!);
  const r = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return {
    n: samples.length,
    median: r(median(ok)),
    p90: r(percentile(ok, 90)),
    max: ok.length ? r(Math.max(...ok)) : null,
    zeroResults: samples.filter((s) => s.results === 0).length,
    failures: samples.filter((s) => s.ms === null).length,
  };
}

const INPUT_SELECTOR = 'main [data-search-primary], main [data-search-input], main input[type="search"], main input[name="q"]';
const RESULT_SELECTORS = ['[data-search-results]', 'main .sr-results', '#search-results', '.search-results', 'main'];
const RESULT_LINKS = 'a[href*="/van-ban/"], a[href*="/hoc-tap/"], a[href*="/kiem-tra/"]';

declare global {
  interface Window {
    __ttBench?: { armed: boolean; t0: number; count: number; lastAt: number; lastFrame: number };
  }
}

/** Waits until the results area has had no mutation for `quietMs`. */
async function settle(page: Page, quietMs: number, timeout: number): Promise<boolean> {
  try {
    await page.waitForFunction((q) => performance.now() - window.__ttBench!.lastAt > q, quietMs, { timeout, polling: 50 });
    return true;
  } catch {
    return false;
  }
}

/** Counts result links inside the results area. */
function countLinks(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    ({ sel, links }) => document.querySelector(sel)?.querySelectorAll(links).length ?? 0,
    { sel: selector, links: RESULT_LINKS },
  );
}

/** Drives the real search page. */
async function measureUi(page: Page, searchUrl: string, queries: readonly { q: string; folded: boolean }[]): Promise<UiLatency | NotAvailable> {
  const res = await page.goto(searchUrl, { waitUntil: 'load' });
  if (!res || res.status() !== 200) return { status: 'n/a', reason: `no search page (HTTP ${res?.status() ?? '?'} for /tim-kiem/)` };
  const input = page.locator(INPUT_SELECTOR).first();
  if ((await input.count()) === 0) return { status: 'n/a', reason: '/tim-kiem/ has no search input inside <main> yet' };
  try {
    await input.waitFor({ state: 'visible', timeout: 5000 });
    await page.waitForFunction((sel) => {
      const el = document.querySelector<HTMLInputElement>(sel);
      return el && !el.disabled && !el.readOnly;
    }, INPUT_SELECTOR, { timeout: 10_000 });
  } catch {
    return { status: 'n/a', reason: 'the search input on /tim-kiem/ never became visible and enabled' };
  }
  let resultsSelector = 'main';
  for (const sel of RESULT_SELECTORS) {
    if (await page.locator(sel).count()) {
      resultsSelector = sel;
      break;
    }
  }
  await page.evaluate((sel) => {
    const st = { armed: false, t0: 0, count: 0, lastAt: performance.now(), lastFrame: 0 };
    window.__ttBench = st;
    new MutationObserver(() => {
      st.lastAt = performance.now();
      if (!st.armed) return;
      st.count++;
      requestAnimationFrame(() => {
        st.lastFrame = performance.now();
      });
    }).observe(document.querySelector(sel)!, { childList: true, subtree: true, characterData: true });
    const arm = () => {
      if (st.armed && !st.t0) st.t0 = performance.now();
    };
    document.addEventListener('keydown', arm, true);
    document.addEventListener('input', arm, true);
  }, resultsSelector);

  const samples: LatencySample[] = [];
  let consecutiveFailures = 0;
  for (const { q, folded } of queries) {
    await input.fill('');
    await settle(page, 250, 5000);
    const baseline = await countLinks(page, resultsSelector);
    await input.fill(q.slice(0, -1));
    await settle(page, 300, 8000);
    await page.evaluate(() => {
      Object.assign(window.__ttBench!, { armed: true, t0: 0, count: 0, lastFrame: 0 });
    });
    await input.focus();
    await page.keyboard.type(q.slice(-1));
    let ms: number | null = null;
    try {
      await page.waitForFunction(
        () => {
          const s = window.__ttBench!;
          return s.count > 0 && s.t0 > 0 && s.lastFrame >= s.lastAt && performance.now() - s.lastAt > 400;
        },
        null,
        { timeout: 10_000, polling: 50 },
      );
      ms = await page.evaluate(() => window.__ttBench!.lastFrame - window.__ttBench!.t0);
      consecutiveFailures = 0;
    } catch {
      consecutiveFailures++;
    }
    await page.evaluate(() => {
      window.__ttBench!.armed = false;
    });
    const results = ms === null ? 0 : Math.max(0, (await countLinks(page, resultsSelector)) - baseline);
    samples.push({ query: q, folded, ms: ms === null ? null : Math.round(ms * 10) / 10, results });
    if (consecutiveFailures >= 3 && samples.every((s) => s.ms === null)) {
      return { status: 'n/a', reason: `typing into ${INPUT_SELECTOR} on /tim-kiem/ changed nothing in ${resultsSelector} for 3 queries` };
    }
  }
  return {
    status: 'ok',
    resultsSelector,
    withDiacritics: stats(samples.filter((s) => !s.folded)),
    withoutDiacritics: stats(samples.filter((s) => s.folded)),
    samples,
  };
}

/** Times Pagefind's JS API inside a page of the site. */
async function measureApi(page: Page, baseUrl: string, queries: readonly { q: string; folded: boolean }[]): Promise<ApiLatency | NotAvailable> {
  const head = await page.request.get(baseUrl + 'pagefind/pagefind.js');
  if (!head.ok()) return { status: 'n/a', reason: `no Pagefind index (HTTP ${head.status()} for /pagefind/pagefind.js)` };
  await page.goto(baseUrl, { waitUntil: 'load' });
  try {
    const out = await page.evaluate(
      async ({ url, qs }) => {
        const t = performance.now();
        const pf = await import(url);
        await pf.init?.();
        const initMs = performance.now() - t;
        const samples: { query: string; folded: boolean; ms: number; results: number; round: number }[] = [];
        for (const round of [1, 2]) {
          for (const { q, folded } of qs) {
            const t0 = performance.now();
            const r = await pf.search(q);
            await Promise.all(r.results.slice(0, 5).map((x: { data: () => Promise<unknown> }) => x.data()));
            samples.push({ query: q, folded, ms: Math.round((performance.now() - t0) * 10) / 10, results: r.results.length, round });
          }
        }
        return { initMs, samples };
      },
      { url: baseUrl + 'pagefind/pagefind.js', qs: [...queries] },
    );
    const by = (round: number, folded: boolean) => stats(out.samples.filter((s) => s.round === round && s.folded === folded));
    return {
      status: 'ok',
      initMs: Math.round(out.initMs),
      first: { withDiacritics: by(1, false), withoutDiacritics: by(1, true) },
      repeat: { withDiacritics: by(2, false), withoutDiacritics: by(2, true) },
      samples: out.samples,
    };
  } catch (err) {
    return { status: 'n/a', reason: `Pagefind API failed in the page: ${(err as Error).message.split('\n')[0]}` };
  }
}

/** Runs both measurements against a site served at `baseUrl` (ending in "/"). */
export async function measureSearchLatency(
  browser: Browser,
  baseUrl: string,
  queries: readonly string[] = QUERIES,
): Promise<SearchLatency> {
  const pairs = queries.flatMap((q) => {
    const f = foldDiacritics(q);
    return f === q ? [{ q, folded: false }] : [{ q, folded: false }, { q: f, folded: true }];
  });
  const origin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  context.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !/^(data|blob):/.test(u)) foreignRequests.push(u);
  });
  try {
    const uiPage = await context.newPage();
    const ui = await measureUi(uiPage, baseUrl + 'tim-kiem/', pairs).catch(
      (err: Error): NotAvailable => ({ status: 'n/a', reason: `search page failed: ${err.message.split('\n')[0]}` }),
    );
    await uiPage.close();
    const apiPage = await context.newPage();
    const api = await measureApi(apiPage, baseUrl, pairs);
    return { ui, api, foreignRequests };
  } finally {
    await context.close();
  }
}
