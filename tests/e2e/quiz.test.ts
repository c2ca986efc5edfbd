/**
 * The quiz flow on the built site, in real Chromium: fail, wait the configured spacing, retry,
 * reload mid-quiz without losing answers, pass, open the certificate, copy the code, verify it in
 * the trainer roster with ten other codes, export the CSV and read it back. Plus the no-JS
 * self-study mode, corrupted storage, hostile names and the page's JavaScript budget.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';
import { answerCurrent, fillLearner, quizData, takeAttempt } from './helpers/quiz.ts';
import { encodeFor } from '../../src/lib/receipt/code.ts';
import { parseCsv } from '../../src/lib/receipt/csv.ts';
import type { ClientQuiz } from '../../src/lib/quiz/client-data.ts';

const QUIZ = 'kiem-tra/01-ke-hoach-83-kh-tu/';
const START = new Date('2026-11-27T02:00:00Z');
const NAME = 'Lò Thị Mai';
const UNIT = 'Xã Thanh Nưa, huyện Điện Biên';

// The machine is shared and slow: a single Playwright call after a navigation can exceed vitest's 1 s default.
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('quiz flow', () => {
  it('fail, wait, retry, reload mid-quiz, pass, certificate, roster, CSV', async () => {
    const { page, context, foreignRequests, consoleErrors } = await openPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.clock.install({ time: START });
    await page.goto(siteUrl(QUIZ));
    const quiz = await quizData(page);

    // Name and unit are asked once.
    await fillLearner(page, NAME, UNIT);
    await poll(() => page.locator('.learner-line').first().textContent()).toContain(NAME);

    // First attempt: everything wrong → fail, with a review that links to the cited provisions.
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await takeAttempt(page, quiz, () => false);
    await poll(() => page.locator('.score').getAttribute('data-score')).toBe('0');
    expect(await page.locator('.failed').textContent()).toContain('Chưa đạt');
    const links = page.getByRole('link', { name: /Đọc lại đoạn này/ });
    expect(await links.count()).toBe(quiz.draw);
    expect(await links.first().getAttribute('href')).toMatch(/\/van-ban\/ke-hoach-83-kh-tu\/#[a-z0-9-]+$/);
    expect(await page.locator('.review__item').first().textContent()).toContain('Đáp án đúng:');

    // Retry is refused until the spacing has passed.
    const retry = page.getByRole('button', { name: 'Làm lại' });
    expect(await retry.isDisabled()).toBe(true);
    expect(await page.locator('[data-gate]').getAttribute('data-gate')).toBe('spacing');
    await page.clock.fastForward('05:00');
    expect(await retry.isDisabled()).toBe(true);
    await page.clock.fastForward('06:00');
    await poll(() => page.getByRole('button', { name: 'Làm lại' }).isEnabled()).toBe(true);

    // Second attempt: answer half, reload, and find every answer still there.
    await page.getByRole('button', { name: 'Làm lại' }).click();
    await takeAttempt(page, quiz, () => true, 5);
    const before = await page.evaluate(() => JSON.parse(localStorage.getItem('tt-kiem-tra')!).inProgress);
    await page.reload();
    // Five answered, the sixth on screen: the reload lands on the sixth with all five kept.
    await poll(() => page.locator('.q-num').textContent()).toBe(`Câu 6/${quiz.draw}`);
    expect(await page.locator('[data-count]').textContent()).toBe(`Đã trả lời 5/${quiz.draw} câu`);
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('tt-kiem-tra')!).inProgress);
    expect(after).toEqual(before);
    await page.getByRole('button', { name: 'Câu trước' }).click();
    expect(await page.locator('.q-num').textContent()).toBe(`Câu 5/${quiz.draw}`);
    const fifth = (await page.locator('fieldset[data-qid]').getAttribute('data-qid'))!;
    expect(after['01-ke-hoach-83-kh-tu'].answers[fifth]).toBeDefined();
    if ((await page.locator('fieldset input').count()) > 0) expect(await page.locator('fieldset input:checked').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Câu tiếp' }).click();
    for (let i = 5; i < quiz.draw; i++) {
      await answerCurrent(page, quiz, true);
      if (i < quiz.draw - 1) await page.getByRole('button', { name: 'Câu tiếp' }).click();
    }
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await poll(() => page.locator('.score').getAttribute('data-score')).toBe('100');
    const code = (await page.locator('[data-code]').first().textContent())!;
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // Editing the name afterwards does not change what the existing certificate and code say.
    await page.getByRole('button', { name: 'Đổi họ tên, đơn vị' }).click();
    await fillLearner(page, 'Lò Thị Mai Hoa', UNIT);
    await poll(() => page.locator('.learner-line').first().textContent()).toContain('Lò Thị Mai Hoa');

    // Progress page lists the session as done.
    await page.goto(siteUrl('kiem-tra/tien-do/'));
    const row = page.locator('tr[data-quiz="01-ke-hoach-83-kh-tu"]');
    await poll(() => row.getAttribute('data-done')).toBe('true');
    expect(await row.locator('[data-cell="best"]').textContent()).toBe('100%');
    expect(await row.locator('[data-cell="date"]').textContent()).toBe('27/11/2026');

    // Certificate: name, unit, code, QR; copy the code line.
    await row.getByRole('link', { name: 'Giấy xác nhận' }).click();
    await poll(() => page.locator('[data-f="code"]').textContent()).toBe(code);
    expect(await page.locator('[data-f="name"]').textContent()).toBe(NAME);
    expect(await page.locator('[data-f="unit"]').textContent()).toBe(UNIT);
    expect(await page.locator('[data-qr] svg path').getAttribute('d')).toMatch(/^M\d/);
    await page.getByRole('button', { name: 'Sao chép mã' }).click();
    await poll(() => page.locator('[data-copy-status]').textContent()).toContain(code);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${code}\t${NAME}\t${UNIT}`);

    // Roster: the copied line plus ten other codes.
    const mk = (name: string, unit: string, quizCode: number, date = '2026-11-20', percent = 90) =>
      encodeFor({ quiz: quizCode, date, percent, name, unit });
    const a = mk('Nguyễn Văn An', 'Xã Thanh Nưa, huyện Điện Biên', 2);
    const b = mk('Quàng Thị Bích', 'Phường Him Lam', 1);
    const c = mk('Lường Văn Cường', 'Phường Him Lam', 3);
    const d = mk('Không Ghi Tên', 'Không ghi', 1, '2026-11-21');
    const typo = (s: string) => s.slice(0, 2) + (s[2] === 'Z' ? 'Y' : 'Z') + s.slice(3);
    const swap = (s: string) => s.slice(0, 5) + s[6] + s[5] + s.slice(7);
    const e = mk('Điêu Thị Én', 'Xã Mường Phăng', 1);
    const f = mk('Lò Văn Phúc', 'Xã Mường Phăng', 2);
    const swapped = e[5] === e[6] ? typo(f) : swap(e);
    const lines = [
      copied,
      `${a}\tNguyễn Văn An\tXã Thanh Nưa, huyện Điện Biên`,
      `${b}; Quàng Thị Bích; Phường Him Lam`,
      `${c} | Lường Văn Cường | Phường Him Lam`,
      d,
      `${typo(f)}\tLò Văn Phúc\tXã Mường Phăng`,
      `${swapped}\tĐiêu Thị Én\tXã Mường Phăng`,
      copied,
      `${a}\tNguyễn Văn An\tXã Thanh Nưa, huyện Điện Biên`,
      mk('Người Lạ', 'Nơi khác', 9),
      `${mk('Tương Lai', 'Xã Nà Tấu', 1, '2027-01-01')}\tTương Lai\tXã Nà Tấu`,
    ];
    await page.goto(siteUrl('giang-vien/'));
    const titles: Record<string, string> = JSON.parse((await page.locator('tt-roster script[data-json="quizzes"]').textContent())!).reduce(
      (m: Record<string, string>, q: { id: string; title: string }) => ({ ...m, [q.id]: q.title }),
      {},
    );
    await page.getByLabel('Mã xác nhận', { exact: true }).fill(lines.join('\n'));
    await page.getByRole('button', { name: 'Kiểm tra và thêm vào danh sách' }).click();
    await poll(() => page.locator('[data-summary]').textContent()).toBe('5 mã hợp lệ, 4 mã bị từ chối.');
    const reasons = await page.locator('[data-rejected] tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.reason));
    expect(reasons).toEqual(['check', 'check', 'unknown-quiz', 'future-date']);
    // Identical lines are not refusals: their own table, counted once.
    expect(await page.locator('[data-duplicates] tbody tr').first().textContent()).toContain('Giống hệt dòng 1');
    expect(await page.locator('[data-summary-more]').getAttribute('data-duplicate-count')).toBe('2');
    expect(await page.locator('[data-summary-detail]').textContent()).toBe('Trong số mã hợp lệ: 0 đã dự buổi, 5 tự học, 0 của buổi khác.');
    expect(await page.locator('[data-accepted] tbody tr[data-status="self-study"]').count()).toBe(5);
    // By unit and quiz: unit, quiz, attended, self-study, other session, refused (duplicates not counted).
    const units = await page.locator('[data-units] tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    const [q1, q2, q3] = ['01-ke-hoach-83-kh-tu', '02-nghi-quyet-27-va-chuoi-van-ban', '03-ket-luan-52-phan-cong-dien-bien'].map((id) => titles[id]!);
    expect(units).toEqual([
      ['(không ghi đơn vị)', q1, '0', '1', '0', '0'],
      ['(không ghi đơn vị)', '(không rõ)', '0', '0', '0', '1'],
      ['Phường Him Lam', q1, '0', '1', '0', '0'],
      ['Phường Him Lam', q3, '0', '1', '0', '0'],
      ['Xã Mường Phăng', '(không rõ)', '0', '0', '0', '2'],
      ['Xã Nà Tấu', q1, '0', '0', '0', '1'],
      ['Xã Thanh Nưa, huyện Điện Biên', q1, '0', '1', '0', '0'],
      ['Xã Thanh Nưa, huyện Điện Biên', q2, '0', '1', '0', '0'],
    ]);

    // Export and read the CSV back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải danh sách (CSV)' }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8'));
    expect(rows[0]).toEqual(['Mã xác nhận', 'Họ tên', 'Đơn vị', 'Bài kiểm tra', 'Điểm (%)', 'Ngày hoàn thành', 'Trạng thái', 'Buổi học']);
    // Every line but the duplicates, in input order, with its status in words.
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[6]])).toEqual([
      [code, NAME, UNIT, 'tự học'],
      [a, 'Nguyễn Văn An', 'Xã Thanh Nưa, huyện Điện Biên', 'tự học'],
      [b, 'Quàng Thị Bích', 'Phường Him Lam', 'tự học'],
      [c, 'Lường Văn Cường', 'Phường Him Lam', 'tự học'],
      [d, '', '', 'tự học'],
      [typo(f), 'Lò Văn Phúc', 'Xã Mường Phăng', 'bị từ chối: Sai ký tự kiểm tra: có thể gõ nhầm hoặc đảo chỗ hai ký tự.'],
      [swapped, 'Điêu Thị Én', 'Xã Mường Phăng', 'bị từ chối: Sai ký tự kiểm tra: có thể gõ nhầm hoặc đảo chỗ hai ký tự.'],
      [lines[9], '', '', 'bị từ chối: Mã thuộc một bài kiểm tra không có trên trang.'],
      [lines[10]!.split('\t')[0], 'Tương Lai', 'Xã Nà Tấu', 'bị từ chối: Ngày hoàn thành nằm trong tương lai.'],
    ]);
    expect(rows[1]![4]).toBe('100');
    expect(rows[1]![5]).toBe('2026-11-27');

    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('merges another trainer\'s CSV, counting identical lines once', async () => {
    const { page, context } = await openPage(browser);
    const mk = (name: string, unit: string) => encodeFor({ quiz: 1, date: '2026-11-20', percent: 85, name, unit });
    const x = mk('Lò Văn Xuân', 'Xã Pá Khoang');
    const y = mk('Tòng Thị Yến', 'Xã Pá Khoang');
    await page.goto(siteUrl('giang-vien/'));
    await page.getByLabel('Mã xác nhận', { exact: true }).fill(`${x}\tLò Văn Xuân\tXã Pá Khoang`);
    await page.getByRole('button', { name: 'Kiểm tra và thêm vào danh sách' }).click();
    const other = `\uFEFFMã xác nhận,Họ tên,Đơn vị,Bài kiểm tra,Điểm (%),Ngày hoàn thành\r\n${x},Lò Văn Xuân,Xã Pá Khoang,Bài 1,85,2026-11-20\r\n${y},Tòng Thị Yến,Xã Pá Khoang,Bài 1,85,2026-11-20\r\n`;
    await page.locator('input[data-merge]').setInputFiles({ name: 'giang-vien-b.csv', mimeType: 'text/csv', buffer: Buffer.from(other, 'utf8') });
    await poll(() => page.locator('[data-summary]').textContent()).toBe('2 mã hợp lệ, 0 mã bị từ chối.');
    expect(await page.locator('[data-duplicates] tbody tr').first().textContent()).toContain('giang-vien-b.csv:2');
    // A hostile name in a pasted line is shown as text and refused (it does not match the code).
    await page.getByLabel('Mã xác nhận', { exact: true }).fill(`${x}\tLò Văn Xuân\tXã Pá Khoang\n${y}\t<img src=x onerror="document.title='hacked'">\tXã Pá Khoang`);
    await page.getByRole('button', { name: 'Kiểm tra và thêm vào danh sách' }).click();
    await poll(() => page.locator('[data-rejected] tbody tr[data-reason="holder-mismatch"]').count()).toBe(1);
    expect(await page.locator('[data-rejected] tbody').textContent()).toContain('<img src=x');
    expect(await page.locator('tt-roster img').count()).toBe(0);
    expect(await page.title()).not.toBe('hacked');
    // The roster survives a reload.
    await page.reload();
    await poll(() => page.locator('[data-summary]').textContent()).toBe('2 mã hợp lệ, 1 mã bị từ chối.');
    await context.close();
  });
});

describe('quiz page robustness', () => {
  it('without JavaScript shows every question with its answer in <details>', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(siteUrl(QUIZ));
    const items = page.locator('[data-static] .sq');
    expect(await items.count()).toBeGreaterThanOrEqual(15);
    const first = items.first();
    expect(await first.locator('details').getAttribute('open')).toBeNull();
    await first.locator('summary').click();
    expect(await first.locator('details').textContent()).toContain('Giải thích:');
    expect(await first.getByRole('link', { name: /Đọc lại đoạn này/ }).getAttribute('href')).toMatch(/#phan-dau$/);
    await context.close();
  });

  it('reports corrupted storage in Vietnamese and resets it', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('tt-kiem-tra', '{"v":1,"learner":');
        sessionStorage.setItem('seeded', '1');
      }
    });
    for (const path of [QUIZ, 'kiem-tra/tien-do/', 'kiem-tra/chung-nhan/']) {
      await page.goto(siteUrl(path));
      await poll(() => page.getByRole('alert').first().textContent()).toContain('bị hỏng');
    }
    await page.goto(siteUrl(QUIZ));
    await page.getByRole('button', { name: 'Xóa dữ liệu và bắt đầu lại' }).click();
    await poll(() => page.getByLabel('Họ và tên').isVisible()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('tt-kiem-tra'))).toBeNull();
    // Foreign data (another app's JSON) is reported too.
    await page.evaluate(() => localStorage.setItem('tt-kiem-tra', '{"theme":"dark"}'));
    await page.reload();
    await poll(() => page.getByRole('alert').first().textContent()).toContain('không phải của trang học tập');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('refuses hostile names with a Vietnamese message and never renders them as HTML', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl(QUIZ));
    const cases: [string, string, RegExp][] = [
      ['<img src=x onerror="document.title=1">', 'Xã A', /không được chứa ký tự < hoặc >/],
      ['a'.repeat(500), 'Xã A', /quá dài/],
      ['Mai 😀', 'Xã A', /chỉ được gồm chữ cái/],
      ['     ', 'Xã A', /Vui lòng nhập họ và tên/],
      ['Lò Thị Mai', '', /Vui lòng nhập đơn vị/],
    ];
    for (const [name, unit, message] of cases) {
      await fillLearner(page, name, unit);
      const errors = (await page.locator('.field__error').allTextContents()).join(' ');
      expect(errors).toMatch(message);
      expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    }
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await context.close();
  });

  it('is operable by keyboard alone', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl(QUIZ));
    await page.getByLabel('Họ và tên').focus();
    await page.keyboard.type('Lò Thị Mai');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Xã Thanh Nưa');
    await page.keyboard.press('Enter');
    await poll(() => page.getByRole('button', { name: 'Bắt đầu làm bài' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => document.activeElement?.className)).toBe('q-num');
    // Tab into the first option and choose it with the keyboard.
    await page.keyboard.press('Tab');
    const focusedType = await page.evaluate(() => (document.activeElement as HTMLInputElement).type);
    if (focusedType === 'radio') await page.keyboard.press('Space');
    else if (focusedType === 'checkbox') await page.keyboard.press('Space');
    else await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-count]').textContent()).toMatch(/Đã trả lời 1\//);
    expect(await page.locator('fieldset legend').count()).toBe(1);
    expect(await page.locator('[aria-live="polite"]').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('ships under 15 KB of gzipped JavaScript on the quiz page', async () => {
    const { page, context } = await openPage(browser);
    const scripts: Promise<Buffer>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.push(res.body());
    });
    await page.goto(siteUrl(QUIZ));
    await page.waitForLoadState('networkidle');
    const inline = await page.locator('script:not([src]):not([type="application/json"])').allTextContents();
    const bodies = [...(await Promise.all(scripts)), ...inline.map((s) => Buffer.from(s))];
    const gz = bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    console.log(`quiz page JavaScript: ${bodies.length} scripts, ${gz} bytes gzip`);
    expect(bodies.length).toBeGreaterThan(0);
    expect(gz).toBeLessThan(15_000);
    await context.close();
  });
});

/** Every bank in content/quizzes/, so a new study session's quiz gets the same checks as the first. */
const BANKS = readdirSync(`${process.env.CONTENT_DIR || 'content'}/quizzes`)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -5));

