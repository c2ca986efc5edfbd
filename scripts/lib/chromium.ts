/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), with the flags that keep
 * it from talking to anything but the page under test. Shared by the e2e tests and the benchmark.
 */
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Path of the system Chromium; override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a machine without a network. */
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
