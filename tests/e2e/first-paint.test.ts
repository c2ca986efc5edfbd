/**
 * What the first-paint work (#11) must not cost, in Chromium on the built site:
 * - module scripts are requested only after the first contentful paint, and every custom
 *   element is still defined once they have run (`html[data-modules=ready]`, the page's one
 *   declared settled state: modules run and their first-state work done);
 * - the per-page pruned stylesheet (src/integrations/prune-css.ts) styles every element exactly
 *   as the stylesheet before pruning did: for one page of each distinct stylesheet, every
 *   computed style of every element (and its ::before/::after) is compared with the original
 *   CSS swapped in, on the same DOM after the page's scripts ran;
 * - the styles that arrive late (search suggestions, provision actions, listen mode) are there
 *   when their UI is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneDirFor } from '../../src/integrations/prune-css.ts';
import { launchBrowser, openPage, scriptsReady, siteUrl } from './helpers/browser.ts';

const PLAN = 'van-ban/ke-hoach-83-kh-tu/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function ready(page: Page) {
  await page.waitForSelector('html[data-modules="ready"]', { state: 'attached', timeout: 15_000 });
}

describe('module scripts after the first paint', () => {
  it('the plan page paints before any script is requested, then defines its elements', async () => {
    const { page, context, consoleErrors } = await openPage(browser);
    await page.goto(siteUrl(PLAN));
    await ready(page);
    const t = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e) => /\/_astro\/.*\.js$/.test(e.name))
        .map((e) => ({ name: e.name.replace(location.origin, ''), start: e.startTime }));
      return { fcp, scripts, defined: ['tt-search-box', 'tt-share', 'tt-provisions', 'tt-listen'].map((n) => !!customElements.get(n)) };
    });
    expect(t.fcp).not.toBeNull();
    expect(t.scripts.length).toBeGreaterThan(0);
    for (const s of t.scripts) expect(s.start, s.name).toBeGreaterThanOrEqual(t.fcp!);
    expect(t.defined).toEqual([true, true, true, true]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a search box focused before its script arrived still opens its suggestions', async () => {
    const { page, context } = await openPage(browser);
    await page.route(/\/_astro\/SearchBox[^/]*\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await page.goto(siteUrl(PLAN), { waitUntil: 'commit' });
    await page.focus('#header-q');
    await page.keyboard.type('tri thuc');
    await page.waitForSelector('#header-q-list [role="option"]', { timeout: 15_000 });
    // The suggestion list is styled by its late stylesheet: a positioned popup, not a bare list.
    expect(await page.$eval('.sb-popup', (el) => getComputedStyle(el).position)).toBe('absolute');
    await context.close();
  });

  it('the provision actions are styled by their late stylesheet once they exist', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(siteUrl(PLAN));
    await ready(page);
    await page.waitForSelector('.provision-tools button', { state: 'attached' });
    const s = await page.$eval('.provision-tools button', (b) => ({ h: getComputedStyle(b).minHeight, font: getComputedStyle(b).fontSize }));
    expect(s).toEqual({ h: '32px', font: '12.8px' });
    await context.close();
  });
});

/** Every computed style of every element in <body>, with its ::before and ::after. */
function snapshot(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const one = (cs: CSSStyleDeclaration) => {
      let s = '';
      for (let i = 0; i < cs.length; i++) s += `${cs[i]}:${cs.getPropertyValue(cs[i]!)};`;
      return s;
    };
    return [...document.querySelectorAll('body *')].map((el) => {
      const path = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className || ''}`;
      return `${path} ${one(getComputedStyle(el))} ::before ${one(getComputedStyle(el, '::before'))} ::after ${one(getComputedStyle(el, '::after'))}`;
    });
  });
}

const PRUNE_DIR = pruneDirFor(process.env.DIST_DIR || 'dist');

describe('per-page pruned CSS', () => {
  const map = join(PRUNE_DIR, 'pages.json');
  const pages = existsSync(map) ? (JSON.parse(readFileSync(map, 'utf8')) as Record<string, string[]>) : {};
  // One page per distinct original stylesheet: that covers every page type's bundle.
  const bySheet = new Map<string, string>();
  for (const [path, sheets] of Object.entries(pages)) if (!bySheet.has(sheets.join())) bySheet.set(sheets.join(), path);
  const cases = [...bySheet].map(([sheets, path]) => [path, sheets.split(',')] as const);

  it('the build kept the original stylesheets, and pruned at least the plan page', () => {
    expect(cases.length).toBeGreaterThan(5);
    expect(Object.keys(pages)).toContain(`/${PLAN}`);
  });

  it.each(cases)('%s looks exactly as with its whole stylesheet', async (path, sheets) => {
    const { page, context } = await openPage(browser, { bypassCSP: true, viewport: { width: 360, height: 800 } });
    await page.goto(siteUrl(path));
    // The page's declared settled state (a page without scripts has settled at load): the comparison
    // must see the page as it stays, not as it was a moment before something appeared (#19).
    await scriptsReady(page);
    const pruned = await snapshot(page);
    const originals = sheets.map((s) => readFileSync(join(PRUNE_DIR, s), 'utf8'));
    const swapped = await page.evaluate((css) => {
      const styles = [...document.querySelectorAll('style')];
      if (styles.length !== css.length) return false;
      styles.forEach((s, i) => (s.textContent = css[i]!));
      return true;
    }, originals);
    expect(swapped).toBe(true);
    const whole = await snapshot(page);
    expect(pruned.length).toBe(whole.length);
    const diff = pruned.flatMap((s, i) => (s === whole[i] ? [] : [`${s.slice(0, 80)}`]));
    expect(diff).toEqual([]);
    await context.close();
    // Every computed style of every element, twice: minutes on a long page when the machine is shared.
  }, 240_000);
});
