/**
 * What a page paints and whether it moves, observed in Chromium the way a visitor sees it: init
 * scripts (run before any page script, outside the page's CSP) record every largest-paint
 * candidate and every layout shift with a PerformanceObserver, naming the nodes that moved when
 * they move (they may be gone later), and can make the device have a Vietnamese speech voice or
 * none. Optionally the network and CPU are throttled through the DevTools protocol with
 * Lighthouse's "devtools" mobile preset. Shared by `tests/e2e/layout-shift.test.ts` (behaviour:
 * no shift at all) and `npm run bench` (timings, as ratios against the Starlight peer).
 */
import type { Page } from 'playwright-core';

/**
 * Lighthouse's devtools-mode mobile throttling (its `throttling.mobileSlow4G` with the devtools
 * multipliers: RTT 150 ms × 3.75, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up, CPU 4×) and viewport.
 */
export const DEVTOOLS_MOBILE = {
  latencyMs: 562.5,
  downloadBytesPerSecond: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadBytesPerSecond: (750 * 1024 * 0.9) / 8,
  cpuSlowdown: 4,
  viewport: { width: 412, height: 823 },
} as const;

/** One layout shift: its score, when (ms after navigation) and which nodes moved. */
export interface Shift {
  value: number;
  time: number;
  /** "tag#id.class" paths of the moved nodes, with their rectangles before → after. */
  nodes: string[];
  hadRecentInput: boolean;
}

/** What the observers saw on one page. */
export interface PaintRecord {
  fcp: number | null;
  /** The last largest-contentful-paint candidate (what Chromium reports as LCP). */
  lcp: number | null;
  /** The node of that candidate. */
  lcpNode: string | null;
  /** Every candidate, in order. */
  lcpCandidates: { time: number; node: string; size: number }[];
  /** Sum of the shifts without recent input (a page-lifetime CLS; the pages here are short visits). */
  cls: number;
  shifts: Shift[];
}

declare global {
  interface Window {
    __paint?: { lcp: { time: number; node: string; size: number }[]; shifts: Shift[] };
  }
}

/** The observer script, run in the page before anything else (page.addInitScript). */
function observe(): void {
  const name = (n: Node | null | undefined): string => {
    if (!n) return '(removed)';
    if (n.nodeType !== 1) return `${n.nodeName.toLowerCase()} in ${name(n.parentNode)}`;
    const el = n as Element;
    const path: string[] = [];
    for (let e: Element | null = el; e && path.length < 4; e = e.parentElement) {
      const cls = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '';
      path.unshift(`${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${cls}`);
      if (e.id) break;
    }
    return path.join(' > ');
  };
  const rect = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
  const rec: NonNullable<Window['__paint']> = { lcp: [], shifts: [] };
  window.__paint = rec;
  type LcpEntry = PerformanceEntry & { element?: Element | null; size: number; renderTime: number; loadTime: number };
  type ShiftEntry = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as LcpEntry[]) rec.lcp.push({ time: e.startTime, node: name(e.element), size: e.size });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as ShiftEntry[]) {
      rec.shifts.push({
        value: e.value,
        time: e.startTime,
        hadRecentInput: e.hadRecentInput,
        nodes: (e.sources ?? []).map((s) => `${name(s.node)} [${rect(s.previousRect)} → ${rect(s.currentRect)}]`),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/**
 * The speech engine of a device with a Vietnamese voice (`voice`) or without one. A device with
 * one reports it late, on `voiceschanged`, as Chromium does; one without reports only other voices.
 */
function speech(voice: boolean): void {
  const s = window.speechSynthesis as SpeechSynthesis | undefined;
  if (!s) return;
  const make = (lang: string) => ({ lang, name: `Giọng ${lang}`, voiceURI: lang, localService: true, default: false });
  let voices = [make('en-US')];
  Object.defineProperty(s, 'getVoices', { configurable: true, value: () => voices });
  if (voice) {
    setTimeout(() => {
      voices = [make('en-US'), make('vi-VN')];
      s.dispatchEvent(new Event('voiceschanged'));
    }, 300);
  }
}

/** Installs the observers and the speech voice (or none) on every document `page` opens. */
export async function instrument(page: Page, opts: { voice: boolean }): Promise<void> {
  await page.addInitScript(observe);
  await page.addInitScript(speech, opts.voice);
}

/** Throttles `page` like Lighthouse's devtools mobile preset (network and CPU, DevTools protocol). */
export async function throttle(page: Page, t = DEVTOOLS_MOBILE): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: t.latencyMs,
    downloadThroughput: t.downloadBytesPerSecond,
    uploadThroughput: t.uploadBytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: t.cpuSlowdown });
}

