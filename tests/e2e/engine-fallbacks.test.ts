/**
 * What some engines cannot do, and the fallback the product gives (README, "Browser support"). Each missing
 * feature is taken away in Chromium before the page's scripts run, so the fallback path is exercised:
 * - no async clipboard (plain http on a LAN address, permission refused): the certificate selects the code;
 * - no element fullscreen (Safari on iPhone): the deck shows no fullscreen button;
 * - no BarcodeDetector (Firefox, Safari, desktop Chromium): no scan button; pasting codes works;
 * - no BroadcastChannel: a presenter window still follows the audience deck through storage events.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';
import { fillLearner, quizData, takeAttempt } from './helpers/quiz.ts';
import { encodeFor } from '../../src/lib/receipt/code.ts';

const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const DECK = 'hoc-tap/01-ke-hoach-83-kh-tu/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('engine fallbacks', () => {
  it('without a clipboard, the certificate selects the code for copying by hand', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await page.goto(siteUrl('kiem-tra/01-ke-hoach-83-kh-tu/'));
    const quiz = await quizData(page);
    await fillLearner(page, 'Lò Văn Sao', 'Xã Mường Phăng');
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await takeAttempt(page, quiz, () => true);
    await poll(() => page.locator('.score').getAttribute('data-score')).toBe('100');
    const code = (await page.locator('[data-code]').first().textContent())!;
    await page.goto(siteUrl('kiem-tra/tien-do/'));
    await page.getByRole('link', { name: 'Giấy xác nhận' }).first().click();
    await poll(() => page.locator('[data-f="code"]').textContent()).toBe(code);
    await page.getByRole('button', { name: 'Sao chép mã' }).click();
    await poll(() => page.locator('[data-copy-status]').textContent()).toContain('mã đã được chọn sẵn');
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(code);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('without element fullscreen, the deck shows no fullscreen button', async () => {
    const normal = await openPage(browser);
    await normal.page.goto(siteUrl(DECK + 'trinh-chieu/#1'));
    await normal.page.waitForSelector('tt-deck[data-live]');
    expect(await normal.page.locator('button[data-action="fullscreen"]').isVisible()).toBe(true);
    await normal.context.close();

    const { page, context } = await openPage(browser);
    await context.addInitScript(() => Object.defineProperty(Document.prototype, 'fullscreenEnabled', { get: () => false }));
    await page.goto(siteUrl(DECK + 'trinh-chieu/#1'));
    await page.waitForSelector('tt-deck[data-live]');
    expect(await page.locator('button[data-action="fullscreen"]').isVisible()).toBe(false);
    await page.keyboard.press('ArrowRight');
    await poll(() => page.evaluate(() => location.hash)).toBe('#2');
    await context.close();
  });

  it('without BarcodeDetector, the roster offers no scan button and pasted codes are verified', async () => {
    const { page, context } = await openPage(browser);
    await context.addInitScript(() => delete (window as { BarcodeDetector?: unknown }).BarcodeDetector);
    await page.goto(siteUrl('giang-vien/'));
    expect(await page.locator('[data-scan]').isVisible()).toBe(false);
    const code = encodeFor({ quiz: 1, date: '2026-11-20', percent: 90, name: 'Lò Văn Quét', unit: 'Xã Nà Tấu' });
    await page.getByLabel('Mã xác nhận').fill(`${code}\tLò Văn Quét\tXã Nà Tấu`);
    await page.getByRole('button', { name: 'Kiểm tra và thêm vào danh sách' }).click();
    await poll(() => page.locator('[data-summary]').textContent()).toBe('1 mã hợp lệ, 0 mã bị từ chối.');
    await context.close();
  });

  it('without BroadcastChannel, the presenter view follows the audience deck', async () => {
    const { page, context } = await openPage(browser);
    await context.addInitScript(() => delete (window as { BroadcastChannel?: unknown }).BroadcastChannel);
    await page.goto(siteUrl(DECK + 'trinh-chieu/#1'));
    await page.waitForSelector('tt-deck[data-live]');
    const presenter = await context.newPage();
    await presenter.goto(siteUrl(DECK + 'nguoi-trinh-bay/#1'));
    await presenter.waitForSelector('tt-deck[data-live]');
    expect(await page.evaluate(() => typeof (window as { BroadcastChannel?: unknown }).BroadcastChannel)).toBe('undefined');
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await poll(() => presenter.evaluate(() => location.hash)).toBe('#3');
    await context.close();
  });
});
