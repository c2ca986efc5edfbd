/**
 * Slide decks of every study session in real Chromium: keyboard and URL-hash navigation, swipe,
 * overview, presenter view kept in sync with the audience window (both ways), no overflow at
 * 1280×720 and 1920×1080 on any slide, no speaker notes on the audience screen, the QR closing
 * slide, no foreign requests, and the deck page's JavaScript budget (< 20 KB gzip).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';
import { splitFrontMatter } from '../../scripts/validate-content.ts';
import { parseSession } from '../../src/lib/slides/parse.ts';

const contentDir = process.env.CONTENT_DIR || 'content';
const sessions = readdirSync(`${contentDir}/study`)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const { data, body } = splitFrontMatter(readFileSync(`${contentDir}/study/${f}`, 'utf8'));
    return { id: f.replace(/\.mdx$/, ''), data: data as { quiz: string; title: string }, parsed: parseSession(body) };
  });
const first = sessions[0]!;
const deckUrl = (id: string, hash = '') => siteUrl(`hoc-tap/${id}/trinh-chieu/${hash}`);
const presenterUrl = (id: string, hash = '') => siteUrl(`hoc-tap/${id}/nguoi-trinh-bay/${hash}`);

/** 1-based number of the slide the element shows, and whether exactly that one is visible. */
async function shown(page: Page): Promise<{ n: number; visible: number; hash: string }> {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll<HTMLElement>('[data-deck-item]')];
    const vis = items.filter((i) => i.getBoundingClientRect().height > 0 && getComputedStyle(i).display !== 'none');
    const cur = items.findIndex((i) => i.hasAttribute('aria-current'));
    return { n: cur + 1, visible: vis.length, hash: location.hash };
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('study decks', () => {
  it('has three sessions with slides', () => {
    expect(sessions.length).toBeGreaterThanOrEqual(3);
    for (const s of sessions) expect(s.parsed.slides.length).toBeGreaterThan(5);
  });

  it('is driven by the keyboard (arrows, Space, PageUp/PageDown, Home/End, number + Enter, overview)', async () => {
    const { page, context, consoleErrors, foreignRequests } = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(deckUrl(first.id));
    await page.waitForSelector('tt-deck[data-live]');
    const total = await page.locator('[data-deck-item]').count();
    expect(await shown(page)).toEqual({ n: 1, visible: 1, hash: '#1' });
    const steps: [string, number][] = [
      ['ArrowRight', 2], ['Space', 3], ['PageDown', 4], ['PageUp', 3], ['ArrowLeft', 2], ['End', total], ['ArrowRight', total], ['Home', 1],
    ];
    for (const [key, n] of steps) {
      await page.keyboard.press(key);
      expect(await shown(page), key).toEqual({ n, visible: 1, hash: `#${n}` });
    }
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await expect.poll(() => page.locator('[data-goto]').textContent()).toContain('12');
    await page.keyboard.press('Enter');
    expect(await shown(page)).toEqual({ n: 12, visible: 1, hash: '#12' });
    expect(await page.locator('[data-counter]').textContent()).toBe(`12 / ${total}`);
    // Overview grid shows every slide; Enter returns to the current one.
    await page.keyboard.press('o');
    expect((await shown(page)).visible).toBe(total);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await shown(page)).toEqual({ n: 13, visible: 1, hash: '#13' });
    // Clicking a thumbnail in the overview jumps there.
    await page.getByRole('button', { name: 'Xem tất cả trang' }).click();
    await page.locator('[data-deck-item]').nth(2).click();
    expect(await shown(page)).toEqual({ n: 3, visible: 1, hash: '#3' });
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('resumes from the URL hash, follows hash changes and clamps bad numbers', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    const total = sessions[1]!.parsed.slides.length; // body slides only; the deck has more
    await page.goto(deckUrl(sessions[1]!.id, '#5'));
    await page.waitForSelector('tt-deck[data-live]');
    expect(await shown(page)).toEqual({ n: 5, visible: 1, hash: '#5' });
    await page.reload();
    await page.waitForSelector('tt-deck[data-live]');
    expect((await shown(page)).n).toBe(5);
    await page.evaluate(() => (location.hash = '#7'));
    await expect.poll(async () => (await shown(page)).n).toBe(7);
    await page.goto(deckUrl(sessions[1]!.id, '#999'));
    await page.reload();
    await page.waitForSelector('tt-deck[data-live]');
    const all = await page.locator('[data-deck-item]').count();
    expect(all).toBeGreaterThan(total);
    expect((await shown(page)).n).toBe(all);
    await context.close();
  });

  it('turns slides with a horizontal swipe', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 800, height: 450 }, hasTouch: true });
    await page.goto(deckUrl(first.id, '#2'));
    await page.waitForSelector('tt-deck[data-live]');
    const swipe = (dx: number) =>
      page.evaluate((dx) => {
        const el = document.querySelector('tt-deck')!;
        const touch = (x: number) => new Touch({ identifier: 1, target: el, clientX: x, clientY: 200 });
        el.dispatchEvent(new TouchEvent('touchstart', { changedTouches: [touch(400)], bubbles: true }));
        el.dispatchEvent(new TouchEvent('touchend', { changedTouches: [touch(400 + dx)], bubbles: true }));
      }, dx);
    await swipe(-150);
    expect((await shown(page)).n).toBe(3);
    await swipe(150);
    await swipe(150);
    expect((await shown(page)).n).toBe(1);
    await swipe(20); // too short: ignored
    expect((await shown(page)).n).toBe(1);
    await context.close();
  });

  it('keeps the presenter view and the audience window in sync, both ways', async () => {
    const { page: audience, context, consoleErrors } = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    await audience.goto(deckUrl(first.id, '#3'));
    await audience.waitForSelector('tt-deck[data-live]');
    // The presenter link opens the second window at the current slide.
    const [presenter] = await Promise.all([
      context.waitForEvent('page'),
      audience.getByRole('link', { name: 'Mở màn hình người trình bày' }).click(),
    ]);
    await presenter!.waitForSelector('tt-deck[data-live]');
    expect((await shown(presenter!)).n).toBe(3);

    await audience.keyboard.press('ArrowRight');
    await expect.poll(async () => (await shown(presenter!)).n).toBe(4);
    await presenter!.keyboard.press('ArrowRight');
    await presenter!.keyboard.press('ArrowRight');
    await expect.poll(async () => (await shown(audience)).n).toBe(6);
    await presenter!.keyboard.press('Home');
    await expect.poll(async () => (await shown(audience)).n).toBe(1);
    await audience.keyboard.press('End');
    const total = await audience.locator('[data-deck-item]').count();
    await expect.poll(async () => (await shown(presenter!)).n).toBe(total);

    // Presenter shows the current slide's notes, the next slide and a running timer.
    await audience.keyboard.press('Home');
    await audience.keyboard.press('ArrowRight');
    await audience.keyboard.press('ArrowRight'); // slide 3 = first body slide after title + objectives
    await expect.poll(async () => (await shown(presenter!)).n).toBe(3);
    const cur = presenter!.locator('[data-deck-item][aria-current]');
    const bodySlide = first.parsed.slides[0]!;
    expect(await cur.locator('[data-notes]').innerText()).toContain(bodySlide.notes.slice(0, 60));
    expect(await cur.locator('.p-next').innerText()).toContain(first.parsed.slides[1]!.title);
    expect(await presenter!.locator('[data-timer]').textContent()).toMatch(/^\d{2}:\d{2}$/);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('shows no speaker notes on the audience screen', async () => {
    const { page, context } = await openPage(browser);
    for (const s of sessions) {
      await page.goto(deckUrl(s.id));
      const html = await page.content();
      for (const sl of s.parsed.slides.filter((x) => x.notes)) {
        const probe = sl.notes.split('\n')[0]!.slice(0, 50);
        expect(html, `${s.id}: ${probe}`).not.toContain(probe);
      }
      expect(await page.locator('[data-notes]').count()).toBe(0);
    }
    await context.close();
  });

  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    it(`fits every slide of every deck at ${viewport.width}×${viewport.height}`, async () => {
      const { page, context } = await openPage(browser, { viewport });
      let checked = 0;
      for (const s of sessions) {
        await page.goto(deckUrl(s.id, '#1'));
        await page.waitForSelector('tt-deck[data-live]');
        const total = await page.locator('[data-deck-item]').count();
        for (let n = 1; n <= total; n++) {
          const m = await page.evaluate(() => {
            const el = document.querySelector<HTMLElement>('[data-deck-item][aria-current] .slide')!;
            const r = el.getBoundingClientRect();
            const kids = [...el.querySelectorAll<HTMLElement>('*')].map((k) => k.getBoundingClientRect());
            return {
              sh: el.scrollHeight, ch: el.clientHeight, sw: el.scrollWidth, cw: el.clientWidth,
              ratio: r.width / r.height, inView: r.left >= -1 && r.top >= -1 && r.right <= innerWidth + 1 && r.bottom <= innerHeight + 1,
              kidsInside: kids.every((k) => k.width === 0 || (k.bottom <= r.bottom + 1 && k.right <= r.right + 1)),
            };
          });
          const where = `${s.id} #${n}`;
          expect(m.sh, where).toBeLessThanOrEqual(m.ch + 1);
          expect(m.sw, where).toBeLessThanOrEqual(m.cw + 1);
          expect(m.kidsInside, where).toBe(true);
          expect(m.inView, where).toBe(true);
          expect(Math.abs(m.ratio - 16 / 9), where).toBeLessThan(0.02);
          checked++;
          await page.keyboard.press('ArrowRight');
        }
      }
      expect(checked).toBeGreaterThan(40);
      await context.close();
    });
  }

  it('ends with a QR code to the quiz and its short URL, built into the page', async () => {
    const { page, context, foreignRequests } = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    for (const s of sessions) {
      await page.goto(deckUrl(s.id));
      await page.waitForSelector('tt-deck[data-live]');
      await page.keyboard.press('End');
      const last = page.locator('[data-deck-item][aria-current]');
      expect(await last.locator('.slide__qr svg path').count()).toBeGreaterThan(0);
      expect(await last.locator('.slide__url').innerText()).toMatch(new RegExp(`/kiem-tra/${s.data.quiz}/$`));
      expect(await last.getByRole('img').getAttribute('aria-label')).toContain(`/kiem-tra/${s.data.quiz}/`);
    }
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('works without JavaScript as a scrolling page of every slide', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 1280, height: 720 } });
    await page.goto(deckUrl(first.id, '#4'));
    const r = await shown(page);
    const total = await page.locator('[data-deck-item]').count();
    expect(r.visible).toBe(total);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0); // #4 scrolled into view
    await context.close();
  });

  it('keeps the deck JavaScript under 20 KB gzip and reports the page weight', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    const bodies: { url: string; type: string; gz: number }[] = [];
    page.on('response', async (res) => {
      const body = await res.body().catch(() => null);
      if (body) bodies.push({ url: res.url(), type: res.request().resourceType(), gz: gzipSync(body, { level: 9 }).length });
    });
    await page.goto(deckUrl(first.id), { waitUntil: 'networkidle' });
    await page.waitForSelector('tt-deck[data-live]');
    const js = bodies.filter((b) => b.type === 'script').reduce((s, b) => s + b.gz, 0);
    const total = bodies.reduce((s, b) => s + b.gz, 0);
    console.log(`deck page ${first.id}: JS ${js} B gzip, total ${total} B gzip over ${bodies.length} responses`);
    expect(js).toBeGreaterThan(0);
    expect(js).toBeLessThan(20 * 1024);
    await context.close();
  });
});
