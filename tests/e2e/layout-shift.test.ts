/**
 * Nothing the reader did not ask for moves after the first paint (#19), on every page type, with
 * and without a Vietnamese speech voice, with JavaScript on (phone and desktop widths) and off.
 * Chromium's own layout-shift entries (PerformanceObserver, buffered, installed before any page
 * script; without JavaScript the DevTools protocol's performance timeline) are recorded until the
 * page declares it has settled (`<html data-modules="ready">`, src/integrations/defer-modules.ts;
 * a page without scripts has settled at load), and the test fails naming the nodes that moved.
 * A behaviour, not a timing: a shift counts whenever it happens.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrument, nextFrames, paintPages, readPaint, recordShiftsWithoutScripts } from '../../scripts/lib/paint.ts';
import type { Shift } from '../../scripts/lib/paint.ts';
import { launchBrowser, openPage, scriptsReady, siteUrl } from './helpers/browser.ts';

const PAGES = Object.entries(
  paintPages({ plan: 'ke-hoach-83-kh-tu', summary: 'ket-luan-52-kl-tw', study: '01-ke-hoach-83-kh-tu', quiz: '01-ke-hoach-83-kh-tu' }),
);
const PHONE = { width: 412, height: 823 };
const DESKTOP = { width: 1280, height: 800 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const named = (shifts: Shift[]) => shifts.map((s) => `${s.value.toFixed(4)}: ${s.nodes.join(' | ')}`);
/**
 * Issue #19's target is CLS 0, written as ≤ 0.001 per page. A page over it fails naming every shifted node; a
 * nudge below it (seen once under a doubled load: the header's title 8 px down, score 0.00004) does not.
 */
const CLS_LIMIT = 0.001;
const overLimit = (shifts: Shift[]) => (shifts.reduce((sum, s) => sum + s.value, 0) <= CLS_LIMIT ? [] : named(shifts));

describe.each([
  ['phone, Vietnamese voice', PHONE, true],
  ['phone, no Vietnamese voice', PHONE, false],
  ['desktop, no Vietnamese voice', DESKTOP, false],
] as const)('no layout shift with JavaScript (%s)', (_name, viewport, voice) => {
  it.each(PAGES)('%s (%s)', async (_type, path) => {
    const { page, context } = await openPage(browser, { viewport });
    await instrument(page, { voice });
    await page.goto(siteUrl(path), { waitUntil: 'commit' });
    await page.waitForLoadState('load');
    await scriptsReady(page);
    await nextFrames(page);
    const { shifts } = await readPaint(page);
    expect(overLimit(shifts)).toEqual([]);
    await context.close();
  });
});

describe('no layout shift without JavaScript', () => {
  it.each(PAGES)('%s (%s)', async (_type, path) => {
    const { page, context } = await openPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    const read = await recordShiftsWithoutScripts(page);
    await page.goto(siteUrl(path), { waitUntil: 'load' });
    // Without scripts nothing runs after load; a screenshot makes sure a frame of the loaded page was shown.
    await page.screenshot();
    expect(overLimit(await read())).toEqual([]);
    await context.close();
  });
});

describe('the recorders see a shift when there is one', () => {
  // Both recorders on a page made to move: a block that arrives after the first paint pushes the text down.
  const moving = (siteOrigin: string) => `${siteOrigin}__shift-probe__/`;
  it('with JavaScript (PerformanceObserver)', async () => {
    const { page, context } = await openPage(browser, { viewport: PHONE });
    await instrument(page, { voice: false });
    await page.route(moving(siteUrl()), (r) =>
      r.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><p id="first">Đoạn đầu</p><p id="later">Đoạn sau</p><script>requestAnimationFrame(()=>requestAnimationFrame(()=>{const d=document.createElement("div");d.style.height="200px";document.body.prepend(d)}))</script>',
      }),
    );
    await page.goto(moving(siteUrl()));
    await nextFrames(page);
    await nextFrames(page);
    const { shifts } = await readPaint(page);
    // Chromium names the topmost box that moved (here the body holding both paragraphs).
    expect(named(shifts).join('\n')).toMatch(/body \[8,\d+ \d+×\d+ → /);
    await context.close();
  });
  it('without JavaScript (DevTools protocol timeline)', async () => {
    const { page, context } = await openPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    const read = await recordShiftsWithoutScripts(page);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route(`${siteUrl()}__shift-probe__/late.svg`, async (r) => {
      await held;
      await r.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"/>' });
    });
    await page.route(moving(siteUrl()), (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><img src="late.svg" alt=""><p id="first">Đoạn đầu</p>' }));
    await page.goto(moving(siteUrl()), { waitUntil: 'commit' });
    await page.waitForSelector('#first');
    await page.screenshot(); // the text has been painted without the image
    release();
    await page.waitForLoadState('load');
    await page.screenshot();
    expect(named(await read()).join('\n')).toContain('p#first');
    await context.close();
  });
});
