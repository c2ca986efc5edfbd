/**
 * The documents web in real Chromium: status and related panels, căn cứ links in both directions,
 * cross-references, the timeline and the responsibility matrix, on a 360 px phone, without
 * JavaScript, by keyboard, and without any request to another host.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
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
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('document pages: status and related documents', () => {
  it('Kết luận 52 tells what came later, says its status is unchecked (no recorded check) and shows relations both ways', async () => {
    const { page, context, foreignRequests, consoleErrors } = await openPage(browser);
    await page.goto(siteUrl('van-ban/ket-luan-52-kl-tw/'));
    const status = page.getByRole('complementary', { name: 'Tình trạng và văn bản tiếp nối' });
    const text = norm(await status.innerText());
    expect(text).toContain('Kế hoạch số 83-KH/TU (27/8/2019): tiếp nối trực tiếp văn bản này');
    expect(text).toContain('Nghị quyết số 45-NQ/TW (24/11/2023): tiếp tục cùng đường lối với Nghị quyết số 27-NQ/TW');
    expect(text).not.toContain('tính đến ngày');
    expect(text).toContain('chưa được rà soát');
    const related = page.getByRole('region', { name: 'Văn bản liên quan' });
    const rel = norm(await related.innerText());
    expect(rel).toContain('Văn bản này tiếp tục thực hiện: Nghị quyết số 27-NQ/TW');
    expect(rel).toContain('Được triển khai bởi: Kế hoạch số 83-KH/TU');
    await related.getByRole('link', { name: 'Dòng thời gian các văn bản' }).click();
    await page.waitForURL(/\/van-ban\/dong-thoi-gian\/$/);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('Nghị quyết 45, the latest, says nothing came later yet; Nghị quyết 27 lists its three successors', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl('van-ban/nghi-quyet-45-nq-tw/'));
    const nq45 = norm(await page.locator('[data-status]').innerText());
    expect(nq45).toContain('Trên trang này chưa có văn bản nào ra đời sau');
    // A recorded check: its date, what was found and the sources consulted.
    expect(nq45).toContain('Thông tin tính đến ngày 05/12/2026. Đã rà soát:');
    expect(nq45).toContain('Hướng dẫn số 145-HD/BTGTW');
    expect(await page.locator('[data-successor-meta]').evaluateAll((els) => els.map((e) => e.getAttribute('data-successor-meta')))).toEqual(['huong-dan-145-hd-btgtw']);
    // One link per source the recorded check names in the front matter.
    const fm = parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync('content/documents/nghi-quyet-45-nq-tw.mdx', 'utf8'))![1]!) as { statusCheck: { sources: string[] } };
    expect(fm.statusCheck.sources.length).toBeGreaterThanOrEqual(3);
    expect(await page.locator('[data-status-check] a[rel~="external"]').count()).toBe(fm.statusCheck.sources.length);
    await page.goto(siteUrl('van-ban/nghi-quyet-27-nq-tw/'));
    const later = await page.locator('[data-successor]').evaluateAll((els) => els.map((e) => e.getAttribute('data-successor')));
    expect(later).toEqual(['ket-luan-90-kl-tw', 'ket-luan-52-kl-tw', 'nghi-quyet-45-nq-tw']);
    expect(norm(await page.locator('[data-status]').innerText())).toContain('Văn bản mới nhất của dòng văn bản này: Nghị quyết số 45-NQ/TW (24/11/2023)');
    await context.close();
  });

  it('summary pages name their source honestly and show the importer command in a keyboard-operable disclosure', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl('van-ban/ket-luan-90-kl-tw/'));
    expect(await page.locator('[data-source-kind]').getAttribute('data-source-kind')).toBe('official');
    expect(await page.locator('[data-source-kind] a').first().getAttribute('href')).toMatch(/^http:\/\/tulieuvankien\.dangcongsan\.vn\//);
    await page.goto(siteUrl('van-ban/nghi-quyet-27-nq-tw/'));
    expect(await page.locator('[data-source-kind]').getAttribute('data-source-kind')).toBe('republished');
    expect(norm(await page.locator('[data-source-kind]').innerText())).toContain('Chưa tìm thấy trang đăng toàn văn trên cổng Tư liệu Văn kiện Đảng');
    // The metadata panel never calls a republication "official".
    const metaLink = page.getByRole('region', { name: 'Thông tin văn bản' }).getByRole('link');
    expect(norm(await metaLink.innerText())).toBe('Xem bản đăng lại trên luatminhkhue.vn (không phải cổng chính thức)');
    await page.goto(siteUrl('van-ban/ket-luan-52-kl-tw/'));
    expect(await page.locator('[data-source-kind]').getAttribute('data-source-kind')).toBe('none');
    const command = page.getByText('npm run import -- content/sources/ket-luan-52-kl-tw.txt --id ket-luan-52-kl-tw --force');
    expect(await command.isVisible()).toBe(false);
    await page.locator('.src-notice__editor summary').focus();
    await page.keyboard.press('Enter');
    expect(await command.isVisible()).toBe(true);
    await context.close();
  });
});

describe('căn cứ links, both ways', () => {
  it('from a plan provision to Kết luận 52 as a whole, with the plan\'s own words, and back', async () => {
    const { page, context, foreignRequests } = await openPage(browser);
    await page.goto(siteUrl('van-ban/ke-hoach-83-kh-tu/'));
    const line = page.locator('[data-can-cu="phan-ii-muc-1"]');
    expect(norm(await line.innerText())).toBe(
      // Phần II mục 1 names the two documents without taking them as căn cứ: no "Căn cứ:" label.
      'Văn bản được nhắc tới: Kết luận số 52-KL/TW (nguyên văn: “tổ chức thực hiện nghiêm chỉnh, đồng bộ mục tiêu, quan điểm chỉ đạo, nhiệm vụ, giải pháp đã nêu trong Nghị quyết số 27-NQ/TW, Kết luận số 52-KL/TW”); Nghị quyết số 27-NQ/TW (nguyên văn: “tổ chức thực hiện nghiêm chỉnh, đồng bộ mục tiêu, quan điểm chỉ đạo, nhiệm vụ, giải pháp đã nêu trong Nghị quyết số 27-NQ/TW”).',
    );
    expect(norm(await page.locator('[data-can-cu="phan-iii-muc-2"]').innerText())).toMatch(/^Căn cứ: Kết luận số 52-KL\/TW \(nguyên văn: “căn cứ Nghị quyết số 27-NQ\/TW, Kết luận số 52-KL\/TW/);
    // We hold no text of Kết luận 52: no căn cứ link points into one of its sections.
    expect(await page.locator('.can-cu a[href*="ket-luan-52-kl-tw/#"]').count()).toBe(0);
    await line.getByRole('link', { name: 'Kết luận số 52-KL/TW' }).click();
    await page.waitForURL(/ket-luan-52-kl-tw\/$/);
    const back = page.locator('[data-cancu-back="ket-luan-52-kl-tw"] a[data-cancu-target="ke-hoach-83-kh-tu#phan-ii-muc-1"]');
    expect(norm(await back.innerText())).toBe('mục 1, phần II, Kế hoạch số 83-KH/TU');
    await back.click();
    await page.waitForURL(/ke-hoach-83-kh-tu\/#phan-ii-muc-1$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('phan-ii-muc-1');
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('the Kết luận 52 page lists every plan provision that names it, and invents no section of its own', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl('van-ban/ket-luan-52-kl-tw/'));
    const targets = await page.locator('[data-cancu-back="ket-luan-52-kl-tw"] a').evaluateAll((as) => as.map((a) => a.getAttribute('data-cancu-target')));
    expect(targets).toEqual(['phan-i-muc-2', 'phan-ii-muc-1', 'phan-iii-muc-2', 'phan-iii-muc-3', 'phan-iii-muc-4'].map((a) => `ke-hoach-83-kh-tu#${a}`));
    expect(await page.locator('[id^="trien-khai-noi-dung"]').count()).toBe(0);
    expect(norm(await page.locator('h2#chua-biet + p').innerText())).toContain('người ký');
    await context.close();
  });
});

describe('cross-references', () => {
  it('a mention in the plan links to the document and keeps the words', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl('van-ban/ke-hoach-83-kh-tu/'));
    const first = page.locator('[data-official-text] a.xref').first();
    expect(await first.innerText()).toBe('Kết luận số 52-KL/TW');
    expect(await page.locator('[data-official-text] a.xref[data-xref="ke-hoach-83-kh-tu"]').count()).toBe(0);
    expect(await page.locator('[data-official-text] :is(h1,h2,h3,h4) a.xref').count()).toBe(0);
    await first.click();
    await page.waitForURL(/ket-luan-52-kl-tw\/$/);
    expect(await page.locator('h1').innerText()).toBe('Kết luận số 52-KL/TW');
    await context.close();
  });
});

describe('timeline and responsibility matrix', () => {
  it('the timeline lists the five documents and the two later ones (metadata only) in order and fits a 360 px phone', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 360, height: 740 } });
    await page.goto(siteUrl('van-ban/dong-thoi-gian/'));
    const years = await page.locator('.tl__year').allInnerTexts();
    expect(years).toEqual(['2008', '2014', '2019', '2019', '2023', '2024', '2025']);
    const titles = await page.locator('.tl__title').allInnerTexts();
    expect(titles).toEqual([
      'Nghị quyết số 27-NQ/TW',
      'Kết luận số 90-KL/TW',
      'Kết luận số 52-KL/TW',
      'Kế hoạch số 83-KH/TU',
      'Nghị quyết số 45-NQ/TW',
      'Hướng dẫn số 145-HD/BTGTW',
      'Quyết định số 2711/QĐ-TTg',
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('the matrix reads as a table on a desktop and as stacked cards on a phone, without JavaScript', async () => {
    const { page, context, foreignRequests } = await openPage(browser, { viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    await page.goto(siteUrl('van-ban/phan-cong/'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator('[data-matrix] tbody tr').count()).toBe(10);
    const row = page.locator('[data-matrix] tr[data-anchor="phan-iii-muc-4"]').first();
    expect(norm(await row.innerText())).toContain('tháng 10/2019');
    const stops = await page.locator('[data-deadlines] > li h3').allInnerTexts();
    expect(stops).toEqual(['tháng 10/2019', 'quý IV/2019', 'năm 2020', 'Định kỳ 06 tháng', 'Hằng năm']);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('a matrix row link opens the provision that assigns the task, by keyboard', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1100, height: 800 } });
    await page.goto(siteUrl('van-ban/phan-cong/'));
    const link = page.locator('[data-matrix] a[data-provision-link="phan-iii-muc-2"]').first();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/ke-hoach-83-kh-tu\/#phan-iii-muc-2$/);
    expect(norm(await page.locator('#phan-iii-muc-2').innerText())).toContain('Đảng đoàn Hội đồng Nhân dân tỉnh');
    await context.close();
  });
});
