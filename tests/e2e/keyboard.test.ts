/**
 * Keyboard-only use of the site shell and the plan page: skip link first, visible focus, main
 * navigation reachable, a TOC entry followed with Enter, provision tools reachable by Tab.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('keyboard walkthrough', () => {
  it('skip link first, then the navigation, with a visible focus ring', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(siteUrl('van-ban/ke-hoach-83-kh-tu/'));
    await page.keyboard.press('Tab');
    const first = page.locator(':focus');
    expect(await first.innerText()).toBe('Bỏ qua, đến nội dung chính');
    expect(await first.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung');
    await page.keyboard.press('Shift+Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await context.close();
  });

  it('reaches a TOC entry by Tab and follows it with Enter', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(siteUrl('van-ban/ke-hoach-83-kh-tu/'));
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await page.evaluate(() => document.activeElement?.getAttribute('href'))) === '#phan-iii';
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#phan-iii');
    // The provision's copy buttons come next in tab order after its heading link.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    const label = await page.evaluate(() => document.activeElement?.textContent);
    expect(['Chép liên kết', 'Chép trích dẫn', '#']).toContain(label);
    await context.close();
  });
});
