/**
 * Every page of the sitemap runs under its strict Content-Security-Policy with zero violations,
 * including after the first interactions that load more code (search box focus).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, siteUrl } from './helpers/browser.ts';
import { posterPaths, sitemapPaths } from './helpers/sitemap.ts';

const paths = ['', ...sitemapPaths().filter((p) => p !== ''), ...posterPaths()];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Content-Security-Policy', () => {
  it.each(paths)('/%s runs with zero CSP violations', async (path) => {
    const { page, context, consoleErrors } = await openPage(browser);
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(siteUrl(path), { waitUntil: 'networkidle' });
    const policy = await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
    expect(policy).toBeTruthy();
    expect(policy).not.toContain("'unsafe-inline'");
    // Focusing the header search loads the search code on demand: it must obey the policy too.
    const box = page.locator('#header-q');
    if (await box.count()) {
      await box.focus();
      await page.keyboard.type('dang');
      // The search code has loaded and answered (its own state, not a moment in time).
      await page.waitForFunction(() => (document.querySelector('tt-search-box [role="status"]')?.textContent ?? '').includes('«dang»'), null, { timeout: 15_000 });
    }
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(violations).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    await context.close();
  });
});