/**
 * Reads what the observers recorded. Call it once the page has declared itself settled
 * (`html[data-settled]`, see src/components/layout/settled.ts) or, without JavaScript, after load.
 */
export async function readPaint(page: Page): Promise<PaintRecord> {
  return page.evaluate(() => {
    const rec = window.__paint ?? { lcp: [], shifts: [] };
    const last = rec.lcp.at(-1);
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const counted = rec.shifts.filter((s) => !s.hadRecentInput);
    return {
      fcp,
      lcp: last?.time ?? null,
      lcpNode: last?.node ?? null,
      lcpCandidates: rec.lcp,
      cls: counted.reduce((a, s) => a + s.value, 0),
      shifts: counted,
    };
  });
}

/**
 * One page of each type a visitor can land on, as URL paths of the built site. The study-based
 * types use `study` (its deck, presenter view and handout), `quiz` the quiz of that id.
 */
export function paintPages(ids: { plan: string; summary: string; study: string; quiz: string }): Record<string, string> {
  return {
    home: '/',
    plan: `/van-ban/${ids.plan}/`,
    summary: `/van-ban/${ids.summary}/`,
    study: `/hoc-tap/${ids.study}/`,
    deck: `/hoc-tap/${ids.study}/trinh-chieu/`,
    presenter: `/hoc-tap/${ids.study}/nguoi-trinh-bay/`,
    handout: `/hoc-tap/${ids.study}/tai-lieu/`,
    quiz: `/kiem-tra/${ids.quiz}/`,
    quizIndex: '/kiem-tra/',
    search: '/tim-kiem/',
    /** The search page opened from a shared link: its results are its first state. */
    searchLink: '/tim-kiem/?q=k%E1%BA%BF+ho%E1%BA%A1ch',
    trainer: '/giang-vien/',
    progress: '/kiem-tra/tien-do/',
    certificate: '/kiem-tra/chung-nhan/',
    timeline: '/van-ban/dong-thoi-gian/',
    assignments: '/van-ban/phan-cong/',
    notFound: '/khong-co-trang-nay/',
  };
}

/** A node as the DevTools protocol describes it: "tag#id.class". */
function describeNode(node: { nodeName: string; attributes?: string[] }): string {
  const attrs: Record<string, string> = {};
  for (let i = 0; i + 1 < (node.attributes?.length ?? 0); i += 2) attrs[node.attributes![i]!] = node.attributes![i + 1]!;
  const cls = attrs.class?.trim() ? '.' + attrs.class.trim().split(/\s+/).join('.') : '';
  return `${node.nodeName.toLowerCase()}${attrs.id ? '#' + attrs.id : ''}${cls}`;
}

/**
 * Records layout shifts through the DevTools protocol's performance timeline, which works where
 * the page runs no script at all (JavaScript off), naming the moved nodes. Start it before the
 * navigation; the returned function reads what was recorded.
 */
export async function recordShiftsWithoutScripts(page: Page): Promise<() => Promise<Shift[]>> {
  const cdp = await page.context().newCDPSession(page);
  type Rect = { x: number; y: number; width: number; height: number };
  type Details = { value: number; hadRecentInput: boolean; sources: { previousRect: Rect; currentRect: Rect; nodeId?: number }[] };
  const events: { time: number; layoutShiftDetails?: Details }[] = [];
  cdp.on('PerformanceTimeline.timelineEventAdded', (e: { event: (typeof events)[number] }) => events.push(e.event));
  await cdp.send('PerformanceTimeline.enable', { eventTypes: ['layout-shift'] });
  const rect = (r: Rect) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
  return async () => {
    const out: Shift[] = [];
    for (const e of events) {
      const d = e.layoutShiftDetails;
      if (!d || d.hadRecentInput) continue;
      const nodes: string[] = [];
      for (const s of d.sources) {
        let name = '(removed)';
        if (s.nodeId) {
          try {
            const { node } = (await cdp.send('DOM.describeNode', { backendNodeId: s.nodeId })) as { node: { nodeName: string; attributes?: string[] } };
            name = describeNode(node);
          } catch {
            // The node is gone: keep "(removed)".
          }
        }
        nodes.push(`${name} [${rect(s.previousRect)} → ${rect(s.currentRect)}]`);
      }
      out.push({ value: d.value, time: e.time, hadRecentInput: false, nodes });
    }
    return out;
  };
}

/**
 * Waits until the frame after the current one has been shown, so that layout-shift entries of the
 * last change have been delivered to the observers (they are reported with the frame).
 */
export function nextFrames(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)))));
}
