import { launchBrowser } from '/work/main/scripts/lib/chromium.ts';
import { startStaticServer } from '/work/main/scripts/lib/static-server.ts';
const root = process.argv[2]!; const query = process.argv[3] ?? 'người đứng đầu';
const srv = await startStaticServer({ root, gzip: true, delayMs: 150 });
const browser = await launchBrowser();
for (let round = 0; round < Number(process.argv[4] ?? 1); round++) {
const ctx = await browser.newContext({ locale: 'vi-VN', viewport: { width: 412, height: 823 } });
const page = await ctx.newPage();
await page.goto(srv.url.replace(/\/$/, '') + '/van-ban/ke-hoach-83-kh-tu/', { waitUntil: 'load' });
await page.waitForLoadState('networkidle');
const t0 = await page.evaluate(() => performance.now());
await page.focus('#header-q');
await page.fill('#header-q', query);
await page.waitForFunction((q) => (document.querySelector('tt-search-box [role="status"]')?.textContent ?? '').includes(`«${q}»`) && document.querySelector('#header-q-list [role="option"][data-href*="/van-ban/"]') && ((window as any).__t1 ??= performance.now()), query, { polling: 'raf', timeout: 30000 });
const t1 = await page.evaluate(() => (window as any).__t1);
const timing = await page.evaluate((t0) => performance.getEntriesByType('resource').filter((e: any) => e.startTime >= t0).map((e: any) => `${Math.round(e.startTime - t0)}→${Math.round(e.responseEnd - t0)} ${e.name.replace(location.origin, '')}`), t0);
if (round === 0) console.log(timing.join('\n'));
console.log('results at', Math.round(t1 - t0), 'requests', timing.length);
await ctx.close();
}
await browser.close(); await srv.close();