describe('every quiz bank', () => {
  for (const id of BANKS) {
    it(`${id}: without JavaScript lists every question with its explanation and a citation that lands on a provision`, async () => {
      const { page, context } = await openPage(browser, { javaScriptEnabled: false });
      await page.goto(siteUrl(`kiem-tra/${id}/`));
      const items = page.locator('[data-static] .sq');
      const count = await items.count();
      expect(count).toBeGreaterThanOrEqual(20);
      // The links sit inside closed <details>, out of the accessibility tree: found by text instead of role.
      const hrefs = await page.locator('[data-static] a', { hasText: 'Đọc lại đoạn này' }).evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length).toBe(count);
      expect(await page.locator('[data-static] details', { hasText: 'Giải thích:' }).count()).toBe(count);
      // Each cited page holds the cited anchor.
      const pages = new Map<string, string>();
      for (const h of hrefs) {
        const url = new URL(h);
        if (!pages.has(url.pathname)) pages.set(url.pathname, await (await fetch(url.origin + url.pathname)).text());
        expect(pages.get(url.pathname), h).toContain(`id="${url.hash.slice(1)}"`);
      }
      await context.close();
    });

    it(`${id}: an attempt answered rightly passes with a receipt code`, async () => {
      const { page, context, foreignRequests, consoleErrors } = await openPage(browser);
      await page.goto(siteUrl(`kiem-tra/${id}/`));
      const quiz = await quizData(page);
      expect(quiz.questions.length).toBeGreaterThanOrEqual(20);
      await fillLearner(page, NAME, UNIT);
      await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
      await takeAttempt(page, quiz, () => true);
      await poll(() => page.locator('.score').getAttribute('data-score')).toBe('100');
      expect(await page.locator('[data-code]').first().textContent()).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      await context.close();
    });
  }
});

