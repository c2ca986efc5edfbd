/**
 * Search benchmark (not a test: prints figures, asserts nothing). Needs a built site.
 *   node scripts/bench-search.ts [dist]
 *
 * Measures, in headless Chromium over a local static server:
 * - what search loads before the header box is focused (should be nothing),
 * - bytes fetched by the first search on a cold page (JS + wasm + index chunks + fragments), gzip,
 * - our own search UI code, gzip,
 * - keystroke → rendered results on the search page once the index chunks are loaded (median, p90),
 * - the relevance suite (tests/search/queries.json) for three strategies:
 *     expand   the site as built: d/đ query readings + our ranking (what ships),
 *     meta     a hidden data-pagefind-meta field of đ-words spelt with d, no expansion, our ranking,
 *     plain    Pagefind alone: its page order and its first sub-result, no expansion;
 *     m+plain  the meta-field index with Pagefind alone (what the meta field brings by itself).
 * Figures go to stdout and to .tmp/bench-search.json.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startStaticServer } from './lib/static-server.ts';
import { buildSearchIndex } from './lib/pagefind.ts';

const dist = process.argv[2] || process.env.DIST_DIR || 'dist';
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

interface SuiteQuery {
  q: string;
  page: string;
  anchor: string;
  tags: string[];
  alsoAccept?: string[];
  form?: 'NFD';
}
const suite = (JSON.parse(await readFile('tests/search/queries.json', 'utf8')) as { queries: SuiteQuery[] }).queries;
const raw = (s: SuiteQuery) => (s.form === 'NFD' ? s.q.normalize('NFD') : s.q);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};
const p90 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.9))]! : NaN;
};
/** Bytes on the wire with gzip: Pagefind's index files and wasm are gzip already and sent as they are. */
const wireBytes = (body: Buffer) => (body[0] === 0x1f && body[1] === 0x8b ? body.length : gzipSync(body).length);

async function dirBytes(dir: string, filter: (name: string) => boolean): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) total += await dirBytes(p, filter);
    else if (filter(e.name)) total += (await stat(p)).size;
  }
  return total;
}

const isSearchAsset = (u: string) => /\/pagefind\/|search-ui/.test(u);

async function firstSearchBytes(browser: Browser, base: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen: { url: string; bytes: number; afterFocus: boolean }[] = [];
  let focused = false;
  page.on('response', async (r) => {
    const flag = focused;
    try {
      seen.push({ url: r.url(), bytes: wireBytes(await r.body()), afterFocus: flag });
    } catch {
      /* redirects have no body */
    }
  });
  await page.goto(`${base}van-ban/ke-hoach-83-kh-tu/`, { waitUntil: 'networkidle' });
  const beforeFocus = seen.filter((s) => isSearchAsset(s.url)).map((s) => s.url);
  focused = true;
  await page.focus('#header-q');
  await page.keyboard.type('nguoi dung dau');
  await page.waitForSelector('#header-q-list [role="option"]');
  await page.waitForLoadState('networkidle');
  const after = seen.filter((s) => s.afterFocus);
  const group = (re: RegExp) => after.filter((s) => re.test(s.url)).reduce((a, s) => a + s.bytes, 0);
  await context.close();
  return {
    beforeFocus,
    total: after.reduce((a, s) => a + s.bytes, 0),
    requests: after.length,
    pagefindJs: group(/pagefind\/pagefind(-worker)?\.js$/),
    wasm: group(/\.pagefind$/),
    meta: group(/\.pf_meta$/),
    index: group(/\.pf_index$/),
    filter: group(/\.pf_filter$/),
    fragments: group(/\.pf_fragment$/),
    ownUi: group(/_astro\/.*\.js$/),
    files: after.map((s) => `${s.url.replace(base, '/')} ${s.bytes}`),
  };
}

async function ownUiBytes() {
  const astro = join(dist, '_astro');
  const files = (await readdir(astro)).filter((f) => f.endsWith('.js'));
  const pageHtml = await readFile(join(dist, 'tim-kiem', 'index.html'), 'utf8');
  const out: Record<string, number> = {};
  for (const f of files) {
    const body = await readFile(join(astro, f));
    const isSearch = /^search-ui\.|^SearchBox\.astro/.test(f) || (/^index\.astro_astro_type_script/.test(f) && pageHtml.includes(f) && body.includes('tt-search-page'));
    if (isSearch) out[f] = gzipSync(body).length;
  }
  // Vite's dynamic-import helper, pulled in by our loader scripts on every page.
  for (const f of files.filter((x) => /^preload-helper/.test(x))) {
    const importers = await Promise.all(Object.keys(out).map(async (k) => (await readFile(join(astro, k), 'utf8')).includes(f)));
    if (importers.some(Boolean)) out[f] = gzipSync(await readFile(join(astro, f))).length;
  }
  return out;
}

