/**
 * Offline reading end to end: one online visit, "Lưu để đọc offline", then with the browser offline
 * every page of the sitemap still opens (and says it came from the saved copy); a new deploy is
 * picked up and announced.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';
import { sitemapPaths } from './helpers/sitemap.ts';
import { fillLearner, quizData, takeAttempt } from './helpers/quiz.ts';

const dist = process.env.DIST_DIR || 'dist';
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** Waits until a service worker controls the page. */
async function controlled(p: Page): Promise<void> {
  await p.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page } = await openPage(browser));
  await page.goto(siteUrl(''));
  await controlled(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('offline reading', () => {
  it('saves the whole site with size and progress', async () => {
    const section = page.getByRole('region', { name: 'Lưu để đọc offline' });
    await expect.poll(() => section.locator('[data-role=size]').innerText()).toMatch(/Dung lượng: khoảng [\d,]+ (KB|MB) \(\d+ tệp\)/);
    await section.getByRole('button', { name: 'Lưu để đọc offline' }).click();
    await expect.poll(() => section.getByRole('status').innerText(), { timeout: 30_000 }).toMatch(/^Đã lưu \d+ tệp/);
    const manifest = JSON.parse(readFileSync(join(dist, 'offline-manifest.json'), 'utf8')) as { files: unknown[] };
    const cached = await page.evaluate(async () => (await (await caches.open('tt-saved')).keys()).length);
    expect(cached).toBe(manifest.files.length);
  });

  it('opens every page of the sitemap with the network off, and says it is a saved copy', async () => {
    await context.setOffline(true);
    try {
      for (const path of sitemapPaths()) {
        await page.goto(siteUrl(path));
        expect(await page.locator('main h1').count(), path).toBeGreaterThan(0);
        await expect.poll(() => page.locator('.offline-note[data-kind="cache"]').isVisible(), { message: path }).toBe(true);
      }
      await page.goto(siteUrl('van-ban/ke-hoach-83-kh-tu/#phan-iii-muc-4'));
      expect(await page.locator('[data-official-text]').innerText()).toContain('Lò Văn Muôn');
    } finally {
      await context.setOffline(false);
    }
  });

  it('searches with and without diacritics, runs a deck and records a quiz completion, all offline', async () => {
    await context.setOffline(true);
    try {
      // Search: the page, Pagefind, its wasm and index chunks all come from the saved copy.
      for (const q of ['người đứng đầu', 'nguoi dung dau', 'dang uy']) {
        await page.goto(siteUrl(`tim-kiem/?q=${encodeURIComponent(q)}`));
        await expect.poll(() => page.locator('.sr-result').count(), { timeout: 15_000, message: q }).toBeGreaterThan(0);
        expect(await page.getAttribute('.sr-result .sr-title a', 'href'), q).toMatch(/\/(van-ban|hoc-tap)\//);
      }
      // Deck: keyboard navigation and the #n hash work without a network.
      await page.goto(siteUrl('hoc-tap/01-ke-hoach-83-kh-tu/trinh-chieu/#1'));
      await page.waitForFunction(() => customElements.get('tt-deck') !== undefined);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#2');
      // Quiz: take it, pass, and find the completion recorded on the device.
      await page.goto(siteUrl('kiem-tra/01-ke-hoach-83-kh-tu/'));
      const quiz = await quizData(page);
      await fillLearner(page, 'Lò Văn Offline', 'Chi bộ bản Mường Phăng');
      await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
      await takeAttempt(page, quiz, () => true);
      await expect.poll(() => page.locator('.score').getAttribute('data-score'), { timeout: 15_000 }).toBe('100');
      const stored = await page.evaluate(() => localStorage.getItem('tt-kiem-tra') ?? '');
      expect(stored).toContain('01-ke-hoach-83-kh-tu');
      await page.goto(siteUrl('kiem-tra/tien-do/'));
      await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toMatch(/100\s*%/);
    } finally {
      await context.setOffline(false);
    }
  });

  it('picks up a new deploy and announces it', async () => {
    const swPath = join(dist, 'sw.js');
    const original = readFileSync(swPath, 'utf8');
    try {
      await page.goto(siteUrl(''));
      await controlled(page);
      writeFileSync(swPath, original.replace(/const VERSION = '[^']*'/, "const VERSION = 'deploy-2'"));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const note = page.locator('.offline-note[data-kind="updated"]');
      await expect.poll(() => note.isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await note.innerText()).toContain('Trang vừa có nội dung mới');
    } finally {
      writeFileSync(swPath, original);
    }
  });

  it('stays online-first: a normal visit is not marked as a saved copy', async () => {
    const fresh = await openPage(browser);
    await fresh.page.goto(siteUrl('van-ban/'));
    await fresh.page.waitForTimeout(300);
    expect(await fresh.page.locator('.offline-note[data-kind="cache"]').isVisible()).toBe(false);
    await fresh.context.close();
  });
});
