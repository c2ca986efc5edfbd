/**
 * The core journeys, written once and run in Chromium, Firefox ESR and WebKitGTK (tests/journeys/driver.ts):
 * read the plan and follow a TOC link; search with and without diacritics; run a deck by keyboard and by
 * hash; take a quiz to a pass and verify its code on the trainer page; save for offline and reopen pages
 * with the network off. The first describe title is the engine: scripts/test.ts tallies each engine apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startSiteServer } from './server.ts';
import type { SiteServer } from './server.ts';
import { engines, startDriver } from './driver.ts';
import type { Driver } from './driver.ts';
import { passQuiz, verifyOnTrainerPage } from './quiz.ts';
import { clickButton, clickLink, textOf, typeInto } from './steps.ts';

const dist = process.env.DIST_DIR || 'dist';
const basePath = process.env.BASE_PATH || '/';
const PLAN = 'van-ban/ke-hoach-83-kh-tu/';
const DECK = 'hoc-tap/01-ke-hoach-83-kh-tu/trinh-chieu/';

describe.each(engines)('%s', (engine) => {
  let d: Driver;
  const base = () => inject('baseUrl');
  beforeAll(async () => {
    d = await startDriver(engine);
  });
  afterAll(async () => {
    await d?.close();
  });

  it('reads the plan and follows a TOC link to its provision', async () => {
    await d.goto(base() + PLAN);
    expect(await textOf(d, 'main h1')).toContain('83-KH/TU');
    expect(await d.run(() => document.querySelector('[data-official-text]')?.textContent?.includes('Lò Văn Muôn'))).toBe(true);
    // On a narrow window (and on wide ones in browsers without ::details-content) the TOC is a closed
    // <details>: open it as a user would. "Closed" means the link cannot be hit where it is drawn.
    const closed = await d.run(() => {
      const a = document.querySelector('nav.toc a[href="#phan-ii-muc-3"]');
      if (!a || a.getClientRects().length === 0) return true;
      a.scrollIntoView({ block: 'center' });
      const r = a.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return !(hit && (hit === a || a.contains(hit)));
    });
    if (closed) await d.click('nav.toc summary');
    await clickLink(d, /^3\. Ngân sách/, 'nav.toc');
    await d.waitFor('hash #phan-ii-muc-3', () => location.hash === '#phan-ii-muc-3');
    // The provision is scrolled into view.
    const top = await d.waitFor('provision in view', () => {
      const r = document.getElementById('phan-ii-muc-3')?.getBoundingClientRect();
      return r && r.top >= -2 && r.top < innerHeight ? String(Math.round(r.top)) : '';
    });
    expect(Number(top)).toBeGreaterThanOrEqual(-2);
  });

  it('searches with and without diacritics, typing in the search page', async () => {
    const hrefs: string[] = [];
    for (const q of ['người đứng đầu', 'nguoi dung dau']) {
      await d.goto(base() + 'tim-kiem/');
      await typeInto(d, 'Tìm trong văn bản và tài liệu', q, 'tt-search-page');
      await d.press('Enter');
      await d.waitFor(`results for "${q}"`, () => document.querySelectorAll('.sr-result').length > 0);
      expect(await d.run(() => new URLSearchParams(location.search).get('q'))).toBe(q);
      const href = await d.run(() => document.querySelector('.sr-result .sr-title a')?.getAttribute('href') ?? '');
      expect(href, q).toMatch(/\/(van-ban|hoc-tap)\//);
      // Pagefind's highlighting marks the accented words even when the query had none.
      expect(await d.run(() => [...document.querySelectorAll('.sr-results mark')].map((m) => m.textContent).join(' ').toLowerCase())).toMatch(/đứng|đầu/);
      hrefs.push(href);
    }
    expect(hrefs[1]).toBe(hrefs[0]);
  });

  it('runs a deck by keyboard and by hash', async () => {
    await d.goto(base() + DECK + '#1');
    await d.waitFor('deck ready', () => document.querySelector('tt-deck[data-live]') !== null);
    const shown = () =>
      d.run(() => [...document.querySelectorAll('[data-deck-item]')].findIndex((i) => i.hasAttribute('aria-current')) + 1);
    const total = await d.run(() => document.querySelectorAll('[data-deck-item]').length);
    expect(await shown()).toBe(1);
    const steps: [Parameters<Driver['press']>[0], number][] = [['ArrowRight', 2], [' ', 3], ['ArrowLeft', 2], ['End', total], ['Home', 1]];
    for (const [key, n] of steps) {
      await d.press(key);
      await d.waitFor(`slide ${n} after ${key}`, (n: number) => location.hash === `#${n}`, n);
      expect(await shown(), key).toBe(n);
    }
    // A hash opens that slide, on load and when it changes.
    await d.goto(base() + DECK + '#5');
    await d.waitFor('slide 5 from the hash', () => document.querySelector('[data-deck-item][aria-current]') === document.querySelectorAll('[data-deck-item]')[4]);
    await d.run(() => void (location.hash = '#3'));
    await d.waitFor('slide 3 after a hash change', () => document.querySelectorAll('[data-deck-item]')[2]?.hasAttribute('aria-current'));
    expect(await textOf(d, '[data-counter]')).toBe(`3 / ${total}`);
  });

  it('takes a quiz to a pass and verifies its code on the trainer page', async () => {
    const name = 'Lò Thị Mai';
    const unit = 'Xã Thanh Nưa';
    const code = await passQuiz(d, base(), name, unit);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // "code; name; unit" (a tab would be typed as the Tab key and move the focus on).
    expect(await verifyOnTrainerPage(d, base(), `${code}; ${name}; ${unit}`)).toBe('1 mã hợp lệ, 0 mã bị từ chối.');
    expect(await textOf(d, '[data-accepted] tbody')).toContain(name);
  });

  describe('offline', () => {
    // Its own server, so "the network off" (the server gone) does not touch the other journeys.
    let server: SiteServer | undefined;
    afterAll(async () => {
      await server?.close();
    });

    it('saves the site for offline and reopens pages with the network off', async () => {
      server = await startSiteServer(dist, basePath);
      const url = server.url;
      await d.goto(url);
      await d.waitFor('a service worker controls the page', async () => {
        await navigator.serviceWorker.ready;
        return navigator.serviceWorker.controller !== null;
      });
      await clickButton(d, 'Lưu để đọc offline');
      const files = (JSON.parse(readFileSync(join(dist, 'offline-manifest.json'), 'utf8')) as { files: unknown[] }).files.length;
      await d.waitFor('saved', () => /^Đã lưu \d+ tệp/.test(document.querySelector('[data-role=status]')?.textContent?.trim() ?? ''));
      expect(await d.run(async () => (await (await caches.open('tt-saved')).keys()).length)).toBe(files);

      await server.close();
      server = undefined;
      for (const path of [PLAN, 'tim-kiem/?q=nguoi%20dung%20dau', DECK + '#2', 'kiem-tra/']) {
        await d.goto(url + path);
        expect(await textOf(d, 'main h1'), path).not.toBe('');
        await d.waitFor(`${path}: says it is the saved copy`, () => {
          const note = document.querySelector<HTMLElement>('.offline-note[data-kind="cache"]');
          return note !== null && !note.hidden;
        });
      }
      // Search runs from the saved index.
      await d.goto(url + 'tim-kiem/?q=nguoi%20dung%20dau');
      await d.waitFor('offline results', () => document.querySelectorAll('.sr-result').length > 0);
    });
  });
});
