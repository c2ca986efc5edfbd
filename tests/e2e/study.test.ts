/**
 * Study sessions beyond the deck: the reading page (outline, reading time, cited provisions, call
 * to the quiz, no speaker notes), the built Pagefind index (notes never found, body text found),
 * the presenter page kept out of search, and the handout (layouts, print CSS, cell-meeting kit).
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';
import { splitFrontMatter } from '../../scripts/validate-content.ts';
import { parseSession, readingBody } from '../../src/lib/slides/parse.ts';

interface Front {
  title: string;
  order: number;
  quiz: string;
  agenda: { title: string; minutes: number }[];
  discussion: string[];
}
const contentDir = process.env.CONTENT_DIR || 'content';
const sessions = readdirSync(`${contentDir}/study`)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const { data, body } = splitFrontMatter(readFileSync(`${contentDir}/study/${f}`, 'utf8'));
    return { id: f.replace(/\.mdx$/, ''), data: data as Front, body, parsed: parseSession(body) };
  });
const notesOf = (s: (typeof sessions)[number]) => s.parsed.slides.map((x) => x.notes).filter(Boolean);
/** A distinctive sentence of the notes (the first one), used as a search probe. */
const firstSentence = (text: string) => text.split(/(?<=[.!?:])\s/)[0]!.replace(/["“”]/g, '').trim();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('study reading pages', () => {
  it('lists the sessions on /hoc-tap/', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl('hoc-tap/'));
    for (const s of sessions) expect(await page.getByRole('link', { name: s.data.title }).count()).toBe(1);
    await context.close();
  });

  for (const s of sessions) {
    it(`${s.id}: outline, reading time, cited provisions, quiz call, no notes`, async () => {
      const { page, context, consoleErrors, foreignRequests } = await openPage(browser);
      await page.goto(siteUrl(`hoc-tap/${s.id}/`));
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(s.data.title);
      // Every outline link lands on an element of the page, including each ## / ### of the MDX.
      const targets = await page.locator('.study__outline a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
      for (const h of s.parsed.outline) expect(targets).toContain(h.id);
      for (const id of targets) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
      expect(await page.locator('[data-reading-time]').innerText()).toMatch(/khoảng \d+ phút/);
      // Cited provisions link to document pages with anchors.
      const cited = await page.locator('.study__cited a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(cited.length).toBeGreaterThan(3);
      for (const h of cited) expect(h).toMatch(/\/van-ban\/[a-z0-9-]+\/(#[a-z0-9-]+)?$/);
      // The clear call to the quiz.
      const cta = page.locator('[data-quiz-cta]');
      expect(await cta.getAttribute('href')).toMatch(new RegExp(`/kiem-tra/${s.data.quiz}/$`));
      // Slides appear as key-point boxes; notes do not appear at all.
      expect(await page.locator('.slide-box').count()).toBe(s.parsed.slides.length);
      const html = await page.content();
      for (const n of notesOf(s)) expect(html).not.toContain(n.slice(0, 50));
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      await context.close();
    });
  }

  it('keeps speaker notes out of the search index, while the reading text is found', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await page.goto(siteUrl(`hoc-tap/${sessions[0]!.id}/`));
    const base = new URL(siteUrl('')).pathname;
    // A string, not a function: the test runner would rewrite a dynamic import() inside a function.
    const search = (q: string): Promise<{ url: string; content: string }[]> =>
      page.evaluate(`(async () => {
        const pf = await import(${JSON.stringify(`${base}pagefind/pagefind.js`)});
        await pf.init?.();
        const r = await pf.search(${JSON.stringify(q)});
        const data = await Promise.all(r.results.slice(0, 20).map((x) => x.data()));
        return data.map((d) => ({ url: d.url, content: d.content.replace(/\\s+/g, ' ') }));
      })()`);
    let probes = 0;
    for (const s of sessions) {
      for (const n of notesOf(s).slice(0, 3)) {
        const sentence = firstSentence(n);
        // The probe is real: the notes are in the built presenter page (which is not indexed).
        const presenter = await (await fetch(siteUrl(`hoc-tap/${s.id}/nguoi-trinh-bay/`))).text();
        expect(presenter).toContain(n.slice(0, 40));
        const results = await search(sentence);
        for (const r of results) expect(r.content, `${r.url} must not hold notes: ${sentence}`).not.toContain(sentence.slice(0, 40));
        probes++;
      }
      // Control: a sentence of the reading body is found on the session's reading page.
      const para = readingBody(s.body).split('\n').find((l) => /^[A-ZĐÀ-Ỹ]/u.test(l) && l.length > 120 && !l.includes('['))!;
      const probe = firstSentence(para).slice(0, 60).replace(/\s+\S*$/, '');
      const found = await search(probe);
      expect(found.some((r) => r.url.includes(`/hoc-tap/${s.id}/`) && r.content.includes(probe.slice(0, 30))), probe).toBe(true);
      // Deck, presenter and handout pages are not indexed at all.
      expect(found.some((r) => /trinh-chieu|nguoi-trinh-bay|tai-lieu/.test(r.url))).toBe(false);
    }
    expect(probes).toBeGreaterThan(5);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

/** Result links of the search page for a query, best first, once the page says it has searched it. */
async function searchLinks(page: Page, q: string): Promise<string[]> {
  await page.goto(siteUrl(`tim-kiem/?q=${encodeURIComponent(q)}`));
  await page.waitForFunction((t) => (document.querySelector('.sp-status')?.textContent ?? '').includes(`«${t}»`), q, { timeout: 15_000 });
  return page.$$eval('.sr-result .sr-title a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe('study sessions in search', () => {
  /** A page of the session: its reading page, deck, presenter view, handout or quiz. */
  const ofSession = (id: string) => (path: string) => path.includes(`/hoc-tap/${id}/`) || path.includes(`/kiem-tra/${id}/`);

  it('finds every session by its number ("chuyen de n", typed without diacritics) among the first three results', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    for (const s of sessions) {
      const links = await searchLinks(page, `chuyen de ${s.data.order}`);
      expect(links.slice(0, 3).some(ofSession(s.id)), `chuyen de ${s.data.order}: ${links.slice(0, 3).join(', ')}`).toBe(true);
    }
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('finds the session on Nghị quyết 45-NQ/TW by its number and title, however typed', async () => {
    const s = sessions.find((x) => x.data.title.includes('45-NQ/TW'));
    expect(s, 'a session whose title names Nghị quyết 45-NQ/TW').toBeDefined();
    const { page, context, consoleErrors } = await openPage(browser);
    // Its number: the reading page itself comes first.
    for (const q of ['chuyen de 4', 'Chuyên đề 4']) {
      const links = await searchLinks(page, q);
      expect(links[0], q).toBe(new URL(siteUrl(`hoc-tap/${s!.id}/`)).pathname);
    }
    // The resolution it teaches: the document comes first, the session's pages right after, its reading page among the results.
    for (const q of ['nghi quyet 45', 'nq 45', 'Nghị quyết 45-NQ/TW']) {
      const links = await searchLinks(page, q);
      expect(links.slice(0, 3).some(ofSession(s!.id)), `${q}: ${links.slice(0, 3).join(', ')}`).toBe(true);
      expect(links.some((l) => l.endsWith(`/hoc-tap/${s!.id}/`)), `${q}: reading page in ${links.join(', ')}`).toBe(true);
    }
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('study handouts', () => {
  for (const s of sessions) {
    it(`${s.id}: slides with two layouts, agenda, questions and attendance sheet`, async () => {
      const { page, context, consoleErrors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
      await page.goto(siteUrl(`hoc-tap/${s.id}/tai-lieu/`));
      const slides = page.locator('.h-slide');
      expect(await slides.count()).toBeGreaterThan(s.parsed.slides.length);
      // Notes are hidden in the grid layout and shown in "one slide + notes" (CSS only).
      const notes = page.locator('.h-notes').first();
      expect(await notes.isVisible()).toBe(false);
      await page.getByLabel('1 trang chiếu kèm ghi chú trên một tờ A4').check();
      const withNotes = page.locator('.h-notes', { hasText: s.parsed.slides[0]!.notes.slice(0, 40) });
      expect(await withNotes.count()).toBe(1);
      expect(await withNotes.isVisible()).toBe(true);
      // Agenda rows and discussion questions come from the front matter.
      const agendaRows = page.locator('.kit__table').first().locator('tbody tr');
      expect(await agendaRows.count()).toBe(s.data.agenda.length);
      for (const q of s.data.discussion) expect(await page.locator('.kit__questions').innerText()).toContain(q);
      // Attendance sheet.
      const att = page.locator('.kit__table--att');
      expect(await att.locator('thead th').allInnerTexts()).toEqual(['STT', 'Họ và tên', 'Đơn vị', 'Ký tên']);
      expect(await att.locator('tbody tr').count()).toBeGreaterThanOrEqual(20);
      // Print CSS: A4, the kit and the attendance sheet each start a new sheet, tools hidden.
      await page.emulateMedia({ media: 'print' });
      const css = await page.evaluate(() => ({
        kit: getComputedStyle(document.querySelector('.kit')!).breakBefore,
        att: getComputedStyle(document.querySelector('.kit__attendance')!).breakBefore,
        tools: getComputedStyle(document.querySelector('.handout__tools')!).display,
        slide: getComputedStyle(document.querySelectorAll('.h-slide')[1]!).breakBefore,
      }));
      expect(css).toEqual({ kit: 'page', att: 'page', tools: 'none', slide: 'page' });
      const pdf = await page.pdf({ format: 'A4' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThan(s.parsed.slides.length); // one slide per sheet + kit
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }
});
