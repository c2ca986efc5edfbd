/**
 * Launches Debian's Chromium through playwright-core (never a downloaded browser) and records
 * every request that leaves the site under test, so a test can assert there were none.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { chromiumArgs, chromiumPath, launchBrowser } from '../../../scripts/lib/chromium.ts';
import { inject } from 'vitest';

export { chromiumArgs, chromiumPath, launchBrowser };

/** The base URL of the served site, always ending in "/". */
export function siteUrl(path = ''): string {
  return inject('baseUrl') + path.replace(/^\//, '');
}

/** A page plus the list of foreign requests it made. */
export interface TrackedPage {
  context: BrowserContext;
  page: Page;
  foreignRequests: string[];
  consoleErrors: string[];
}

/** Opens a new context and page that record requests to any host other than the site's. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<TrackedPage> {
  const context = await browser.newContext({ locale: 'vi-VN', ...options });
  const page = await context.newPage();
  const origin = new URL(inject('baseUrl')).origin;
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
  return { context, page, foreignRequests, consoleErrors };
}
