/** Debian's Chromium for the benchmark: the same launcher and flags as the e2e tests. */
export { chromiumArgs, chromiumPath, launchBrowser } from '../lib/chromium.ts';
