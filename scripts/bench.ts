/**
 * `npm run bench`: builds the real site and synthetic corpora (100 and 1,000 generated documents
 * by default), then measures build time per step, dist and index size, page weight per page type,
 * search latency in Chromium and, unless --no-lighthouse, Lighthouse mobile scores. Prints tables
 * and writes bench/results.json. Generated corpora and their builds live in bench/out/ (git-ignored).
 *
 * Options:
 *   --sizes=100,1000   synthetic corpus sizes (0 or empty: real site only)
 *   --seed=52          generator seed (same seed, same corpus)
 *   --no-search        skip the browser search measurements
 *   --no-lighthouse    skip Lighthouse
 *   --skip-build       reuse the builds already in bench/out/ (build times are then not measured)
 *   --no-warm-cards    skip the second astro build that measures share cards with a warm cache
 *   --no-compare       skip the issue #11 comparison (Starlight peer, slow network, UI vs raw Pagefind)
 *   --no-peer          compare without the Starlight peer (no npm install)
 *   --only-compare     skip the per-site search latency and Lighthouse of every page type
 *   --rounds=5         rounds of each interleaved comparison (Lighthouse and paint: at most 3 unless --paint-rounds)
 *   --only-paint       only the real site and the peer: paint and layout shift in throttled Chromium
 *                      (every page type, voice and no voice) and Lighthouse simulate/devtools on the plan page (#19)
 *   --paint-rounds=3   rounds of the throttled-paint comparison
 *   --paint-pages=a,b  only these page types in the paint comparison (e.g. trainer,presenter; default: all)
 *   --no-roster        skip the issue #20 roster measurement (5,000 / 20,000 / 50,000 pasted lines)
 *   --only-roster      build the real site (or reuse it with --skip-build) and measure the roster only
 */
import { cpus, loadavg } from 'node:os';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, rebuildAstroWarm } from './bench/build.ts';
import { launchBrowser } from './bench/browser.ts';
import { writeCorpus } from './bench/corpus.ts';
import { runLighthouse } from './bench/lighthouse.ts';
import { formatReport, linearity, scaling, slowestStep } from './bench/report.ts';
import type { BenchResults, SiteResult } from './bench/report.ts';
import { measureSearchLatency } from './bench/search-latency.ts';
import { countHtml, dirSize, discoverPages, pageWeight, PAGE_TYPES } from './bench/sizes.ts';
import { startStaticServer } from './lib/static-server.ts';
import { buildPeer } from './bench/peer.ts';
import { compareFirstSearch, compareLighthouse, comparePlanBytes, compareScale, formatComparison, WIDENED_QUERIES } from './bench/compare.ts';
import type { Comparison } from './bench/compare.ts';
import { formatRoster, measureRoster } from './bench/roster.ts';
import type { RosterBench } from './bench/roster.ts';
import { comparePaint } from './bench/paint.ts';
import { paintPages } from './lib/paint.ts';
import { PEER_PLAN } from './bench/peer.ts';

const OUT = 'bench/out';
const TARGET = { documents: 1000, limitMs: 90_000 };

function arg(name: string): string | undefined {
  const a = process.argv.find((x) => x === `--${name}` || x.startsWith(`--${name}=`));
  if (!a) return undefined;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : '';
}

const onlyRoster = arg('only-roster') !== undefined;
const doRoster = arg('no-roster') === undefined && arg('only-paint') === undefined;
const sizes = (onlyRoster ? '' : arg('sizes') ?? (arg('only-paint') !== undefined ? '0' : '100,1000'))
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const seed = Number(arg('seed') ?? 52);
const doSearch = arg('no-search') === undefined && !onlyRoster;
const doLighthouse = arg('no-lighthouse') === undefined && !onlyRoster;
const skipBuild = arg('skip-build') !== undefined;
const warmCards = arg('no-warm-cards') === undefined;
const doCompare = arg('no-compare') === undefined && !onlyRoster;
const doPeer = arg('no-peer') === undefined;
const onlyCompare = arg('only-compare') !== undefined;
const rounds = Math.max(1, Number(arg('rounds') ?? 5));
const onlyPaint = arg('only-paint') !== undefined;
const paintRounds = Math.max(1, Number(arg('paint-rounds') ?? Math.min(rounds, 3)));

/** One page of every type (scripts/lib/paint.ts) from the page paths the sizes step discovered. */
function allPageTypes(pages: Record<string, string | null>): Record<string, string> | null {
  const id = (p: string | null | undefined) => p?.split('/').filter(Boolean).at(-1);
  const [plan, summary, study, quiz] = [id(pages.plan), id(pages.summary), id(pages.study), id(pages.quiz)];
  return plan && summary && study && quiz ? paintPages({ plan, summary, study, quiz }) : null;
}

