/**
 * Issue #20 in real Chromium on /giang-vien/:
 * - a province-size paste (50,000 generated lines: 200 units, 3 quizzes, 600 held sessions, planted
 *   pairs of distinct learners sharing a code, identical repeats, corrupted codes; scripts/bench/
 *   roster-data.ts, the project's own encoder) gives the constructed totals, shows the duplicates
 *   counted once and the shared codes as separate people, refuses only the corrupted lines, and shows
 *   the long tables a page at a time, going through the steps it declares (`data-step`) in order;
 * - "Tạo báo cáo (.docx)" (rendered disabled in the first HTML, enabled once there is something to
 *   report) loads its code only on the click, from a chunk listed in the offline manifest, and
 *   downloads a .docx that LibreOffice opens, with the totals in its text.
 * Every wait is for a state the page declares (`data-state="done"`, a download event), never a delay.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';
import type { TrackedPage } from './helpers/browser.ts';
import { rosterDataset } from '../../scripts/bench/roster-data.ts';
import type { RosterDataset } from '../../scripts/bench/roster-data.ts';
import { vnDate } from '../../src/lib/quiz/attempts.ts';

const LINES = 50_000;
let browser: Browser;
let data: RosterDataset;
let tracked: TrackedPage;
const work = mkdtempSync(join(tmpdir(), 'tt-roster-'));

beforeAll(async () => {
  browser = await launchBrowser();
  data = await rosterDataset({ lines: LINES, today: vnDate(new Date()) });
  tracked = await openPage(browser, { acceptDownloads: true });
  // The trainer device holds the 600 sessions (set once, before the page's scripts run).
  await tracked.context.addInitScript((store) => {
    if (!sessionStorage.getItem('tt-test-init')) {
      localStorage.setItem('tt-buoi-hoc', store);
      sessionStorage.setItem('tt-test-init', '1');
    }
  }, JSON.stringify(data.store));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the roster at province scale', () => {
  it(`${LINES.toLocaleString('en')} pasted lines: constructed totals, duplicates counted once, shared codes kept, only corrupted lines refused`, async () => {
    const { page } = tracked;
    await page.goto(siteUrl('giang-vien/'));
    const roster = page.locator('tt-roster');
    await page.waitForSelector('tt-roster[data-state="ready"]');
    const report = page.getByRole('button', { name: 'Tạo báo cáo (.docx)' });
    expect(await report.isDisabled()).toBe(true);
    // A paste event carrying the text, as the browser fires it when the trainer pastes (playwright's
    // `fill` types into the box instead). A paste this large goes into the list, not the text box.
    const box = page.getByLabel('Mã xác nhận', { exact: true });
    // The steps the element declares (`data-step`), every change recorded with the value it replaced.
    await roster.evaluate((el) => {
      const steps: (string | null)[] = [];
      (window as unknown as { rosterSteps: (string | null)[] }).rosterSteps = steps;
      new MutationObserver((records) => records.forEach((r) => steps.push(r.oldValue))).observe(el, { attributeFilter: ['data-step'], attributeOldValue: true });
    });
    await box.evaluate((el, text) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    }, data.text);
    await page.waitForSelector('tt-roster[data-state="done"]', { timeout: 300_000 });
    // Read in chunks, verified, counted, shown: each step once, in order, and none left when done.
    expect(await page.evaluate(() => (window as unknown as { rosterSteps: (string | null)[] }).rosterSteps)).toEqual([null, 'reading', 'verifying', 'counting', 'showing']);
    expect(await roster.getAttribute('data-step')).toBeNull();
    expect(await box.inputValue()).toBe('');
    expect(await roster.locator('[data-paste-note]').textContent()).toContain(`Đã đưa ${LINES} dòng vừa dán vào danh sách (bản dán 1;`);

    const e = data.expected;
    expect(await roster.locator('[data-summary]').textContent()).toBe(`${e.accepted} mã hợp lệ, ${e.rejected} mã bị từ chối.`);
    expect(await roster.locator('[data-summary-detail]').textContent()).toBe(
      `Trong số mã hợp lệ: ${e.attended} đã dự buổi, ${e.selfStudy} tự học, ${e.otherSession} của buổi khác.`,
    );
    const more = roster.locator('[data-summary-more]');
    expect(await more.getAttribute('data-duplicate-count')).toBe(String(e.duplicates));
    expect(await more.getAttribute('data-shared-count')).toBe(String(e.sharedCode));
    expect(e.sharedCode).toBeGreaterThanOrEqual(data.planted);
    expect(await more.textContent()).toContain(`${e.duplicates} dòng trùng hệt dòng trước`);

    // Refused: exactly the corrupted lines, all for their check characters; a page at a time.
    const rejected = roster.locator('[data-rejected]');
    expect(await rejected.locator('[data-page-info]').textContent()).toBe(`Dòng 1–100 trên ${e.rejected}`);
    expect(new Set(await rejected.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.reason)))).toEqual(new Set(['check']));
    // Duplicates in their own table, each pointing at the line it repeats.
    const dups = roster.locator('[data-duplicates]');
    expect(await dups.locator('[data-page-info]').textContent()).toBe(`Dòng 1–100 trên ${e.duplicates}`);
    expect(await dups.locator('tbody tr').first().textContent()).toMatch(/^bản dán 1:\d+.*Giống hệt dòng bản dán 1:\d+/);

    // The accepted list: 100 rows a page; the next page is the next 100.
    const accepted = roster.locator('[data-accepted]');
    expect(await accepted.locator('tbody tr').count()).toBe(100);
    expect(await accepted.locator('[data-page-info]').textContent()).toBe(`Dòng 1–100 trên ${e.accepted}`);
    const firstPage = await accepted.locator('tbody tr td.code').first().textContent();
    await accepted.getByRole('button', { name: 'Trang sau' }).click();
    expect(await accepted.locator('[data-page-info]').textContent()).toBe(`Dòng 101–200 trên ${e.accepted}`);
    expect(await accepted.locator('tbody tr td.code').first().textContent()).not.toBe(firstPage);

    // The table by unit and quiz (600 groups of accepted codes, plus units whose refused codes name no quiz; a page
    // at a time) adds up to the totals.
    const units = roster.locator('[data-units]');
    const groups = Number(/trên (\d+)$/.exec((await units.locator('[data-page-info]').textContent())!)![1]);
    expect(groups).toBeGreaterThanOrEqual(600);
    const sums: Record<string, number> = {};
    for (let page = 0; page * 100 < groups; page++) {
      expect(await units.locator('[data-page-info]').textContent()).toBe(`Dòng ${page * 100 + 1}–${Math.min(groups, page * 100 + 100)} trên ${groups}`);
      const part = await units.locator('tbody').evaluate((tbody) => [...tbody.querySelectorAll<HTMLElement>('td[data-count]')].map((td) => [td.dataset.count!, Number(td.textContent)] as const));
      for (const [k, n] of part) sums[k] = (sums[k] ?? 0) + n;
      if ((page + 1) * 100 < groups) await units.getByRole('button', { name: 'Trang sau' }).click();
    }
    expect(await units.getByRole('button', { name: 'Trang sau' }).isDisabled()).toBe(true);
    expect(sums).toEqual({ attended: e.attended, 'self-study': e.selfStudy, 'other-session': e.otherSession, rejected: e.rejected });
    // Every held session is listed with its attendance.
    expect(await roster.locator('[data-sessions] [data-page-info]').textContent()).toBe(`Dòng 1–100 trên ${data.store.sessions.length}`);
    // Too large to keep on the device: the page says so instead of losing it silently on a reload.
    await expect.poll(() => roster.locator('[data-not-saved]').count()).toBe(1);
    expect(await report.isDisabled()).toBe(false);
    expect(tracked.consoleErrors).toEqual([]);
  }, 600_000);

  it('"Tạo báo cáo (.docx)" loads its code on the click only (a chunk in the offline manifest) and LibreOffice reads the totals', async () => {
    const { page } = tracked;
    const html = await (await fetch(siteUrl('giang-vien/'))).text();
    // In the first HTML, disabled, at its final place: nothing moves when the script enables it.
    expect(html).toMatch(/<button[^>]*data-report[^>]*disabled[^>]*>Tạo báo cáo \(\.docx\)<\/button>/);
    const scriptsBefore = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.endsWith('.js')));
    expect(scriptsBefore.some((n) => /roster-report/.test(n))).toBe(false);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Tạo báo cáo (.docx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-hoc-tap-\d{4}-\d{2}-\d{2}\.docx$/);
    const file = join(work, 'bao-cao.docx');
    await download.saveAs(file);
    expect(await page.locator('[data-report-status]').textContent()).toBe('Đã tạo báo cáo (tệp Word đã được tải xuống).');

    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((n) => n.endsWith('.js')));
    const chunk = loaded.find((n) => /\/_astro\/roster-report[^/]*\.js$/.test(n));
    expect(chunk).toBeDefined();
    const manifest = (await (await fetch(siteUrl('offline-manifest.json'))).json()) as { files: { url: string }[] };
    expect(manifest.files.map((f) => `/${f.url}`)).toContain(chunk);

    // LibreOffice (private profile, headless) turns it into text.
    const profile = join(work, 'profile');
    const res = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', work, file], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(res.status, res.stderr).toBe(0);
    const text = readFileSync(join(work, 'bao-cao.txt'), 'utf8');
    const e = data.expected;
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('[TÊN CẤP ỦY, CƠ QUAN BÁO CÁO]');
    expect(text).toContain(`Tổng số dòng đã kiểm tra: ${e.lines}.`);
    expect(text).toContain(`Số lượt hoàn thành hợp lệ: ${e.accepted}; trong đó đã dự buổi học: ${e.attended}, tự học: ${e.selfStudy}, của buổi học khác: ${e.otherSession}.`);
    expect(text).toContain(`Số mã bị từ chối: ${e.rejected}.`);
    expect(text).toContain(`chỉ tính một lần: ${e.duplicates}.`);
    expect(text).toContain(`vẫn tính là người riêng: ${e.sharedCode}.`);
    expect(text).toContain('Chi bộ xã Thanh Nưa 1');
    expect(text).toContain('[Họ và tên]');
    expect(tracked.consoleErrors).toEqual([]);
    expect(tracked.foreignRequests).toEqual([]);
  }, 600_000);
});
