/**
 * One small driver layer over three automation libraries, so each journey is written once and runs in
 * every engine, all from Debian's packages:
 * - chromium: /usr/bin/chromium through playwright-core (CDP), the launcher the e2e suite uses;
 * - firefox:  /usr/bin/firefox-esr through puppeteer-core over WebDriver BiDi (no geckodriver);
 * - webkit:   WebKitWebDriver driving WebKitGTK's MiniBrowser through selenium-webdriver, on a virtual
 *             display from xvfb-run.
 * The interface is deliberately tiny (navigate, run a function in the page, click, type, press a key): real
 * input goes through each engine's own input path; everything else is read with `run`.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { miniBrowserPath } from '../../scripts/lib/browsers.ts';
import { freePort } from '../../scripts/lib/ports.ts';

export type Engine = 'chromium' | 'firefox' | 'webkit';
export const engines: Engine[] = ['chromium', 'firefox', 'webkit'];

/** Keys the journeys press; names as in the W3C/Playwright key tables. */
export type Key = 'ArrowRight' | 'ArrowLeft' | 'Home' | 'End' | 'Enter' | 'Escape' | 'Tab' | 'PageDown' | ' ';

export interface Driver {
  engine: Engine;
  /** Loads a URL and waits for its load event and for its scripts, which start after the first paint. */
  goto(url: string): Promise<void>;
  /** Runs `fn(...args)` in the page (awaiting a returned promise) and returns its JSON-able result. */
  run<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  /** A real click on the first element matching `css`. */
  click(css: string): Promise<void>;
  /** Focuses the element and types `text` with real key events. */
  type(css: string, text: string): Promise<void>;
  /** Presses a key in the focused element (or the page). */
  press(key: Key): Promise<void>;
  /** Polls `fn` in the page until it returns a truthy value; fails with `message` after `timeout` ms. */
  waitFor<T, A extends unknown[]>(message: string, fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  /** PNG of the window, for looking at what an engine shows. */
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

// Generous: two suites on a loaded 2-core machine slow every step; a wait only takes this long when it fails.
const TIMEOUT = 45_000;

/**
 * The page-side source of `fn(...args)` as one expression. Vitest's transform may wrap named functions in
 * `__name(…)` (esbuild keepNames), which does not exist in the page: define it locally.
 */
function expression(fn: (...a: never[]) => unknown, args: unknown[]): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(...${JSON.stringify(args)}); })()`;
}

function poller(run: Driver['run']): Driver['waitFor'] {
  return async (message, fn, ...args) => {
    const end = Date.now() + TIMEOUT;
    let last: unknown;
    for (;;) {
      try {
        const v = await run(fn, ...args);
        if (v) return v;
        last = v;
      } catch (err) {
        // A navigation in progress destroys the context: try again.
        last = err;
      }
      if (Date.now() > end) throw new Error(`timed out waiting for: ${message} (last: ${String(last)})`);
      await new Promise((r) => setTimeout(r, 150));
    }
  };
}

async function chromiumDriver(): Promise<Driver> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  const run: Driver['run'] = (fn, ...args) => page.evaluate(expression(fn as never, args));
  return {
    engine: 'chromium',
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    run,
    click: (css) => page.locator(css).first().click(),
    type: (css, text) => page.locator(css).first().pressSequentially(text),
    press: (key) => page.keyboard.press(key === ' ' ? 'Space' : key),
    waitFor: poller(run),
    screenshot: () => page.screenshot(),
    close: () => browser.close(),
  };
}

async function firefoxDriver(): Promise<Driver> {
  const puppeteer = (await import('puppeteer-core')).default;
  const profile = mkdtempSync(join(tmpdir(), 'tt-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      'intl.accept_languages': 'vi-VN, vi',
      // Keep the browser to the page under test.
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const run: Driver['run'] = (fn, ...args) => page.evaluate(expression(fn as never, args)) as never;
  return {
    engine: 'firefox',
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    run,
    click: async (css) => {
      await page.waitForSelector(css, { visible: true, timeout: TIMEOUT });
      await page.click(css);
    },
    type: async (css, text) => {
      await page.waitForSelector(css, { visible: true, timeout: TIMEOUT });
      await page.type(css, text);
    },
    press: (key) => page.keyboard.press(key),
    waitFor: poller(run),
    screenshot: async () => Buffer.from(await page.screenshot()),
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function webkitDriver(): Promise<Driver> {
  const { Builder, By, Key: SKey, until } = await import('selenium-webdriver');
  const port = await freePort();
  // xvfb-run gives WebKitWebDriver (and the MiniBrowser it starts) a virtual display; -a picks a free one.
  const server: ChildProcess = spawn('xvfb-run', ['-a', process.env.WEBKITWEBDRIVER_PATH || 'WebKitWebDriver', `--port=${port}`], {
    stdio: 'ignore',
    detached: true,
  });
  const stopServer = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  try {
    const url = `http://127.0.0.1:${port}`;
    const end = Date.now() + TIMEOUT;
    while (!(await fetch(`${url}/status`).then((r) => r.ok, () => false))) {
      if (Date.now() > end) throw new Error('WebKitWebDriver did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
      })
      .build();
    await driver.manage().setTimeouts({ pageLoad: TIMEOUT, script: TIMEOUT });
    const keys: Record<Key, string> = {
      ArrowRight: SKey.ARROW_RIGHT,
      ArrowLeft: SKey.ARROW_LEFT,
      Home: SKey.HOME,
      End: SKey.END,
      Enter: SKey.ENTER,
      Escape: SKey.ESCAPE,
      Tab: SKey.TAB,
      PageDown: SKey.PAGE_DOWN,
      ' ': SKey.SPACE,
    };
    const run: Driver['run'] = (fn, ...args) => driver.executeScript(`return ${expression(fn as never, args)};`) as never;
    // No isDisplayed() wait: Selenium's visibility atom counts everything inside a closed <details> as hidden,
    // while the TOC shows it on wide screens with ::details-content. The steps check visibility from layout.
    const find = (css: string) => driver.wait(until.elementLocated(By.css(css)), TIMEOUT);
    return {
      engine: 'webkit',
      // WebKitWebDriver may return from a first navigation at "interactive": wait for the load event like the others.
      goto: async (u) => {
        await driver.get(u);
        await driver.wait(async () => (await driver.executeScript('return document.readyState')) === 'complete', TIMEOUT);
      },
      run,
      click: async (css) => (await find(css)).click(),
      type: async (css, text) => (await find(css)).sendKeys(text),
      press: (key) => driver.actions().sendKeys(keys[key]).perform(),
      waitFor: poller(run),
      screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
      close: async () => {
        await driver.quit().catch(() => {});
        stopServer();
      },
    };
  } catch (err) {
    stopServer();
    throw err;
  }
}

/** Starts the engine and opens one page. */
export async function startDriver(engine: Engine): Promise<Driver> {
  const d = await (engine === 'chromium' ? chromiumDriver() : engine === 'firefox' ? firefoxDriver() : webkitDriver());
  const load = d.goto;
  // A user who taps before a page's scripts have run gets the no-JavaScript page; the journeys act as
  // a user who waits for the page (src/integrations/defer-modules.ts marks <html data-modules="ready">).
  d.goto = async (url) => {
    await load(url);
    await d.waitFor('the page scripts to run', () => !document.querySelector('script[data-modules]') || document.documentElement.getAttribute('data-modules') === 'ready');
  };
  return d;
}