async function runSuiteUi(page: Page, base: string) {
  await page.goto(`${base}tim-kiem/`);
  const rows: { item: SuiteQuery; rank: number; ok: boolean }[] = [];
  for (const item of suite) {
    const q = raw(item);
    const shown = q.normalize('NFC').replace(/\s+/g, ' ').trim();
    await page.fill('#search-q', q);
    await page.waitForFunction((s) => (document.querySelector('.sp-status')?.textContent ?? '').includes(`«${s}»`), shown, { timeout: 20_000 });
    const hrefs = await page.$$eval('.sr-result .sr-title a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    const res = hrefs.map((h) => ({ page: new URL(h).pathname, anchor: decodeURIComponent(new URL(h).hash.slice(1)) }));
    const rank = res.findIndex((r) => r.page === item.page);
    rows.push({ item, rank, ok: rank >= 0 && rank < 3 && [item.anchor, ...(item.alsoAccept ?? [])].includes(res[rank]!.anchor) });
  }
  return rows;
}

async function runSuitePlain(page: Page, base: string) {
  await page.goto(`${base}tim-kiem/`);
  const out = await page.evaluate(
    async (qs) => {
      const pf = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      await pf.options({ noWorker: true });
      const res: { pages: string[]; firstAnchor: Record<string, string> }[] = [];
      for (const q of qs) {
        const r = await pf.search(q);
        const pages: string[] = [];
        const firstAnchor: Record<string, string> = {};
        for (const x of r.results.slice(0, 5)) {
          const d = await x.data();
          const u = new URL(d.url, location.origin);
          pages.push(u.pathname);
          firstAnchor[u.pathname] = decodeURIComponent(new URL(d.sub_results[0]?.url ?? d.url, location.origin).hash.slice(1));
        }
        res.push({ pages, firstAnchor });
      }
      return res;
    },
    suite.map(raw),
  );
  return suite.map((item, i) => {
    const rank = out[i]!.pages.indexOf(item.page);
    const anchor = out[i]!.firstAnchor[item.page] ?? '';
    return { item, rank, ok: rank >= 0 && rank < 3 && [item.anchor, ...(item.alsoAccept ?? [])].includes(anchor) };
  });
}

function metrics(rows: { item: SuiteQuery; rank: number; ok: boolean }[]) {
  const f = (set: typeof rows) => ({
    n: set.length,
    r1: set.filter((r) => r.rank === 0).length / set.length,
    r3: set.filter((r) => r.rank >= 0 && r.rank < 3).length / set.length,
    prov: set.filter((r) => r.ok).length / set.length,
  });
  return {
    all: f(rows),
    unaccented: f(rows.filter((r) => r.item.tags.includes('unaccented'))),
    accented: f(rows.filter((r) => r.item.tags.includes('accented'))),
    withD: f(rows.filter((r) => r.item.tags.includes('d'))),
  };
}

async function latency(page: Page, base: string, rounds: number) {
  await page.goto(`${base}tim-kiem/`);
  await page.focus('#search-q');
  const qs = suite.map(raw);
  // Warm-up: every index chunk and fragment the queries need gets loaded once.
  return page.evaluate(
    async ([queries, rounds]) => {
      const input = document.querySelector<HTMLInputElement>('#search-q')!;
      const status = document.querySelector('.sp-status')!;
      const once = (q: string) =>
        new Promise<number>((resolve) => {
          const shown = q.normalize('NFC').replace(/\s+/g, ' ').trim();
          const t0 = performance.now();
          const obs = new MutationObserver(() => {
            if ((status.textContent ?? '').includes(`«${shown}»`)) {
              obs.disconnect();
              // Count the frame that paints the results.
              requestAnimationFrame(() => resolve(performance.now() - t0));
            }
          });
          obs.observe(status, { childList: true, characterData: true, subtree: true });
          input.value = q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
      const reset = async () => {
        input.value = 'x';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 30));
      };
      for (const q of queries) {
        await reset();
        await once(q);
      }
      const times: number[] = [];
      for (let k = 0; k < rounds; k++)
        for (const q of queries) {
          await reset();
          times.push(await once(q));
        }
      return times;
    },
    [qs, rounds] as const,
  );
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const report: Record<string, unknown> = {};
try {
  // --- Strategy "expand" (the site as built) -------------------------------------------------
  const server = await startStaticServer({ root: dist, port: 0 });
  const first = await firstSearchBytes(browser, server.url);
  const ui = await ownUiBytes();
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const expandRows = await runSuiteUi(page, server.url);
  const plainRows = await runSuitePlain(page, server.url);
  const times = await latency(page, server.url, 3);
  await ctx.close();
  await server.close();
  const indexBytes = await dirBytes(join(dist, 'pagefind'), (n) => /\.pf_(index|fragment|meta|filter)$/.test(n));

  // --- Strategy "meta" (hidden folded field, no expansion) -------------------------------------
  const tmp = await mkdtemp(join(tmpdir(), 'bench-search-'));
  await cp(dist, tmp, { recursive: true });
  await buildSearchIndex({ siteDir: tmp, foldedMeta: true, log: () => {} });
  const sp = join(tmp, 'tim-kiem', 'index.html');
  await writeFile(sp, (await readFile(sp, 'utf8')).replace('<tt-search-page', '<tt-search-page data-expand-d="false"'));
  const metaServer = await startStaticServer({ root: tmp, port: 0 });
  const mctx = await browser.newContext();
  const mpage = await mctx.newPage();
  const metaRows = await runSuiteUi(mpage, metaServer.url);
  const metaPlainRows = await runSuitePlain(mpage, metaServer.url);
  const metaTimes = await latency(mpage, metaServer.url, 1);
  await mctx.close();
  await metaServer.close();
  const metaIndexBytes = await dirBytes(join(tmp, 'pagefind'), (n) => /\.pf_(index|fragment|meta|filter)$/.test(n));
  await rm(tmp, { recursive: true, force: true });

  const uiTotal = Object.values(ui).reduce((a, b) => a + b, 0);
  Object.assign(report, {
    beforeFocus: first.beforeFocus,
    firstSearch: first,
    ownUi: { files: ui, total: uiTotal },
    latencyMs: { median: median(times), p90: p90(times), samples: times.length },
    strategies: {
      expand: { ...metrics(expandRows), indexBytes, latencyMedianMs: median(times) },
      meta: { ...metrics(metaRows), indexBytes: metaIndexBytes, latencyMedianMs: median(metaTimes) },
      plain: metrics(plainRows),
      metaPlain: metrics(metaPlainRows),
    },
    misses: {
      expand: expandRows.filter((r) => r.rank !== 0 || !r.ok).map((r) => r.item.q),
      meta: metaRows.filter((r) => r.rank !== 0 || !r.ok).map((r) => r.item.q),
    },
  });

  const pc = (x: number) => `${(100 * x).toFixed(1)}%`;
  const row = (name: string, m: ReturnType<typeof metrics>, extra = '') =>
    `  ${name.padEnd(7)} recall@1 ${pc(m.all.r1).padStart(6)} (no dấu ${pc(m.unaccented.r1)}, có dấu ${pc(m.accented.r1)}, đ ${pc(m.withD.r1)})` +
    `  recall@3 ${pc(m.all.r3).padStart(6)}  provision ${pc(m.all.prov).padStart(6)}${extra}`;
  console.log(
    [
      `Search benchmark over ${dist} (${suite.length} queries)`,
      `Before focus: ${first.beforeFocus.length} search requests${first.beforeFocus.length ? ` (${first.beforeFocus.join(', ')})` : ''}`,
      `First search on a cold page ("nguoi dung dau" in the header box): ${kb(first.total)} gzip in ${first.requests} requests`,
      `  pagefind.js ${kb(first.pagefindJs)}, wasm ${kb(first.wasm)}, pf_meta ${kb(first.meta)}, index ${kb(first.index)}, filters ${kb(first.filter)}, fragments ${kb(first.fragments)}, our UI ${kb(first.ownUi)}`,
      `Own search UI code: ${kb(uiTotal)} gzip (${Object.entries(ui).map(([f, b]) => `${f} ${b}`).join(', ')})`,
      `Keystroke → rendered results, chunks loaded: median ${median(times).toFixed(1)} ms, p90 ${p90(times).toFixed(1)} ms (${times.length} samples)`,
      `Relevance by strategy:`,
      row('expand', metrics(expandRows), `  index ${kb(indexBytes)}`),
      row('meta', metrics(metaRows), `  index ${kb(metaIndexBytes)} (+${(100 * (metaIndexBytes / indexBytes - 1)).toFixed(1)}%), latency median ${median(metaTimes).toFixed(1)} ms`),
      row('plain', metrics(plainRows)),
      row('m+plain', metrics(metaPlainRows), '  (meta field, Pagefind alone)'),
      `  misses expand: ${(report.misses as { expand: string[] }).expand.join(' | ') || 'none'}`,
      `  misses meta:   ${(report.misses as { meta: string[] }).meta.join(' | ') || 'none'}`,
    ].join('\n'),
  );
  await mkdir('.tmp', { recursive: true });
  await writeFile('.tmp/bench-search.json', JSON.stringify(report, null, 1));
} finally {
  await browser.close();
}
