/**
 * Issue #20: the trainer roster at province scale, in real Chromium. For 5,000, 20,000 and 50,000
 * generated lines (./roster-data.ts: the project's own encoder, 200 units, 3 quizzes, 600 held
 * sessions), interleaved in the same page and run:
 * - reference: split the pasted text into lines and compute one Web Crypto HMAC-SHA-256 per line
 *   (one key, a thousand signatures at a time): the verifier's irreducible work;
 * - roster: from the paste (a `paste` event carrying the text, as the browser fires it) to
 *   `data-state="done"` with the totals and the first table page painted (next animation frame),
 *   plus the longest main-thread task during it (long tasks API). Each round starts from an empty list.
 * Also checks that the roster's totals are the generated ones (a fast wrong answer is no answer).
 */
import type { Browser } from 'playwright-core';
import { rosterDataset } from './roster-data.ts';
import type { RosterExpected } from './roster-data.ts';
import { startStaticServer } from '../lib/static-server.ts';
import { vnDate } from '../../src/lib/quiz/attempts.ts';

/** One size's medians. */
export interface RosterSize {
  lines: number;
  referenceMs: number;
  rosterMs: number;
  /** rosterMs / referenceMs, median of the per-round ratios. */
  ratio: number;
  /** Longest main-thread task seen while the roster worked (ms; 0 when none over 50 ms). */
  longestTaskMs: number;
  /** Roster time per 1,000 lines. */
  msPer1000: number;
  /** The roster's totals matched the generated ones. */
  totalsOk: boolean;
  refused: number;
  duplicates: number;
  sharedCode: number;
}

/** The section in bench/results.json. */
export interface RosterBench {
  target: { ratio: number };
  rounds: number;
  sizes: RosterSize[];
  /** msPer1000 at the largest size over the smallest (1 = linear). */
  scaling: number | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

/** Runs the measurement against a built site in `distDir`. */
export async function measureRoster(browser: Browser, distDir: string, sizes = [5000, 20000, 50000], rounds = 3): Promise<RosterBench> {
  const server = await startStaticServer({ root: distDir });
  const out: RosterSize[] = [];
  try {
    for (const lines of sizes) {
      const today = vnDate(new Date());
      const data = await rosterDataset({ lines, today });
      const context = await browser.newContext({ locale: 'vi-VN' });
      await context.addInitScript((store) => {
        if (!sessionStorage.getItem('bench-init')) {
          localStorage.clear();
          localStorage.setItem('tt-buoi-hoc', store);
          sessionStorage.setItem('bench-init', '1');
        }
      }, JSON.stringify(data.store));
      const page = await context.newPage();
      await page.goto(`${server.url}giang-vien/`);
      await page.waitForSelector('tt-roster[data-state="ready"]', { timeout: 60_000 });
      // The text goes into the page once, in a task of its own: copying megabytes from Node into the
      // page is the harness's work, and would otherwise count as the page's longest task.
      await page.evaluate((text) => void ((window as unknown as { benchText: string }).benchText = text), data.text);
      const ref: number[] = [];
      const ros: number[] = [];
      const ratios: number[] = [];
      const longest: number[] = [];
      let totals: Record<string, string | undefined> = {};
      for (let round = 0; round < rounds; round++) {
        const a = await page.evaluate(reference);
        const b = await page.evaluate(rosterRun);
        ref.push(a);
        ros.push(b.ms);
        ratios.push(b.ms / a);
        longest.push(b.longest);
        totals = b.totals;
      }
      const got = totals;
      const e: RosterExpected = data.expected;
      const totalsOk =
        got.summary === `${e.accepted} mã hợp lệ, ${e.rejected} mã bị từ chối.` && got.duplicates === String(e.duplicates) && got.shared === String(e.sharedCode);
      out.push({
        lines,
        referenceMs: r1(median(ref)),
        rosterMs: r1(median(ros)),
        ratio: Math.round(median(ratios) * 100) / 100,
        longestTaskMs: r1(median(longest)),
        msPer1000: r1((median(ros) / lines) * 1000),
        totalsOk,
        refused: e.rejected,
        duplicates: e.duplicates,
        sharedCode: e.sharedCode,
      });
      await context.close();
    }
  } finally {
    await server.close();
  }
  const [first, last] = [out[0], out[out.length - 1]];
  return { target: { ratio: 10 }, rounds, sizes: out, scaling: first && last && first !== last ? Math.round((last.msPer1000 / first.msPer1000) * 100) / 100 : null };
}

/** In the page: split the text and sign every line once (one key, 1,000 signatures in flight at a time). */
async function reference(): Promise<number> {
  const text = (window as unknown as { benchText: string }).benchText;
  const t0 = performance.now();
  const lines = text.split(/\r?\n/);
  const key = await crypto.subtle.importKey('raw', new Uint8Array(16).fill(7), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const enc = new TextEncoder();
  for (let i = 0; i < lines.length; i += 1000) await Promise.all(lines.slice(i, i + 1000).map((l) => crypto.subtle.sign('HMAC', key, enc.encode(l))));
  return performance.now() - t0;
}

/** In the page: empty the list, paste the text, wait for data-state="done" and the next frame; the longest task meanwhile. */
async function rosterRun(): Promise<{ ms: number; longest: number; totals: Record<string, string | undefined> }> {
  const text = (window as unknown as { benchText: string }).benchText;
  const el = document.querySelector<HTMLElement>('tt-roster')!;
  const settled = () =>
    new Promise<void>((resolve) => {
      const mo = new MutationObserver(() => {
        if (el.dataset.state === 'done') {
          mo.disconnect();
          resolve();
        }
      });
      mo.observe(el, { attributes: true, attributeFilter: ['data-state'] });
    });
  const cleared = settled();
  el.querySelector<HTMLButtonElement>('[data-clear]')!.click();
  await cleared;
  let longest = 0;
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  po.observe({ type: 'longtask', buffered: false });
  const done = settled();
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  const t0 = performance.now();
  el.querySelector('textarea')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  await done;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const ms = performance.now() - t0;
  po.disconnect();
  const more = el.querySelector<HTMLElement>('[data-summary-more]')!;
  return { ms, longest, totals: { summary: el.querySelector('[data-summary]')!.textContent ?? '', duplicates: more.dataset.duplicateCount, shared: more.dataset.sharedCount } };
}

/** The table printed by `npm run bench`. */
export function formatRoster(r: RosterBench): string {
  const head = 'lines    reference ms   roster ms   ratio   ms/1k lines   longest task ms   totals   duplicates   shared code';
  const rows = r.sizes.map((s) =>
    [String(s.lines).padEnd(8), String(s.referenceMs).padStart(12), String(s.rosterMs).padStart(11), String(s.ratio).padStart(7), String(s.msPer1000).padStart(13), String(s.longestTaskMs).padStart(17), (s.totalsOk ? 'ok' : 'WRONG').padStart(8), String(s.duplicates).padStart(12), String(s.sharedCode).padStart(13)].join(' '),
  );
  return [head, ...rows, `target: roster ≤ ${r.target.ratio}× reference; scaling (ms per 1k lines, largest / smallest): ${r.scaling ?? 'n/a'} (1 = linear); medians of ${r.rounds} interleaved rounds`].join('\n');
}
