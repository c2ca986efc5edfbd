/**
 * QR posters in real Chromium: each document and study session has an A4 poster that prints on exactly
 * one page, whose QR codes decode (jsQR over a screenshot) to the right absolute URLs, kept out of
 * search engines and the search index, and linked from the page it advertises.
 */
import { siteConfig } from '../../src/site.config.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';

const site = siteConfig.url.replace(/\/$/, '');
const base = ('/' + (process.env.BASE_PATH || '/').replace(/^\/+|\/+$/g, '') + '/').replace('//', '/');
const root = `${site}${base}`;
const ids = (dir: string) => readdirSync(join('content', dir)).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4));
const quizOf = (id: string) => /^quiz:\s*"?([a-z0-9-]+)"?\s*$/m.exec(readFileSync(join('content', 'study', `${id}.mdx`), 'utf8'))![1]!;

const posters = [
  ...ids('documents').map((id) => ({ page: `van-ban/${id}/`, expected: [`${root}van-ban/${id}/`] })),
  ...ids('study').map((id) => ({ page: `hoc-tap/${id}/`, expected: [`${root}hoc-tap/${id}/`, `${root}kiem-tra/${quizOf(id)}/`] })),
];

/** Pages of a PDF: its page objects (not the /Pages tree node). */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('QR posters', () => {
  it('has one per document and study session', () => {
    expect(posters.length).toBeGreaterThanOrEqual(4);
  });

  it.each(posters)('$page poster prints on one A4 page and its codes decode to $expected', async ({ page: path, expected }) => {
    const { page, context, foreignRequests, consoleErrors } = await openPage(browser);
    await page.goto(siteUrl(`${path}ap-phich/`));
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    expect(await page.locator('[data-pagefind-body]').count()).toBe(0);
    expect(await page.locator('h1').innerText()).toBeTruthy();

    const codes = page.locator('.poster__qr');
    expect(await codes.count()).toBe(expected.length);
    const decoded: string[] = [];
    for (let i = 0; i < expected.length; i++) {
      const png = PNG.sync.read(await codes.nth(i).screenshot());
      const qr = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
      expect(qr, `code ${i} of ${path} did not decode`).toBeTruthy();
      decoded.push(qr!.data);
      // The printed short URL is the same address.
      expect(await page.locator('.poster__url').nth(i).innerText()).toBe(qr!.data.replace(/^https?:\/\//, '').replace(/\/$/, ''));
    }
    expect(decoded).toEqual(expected);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.poster-hint').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdfPages(pdf)).toBe(1);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it.each(posters)('$page links to its poster', async ({ page: path }) => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl(path));
    await page.getByRole('link', { name: 'In áp phích có mã QR' }).click();
    await expect.poll(() => page.url()).toBe(siteUrl(`${path}ap-phich/`));
    await context.close();
  });

  it('prints black on white', async () => {
    const { page, context } = await openPage(browser, { colorScheme: 'dark' });
    await page.goto(siteUrl(`${posters[0]!.page}ap-phich/`));
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const colors = await page.$eval('.poster', (el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    expect(colors).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    const fills = await page.$$eval('.poster__qr path', (ps) => ps.map((p) => p.getAttribute('stroke') ?? p.getAttribute('fill')));
    expect(new Set(fills)).toEqual(new Set(['#ffffff', '#000000']));
    await context.close();
  });
});
