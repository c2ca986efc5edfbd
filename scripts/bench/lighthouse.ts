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
  /** Lighthouse's runtime error, if any. */
  error?: string;
  ms: number;
}

/** All pages, or the reason Lighthouse is unavailable. */
export type LighthouseResult =
  | { status: 'ok'; version: string; pages: LighthousePage[] }
  | { status: 'n/a'; reason: string };

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Runs Lighthouse on each `paths` entry of the site at `baseUrl` (ending in "/"). */
export async function runLighthouse(baseUrl: string, paths: readonly string[]): Promise<LighthouseResult> {
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
      chromeFlags: [...chromiumArgs.filter((f) => f !== '--headless'), '--headless=new'],
      logLevel: 'silent',
    });
  } catch (err) {
    return { status: 'n/a', reason: `chrome-launcher could not start ${chromiumPath}: ${(err as Error).message.split('\n')[0]}` };
  }
  const origin = new URL(baseUrl).origin;
  const pages: LighthousePage[] = [];
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
          foreignRequests: foreign,
          ...(lhr.runtimeError ? { error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` } : {}),
          ms: Math.round(performance.now() - t0),
        });
      } catch (err) {
        pages.push({
          path,
          scores: null,
          failed: [],
          foreignRequests: [],
          error: (err as Error).message.split('\n')[0],
          ms: Math.round(performance.now() - t0),
        });
      }
    }
  } finally {
    chrome.kill();
  }
  return { status: 'ok', version, pages };
}
