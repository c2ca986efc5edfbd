/**
 * "Chia sẻ" in real Chromium: the Web Share API where the browser has it (stubbed here, since the
 * share sheet is the device's), otherwise copy link with the "Đã sao chép" cue; a provision's own
 * share action sends its anchored URL and its citation; hidden without JavaScript.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';

const PLAN = 'van-ban/ke-hoach-83-kh-tu/';
const STUDY = 'hoc-tap/01-ke-hoach-83-kh-tu/';
const QUIZ = 'kiem-tra/01-ke-hoach-83-kh-tu/';

/** Replaces navigator.share with a recorder; `cancel` makes it reject like a dismissed sheet. */
const stubShare = () => {
  const w = window as unknown as { __shared: ShareData[]; __cancel: boolean };
  w.__shared = [];
  w.__cancel = false;
  Object.defineProperty(Navigator.prototype, 'share', {
    configurable: true,
    value: async (data: ShareData) => {
      if (w.__cancel) throw new DOMException('dismissed', 'AbortError');
      w.__shared.push(data);
    },
  });
};
/** Removes the Web Share API, as on desktop Firefox or an old WebView. */
const noShare = () => {
  delete (Navigator.prototype as { share?: unknown }).share;
  delete (Navigator.prototype as { canShare?: unknown }).canShare;
};

const shared = (page: Page) => page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared);
const canonical = (page: Page) => page.$eval('link[rel="canonical"]', (l) => (l as HTMLLinkElement).href);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('page share button', () => {
  it.each([PLAN, STUDY, QUIZ])('%s hands title and canonical URL to the Web Share API', async (path) => {
    const { page, context, foreignRequests, consoleErrors } = await openPage(browser);
    await page.addInitScript(stubShare);
    await page.goto(siteUrl(path));
    const button = page.locator('tt-share button');
    await button.click();
    await expect.poll(() => shared(page)).toHaveLength(1);
    const [data] = await shared(page);
    expect(data!.url).toBe(await canonical(page));
    expect(data!.title).toBe(await page.locator('h1').innerText());
    await expect.poll(() => button.innerText()).toContain('Đã chia sẻ');
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('does nothing visible when the share sheet is dismissed', async () => {
    const { page, context } = await openPage(browser);
    await page.addInitScript(stubShare);
    await page.goto(siteUrl(PLAN));
    await page.evaluate(() => ((window as unknown as { __cancel: boolean }).__cancel = true));
    const button = page.locator('tt-share button');
    await button.click();
    await page.waitForTimeout(100);
    expect(await button.innerText()).toBe('Chia sẻ');
    await context.close();
  });

  it('copies the link with the "Đã sao chép" cue where there is no Web Share API', async () => {
    const { page, context } = await openPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.addInitScript(noShare);
    await page.goto(siteUrl(STUDY));
    expect(await page.evaluate(() => 'share' in navigator)).toBe(false);
    const button = page.locator('tt-share button');
    await button.click();
    await expect.poll(() => button.innerText()).toBe('✓ Đã sao chép');
    const url = await canonical(page);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${await page.locator('h1').innerText()} ${url}`);
    await expect.poll(() => page.locator('tt-share [role=status]').innerText()).toBe(`Đã sao chép: ${url}`);
    await expect.poll(() => button.innerText(), { timeout: 5000 }).toBe('Chia sẻ');
    await context.close();
  });

  it('is hidden without JavaScript', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(siteUrl(PLAN));
    expect(await page.locator('tt-share button').count()).toBe(1);
    expect(await page.locator('tt-share button').isVisible()).toBe(false);
    await context.close();
  });
});

describe('provision share action', () => {
  it('shares the anchored URL and the citation in official form', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.addInitScript(stubShare);
    await page.goto(siteUrl(PLAN));
    const section = page.locator('section[data-for="phan-ii-muc-3"]');
    await section.locator(':scope > h3').hover();
    await section.locator(':scope > .provision-tools').getByRole('button', { name: 'Chia sẻ' }).click();
    await expect.poll(() => shared(page)).toHaveLength(1);
    const [data] = await shared(page);
    const cite = 'mục 3, phần II Kế hoạch số 83-KH/TU ngày 27/8/2019 của Tỉnh ủy Điện Biên';
    expect(data).toEqual({ title: cite, text: cite, url: `${await canonical(page)}#phan-ii-muc-3` });
    await context.close();
  });

  it('copies citation and anchored URL where there is no Web Share API', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.addInitScript(noShare);
    await page.goto(siteUrl(PLAN));
    const section = page.locator('section[data-for="phan-i-muc-2"]');
    await section.locator(':scope > h3').hover();
    const button = section.locator(':scope > .provision-tools button').nth(2);
    await button.click();
    await expect.poll(() => button.innerText()).toBe('✓ Đã sao chép');
    const cite = 'mục 2, phần I Kế hoạch số 83-KH/TU ngày 27/8/2019 của Tỉnh ủy Điện Biên';
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${cite} ${await canonical(page)}#phan-i-muc-2`);
    await context.close();
  });
});
