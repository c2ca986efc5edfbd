/**
 * Listen mode ("Nghe đọc") in real Chromium with a stubbed speech engine (page.addInitScript): it
 * is in the page from the first paint and, pressed on a device without a Vietnamese voice, says so; reads sections in order, highlighting
 * and scrolling to each; pauses, resumes, skips, changes speed; reads one section on request; never
 * reads site chrome, căn cứ lines or notes; is keyboard operable; its code loads only on first use.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';

const PLAN = 'van-ban/ke-hoach-83-kh-tu/';
const STUDY = 'hoc-tap/01-ke-hoach-83-kh-tu/';

/**
 * A fake speechSynthesis: records every utterance (text, lang, voice, rate), finishes the current one
 * when the test calls __tts.end(), and fires "canceled" errors on cancel() like Chromium does.
 * `langs` are the voices the device has; `late` delivers them only on voiceschanged.
 */
function stubSpeech({ langs, late }: { langs: string[]; late: boolean }) {
  type U = SpeechSynthesisUtterance;
  const spoken: { text: string; lang: string; voice: string | null; rate: number }[] = [];
  const queue: U[] = [];
  let voices = late ? [] : langs;
  const target = new EventTarget();
  const engine = Object.assign(target, {
    speaking: false,
    paused: false,
    pending: false,
    onvoiceschanged: null,
    getVoices: () => voices.map((lang, i) => ({ lang, name: `Giọng ${lang}`, voiceURI: `v${i}`, localService: true, default: i === 0 })),
    speak(u: U) {
      queue.push(u);
      spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.lang : null, rate: u.rate });
    },
    cancel() {
      const q = queue.splice(0);
      for (const u of q) u.onerror?.({ error: 'canceled' } as SpeechSynthesisErrorEvent);
    },
    pause() {},
    resume() {},
  });
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: engine });
  // The real class only accepts real SpeechSynthesisVoice objects as its voice.
  class FakeUtterance {
    text: string;
    lang = '';
    voice: SpeechSynthesisVoice | null = null;
    rate = 1;
    onend: ((e: SpeechSynthesisEvent) => void) | null = null;
    onerror: ((e: SpeechSynthesisErrorEvent) => void) | null = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, value: FakeUtterance });
  (window as unknown as { __tts: unknown }).__tts = {
    spoken,
    /** Finishes the utterance being spoken (the first queued). */
    end() {
      const u = queue.shift();
      u?.onend?.({} as SpeechSynthesisEvent);
      return !!u;
    },
    /** Delivers the voices, as a browser does some time after load. */
    arrive() {
      voices = langs;
      target.dispatchEvent(new Event('voiceschanged'));
    },
  };
}

type Spoken = { text: string; lang: string; voice: string | null; rate: number };
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __tts: { spoken: Spoken[] } }).__tts.spoken);
const endOne = (page: Page) => page.evaluate(() => (window as unknown as { __tts: { end(): boolean } }).__tts.end());
/** Finishes utterances until the one being read starts with `prefix` (or the reading stops). */
async function endUntil(page: Page, done: (s: Spoken[]) => boolean, max = 400) {
  for (let i = 0; i < max; i++) {
    if (done(await spoken(page))) return;
    if (!(await endOne(page))) return;
  }
}
const listening = (page: Page) => page.$$eval('[data-listening]', (els) => els.map((e) => e.id || e.closest('section')?.getAttribute('data-for') || e.tagName));
const status = (page: Page) => page.locator('tt-listen [role=status]').innerText();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('listen mode: availability', () => {
  it('is there from the first paint, and reads once the voices arrive when pressed before them', async () => {
    const { page, context } = await openPage(browser);
    await page.addInitScript(stubSpeech, { langs: ['en-US', 'vi-VN'], late: true });
    await page.goto(siteUrl(PLAN));
    const start = page.getByRole('button', { name: 'Nghe đọc', exact: true });
    expect(await start.isVisible()).toBe(true);
    await start.click();
    // Pressed before the device reported its voices: it waits for them (voiceschanged), then reads.
    await page.evaluate(() => (window as unknown as { __tts: { arrive(): void } }).__tts.arrive());
    await expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(0);
    expect(await page.locator('.listen__none').isVisible()).toBe(false);
    await context.close();
  });

  it('says there is no Vietnamese voice only when asked to read, and reads nothing', async () => {
    const { page, context } = await openPage(browser);
    await page.addInitScript(stubSpeech, { langs: ['en-US', 'fr-FR'], late: false });
    await page.goto(siteUrl(PLAN));
    const note = page.locator('.listen__none');
    expect(await note.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Nghe đọc', exact: true }).click();
    await expect.poll(() => note.isVisible(), { timeout: 6000 }).toBe(true);
    expect(await note.innerText()).toContain('giọng đọc tiếng Việt');
    expect(await spoken(page)).toEqual([]);
    expect(await page.locator('.listen-one').count()).toBe(0);
    await context.close();
  });

  it('shows nothing without JavaScript', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(siteUrl(PLAN));
    expect(await page.locator('tt-listen').count()).toBe(1);
    for (const sel of ['tt-listen button', '.listen__none', '.listen__bar']) {
      for (const el of await page.locator(sel).all()) expect(await el.isVisible(), sel).toBe(false);
    }
    await context.close();
  });

  it('loads the player only on first use', async () => {
    const { page, context } = await openPage(browser);
    await page.addInitScript(stubSpeech, { langs: ['vi-VN'], late: false });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(siteUrl(PLAN));
    await page.waitForLoadState('networkidle');
    expect(scripts.some((u) => /listen-player/.test(u))).toBe(false);
    await page.getByRole('button', { name: 'Nghe đọc', exact: true }).click();
    await expect.poll(() => scripts.some((u) => /listen-player/.test(u))).toBe(true);
    await context.close();
  });
});

