/**
 * axe-core (WCAG 2.0/2.1 A and AA rules) on every page of the sitemap, at 1280 and 360 px width, in
 * light and dark colour schemes. One test per page and width so a failure names the page; within it
 * the page is loaded once and checked in both schemes (the site's colours are CSS only: no script
 * reads the scheme and nothing transitions, so switching the emulated scheme is the same page a dark
 * phone loads), and each violation says which scheme it was found in.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';
import { posterPaths, sitemapPaths } from './helpers/sitemap.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const paths = ['', ...sitemapPaths().filter((p) => p !== ''), ...posterPaths(), '404-khong-co-trang-nay/'];
const widths = [1280, 360];
const schemes = ['light', 'dark'] as const;

interface Violation {
  id: string;
  impact: string;
  nodes: { target: string[] }[];
}

/** The WCAG 2.1 A/AA violations axe finds on the page as it is now, one line each. */
async function violations(page: Page): Promise<string[]> {
  const result = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
  })) as { violations: Violation[] };
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(widths)('axe at %i px', (width) => {
  it.each(paths)('/%s has no WCAG 2.1 AA violations, light or dark', async (path) => {
    // bypassCSP only lets the test inject axe; the CSP itself is tested in csp.test.ts.
    const { page, context } = await openPage(browser, {
      colorScheme: schemes[0],
      viewport: { width, height: 800 },
      bypassCSP: true,
      reducedMotion: 'reduce',
    });
    await page.goto(siteUrl(path), { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    const found: string[] = [];
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      // The page must be in that scheme before axe reads its colours.
      expect(await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, scheme)).toBe(true);
      found.push(...(await violations(page)).map((v) => `${scheme}: ${v}`));
    }
    expect(found).toEqual([]);
    await context.close();
  });
});
