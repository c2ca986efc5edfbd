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

/** Waits until the page's deferred module scripts have run (at once when it has none). */
export async function scriptsReady(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('script[data-modules]') || document.documentElement.dataset.modules === 'ready', null, { timeout: 15_000 });
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
  // Module scripts start after the first paint (src/integrations/defer-modules.ts): a navigation that
  // waits for "load" also waits for them, as a user waits for the page before using it.
  for (const method of options.javaScriptEnabled === false ? [] : (['goto', 'reload'] as const)) {
    const raw = page[method].bind(page) as (...a: unknown[]) => ReturnType<Page['goto']>;
    (page as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      const res = await raw(...args);
      const opts = args.find((a) => typeof a === 'object' && a !== null) as { waitUntil?: string } | undefined;
      if (!opts?.waitUntil || opts.waitUntil === 'load' || opts.waitUntil === 'networkidle') await scriptsReady(page);
      return res;
    };
  }
  return { context, page, foreignRequests, consoleErrors };
}
