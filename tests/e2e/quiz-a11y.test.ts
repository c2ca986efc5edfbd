/**
 * axe-core on the quiz area's interactive states, which the sitemap-wide a11y suite cannot reach:
 * a question (including an ordering one), the result and review, a filled certificate and a
 * roster with accepted and rejected codes; the presenter's "open a session" dialog with its QR, the quiz page in
 * session mode and the trainer page with a session and session-bound codes. Light and dark, 360 px.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';
import { encodeFor } from '../../src/lib/receipt/code.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(async () => {
    const a = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe;
    return a.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
  })) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe.each(['light', 'dark'] as const)('quiz states, %s, 360 px', (colorScheme) => {
  it('question screens, result and review, certificate and roster have no WCAG 2.1 AA violations', async () => {
    const { page, context } = await openPage(browser, { colorScheme, viewport: { width: 360, height: 800 }, bypassCSP: true });
    await page.goto(siteUrl('kiem-tra/01-ke-hoach-83-kh-tu/'));
    await page.getByLabel('Họ và tên').fill('Lò Thị Mai');
    await page.getByLabel('Đơn vị (chi bộ, cơ quan, xã…)').fill('Xã Thanh Nưa');
    await page.getByRole('button', { name: 'Lưu và tiếp tục' }).click();
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await poll(() => page.locator('fieldset[data-qid]').count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    // Walk to an ordering question, check it, then finish with whatever is chosen.
    let sawOrdering = false;
    for (let i = 0; i < 10; i++) {
      if (!sawOrdering && (await page.locator('.order-list').count()) > 0) {
        sawOrdering = true;
        expect(await axe(page)).toEqual([]);
      }
      if (i < 9) await page.getByRole('button', { name: 'Câu tiếp' }).click();
    }
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await poll(() => page.locator('.review__item').count()).toBe(10);
    expect(await axe(page)).toEqual([]);

    // A certificate with data.
    await page.evaluate(() => {
      const r = JSON.parse(localStorage.getItem('tt-kiem-tra')!);
      r.completions['01-ke-hoach-83-kh-tu'] = { percent: 90, date: '2026-11-27', code: '4489-E8YJ-XM9M', finishedAt: '2026-11-27T02:00:00Z', name: 'Lò Thị Mai', unit: 'Xã Thanh Nưa' };
      localStorage.setItem('tt-kiem-tra', JSON.stringify(r));
    });
    await page.goto(siteUrl('kiem-tra/chung-nhan/?bai=01-ke-hoach-83-kh-tu'));
    await poll(() => page.locator('[data-f="code"]').textContent()).toBe('4489-E8YJ-XM9M');
    expect(await axe(page)).toEqual([]);

    // A roster with accepted and rejected lines.
    const ok = encodeFor({ quiz: 1, date: '2026-11-20', percent: 90, name: 'Lò Thị Mai', unit: 'Xã Thanh Nưa' });
    await page.goto(siteUrl('giang-vien/'));
    await page.getByLabel('Mã xác nhận', { exact: true }).fill(`${ok}\tLò Thị Mai\tXã Thanh Nưa\nABCD-EFGH-JKMN\n${ok}`);
    await page.getByRole('button', { name: 'Kiểm tra và thêm vào danh sách' }).click();
    await poll(() => page.locator('[data-summary]').textContent()).toBe('1 mã hợp lệ, 1 mã bị từ chối.');
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it('the session dialog, the quiz page in session mode and the trainer page with sessions have no WCAG 2.1 AA violations', async () => {
    const { page, context } = await openPage(browser, { colorScheme, viewport: { width: 360, height: 800 }, bypassCSP: true });
    await page.goto(siteUrl('hoc-tap/01-ke-hoach-83-kh-tu/nguoi-trinh-bay/'));
    await page.getByRole('button', { name: 'Mở buổi học' }).click();
    await page.getByLabel('Đơn vị tổ chức').fill('Chi bộ bản Noong Bua');
    await page.getByRole('button', { name: 'Mở buổi học và hiện mã QR' }).click();
    const link = page.locator('input[data-link="learner"]');
    await poll(() => link.count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    const url = await link.inputValue();
    const learner = await context.newPage();
    await learner.goto(url);
    await poll(() => learner.locator('[data-session-mode="session"]').count()).toBe(1);
    expect(await axe(learner)).toEqual([]);
    await page.goto(siteUrl('giang-vien/'));
    await page.getByRole('button', { name: 'Chuyển sang máy khác' }).click();
    await poll(() => page.locator('input[data-link="transfer"]').count()).toBe(1);
    const ok = encodeFor({ quiz: 1, date: '2026-11-20', percent: 90, name: 'Lò Thị Mai', unit: 'Xã Thanh Nưa' });
    await page.getByLabel('Mã xác nhận', { exact: true }).fill(`${ok}\tLò Thị Mai\tXã Thanh Nưa\nABCD-EFGH-JKMN-PQRS-TVWX`);
    await page.getByRole('button', { name: 'Kiểm tra và thêm vào danh sách' }).click();
    await poll(() => page.locator('[data-summary]').textContent()).toBe('1 mã hợp lệ, 1 mã bị từ chối.');
    expect(await axe(page)).toEqual([]);
    await context.close();
  });
});
