/**
 * Lighthouse (mobile, default config: simulated slow 4G and a mid-range phone) over pages of a
 * served build, with Debian's Chromium started by chrome-launcher. Reports the four category
 * scores per page and every request Lighthouse saw that left the served origin (there must be
 * none). Degrades to "n/a" with the reason when the packages or the browser cannot run.
 */
import { chromiumArgs, chromiumPath } from './browser.ts';

/** Scores 0–100 per category, or null when Lighthouse could not score it. */
export interface LighthouseScores {
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
}

/** Result for one page. */
export interface LighthousePage {
  path: string;
  scores: LighthouseScores | null;
  /** Failed audits (score < 1) per category, for the report. */
  failed: string[];
  /** Requests to any host other than the served one. */
  foreignRequests: string[];
  /** Key metrics in ms (CLS unitless), as simulated for a mobile device. */
  metrics: Record<string, number | null>;
  /** Main-thread time by kind of work (script, style & layout, parse…), ms, as observed (not simulated). */
  mainThread: Record<string, number>;
  /** The longest main-thread tasks: what they ran (URL or "Unattributable") and how long, ms. */
  longTasks: { url: string; ms: number }[];
  /** Lighthouse's runtime error, if any. */
  error?: string;
  ms: number;
}

/** All pages, or the reason Lighthouse is unavailable. */
export type LighthouseResult =
  | {
      status: 'ok';
      version: string;
      /** Lighthouse's CPU benchmark of this machine (higher = faster; a typical desktop is ~1000+). */
      benchmarkIndex: number | null;
      pages: LighthousePage[];
    }
  | { status: 'n/a'; reason: string };

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
} as const;

/**
 * Chromium flags for Lighthouse: the bench's usual flags, new headless mode, and a resolver that
 * answers NOTFOUND for every host except 127.0.0.1, so no request can leave the machine (an
 * attempt would still show in the report's network requests).
 */
export const lighthouseChromeFlags = [
  ...chromiumArgs.filter((f) => f !== '--headless'),
  '--headless=new',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/**
 * How Lighthouse throttles: `simulate` (its default: loads fast, then models a slow phone with
 * Lantern) or `devtools` (really throttles the network and CPU through the DevTools protocol with
 * the same mobile preset, as scripts/lib/paint.ts does; #19 found the two far apart).
 */
export type ThrottlingMethod = 'simulate' | 'devtools';

/** Runs Lighthouse on each `paths` entry of the site at `baseUrl` (ending in "/"). */
export async function runLighthouse(baseUrl: string, paths: readonly string[], throttlingMethod: ThrottlingMethod = 'simulate'): Promise<LighthouseResult> {
  let lighthouse: typeof import('lighthouse').default;
  let launch: typeof import('chrome-launcher').launch;
  let version = '?';
  try {
    lighthouse = (await import('lighthouse')).default;
    launch = (await import('chrome-launcher')).launch;
    const { createRequire } = await import('node:module');
    version = (createRequire(import.meta.url)('lighthouse/package.json') as { version: string }).version;
  } catch (err) {
    return { status: 'n/a', reason: `lighthouse/chrome-launcher not installed: ${(err as Error).message.split('\n')[0]}` };
  }
  let chrome: Awaited<ReturnType<typeof launch>>;
  try {
    chrome = await launch({
      chromePath: chromiumPath,
      chromeFlags: lighthouseChromeFlags,
      logLevel: 'silent',
    });
  } catch (err) {
    return { status: 'n/a', reason: `chrome-launcher could not start ${chromiumPath}: ${(err as Error).message.split('\n')[0]}` };
  }
  const origin = new URL(baseUrl).origin;
  const pages: LighthousePage[] = [];
  let benchmarkIndex: number | null = null;
  try {
    for (const path of paths) {
      const t0 = performance.now();
      const url = baseUrl + path.replace(/^\//, '');
      try {
        const res = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
          throttlingMethod,
        });
        const lhr = res?.lhr;
        if (!lhr) throw new Error('no result');
        const score = (id: string): number | null => {
          const s = lhr.categories[id]?.score;
          return typeof s === 'number' ? Math.round(s * 100) : null;
        };
        const failed: string[] = [];
        for (const id of CATEGORIES) {
          for (const ref of lhr.categories[id]?.auditRefs ?? []) {
            const a = lhr.audits[ref.id];
            if (!a || ref.weight === 0) continue;
            if (typeof a.score === 'number' && a.score < 1) failed.push(`${id}/${ref.id}=${a.score}`);
          }
        }
        benchmarkIndex ??= lhr.environment?.benchmarkIndex ?? null;
        const metrics = Object.fromEntries(
          Object.entries(METRICS).map(([k, id]) => {
            const v = lhr.audits[id]?.numericValue;
            return [k, typeof v === 'number' ? Math.round(v * 1000) / 1000 : null];
          }),
        );
        type Item = Record<string, unknown>;
        const detailItems = (id: string): Item[] => ((lhr.audits[id]?.details as { items?: Item[] } | undefined)?.items ?? []);
        const mainThread = Object.fromEntries(
          detailItems('mainthread-work-breakdown').map((i) => [String(i.groupLabel ?? i.group), Math.round(Number(i.duration))]),
        );
        const longTasks = detailItems('long-tasks')
          .slice(0, 5)
          .map((i) => ({ url: String(i.url ?? ''), ms: Math.round(Number(i.duration)) }));
        const items = (lhr.audits['network-requests']?.details as { items?: { url?: string }[] } | undefined)?.items ?? [];
        const foreign = items
          .map((i) => i.url ?? '')
          .filter((u) => u && !u.startsWith(origin) && !/^(data|blob|chrome|about):/.test(u));
        pages.push({
          path,
          scores: {
            performance: score('performance'),
            accessibility: score('accessibility'),
            bestPractices: score('best-practices'),
            seo: score('seo'),
          },
          failed,
          metrics,
          mainThread,
          longTasks,
          foreignRequests: foreign,
          ...(lhr.runtimeError ? { error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` } : {}),
          ms: Math.round(performance.now() - t0),
        });
      } catch (err) {
        pages.push({
          path,
          scores: null,
          failed: [],
          metrics: {},
          mainThread: {},
          longTasks: [],
          foreignRequests: [],
          error: (err as Error).message.split('\n')[0],
          ms: Math.round(performance.now() - t0),
        });
      }
    }
  } finally {
    chrome.kill();
  }
  return { status: 'ok', version, benchmarkIndex, pages };
}
