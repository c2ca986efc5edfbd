/**
 * Debian's Chromium for the benchmark, launched through playwright-core with the same flags as
 * the e2e tests (tests/e2e/helpers/browser.ts, which cannot be imported outside Vitest).
 */
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Path of the system Chromium; override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags that keep Chromium from talking to anything but the page under test. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/** Starts a headless browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}
