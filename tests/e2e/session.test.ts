/**
 * Completion records bound to the attended study session, end to end in real Chromium with the
 * network off (a hall without network: the trainer's laptop, a learner's phone and a second trainer
 * device, each a separate browser context that saved the site for offline use first).
 * - The trainer opens a session in the presenter view; the QR (checked module by module against the
 *   link) appears there and on the audience deck's closing slide.
 * - A learner opens the session link, sees the session on the quiz page, passes, gets a 20-character code.
 * - The trainer's roster marks it "đã dự buổi"; a code computed with a changed secret (a copy of the
 *   algorithm) is refused with a reason; a self-study code is "tự học"; a code of another session
 *   is "buổi khác".
 * - The session moves to a second trainer device by pasting the transfer link, and verifies there.
 * Plus bad input: a malformed fragment, a corrupted session list, hostile unit names.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';
import { fillLearner, quizData, takeAttempt } from './helpers/quiz.ts';
import { decodeReceipt, encodeFor, encodeReceipt, encodeSessionReceipt, holderHash } from '../../src/lib/receipt/code.ts';
import { fromBase64Url, parseSessionLink } from '../../src/lib/receipt/session.ts';
import { vnDate } from '../../src/lib/quiz/attempts.ts';

const QUIZ = '01-ke-hoach-83-kh-tu';
const UNIT = 'Chi bộ bản Noong Bua, phường Noong Bua';
const LEARNER = { name: 'Lò Thị Mai', unit: 'Chi bộ bản Noong Bua' };
const poll = <T,>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });
const today = vnDate(new Date());
const ddmmyyyy = today.split('-').reverse().join('/');

let browser: Browser;
const contexts: BrowserContext[] = [];

/** A new "device": its own context, with the site saved for offline use, then the network off. */
async function offlineDevice(): Promise<{ page: Page; context: BrowserContext; consoleErrors: string[]; foreignRequests: string[] }> {
  const d = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  contexts.push(d.context);
  await d.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await d.page.goto(siteUrl(''));
  await d.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
  });
  const section = d.page.getByRole('region', { name: 'Lưu để đọc offline' });
  await section.getByRole('button', { name: 'Lưu để đọc offline' }).click();
  await expect.poll(() => section.getByRole('status').innerText(), { timeout: 60_000 }).toMatch(/^Đã lưu \d+ tệp/);
  await d.context.setOffline(true);
  return d;
}

/** The text a QR SVG drawn by src/components/quiz/qr.ts encodes: its dark modules must be exactly those of `text`. */
async function expectQrOf(page: Page, selector: string, text: string) {
  const d = await page.locator(selector).first().getAttribute('d');
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  let expected = '';
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (data[y * size + x]) expected += `M${x + 4} ${y + 4}h1v1h-1z`;
  expect(d).toBe(expected);
}

