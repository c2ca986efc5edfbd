/**
 * First paint, largest paint and layout shift in a real, throttled Chromium (#19), the way the issue
 * measured them: Debian's Chromium through playwright-core, the network and CPU throttled through the
 * DevTools protocol with Lighthouse's devtools mobile preset (562.5 ms RTT, 1.44 Mbit/s down, CPU 4×,
 * 412×823), PerformanceObserver for every largest-paint candidate and every layout shift (with the
 * moved nodes named), on a device with a Vietnamese speech voice and on one without
 * (scripts/lib/paint.ts). Every page type of ours is measured; the Starlight peer's plan page is
 * measured between them in the same rounds, and each of our figures is a ratio against it (the plan
 * page against the peer's same page; other types against the peer's plan page, a common yardstick).
 * The order of the sides alternates from round to round; each page load has a fresh context.
 */
import type { Browser } from 'playwright-core';
import { loadavg } from 'node:os';
import { DEVTOOLS_MOBILE, instrument, nextFrames, readPaint, throttle } from '../lib/paint.ts';
import type { PaintRecord } from '../lib/paint.ts';
import { startStaticServer } from '../lib/static-server.ts';
import type { Comparison, Figure } from './compare.ts';
import { median } from './search-latency.ts';

/** One measured load. */
export interface PaintSample extends PaintRecord {
  side: 'ours' | 'reference';
  type: string;
  voice: boolean;
  round: number;
  /** 1-minute load average when the load started (other work on the machine skews timings). */
  load: number;
}

/** Opens `url` throttled and instrumented, waits until the page has settled, and reads the observers. */
async function measureOnce(browser: Browser, url: string, voice: boolean, settled: 'declared' | 'network'): Promise<PaintRecord | null> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: DEVTOOLS_MOBILE.viewport });
  const page = await context.newPage();
  try {
    await instrument(page, { voice });
    await throttle(page);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    if (settled === 'declared') {
      // Ours declares it (src/integrations/defer-modules.ts); a page without scripts has settled at load.
      await page.waitForFunction(() => !document.querySelector('script[data-modules]') || document.documentElement.dataset.modules === 'ready', null, { timeout: 120_000 });
    } else {
      await page.waitForLoadState('networkidle', { timeout: 120_000 });
    }
    await nextFrames(page);
    return await readPaint(page);
  } catch {
    return null;
  } finally {
    await context.close();
  }
}

const r3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/**
 * Measures `pages` (type → URL path) of our build and the peer's plan page `peerPlan`, `rounds`
 * times each, with and without a voice, interleaved. Returns the figures (ratios) and keeps every
 * sample in `c.samples.paint`.
 */
export async function comparePaint(
  browser: Browser,
  oursDist: string,
  peerDist: string,
  pages: Record<string, string>,
  peerPlan: string,
  rounds: number,
  c: Comparison & { paint?: PaintSample[] },
): Promise<Figure[]> {
  const ours = await startStaticServer({ root: oursDist, gzip: true });
  const peer = await startStaticServer({ root: peerDist, gzip: true });
  const samples: PaintSample[] = [];
  const load = () => Math.round(loadavg()[0]! * 100) / 100;
  try {
    for (let round = 0; round < rounds; round++) {
      for (const voice of [false, true]) {
        // Ours page by page, with the peer's plan page between them; the order flips every round.
        const types = Object.keys(pages);
        const order = round % 2 ? [...types].reverse() : types;
        for (const [i, type] of order.entries()) {
          const jobs: ['ours' | 'reference', string][] = [['ours', ours.url + pages[type]!.replace(/^\//, '')]];
          if (type === 'plan' || i % 4 === 0) jobs.push(['reference', peer.url + peerPlan]);
          if (round % 2) jobs.reverse();
          for (const [side, url] of jobs) {
            const l = load();
            const rec = await measureOnce(browser, url, voice, side === 'ours' ? 'declared' : 'network');
            if (rec) samples.push({ ...rec, side, type: side === 'ours' ? type : 'plan', voice, round, load: l });
          }
        }
      }
    }
  } finally {
    await ours.close();
    await peer.close();
  }
  c.paint = samples;
  return paintFigures(samples, Object.keys(pages));
}

/** The figures from the samples: per page type and voice, FCP and LCP ratios against the peer's plan page, and CLS. */
export function paintFigures(samples: readonly PaintSample[], types: readonly string[]): Figure[] {
  const out: Figure[] = [];
  for (const voice of [false, true]) {
    const ref = samples.filter((s) => s.side === 'reference' && s.voice === voice);
    const refFcp = ref.map((s) => s.fcp).filter((x): x is number => x !== null);
    const refLcp = ref.map((s) => s.lcp).filter((x): x is number => x !== null);
    for (const type of types) {
      const mine = samples.filter((s) => s.side === 'ours' && s.type === type && s.voice === voice);
      if (!mine.length) continue;
      const fcp = mine.map((s) => s.fcp).filter((x): x is number => x !== null);
      const lcp = mine.map((s) => s.lcp).filter((x): x is number => x !== null);
      const cls = mine.map((s) => s.cls);
      const moved = [...new Set(mine.flatMap((s) => s.shifts.flatMap((x) => x.nodes.map((n) => n.replace(/ \[.*$/, '')))))];
      const lcpNodes = [...new Set(mine.map((s) => s.lcpNode ?? '?'))];
      const loads = mine.map((s) => s.load);
      const ratio = (a: number[], b: number[]) => {
        const m = median(a);
        const r = median(b);
        return m !== null && r ? Math.round((m / r) * 100) / 100 : null;
      };
      const v = voice ? 'voice' : 'no voice';
      const vs = type === 'plan' ? 'peer plan' : 'peer plan (yardstick)';
      out.push(
        { label: `${type}, ${v}: first paint ÷ ${vs}, throttled Chromium`, ours: median(fcp), reference: median(refFcp), ratio: ratio(fcp, refFcp), runs: Math.min(fcp.length, refFcp.length), unit: 'ms', target: 0.9, note: `load ${Math.min(...loads)}–${Math.max(...loads)}` },
        { label: `${type}, ${v}: largest paint ÷ ${vs}, throttled Chromium`, ours: median(lcp), reference: median(refLcp), ratio: ratio(lcp, refLcp), runs: Math.min(lcp.length, refLcp.length), unit: 'ms', target: 0.9, note: `LCP node: ${lcpNodes.join(' / ')}` },
        { label: `${type}, ${v}: layout shift (CLS, median; max ${r3(Math.max(...cls))})`, ours: r3(median(cls)), reference: null, ratio: null, runs: cls.length, unit: 'cls', note: moved.length ? `moved: ${moved.join(' | ')}` : 'nothing moved' },
      );
    }
  }
  return out;
}