function countDocs(contentDir: string): number {
  const d = join(contentDir, 'documents');
  return existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.mdx')).length : 0;
}

async function buildOne(name: string, contentDir: string, generated: number): Promise<SiteResult> {
  const distDir = join(OUT, `dist-${name}`);
  let build = null;
  if (!skipBuild || !existsSync(distDir)) {
    process.stdout.write(`▶ building ${name} (${countDocs(contentDir)} documents)… `);
    const ogCacheDir = join(OUT, `og-cache-${name}`);
    build = await buildSite({ contentDir, outDir: distDir, logDir: join(OUT, 'logs', name), ogCacheDir });
    console.log(
      `validate ${build.validate} ms, astro ${build.astro} ms, pagefind ${build.pagefind} ms, offline ${build.offline ?? 'n/a'} ms (CPU ${build.cpu.total} ms)`,
    );
    // Share cards: cold (empty cache, this build) and warm (astro again with the cache just filled).
    if (build.cards) {
      const cold = build.cards;
      let line = `  share cards, cold: ${cold.rendered} rendered in ${cold.renderMs} ms`;
      if (warmCards) {
        const warm = await rebuildAstroWarm({ contentDir, outDir: distDir, logDir: join(OUT, 'logs', name), ogCacheDir });
        build.cardsWarm = warm;
        line += `; warm: ${warm.cards?.reused ?? '?'} reused in ${warm.cards?.readMs ?? '?'} ms, ${warm.cards?.rendered ?? '?'} rendered (astro ${build.astro} ms cold → ${warm.astroMs} ms warm)`;
      }
      console.log(line);
    }
  }
  return {
    name,
    documents: countDocs(contentDir),
    generated,
    contentDir,
    distDir,
    build,
    htmlPages: countHtml(distDir),
    dist: dirSize(distDir),
    index: dirSize(join(distDir, 'pagefind')),
    search: null,
  };
}