describe('listen mode: reading the plan', () => {
  it('reads every provision in order with a vi-VN voice, highlighting and scrolling to each, never chrome or căn cứ', async () => {
    // Reduced motion: the player then scrolls at once, so the position can be checked right away.
    const { page, context, consoleErrors, foreignRequests } = await openPage(browser, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    await page.addInitScript(stubSpeech, { langs: ['en-US', 'vi-VN'], late: false });
    await page.goto(siteUrl(PLAN));
    const provisions = await page.$$eval('[data-official-text] [data-provision]', (els) => els.map((e) => e.id));
    await page.getByRole('button', { name: 'Nghe đọc', exact: true }).click();
    await expect.poll(() => spoken(page)).toHaveLength(1);
    expect(await listening(page)).toContain('phan-i');
    expect(await status(page)).toMatch(/^Đang đọc 1\/\d+: phần I/);

    const order: string[] = [];
    const seenScroll: boolean[] = [];
    for (let guard = 0; guard < 600; guard++) {
      const now = await page.$eval('[data-listening]', (e) => e.closest('section')?.getAttribute('data-for') ?? '').catch(() => '');
      if (!now) break;
      if (order[order.length - 1] !== now) {
        order.push(now);
        seenScroll.push(await page.$eval(`#${now}`, (h) => {
          const r = h.getBoundingClientRect();
          return r.top >= -2 && r.top < innerHeight;
        }));
      }
      if (!(await endOne(page))) break;
    }
    expect(order).toEqual(provisions);
    expect(seenScroll.every(Boolean)).toBe(true);
    await expect.poll(() => status(page)).toBe('Đã đọc xong.');
    expect(await page.locator('[data-listening]').count()).toBe(0);

    const all = await spoken(page);
    expect(all.every((u) => u.lang === 'vi-VN' && u.voice === 'vi-VN' && u.rate === 1)).toBe(true);
    const text = all.map((u) => u.text).join(' ');
    // Official words of the first and last provisions are read…
    expect(text).toContain('MỤC ĐÍCH, YÊU CẦU');
    expect(text).toContain('Ban Tuyên giáo Tỉnh ủy');
    // …but no site chrome, căn cứ line, or control.
    for (const chrome of ['Chép liên kết', 'Chép trích dẫn', 'Chia sẻ', 'Nghe đoạn này', 'Căn cứ:', 'Mục lục', 'Trí thức Điện Biên', 'Tìm kiếm', '#']) {
      expect(text, chrome).not.toContain(chrome);
    }
    // Nor the parts outside the provisions (recipients, signature block).
    expect(text).not.toContain('Nơi nhận');
    expect(all.every((u) => u.text.length <= 230)).toBe(true);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('pauses, resumes the same sentence, skips to the next provision and changes speed', async () => {
    const { page, context } = await openPage(browser);
    await page.addInitScript(stubSpeech, { langs: ['vi-VN'], late: false });
    await page.goto(siteUrl(PLAN));
    await page.getByRole('button', { name: 'Nghe đọc', exact: true }).click();
    await expect.poll(() => spoken(page)).toHaveLength(1);
    await endOne(page);
    await expect.poll(() => spoken(page)).toHaveLength(2);
    const second = (await spoken(page))[1]!.text;

    const bar = page.getByRole('group', { name: 'Điều khiển nghe đọc' });
    await bar.getByRole('button', { name: 'Tạm dừng' }).click();
    await expect.poll(() => status(page)).toBe('Đã tạm dừng: mục 1, phần I');
    expect(await endOne(page)).toBe(false); // nothing is being spoken
    expect(await bar.getByRole('button', { name: 'Tạm dừng' }).count()).toBe(0);
    await bar.getByRole('button', { name: 'Đọc tiếp' }).click();
    await expect.poll(() => spoken(page)).toHaveLength(3);
    expect((await spoken(page))[2]!.text).toBe(second);

    await bar.getByRole('button', { name: 'Đoạn sau' }).click();
    await expect.poll(() => status(page)).toMatch(/^Đang đọc 3\/\d+: mục 2, phần I$/);
    expect(await listening(page)).toContain('phan-i-muc-2');
    expect((await spoken(page)).at(-1)!.text).toBe('2. Yêu cầu.');

    await bar.getByLabel('Tốc độ').selectOption('1.5');
    await expect.poll(async () => (await spoken(page)).at(-1)!.rate).toBe(1.5);

    await bar.getByRole('button', { name: 'Dừng đọc' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page)).toBe('Đã dừng đọc.');
    // Focus goes back to "Nghe đọc", not to the page body.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Nghe đọc');
    expect(await bar.isVisible()).toBe(false);
    expect(await page.locator('[data-listening]').count()).toBe(0);
    await context.close();
  });

  it('reads one provision on request ("Nghe đoạn này"), from the keyboard', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.addInitScript(stubSpeech, { langs: ['vi-VN'], late: false });
    await page.goto(siteUrl(PLAN));
    const start = page.getByRole('button', { name: 'Nghe đọc', exact: true });
    expect(await page.locator('.listen-one').count()).toBe(0);
    await start.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => spoken(page)).toHaveLength(1);
    // Listen mode on: every provision offers "Nghe đoạn này".
    expect(await page.locator('.listen-one').count()).toBe(await page.locator('[data-official-text] [data-provision]').count());
    const one = page.getByRole('button', { name: 'Nghe đoạn này: mục 3, phần II', exact: true });
    await one.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => spoken(page)).toHaveLength(2);
    expect((await spoken(page))[1]!.text).toMatch(/^3\. Ngân sách/);
    expect(await listening(page)).toContain('phan-ii-muc-3');
    await endUntil(page, () => false);
    await expect.poll(() => status(page)).toBe('Đã đọc xong.');
    const text = (await spoken(page)).slice(1).map((u) => u.text).join(' ');
    expect(text).not.toMatch(/4\. Kiện toàn/);
    expect(await page.locator('[data-listening]').count()).toBe(0);
    await context.close();
  });
});

describe('listen mode: study page', () => {
  it('reads the session sections, skipping the cited-provisions list and the quiz box', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await page.addInitScript(stubSpeech, { langs: ['vi-VN'], late: false });
    await page.goto(siteUrl(STUDY));
    await page.getByRole('button', { name: 'Nghe đọc', exact: true }).click();
    await expect.poll(() => spoken(page)).not.toHaveLength(0);
    expect((await spoken(page))[0]!.text).toBe('Mục tiêu.');
    await endUntil(page, () => false);
    await expect.poll(() => status(page)).toBe('Đã đọc xong.');
    const text = (await spoken(page)).map((u) => u.text).join(' ');
    expect(text).toContain('Câu hỏi thảo luận');
    for (const chrome of ['Điều khoản được dẫn', 'Làm bài kiểm tra', 'Trình chiếu', 'Nghe đoạn này', 'Dàn bài']) expect(text, chrome).not.toContain(chrome);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