async function roster(page: Page, lines: string[]) {
  await page.goto(siteUrl('giang-vien/'));
  await page.getByLabel('Mã xác nhận', { exact: true }).fill(lines.join('\n'));
  await page.getByRole('button', { name: 'Kiểm tra và thêm vào danh sách' }).click();
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

describe('session-bound completion records, offline', () => {
  let learnerLine = '';
  let learnerCode = '';
  let link = '';
  let transfer = '';
  let transferFile = '';
  let trainer: Awaited<ReturnType<typeof offlineDevice>>;

  it('the trainer opens a session in the presenter view; its QR is shown there and on the closing slide', async () => {
    trainer = await offlineDevice();
    const { page } = trainer;
    await page.goto(siteUrl(`hoc-tap/${QUIZ}/nguoi-trinh-bay/`));
    await page.waitForSelector('tt-deck[data-live]');
    await page.getByRole('button', { name: 'Mở buổi học' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mở buổi học mới' });
    await poll(() => dialog.isVisible()).toBe(true);
    // Typing in the dialog is not slide navigation.
    await dialog.getByLabel('Đơn vị tổ chức').fill('<b>x</b>');
    await dialog.getByRole('button', { name: 'Mở buổi học và hiện mã QR' }).click();
    await poll(() => dialog.locator('.field__error').first().textContent()).toContain('không được chứa ký tự < hoặc >');
    await dialog.getByLabel('Đơn vị tổ chức').fill(UNIT);
    expect(await dialog.getByLabel('Ngày học').inputValue()).toBe(today);
    await dialog.getByRole('button', { name: 'Mở buổi học và hiện mã QR' }).click();
    const input = dialog.locator('input[data-link="learner"]');
    await poll(() => input.count()).toBe(1);
    link = await input.inputValue();
    expect(link.startsWith(siteUrl(`kiem-tra/${QUIZ}/#buoi=1&`))).toBe(true);
    const parsed = parseSessionLink(link);
    expect(parsed).toMatchObject({ ok: true, session: { quiz: QUIZ, unit: UNIT, date: today } });
    await expectQrOf(page, '.session-qr svg path', link);
    expect(await page.locator('[data-deck-item]').first().getAttribute('aria-current')).toBe('step'); // typing moved no slide

    // The audience deck on the same laptop (the projector window) shows the session QR on its closing slide.
    const deck = await page.context().newPage();
    await deck.goto(siteUrl(`hoc-tap/${QUIZ}/trinh-chieu/`));
    await deck.waitForSelector('tt-deck[data-live]');
    await deck.keyboard.press('End');
    const closing = deck.locator('[data-deck-item][aria-current] .slide--closing');
    await poll(() => closing.getAttribute('data-session')).toMatch(/^[0-9A-F]{4}$/);
    expect(await closing.locator('.slide__url').innerText()).toBe(`Buổi học ${UNIT}, ngày ${ddmmyyyy}`);
    expect(await closing.getByRole('img').getAttribute('aria-label')).toContain(UNIT);
    await expectQrOf(deck, '.slide--closing .slide__qr svg path', link);
    await deck.close();
    await page.keyboard.press('Escape');
  });

  it('a learner who opened the session link takes the quiz bound to that session and gets a 20-character code', async () => {
    const learner = await offlineDevice();
    const { page } = learner;
    await page.goto(link);
    await fillLearner(page, LEARNER.name, LEARNER.unit);
    const banner = page.locator('[data-session-mode="session"]');
    await poll(() => banner.count()).toBe(1);
    expect(await banner.innerText()).toContain(`Bạn đang làm bài cho buổi học: ${UNIT}, ngày ${ddmmyyyy}`);
    // The secret leaves the address bar once it is saved on the device.
    expect(new URL(page.url()).hash).toBe('');
    const quiz = await quizData(page);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await takeAttempt(page, quiz, () => true);
    await poll(() => page.locator('.score').getAttribute('data-score')).toBe('100');
    learnerCode = (await page.locator('[data-code]').first().textContent())!;
    expect(learnerCode).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
    expect(await page.locator('[data-code-kind]').first().innerText()).toContain(`buổi học ${UNIT}, ngày ${ddmmyyyy}`);
    // The certificate says which session, and copies the line the trainer pastes.
    await page.goto(siteUrl(`kiem-tra/chung-nhan/?bai=${QUIZ}`));
    await poll(() => page.locator('[data-f="code"]').textContent()).toBe(learnerCode);
    expect(await page.locator('[data-f="attended"]').textContent()).toBe(`Làm bài từ liên kết của buổi học ${UNIT}, ngày ${ddmmyyyy}`);
    await page.getByRole('button', { name: 'Sao chép mã' }).click();
    await poll(() => page.locator('[data-copy-status]').textContent()).toContain(learnerCode);
    learnerLine = await page.evaluate(() => navigator.clipboard.readText());
    expect(learnerLine).toBe(`${learnerCode}\t${LEARNER.name}\t${LEARNER.unit}`);
    expect(learner.consoleErrors).toEqual([]);
    expect(learner.foreignRequests).toEqual([]);
  });

  it('the trainer\'s roster: attended, forged (changed secret), self-study and another session, each with its status', async () => {
    const d = decodeReceipt(learnerCode);
    if (!d.ok || !d.receipt.session) throw new Error('not a session code');
    const { quiz, date, percent } = d.receipt;
    // A copy of the algorithm with the secret changed: the forger's best guess at home.
    const p = parseSessionLink(link);
    if (!p.ok) throw new Error(p.problem);
    const secret = fromBase64Url(p.session.key)!;
    const changed = secret.map((b, i) => (i === 0 ? b ^ 1 : b));
    const forged = await encodeSessionReceipt({ quiz, date, percent, holder: holderHash('Cà Văn Vắng', 'Chi bộ bản Noong Bua') }, { id: d.receipt.session.id, secret: changed });
    const selfStudy = encodeFor({ quiz: 1, date, percent: 90, name: 'Quàng Văn Nhà', unit: 'Xã Thanh Nưa' });
    const oldCode = encodeReceipt({ version: 1, quiz: 1, date, percent: 90, holder: holderHash('Tòng Văn Cũ', 'Xã Thanh Nưa') });
    const otherId = (d.receipt.session.id + 1) % 65536;
    const other = await encodeSessionReceipt({ quiz: 1, date, percent: 90, holder: holderHash('Lường Thị Khác', 'Xã Mường Phăng') }, { id: otherId, secret: new Uint8Array(16).fill(7) });
    const lines = [
      learnerLine,
      `${forged}\tCà Văn Vắng\tChi bộ bản Noong Bua`,
      `${selfStudy}\tQuàng Văn Nhà\tXã Thanh Nưa`,
      `${other}\tLường Thị Khác\tXã Mường Phăng`,
      `${oldCode}\tTòng Văn Cũ\tXã Thanh Nưa`,
    ];
    const { page } = trainer;
    await roster(page, lines);
    await poll(() => page.locator('[data-summary]').textContent()).toBe('4 mã hợp lệ, 1 mã bị từ chối.');
    expect(await page.locator('[data-summary-detail]').textContent()).toBe('Trong số mã hợp lệ: 1 đã dự buổi, 2 tự học, 1 của buổi khác.');
    const accepted = await page.locator('[data-accepted] tbody tr').evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.status, r.lastElementChild!.textContent]));
    expect(accepted).toEqual([
      ['attended', `đã dự buổi ${UNIT}, ngày ${ddmmyyyy}`],
      ['self-study', 'tự học'],
      ['other-session', `buổi khác (máy này không giữ buổi ${otherId.toString(16).toUpperCase().padStart(4, '0')})`],
      ['self-study', 'tự học'],
    ]);
    const rejected = page.locator('[data-rejected] tbody tr');
    expect(await rejected.getAttribute('data-reason')).toBe('bad-mac');
    expect(await rejected.innerText()).toContain('phần xác thực không khớp với khóa của buổi đó');
    // Summary by session held on this device.
    expect(await page.locator('[data-sessions] tbody tr').innerText()).toMatch(new RegExp(`${UNIT}.*\\t1$`));
    // The CSV carries the status in words.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải danh sách (CSV)' }).click()]);
    const text = await (await import('node:fs')).promises.readFile((await download.path())!, 'utf8');
    expect(text).toContain(`đã dự buổi ${UNIT}, ngày ${ddmmyyyy}`);
    expect(text).toContain('bị từ chối: Mã ghi là của buổi học');

    // The transfer link for the second device.
    await page.getByRole('button', { name: 'Chuyển sang máy khác' }).click();
    const input = page.locator('input[data-link="transfer"]');
    await poll(() => input.count()).toBe(1);
    transfer = await input.inputValue();
    expect(transfer.startsWith(siteUrl('giang-vien/#nhan=1&'))).toBe(true);
    await expectQrOf(page, '.session-qr svg path', transfer);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải tệp chuyển buổi học' }).click()]);
    transferFile = await (await import('node:fs')).promises.readFile((await file.path())!, 'utf8');
    expect(transferFile.trim()).toBe(transfer);
    expect(trainer.consoleErrors).toEqual([]);
    expect(trainer.foreignRequests).toEqual([]);
  });

  it('the session moves to a second trainer device by pasting the transfer link, and verifies there', async () => {
    const second = await offlineDevice();
    const { page } = second;
    // Before the transfer the learner's code belongs to a session this device does not hold.
    await roster(page, [learnerLine]);
    await poll(() => page.locator('[data-accepted] tbody tr').getAttribute('data-status')).toBe('other-session');
    await page.getByLabel('Dán liên kết chuyển buổi học (hoặc nội dung tệp)').fill(`Buổi học chuyển từ máy khác:\n${transfer}\n`);
    await page.getByRole('button', { name: 'Nhận buổi học' }).click();
    await poll(() => page.locator('[data-session-status]').innerText()).toContain(`Đã nhận buổi học ${UNIT}`);
    // The roster re-checks by itself.
    await poll(() => page.locator('[data-accepted] tbody tr').getAttribute('data-status')).toBe('attended');
    expect(await page.locator('.session-item').innerText()).toContain('nhận từ máy khác');
    // Pasting it again says so instead of doubling it.
    await page.getByRole('button', { name: 'Nhận buổi học' }).click();
    await poll(() => page.locator('[data-session-status]').innerText()).toContain('Máy này đã có buổi học');
    expect(await page.locator('.session-item').count()).toBe(1);
    // Removed, then brought back from the downloaded file instead.
    await page.locator('.session-item').getByRole('button', { name: 'Xóa buổi học' }).click();
    await page.locator('.session-item').getByRole('button', { name: 'Xóa buổi học' }).click();
    await poll(() => page.locator('[data-accepted] tbody tr').getAttribute('data-status')).toBe('other-session');
    await page.locator('input[data-import-file]').setInputFiles({ name: 'buoi-hoc.txt', mimeType: 'text/plain', buffer: Buffer.from(transferFile, 'utf8') });
    await poll(() => page.locator('[data-accepted] tbody tr').getAttribute('data-status')).toBe('attended');
    // Opening the transfer link itself imports it too (here: on a page that already has it).
    await page.goto(siteUrl('kiem-tra/')); // any other page, so the link is a fresh load, not a hash change
    await page.goto(transfer);
    await poll(() => page.locator('[data-session-status]').innerText()).toContain('Máy này đã có buổi học');
    expect(new URL(page.url()).hash).toBe('');
    expect(second.consoleErrors).toEqual([]);
  });
});