async function main(): Promise<void> {
  const loadStart = Math.round(loadavg()[0]! * 100) / 100;
  mkdirSync(OUT, { recursive: true });
  const sites: SiteResult[] = [];
  sites.push(await buildOne('site', 'content', 0));
  for (const n of sizes) {
    const dir = join(OUT, `corpus-${n}`);
    if (!skipBuild || !existsSync(dir)) {
      const c = writeCorpus({ dir, baseContentDir: 'content', count: n, seed });
      console.log(`  corpus-${n}: ${c.generated} generated + ${c.copied} real documents, ${(c.generatedBytes / 1024 / 1024).toFixed(1)} MB of MDX`);
    }
    sites.push(await buildOne(`corpus-${n}`, dir, n));
  }

  const real = sites[0]!;
  const pages = discoverPages(real.distDir, real.contentDir);
  const pageWeights = Object.fromEntries(
    PAGE_TYPES.map((t) => [t, pages[t] ? pageWeight(real.distDir, pages[t]!) : null]),
  ) as BenchResults['pageWeights'];

  if (doSearch && !onlyCompare && !onlyPaint) {
    const browser = await launchBrowser();
    try {
      for (const s of sites) {
        const server = await startStaticServer({ root: s.distDir });
        try {
          process.stdout.write(`▶ search latency on ${s.name}… `);
          s.search = await measureSearchLatency(browser, server.url);
          console.log(`UI ${s.search.ui.status}, API ${s.search.api.status}`);
        } finally {
          await server.close();
        }
      }
    } finally {
      await browser.close();
    }
  }

  let lighthouse: BenchResults['lighthouse'] = { status: 'skipped', reason: 'run without --no-lighthouse to measure' };
  if (doLighthouse && !onlyCompare && !onlyPaint) {
    const lhPaths = (['plan', 'summary', 'home', 'study', 'deck', 'quiz', 'search'] as const)
      .map((t) => pages[t])
      .filter((p): p is string => p !== null);
    const server = await startStaticServer({ root: real.distDir });
    try {
      process.stdout.write(`▶ Lighthouse on ${lhPaths.length} pages… `);
      lighthouse = await runLighthouse(server.url, lhPaths);
      console.log(lighthouse.status);
    } finally {
      await server.close();
    }
  }

  // Issue #11: each figure as a ratio against its reference, interleaved.
  let comparison: (Comparison & { peer: unknown }) | null = null;
  if (doCompare) {
    const c: Comparison & { peer: unknown } = { figures: [], samples: {}, peer: null };
    const peer = doPeer ? (process.stdout.write('▶ Starlight peer (npm install + build)… '), buildPeer('bench/out/starlight-peer', skipBuild)) : null;
    console.log(peer ? (peer.status === 'ok' ? `Starlight ${peer.starlight}, Astro ${peer.astro}` : peer.reason) : 'skipped');
    c.peer = peer;
    const browser = await launchBrowser();
    try {
      const only = arg('paint-pages')?.split(',').filter(Boolean);
      const all = allPageTypes(pages);
      // A re-measurement of a few page types after a change (the peer's plan page is still interleaved with them).
      const typed = all && only ? Object.fromEntries(Object.entries(all).filter(([t]) => only.includes(t))) : all;
      if (peer?.status === 'ok' && typed) {
        process.stdout.write(`▶ paint and layout shift, throttled Chromium, ${Object.keys(typed).length} page types × voice/no voice × ${paintRounds} rounds, ours vs peer… `);
        c.figures.push(...(await comparePaint(browser, real.distDir, peer.distDir, typed, PEER_PLAN, paintRounds, c)));
        console.log('done');
      }
      if (peer?.status === 'ok') {
        c.figures.push(comparePlanBytes(real.distDir, peer.distDir));
        if (!onlyPaint) {
          process.stdout.write('▶ first search on a slow network, ours vs peer… ');
          c.figures.push(...(await compareFirstSearch(browser, real.distDir, peer.distDir, rounds, 150, c)));
          console.log('done');
        }
        if (doLighthouse) {
          process.stdout.write('▶ Lighthouse plan page, ours vs peer… ');
          c.figures.push(...(await compareLighthouse(real.distDir, peer.distDir, Math.min(rounds, 3), c)));
          console.log('done');
        }
      }
      if (!onlyPaint) {
        const big = [...sites].sort((a, b) => b.documents - a.documents)[0]!;
        process.stdout.write(`▶ search UI vs raw Pagefind on ${big.name} (${big.documents} documents)… `);
        c.figures.push(...(await compareScale(browser, big.distDir, [0, 100], c)));
        console.log('done');
        // What widening a long question costs, on the site it was made for.
        process.stdout.write(`▶ long questions that widen, search UI vs raw Pagefind on the real site… `);
        c.figures.push(...(await compareScale(browser, real.distDir, [0, 100], c, 0, { queries: WIDENED_QUERIES, what: 'long questions that widen, real site', key: 'widen' })));
        console.log('done');
      }
    } finally {
      await browser.close();
    }
    comparison = c;
  }

  // Issue #20: the roster at 5,000 / 20,000 / 50,000 lines against split + one HMAC per line, same page.
  let roster: RosterBench | null = null;
  if (doRoster) {
    process.stdout.write('▶ roster at province scale (5k / 20k / 50k lines)… ');
    const browser = await launchBrowser();
    try {
      roster = await measureRoster(browser, real.distDir, [5000, 20000, 50000], Math.min(rounds, 3));
      console.log('done');
    } finally {
      await browser.close();
    }
  }

  const sc = scaling(sites);
  const largest = sites.find((s) => s.generated === TARGET.documents);
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpus: { count: cpus().length, model: cpus()[0]?.model ?? '?' },
    loadAverage: { start: loadStart, end: Math.round(loadavg()[0]! * 100) / 100 },
    seed,
    sites,
    pageWeights,
    scaling: sc,
    linearity: { wall: linearity(sc, 'marginalPerDocument'), cpu: linearity(sc, 'marginalCpuPerDocument') },
    slowestStep: slowestStep(sites),
    target: {
      ...TARGET,
      totalMs: largest?.build?.total ?? null,
      cpuMs: largest?.build?.cpu.total ?? null,
      met: largest?.build ? largest.build.total < TARGET.limitMs : null,
    },
    lighthouse,
    comparison,
    roster,
  };
  // A paint-only run (#19) keeps the full run's file as it is.
  const resultsFile = onlyPaint ? 'bench/results-paint.json' : 'bench/results.json';
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
  console.log('\n' + formatReport(results));
  if (comparison) console.log('\nIssue #11 and #19 figures (interleaved, medians; ratio = ours ÷ reference):\n' + formatComparison(comparison));
  if (roster) console.log('\nIssue #20 roster (Chromium, same page, interleaved):\n' + formatRoster(roster));
  console.log(`\nwrote ${resultsFile}`);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
