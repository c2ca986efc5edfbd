/**
 * The plan 83-KH/TU on the built site, in real Chromium: verbatim text, metadata, anchors, TOC,
 * copy actions, print, small screens, no JavaScript, and no request to another host.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';

const SOURCE = readFileSync('content/sources/ke-hoach-83-kh-tu.txt', 'utf8');
const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const sourceLines = SOURCE.split(/\r?\n/).map(norm).filter(Boolean);
const PLAN = 'van-ban/ke-hoach-83-kh-tu/';

/** The official body's visible text, chrome (anchor links, buttons, live regions) removed. */
const officialText = `(() => {
  const el = document.querySelector('[data-official-text]').cloneNode(true);
  el.querySelectorAll('[data-chrome]').forEach((n) => n.remove());
  const holder = document.createElement('div');
  holder.style.cssText = 'position:absolute;left:-99999px;width:800px';
  holder.append(el);
  document.body.append(holder);
  const text = el.innerText;
  holder.remove();
  return text;
})()`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('plan 83-KH/TU page', () => {
  it('shows every paragraph of the official source, character for character', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl(PLAN));
    const text = norm(await page.evaluate(officialText));
    const missing = sourceLines.filter((l) => !text.includes(l));
    expect(missing).toEqual([]);
    expect(sourceLines.length).toBeGreaterThan(40);
    await context.close();
  });

  it('adds and drops nothing: the official body equals the source text, in order', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl(PLAN));
    const text = norm(await page.evaluate(officialText));
    const expected = sourceLines.join(' ');
    if (text !== expected) {
      let i = 0;
      while (i < text.length && text[i] === expected[i]) i++;
      throw new Error(`first difference at ${i}:\n page:   …${text.slice(Math.max(0, i - 60), i + 60)}\n source: …${expected.slice(Math.max(0, i - 60), i + 60)}`);
    }
    // Sentence view of the same fact, for a readable failure if the order ever changes.
    const sentences = (s: string) => s.split(/(?<=[.;:])\s+/).filter(Boolean);
    expect(sentences(text).filter((s) => !expected.includes(s))).toEqual([]);
    await context.close();
  });

  it('shows the metadata panel', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl(PLAN));
    const panel = page.getByRole('region', { name: 'Thông tin văn bản' });
    const text = norm(await panel.innerText());
    // The "toàn văn" label says what the text is verbatim to, and the provenance of that file.
    for (const s of ['83-KH/TU', 'Kế hoạch', 'Tỉnh ủy Điện Biên', 'ngày 27 tháng 8 năm 2019', 'Lò Văn Muôn', 'Toàn văn (đăng nguyên văn bản đang lưu)', 'Xuất xứ của bản này', 'không có dòng thẩm quyền ký', 'Ban Thường vụ Tỉnh ủy xây dựng kế hoạch (đoạn mở đầu)']) {
      expect(text).toContain(s);
    }
    // The body the opening paragraph names is shown in its own row, not as the issuing body.
    expect(text.toLocaleLowerCase('vi')).toContain('chủ thể nêu trong văn bản ban thường vụ tỉnh ủy xây dựng kế hoạch (đoạn mở đầu)');
    expect(text).not.toContain('Tỉnh ủy Điện Biên (Ban Thường vụ');
    expect(await page.title()).toContain('Kế hoạch số 83-KH/TU');
    await context.close();
  });

  it('gives every section and numbered item a short ASCII anchor following the numbering', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl(PLAN));
    const ids = await page.$$eval('[data-official-text] [data-provision]', (els) => els.map((e) => e.id));
    expect(ids).toEqual([
      'phan-i', 'phan-i-muc-1', 'phan-i-muc-2',
      'phan-ii', 'phan-ii-muc-1', 'phan-ii-muc-2', 'phan-ii-muc-3', 'phan-ii-muc-4', 'phan-ii-muc-5',
      'phan-iii', 'phan-iii-muc-1', 'phan-iii-muc-2', 'phan-iii-muc-3', 'phan-iii-muc-4',
    ]);
    for (const id of ['phan-dau', 'tieu-de', 'mo-dau', 'noi-nhan', 'nguoi-ky']) expect(await page.locator(`#${id}`).count()).toBe(1);
    await context.close();
  });

  it('anchors the opening paragraph #mo-dau: the paragraph itself, not the title block, highlighted on arrival', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl(`${PLAN}#mo-dau`));
    const opening = page.locator('#mo-dau');
    expect(await opening.count()).toBe(1);
    // Exactly the source's opening paragraph: the line after the title rule, before "I- MỤC ĐÍCH, YÊU CẦU".
    const first = sourceLines.indexOf('-----') + 1;
    expect(sourceLines[first + 1]).toMatch(/^I- /);
    expect(norm(await opening.innerText())).toBe(sourceLines[first]);
    expect(norm(await opening.innerText())).toContain('Ban Thường vụ Tỉnh ủy xây dựng kế hoạch thực hiện như sau:');
    // Not inside, and not containing, the title block or a provision.
    expect(await page.locator('#tieu-de #mo-dau, #mo-dau #tieu-de, #mo-dau [data-provision]').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('mo-dau');
    const bg = await opening.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    const title = await page.locator('#tieu-de').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(title).toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    await context.close();
  });

  it('follows a TOC link and highlights the provision it lands on', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(siteUrl(PLAN));
    const toc = page.getByRole('navigation', { name: 'Mục lục' });
    await toc.getByRole('link', { name: /^3\. Ngân sách/ }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#phan-ii-muc-3');
    const bg = await page.$eval('section[data-for="phan-ii-muc-3"]', (el) => getComputedStyle(el).backgroundColor);
    const other = await page.$eval('section[data-for="phan-ii-muc-2"]', (el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe(other);
    await context.close();
  });

  it('highlights a provision when arriving with #anchor', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl(`${PLAN}#phan-iii-muc-4`));
    const bg = await page.$eval('section[data-for="phan-iii-muc-4"]', (el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    await context.close();
  });

  it('copies the citation and the link, with a visible cue', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(siteUrl(PLAN));
    const section = page.locator('section[data-for="phan-ii-muc-3"]');
    const tools = section.locator(':scope > .provision-tools');
    await section.locator(':scope > h3').hover();
    expect(await tools.getByRole('button').allInnerTexts()).toEqual(['Chép liên kết', 'Chép trích dẫn', 'Chia sẻ']);
    // Located by position: the accessible name changes to the cue after the click.
    const cite = tools.getByRole('button').nth(1);
    await cite.click();
    await expect.poll(() => cite.innerText()).toContain('Đã sao chép');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('mục 3, phần II Kế hoạch số 83-KH/TU ngày 27/8/2019 của Tỉnh ủy Điện Biên');
    await tools.getByRole('button').nth(0).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/van-ban\/ke-hoach-83-kh-tu\/#phan-ii-muc-3$/);
    await expect.poll(() => page.locator('tt-provisions [role=status]').innerText()).toContain('Đã sao chép');
    await context.close();
  });

  it('prints without navigation, in a serif face, with the page URL', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl(PLAN));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Mục lục' }).isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.locator('.print-url').isVisible()).toBe(true);
    const font = await page.$eval('[data-official-text]', (el) => getComputedStyle(el).fontFamily);
    expect(font).toMatch(/Times New Roman|serif/i);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await context.close();
  });

  it('fits a 360 px phone without horizontal scrolling, TOC collapsible', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(siteUrl(PLAN));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const toc = page.getByRole('navigation', { name: 'Mục lục' });
    expect(await toc.getByRole('link').first().isVisible()).toBe(false);
    await toc.getByText('Mục lục').click();
    expect(await toc.getByRole('link').first().isVisible()).toBe(true);
    await context.close();
  });

  it('works with JavaScript disabled', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(siteUrl(PLAN));
    const text = norm(await page.locator('[data-official-text]').innerText());
    expect(text).toContain(sourceLines[sourceLines.length - 1]);
    expect(await page.locator('.heading-anchor').count()).toBe(14);
    await context.close();
  });

  it('loads nothing from another host and logs no errors', async () => {
    const { page, context, foreignRequests, consoleErrors } = await openPage(browser);
    await page.goto(siteUrl(PLAN), { waitUntil: 'networkidle' });
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
