/**
 * axe-core (WCAG 2.0/2.1 A and AA rules) on every page of the sitemap, in light and dark colour
 * schemes and at 360 px width. One test per page and mode so a failure names the page.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';
import { posterPaths, sitemapPaths } from './helpers/sitemap.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const paths = ['', ...sitemapPaths().filter((p) => p !== ''), ...posterPaths(), '404-khong-co-trang-nay/'];
const modes = [
  { name: 'light 1280', colorScheme: 'light' as const, width: 1280 },
  { name: 'dark 1280', colorScheme: 'dark' as const, width: 1280 },
  { name: 'light 360', colorScheme: 'light' as const, width: 360 },
  { name: 'dark 360', colorScheme: 'dark' as const, width: 360 },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(modes)('axe, $name', (mode) => {
  it.each(paths)('/%s has no WCAG 2.1 AA violations', async (path) => {
    // bypassCSP only lets the test inject axe; the CSP itself is tested in csp.test.ts.
    const { page, context } = await openPage(browser, {
      colorScheme: mode.colorScheme,
      viewport: { width: mode.width, height: 800 },
      bypassCSP: true,
      reducedMotion: 'reduce',
    });
    await page.goto(siteUrl(path), { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    const result = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    })) as { violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[] };
    const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(summary).toEqual([]);
    await context.close();
  });
});