describe('ordering questions and QR scanning', () => {
  it('reorders items by keyboard, keeps focus on the moved item and announces the move', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl(QUIZ));
    const quiz = await quizData(page);
    const ordering = quiz.questions.find((q) => q.type === 'ordering')!;
    if (ordering.type !== 'ordering') throw new Error('bank 1 has an ordering question');
    const shown = [...ordering.items.map((i) => i.id)].reverse();
    // A saved attempt whose first question is the ordering one, shown reversed.
    await page.evaluate(
      ({ quizId, qid, shown, others }) => {
        const attempt = { v: 1, quizId, seed: 1, startedAt: new Date().toISOString(), questionIds: [qid, ...others], optionOrder: { [qid]: shown }, answers: {}, current: 0, finishedAt: null };
        const q = JSON.parse(document.querySelector('script[data-json="quiz"]')!.textContent!);
        for (const o of others) {
          const def = q.questions.find((x: { id: string }) => x.id === o);
          attempt.optionOrder[o] = def.type === 'true-false' ? ['dung', 'sai'] : (def.options ?? def.items).map((x: { id: string }) => x.id);
        }
        localStorage.setItem('tt-kiem-tra', JSON.stringify({ v: 1, learner: { name: 'Lò Thị Mai', unit: 'Xã Thanh Nưa' }, history: [], completions: {}, inProgress: { [quizId]: attempt } }));
      },
      { quizId: quiz.id, qid: ordering.id, shown, others: quiz.questions.filter((q) => q.id !== ordering.id).slice(0, quiz.draw - 1).map((q) => q.id) },
    );
    await page.reload();
    await poll(() => page.locator('.order-list li').count()).toBe(ordering.items.length);
    const first = ordering.items[ordering.items.length - 1]!;
    // Move the first shown item down with the keyboard.
    await page.getByRole('button', { name: `Chuyển xuống: ${first.text}` }).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.order-list li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id))).toEqual([shown[1], shown[0], ...shown.slice(2)]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Chuyển xuống: ${first.text}`);
    await poll(() => page.locator('[data-live]').textContent()).toBe(`Đã chuyển “${first.text}” đến vị trí 2.`);
    const saved = await page.evaluate((id) => JSON.parse(localStorage.getItem('tt-kiem-tra')!).inProgress[id].answers, quiz.id);
    expect(saved[ordering.id]).toEqual([shown[1], shown[0], ...shown.slice(2)]);
    await context.close();
  });

  it('adds codes scanned from QR codes where the browser has BarcodeDetector', async () => {
    const { page, context } = await openPage(browser);
    const line = `${encodeFor({ quiz: 1, date: '2026-11-20', percent: 90, name: 'Lò Thị Mai', unit: 'Xã Thanh Nưa' })}\tLò Thị Mai\tXã Thanh Nưa`;
    // A camera and a detector that "see" one certificate's QR code.
    await page.addInitScript((value) => {
      const w = window as unknown as Record<string, unknown>;
      w.BarcodeDetector = class {
        async detect() {
          return [{ rawValue: value }];
        }
      };
      navigator.mediaDevices.getUserMedia = async () => {
        const canvas = document.createElement('canvas');
        canvas.width = 8;
        canvas.height = 8;
        canvas.getContext('2d')!.fillRect(0, 0, 8, 8);
        return canvas.captureStream(5);
      };
    }, line);
    await page.goto(siteUrl('giang-vien/'));
    await page.getByRole('button', { name: 'Quét mã QR bằng camera' }).click();
    await poll(() => page.locator('[data-accepted] tbody tr').count()).toBe(1);
    expect(await page.getByLabel('Mã xác nhận', { exact: true }).inputValue()).toBe(line);
    await page.getByRole('button', { name: 'Dừng quét' }).click();
    await poll(() => page.locator('video').isHidden()).toBe(true);
    await context.close();
  });
});