describe('bad input around sessions', () => {
  it('a malformed fragment, a link for another quiz, a corrupted session list and a hostile unit are handled in Vietnamese', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    contexts.push(context);
    await page.goto(siteUrl(`kiem-tra/${QUIZ}/#buoi=1&id=ZZZZ&k=abc`));
    await poll(() => page.locator('[data-join-problem]').innerText()).toContain('Liên kết buổi học không đọc được (thiếu hoặc sai mã buổi)');
    expect(await page.locator('[data-session-mode="self-study"]').count()).toBe(1);
    const other = `#buoi=1&id=00AA&k=${'A'.repeat(22)}&bai=03-ket-luan-52-phan-cong-dien-bien&ngay=2026-12-01&dv=Xa%20A`;
    await page.goto(siteUrl(`kiem-tra/${QUIZ}/${other}`));
    await page.reload();
    await poll(() => page.locator('[data-join-problem]').getAttribute('data-join-problem')).toBe('other-quiz');

    // Corrupted session list: the good entry survives, the broken ones are counted.
    await page.evaluate((q) => {
      const good = { id: 4242, key: 'AAECAwQFBgcICQoLDA0ODw', quiz: q, unit: 'Xã Thanh Nưa', date: '2026-11-30', openedAt: '2026-11-30T01:00:00Z', imported: false };
      localStorage.setItem('tt-buoi-hoc', JSON.stringify({ v: 1, sessions: [good, { id: 'x' }, { ...good, unit: '<script>' }], current: {} }));
    }, QUIZ);
    await page.goto(siteUrl('giang-vien/'));
    await poll(() => page.locator('[data-session-problem]').innerText()).toContain('2 buổi học lưu trên máy bị hỏng');
    expect(await page.locator('.session-item').count()).toBe(1);
    // Unreadable JSON: explained, kept aside, and reset on request.
    await page.evaluate(() => localStorage.setItem('tt-buoi-hoc', '{"v":1,"sessions":['));
    await page.reload();
    await poll(() => page.locator('[data-session-problem]').innerText()).toContain('bị hỏng nên không đọc được');
    await page.getByRole('button', { name: 'Xóa danh sách buổi học hỏng' }).click();
    await poll(() => page.evaluate(() => localStorage.getItem('tt-buoi-hoc-hong'))).toBe('{"v":1,"sessions":[');
    // Hostile and very long unit names are refused with a message, never rendered as HTML.
    for (const [unit, message] of [
      ['<img src=x onerror="document.title=1">', /không được chứa ký tự < hoặc >/],
      ['a'.repeat(500), /quá dài/],
      ['Chi bộ 😀', /chỉ được gồm chữ cái/],
    ] as const) {
      await page.getByLabel('Đơn vị tổ chức').fill(unit);
      await page.getByRole('button', { name: 'Mở buổi học và hiện mã QR' }).click();
      await poll(() => page.locator('tt-session .field__error').first().textContent()).toMatch(message);
    }
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // A pasted transfer text without a session, and one with a broken secret.
    await page.getByLabel('Dán liên kết chuyển buổi học (hoặc nội dung tệp)').fill('xin chào');
    await page.getByRole('button', { name: 'Nhận buổi học' }).click();
    await poll(() => page.locator('[data-session-status]').innerText()).toContain('không thấy liên kết buổi học');
    await page.getByLabel('Dán liên kết chuyển buổi học (hoặc nội dung tệp)').fill('#nhan=1&id=0001&k=xyz');
    await page.getByRole('button', { name: 'Nhận buổi học' }).click();
    await poll(() => page.locator('[data-session-status]').innerText()).toContain('thiếu hoặc sai khóa bí mật');
    expect(consoleErrors).toEqual([]);
  });

  it('over plain http (no Web Crypto) the quiz falls back to self-study and the trainer page says why', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    contexts.push(context);
    // What a non-secure origin looks like to the page: crypto.subtle is missing.
    await page.addInitScript(() => Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined }));
    const fragment = `#buoi=1&id=00AA&k=${'A'.repeat(22)}&bai=${QUIZ}&ngay=2026-12-01&dv=Xa%20A`;
    await page.goto(siteUrl(`kiem-tra/${QUIZ}/${fragment}`));
    await poll(() => page.locator('[data-session-mode="self-study"]').innerText()).toContain('kết nối không bảo mật');
    await page.goto(siteUrl('giang-vien/'));
    await page.getByLabel('Đơn vị tổ chức').fill('Xã A');
    await page.getByRole('button', { name: 'Mở buổi học và hiện mã QR' }).click();
    await poll(() => page.locator('[data-session-status]').innerText()).toContain('không mở hoặc kiểm tra được buổi học');
    expect(await page.locator('.session-item').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
